import type { CapRule, Reason, RotationRule } from '../../../common/types.js';
import { parseDuration } from '../duration.js';
import { formatNumber, formatSpan, plural, ruleReason } from '../explain.js';
import { type ItemRecord, shownWithoutClick } from '../../state/item-record.js';

/** A frequency cap ready to check: impressions after `since` count. */
export interface CompiledCap {
  readonly since: number;
  readonly limit: number;
  readonly mode: 'drop' | 'sink';
  readonly within: string;
}

/** How long a shown item takes to recover when a rotation names no window. */
export const DEFAULT_ROTATION_WINDOW = '1d';

/** Parses the cap's window once per ranking. */
export function compileCap(cap: CapRule | undefined, now: number): CompiledCap | undefined {
  if (cap === undefined) return undefined;
  return {
    since: now - parseDuration(cap.within),
    limit: cap.impressionsWithoutClick,
    mode: cap.mode ?? 'sink',
    within: cap.within,
  };
}

/** Why an item is capped (shown `limit` times or more since its last click, within the window), or `undefined`. */
export function capReason(record: ItemRecord | undefined, cap: CompiledCap): Reason | undefined {
  const shown = shownWithoutClick(record, cap.since);
  if (shown < cap.limit) return undefined;
  const outcome = cap.mode === 'drop' ? 'removed' : 'moved to the end';
  return ruleReason(
    'cap',
    `capped: shown ${plural(shown, 'time')} without a click in ${cap.within}, ${outcome}`,
    shown,
  );
}

/** A rotation ready to apply. */
export interface CompiledRotation {
  readonly rate: number;
  readonly windowMs: number;
}

/** Parses the rotation's window once per ranking; a zero rate compiles to nothing. */
export function compileRotation(rotation: RotationRule | undefined): CompiledRotation | undefined {
  if (rotation === undefined || rotation.rate === 0) return undefined;
  return { rate: rotation.rate, windowMs: parseDuration(rotation.within ?? DEFAULT_ROTATION_WINDOW) };
}

/**
 * The score multiplier for an item shown recently: `1 - rate` just after it was shown, recovering linearly
 * to 1 over the window. Returns `undefined` when the item is unaffected.
 */
export function rotationFactor(
  record: ItemRecord | undefined,
  rotation: CompiledRotation,
  now: number,
): { factor: number; reason: Reason } | undefined {
  const shown = record === undefined ? undefined : record.shown[record.shown.length - 1];
  if (shown === undefined) return undefined;
  const ago = Math.max(0, now - shown);
  if (ago >= rotation.windowMs) return undefined;
  const factor = 1 - rotation.rate * (1 - ago / rotation.windowMs);
  const when = ago < 1_000 ? 'just now' : `${formatSpan(ago)} ago`;
  return { factor, reason: ruleReason('rotation', `rotated: shown ${when}, score x${formatNumber(factor)}`, factor) };
}
