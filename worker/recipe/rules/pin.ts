import type { Reason } from '../../../common/types.js';
import { ruleReason } from '../explain.js';

/** A kept item the recipe pins. `entry` is the caller's index for the item. */
export interface PinRequest {
  readonly entry: number;
  readonly position: number;
  readonly originalIndex: number;
}

/** The layout of pinned items: `slots[position]` is an entry or -1, plus a reason per pinned entry. */
export interface PinLayout {
  readonly slots: Int32Array;
  readonly reasons: ReadonlyMap<number, Reason>;
}

function nearestFree(slots: Int32Array, wanted: number): number {
  for (let p = wanted; p < slots.length; p++) if (slots[p] === -1) return p;
  for (let p = wanted - 1; p >= 0; p--) if (slots[p] === -1) return p;
  return -1;
}

/**
 * Places pins on a list of `length` kept items. Conflicts, resolved the same way every time:
 * a position past the end means the last free position; two pins on one position go by page order, the
 * later one taking the next free position after it (or the nearest before, at the end of the list).
 */
export function layoutPins(requests: readonly PinRequest[], length: number): PinLayout {
  const slots = new Int32Array(length).fill(-1);
  const reasons = new Map<number, Reason>();
  const ordered = [...requests].sort((a, b) => a.position - b.position || a.originalIndex - b.originalIndex);
  for (const request of ordered) {
    const position = nearestFree(slots, Math.min(request.position, length - 1));
    if (position === -1) break;
    slots[position] = request.entry;
    const text =
      position === request.position
        ? `pinned at position ${position}`
        : `pinned: asked for position ${request.position}, placed at ${position} (${request.position >= length ? 'list too short' : 'position taken by another pin'})`;
    reasons.set(request.entry, ruleReason('pin', text, position));
  }
  return { slots, reasons };
}
