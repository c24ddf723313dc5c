/**
 * The worker's side of comlink's wire protocol, for the one kind of call the page makes (`src/rpc.ts`): a
 * method call with plain arguments. Replaces comlink's `expose()`, whose proxies, transfer handlers and
 * `wrap()` the worker never uses; `test/unit/src/rpc.test.ts` runs the page's caller against both.
 */
interface Call {
  readonly id?: unknown;
  readonly type?: string;
  readonly path?: readonly string[];
  readonly argumentList?: readonly { readonly value?: unknown }[];
}

/** Answers `APPLY` messages on `port` by calling the method of `target` they name; others are ignored. */
export function expose(
  target: object,
  port: Pick<Worker, 'postMessage' | 'addEventListener'> = self as unknown as Worker,
): void {
  port.addEventListener('message', (event: MessageEvent<Call>) => {
    const { id, type, path = [], argumentList = [] } = event.data ?? {};
    if (type !== 'APPLY') return;
    const thrown = (value: unknown) => ({
      type: 'HANDLER',
      name: 'throw',
      value:
        value instanceof Error
          ? { isError: true, value: { message: value.message, name: value.name, stack: value.stack } }
          : { isError: false, value },
    });
    new Promise((resolve) => {
      const walk = (keys: readonly string[]) =>
        keys.reduce<unknown>((object, key) => (object as Record<string, unknown>)[key], target);
      const method = walk(path) as (...args: unknown[]) => unknown;
      resolve(
        method.apply(
          walk(path.slice(0, -1)),
          argumentList.map((argument) => argument.value),
        ),
      );
    })
      .then((value) => ({ type: 'RAW', value }), thrown)
      .then((reply) => {
        try {
          port.postMessage({ ...reply, id });
        } catch {
          // A result that cannot be cloned: the caller learns so rather than waiting for its deadline.
          port.postMessage({ ...thrown(new TypeError('Unserializable return value')), id });
        }
      });
  });
}
