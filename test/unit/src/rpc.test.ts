import { describe, expect, it } from 'vitest';
import { expose as comlinkExpose } from 'comlink';
import { DEADLINE_ERROR, remote } from '../../../src/rpc.js';
import { expose as workerExpose } from '../../../worker/expose.js';

type Expose = (target: object, port: MessagePort) => void;
const exposes: [string, Expose][] = [
  ['comlink.expose', (target, port) => comlinkExpose(target, port as unknown as Parameters<typeof comlinkExpose>[1])],
  ['the worker expose', (target, port) => workerExpose(target, port as unknown as Worker)],
];

/** Runs the main thread's caller against an `expose()` over a MessageChannel. */
function connect<T extends object>(expose: Expose, target: T, methods: (keyof T & string)[]) {
  const { port1, port2 } = new MessageChannel();
  expose(target, port2);
  port1.start();
  return {
    api: remote<T>(port1 as unknown as Worker, methods),
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

describe.each(exposes)('rpc against %s', (_name, expose) => {
  it('calls methods with structured arguments and returns their results', async () => {
    const { api, close } = connect(
      expose,
      {
        async add(a: number, b: { n: number }) {
          return a + b.n;
        },
      },
      ['add'],
    );
    expect(await api.add(2, { n: 3 })).toBe(5);
    close();
  });

  it('rejects with the worker error message', async () => {
    const { api, close } = connect(
      expose,
      {
        async fail(): Promise<number> {
          throw new TypeError('bad recipe');
        },
      },
      ['fail'],
    );
    await expect(api.fail()).rejects.toThrow('bad recipe');
    close();
  });

  it('keeps concurrent calls apart', async () => {
    const { api, close } = connect(
      expose,
      {
        async echo(value: string) {
          await new Promise((r) => setTimeout(r, value === 'slow' ? 20 : 0));
          return value;
        },
      },
      ['echo'],
    );
    expect(await Promise.all([api.echo('slow'), api.echo('fast')])).toEqual(['slow', 'fast']);
    close();
  });

  it('calls methods on their object and rejects a result that cannot be cloned', async () => {
    const { api, close } = connect(
      expose,
      {
        base: 1,
        async plus(this: { base: number }, n: number) {
          return this.base + n;
        },
        async uncloneable(): Promise<() => number> {
          return () => 1;
        },
      },
      ['plus', 'uncloneable'],
    );
    expect(await api.plus(2)).toBe(3);
    await expect(api.uncloneable()).rejects.toThrow('Unserializable return value');
    close();
  });
});

describe('rpc deadlines', () => {
  it('rejects a call the other side never answers, and a call whose argument cannot be cloned, leaving nothing pending', async () => {
    const { port1, port2 } = new MessageChannel();
    port1.start();
    const api = remote<{ rank(value: unknown): Promise<number> }>(port1 as unknown as Worker, ['rank'], 50);
    await expect(api.rank(1)).rejects.toMatchObject({ name: DEADLINE_ERROR });
    await expect(api.rank(() => 1)).rejects.toMatchObject({ name: 'DataCloneError' });
    port1.close();
    port2.close();
  });
});
