import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../worker/engine.js';
import type { Engine, EngineConfig } from '../../../common/protocol.js';
import { createInklingWith, type InklingOptions } from '../../../src/inkling.js';
import { resolveMode } from '../../../src/privacy.js';

/** An Inkling on an in-memory engine; `configs` records what reached the engine, `errors` what the site heard. */
function setUp(options: Record<string, unknown> = {}) {
  const errors: string[] = [];
  const configs: EngineConfig[] = [];
  const engine = createEngine({ storage: 'memory', learn: false });
  const spy: Engine = { ...engine, configure: (config) => (configs.push(config), engine.configure(config)) };
  const inkling = createInklingWith(
    { signals: {}, ...options, onError: (error) => errors.push(error.message) } as InklingOptions,
    {
      loadInThread: async () => spy,
    },
  );
  return { inkling, errors, configs };
}
const ITEMS = [{ id: 'a' }, { id: 'b' }];

describe('options fail closed, with an error naming the option and what it accepts', () => {
  it('an unreadable consent counts as denied', () => {
    const { inkling, errors } = setUp({ consent: 'DENIED' });
    expect(inkling.mode).toBe('off');
    expect(errors).toEqual(['"DENIED" is not accepted (accepted: "granted", "denied", "unknown"); counts as "denied"']);
  });

  it('an unreadable mode counts as session (persist nothing), or stricter when the signals ask', () => {
    expect(setUp({ mode: 'Full' }).inkling.mode).toBe('session');
    expect(setUp({ mode: 'bogus', consent: 'denied' }).inkling.mode).toBe('off');
    expect(setUp({ mode: 'Full' }).errors[0]).toMatch(/^"Full" is not accepted \(accepted: "full", "session", "off"\)/);
    expect(resolveMode({ modeFloor: 'session' }, 'granted', {})).toBe('session');
  });

  it('a retention outside 1-3650 days falls back to the default', async () => {
    for (const retentionDays of [-1, 0, 9999, Number.NaN]) {
      const { inkling, errors, configs } = setUp({ retentionDays });
      await inkling.rank(ITEMS, { slot: 's' });
      expect(configs[0]!.retentionDays).toBeUndefined();
      expect(errors[0]).toMatch(/is not accepted \(accepted: days from 1 to 3650\); the default applies$/);
    }
  });

  it('names an unknown option and every other unreadable one', () => {
    const { errors } = setUp({ consnet: 'denied', requireConsent: 'yes', recipes: [] });
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^unknown option \(accepted: mode, gpcMode, deniedMode, consent/);
    expect(setUp({ requireConsent: 'yes' }).inkling.mode).toBe('off');
  });
});

describe('misuse of the API gets clear errors', () => {
  it('rank(null) keeps the (empty) original order and says why', async () => {
    const { inkling, errors } = setUp();
    const ranking = await inkling.rank(null as never, { slot: 's' });
    expect(ranking.items).toEqual([]);
    expect(errors).toEqual(['items: null is not accepted (accepted: an array)']);
  });

  it('rank(items) without a slot reports it and keeps the order', async () => {
    const { inkling, errors } = setUp();
    const ranking = await inkling.rank(ITEMS, undefined as never);
    expect(ranking.items.map((entry) => entry.item.id)).toEqual(['a', 'b']);
    expect(errors).toEqual(['options.slot: undefined is not accepted (accepted: a non-empty string)']);
    await inkling.rank([{ id: Symbol('x') as never }], { slot: 's' });
    expect(errors[1]).toBe('items[0].id: Symbol(x) is not accepted (accepted: a string or a number)');
  });

  it('setConsent, pause and on reject what they cannot read (privacy switches fail closed)', () => {
    const { inkling, errors } = setUp();
    inkling.setConsent('yes' as never);
    expect(inkling.mode).toBe('off');
    inkling.setConsent('granted');
    expect(inkling.mode).toBe('full');
    inkling.pause('yes' as never);
    expect(inkling.mode).toBe('off');
    const stop = inkling.on('nope' as never, () => undefined);
    expect(typeof stop).toBe('function');
    expect(errors).toEqual([
      'state: "yes" is not accepted (accepted: "granted", "denied", "unknown")',
      'paused: "yes" is not accepted (accepted: a boolean)',
      'type: "nope" is not accepted (accepted: "ranked", "mode", "error", "forget")',
    ]);
  });

  it('track() errors read with one prefix', () => {
    const lines: string[] = [];
    const original = console.error;
    console.error = (line: string) => void lines.push(line);
    try {
      setUp().inkling.track({ type: 'hover', itemId: 'a' } as never);
    } finally {
      console.error = original;
    }
    expect(lines).toEqual(['[inkling] track: unknown event type "hover"']);
  });

  it("engine.rank takes the page API's shape too", async () => {
    const engine = createEngine({ storage: 'memory', learn: false });
    const fromItems = await engine.rank(ITEMS, { slot: 's' });
    const fromRequest = await engine.rank({ slot: 's', items: ITEMS });
    expect(fromItems.items.map((entry) => entry.item.id)).toEqual(fromRequest.items.map((entry) => entry.item.id));
    await expect(engine.rank(ITEMS, {} as never)).rejects.toThrow(/needs a slot/);
  });
});
