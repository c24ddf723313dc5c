import type { QualityDataset, ReplayStep } from './types.js';

/**
 * The dataset reduced to what the report scores: the `late` lists of the visitors who have one (their
 * events all kept, early lists dropped). When more than `maxLists` late lists remain, whole visitors
 * are kept by a fixed stride (every k-th in the loader's order), so the cut is deterministic and the
 * kept visitors' histories stay whole.
 */
export function lateOnly(dataset: QualityDataset, maxLists: number): QualityDataset {
  const withLate = dataset.visitors
    .map((v) => ({
      visitorId: v.visitorId,
      steps: v.steps.filter((s) => s.kind === 'event' || s.task.split === 'late') as ReplayStep[],
    }))
    .filter((v) => v.steps.some((s) => s.kind === 'rank'));
  const count = withLate.reduce((n, v) => n + v.steps.filter((s) => s.kind === 'rank').length, 0);
  const stride = Math.max(1, Math.ceil(count / Math.max(1, maxLists)));
  return { ...dataset, visitors: withLate.filter((_, i) => i % stride === 0) };
}
