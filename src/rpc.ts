import type { Engine, PageEngine } from '../common/protocol.js';

/**
 * The main thread's side of comlink's wire protocol, for the one kind of call Inkling makes: a method
 * call with plain arguments. The worker keeps comlink's `expose()`; this replaces `wrap()` on the
 * main thread, where comlink's proxies would cost a third of the script tag's 6 KB budget.
 * `test/unit/src/rpc.test.ts` runs it against the real `expose()`, so a protocol change fails a test.
 */
interface Reply {
  readonly id?: number;
  readonly type: 'RAW' | 'HANDLER';
  readonly name?: string;
  readonly value: unknown;
}

type Methods<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : never;
};

/** The name of the error a call rejects with when the other side did not answer within its deadline. */
export const DEADLINE_ERROR = 'InklingDeadlineError';

/**
 * Returns an object whose methods call the exposed object's methods over `port`. Each call rejects with a
 * {@link DEADLINE_ERROR} after `deadlineMs`: a worker that stopped (closed itself, crashed, hung) must
 * not leave the page's calls waiting forever.
 */
export function remote<T extends object = PageEngine>(
  port: Pick<Worker, 'postMessage' | 'addEventListener'>,
  methods: readonly (keyof T & string)[],
  deadlineMs = 10_000,
): Methods<T> {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let counter = 0;
  port.addEventListener('message', (event: MessageEvent<Reply>) => {
    const call = event.data?.id ? pending.get(event.data.id) : undefined;
    if (!call) return;
    if (event.data.type === 'HANDLER' && event.data.name === 'throw') call.reject(toError(event.data.value));
    else call.resolve(event.data.value);
  });
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of methods) {
    api[method] = (...args) =>
      new Promise((resolve, reject) => {
        // comlink echoes whatever id it gets; a number is the shortest (0 is never used: replies need a truthy id).
        const id = ++counter;
        const end = () => (clearTimeout(timer), pending.delete(id));
        const timer = setTimeout(() => {
          end();
          const error = new Error(`${method}: no answer in time`);
          error.name = DEADLINE_ERROR;
          reject(error);
        }, deadlineMs);
        pending.set(id, { resolve: (value) => (end(), resolve(value)), reject: (error) => (end(), reject(error)) });
        // An argument that cannot be cloned throws here: the call rejects now, and its deadline clears the entry.
        port.postMessage({
          id,
          type: 'APPLY',
          path: [method],
          argumentList: args.map((value) => ({ type: 'RAW', value })),
        });
      });
  }
  return api as Methods<T>;
}

function toError(thrown: unknown): unknown {
  const wire = thrown as { isError?: boolean; value?: { message?: string; name?: string } } | undefined;
  if (!wire?.isError) return wire?.value;
  // comlink sends the error's message, name and stack as plain fields.
  return Object.assign(new Error(), wire.value);
}

/** Every method of the Engine, for `remote()`. */
export const ENGINE_METHODS = [
  'configure',
  'ingest',
  'rank',
  'explain',
  'forget',
  'export',
  'close',
  'loadSiteFiles',
] as const satisfies readonly (keyof Engine)[];
