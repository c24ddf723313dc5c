import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../worker/engine.js';
import type { InklingEvent } from '../../../common/types.js';

describe('export() in memory mode', () => {
  it('lists each stored event once (issue 19: the memory store was read as both "this visit" and "earlier")', async () => {
    const engine = createEngine({ storage: 'memory', now: () => 1_000_000 });
    const events: InklingEvent[] = [
      { type: 'view', itemId: 'a', time: 999_000 },
      { type: 'click', itemId: 'b', time: 999_500 },
    ];
    await engine.ingest(events);
    const exported = await engine.export();
    expect(exported.events.map((e) => `${e.type}:${e.itemId}`)).toEqual(['view:a', 'click:b']);
    await engine.close();
  });
});
