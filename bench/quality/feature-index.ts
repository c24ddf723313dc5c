import { FEATURE_NAMES, type FeatureName } from '../../worker/features.js';

/** A feature's column, by name, for bench code and tests that read rows (the engine names its own). */
export const FEATURE_INDEX: Readonly<Record<FeatureName, number>> = Object.fromEntries(
  FEATURE_NAMES.map((name, i) => [name, i]),
) as Record<FeatureName, number>;
