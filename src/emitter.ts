import type { PrivacyMode, Ranking } from '../common/types.js';

/** What `inkling.on()` can listen to. */
export interface InklingEvents {
  /** A slot was ranked (by the page integration or `rank()`); the debug overlay draws these. */
  readonly ranked: { readonly slot: string; readonly ranking: Ranking };
  /** The privacy mode changed (consent, pause). */
  readonly mode: PrivacyMode;
  /** An error Inkling contained. */
  readonly error: Error;
  /** The visitor's data was erased (`forget()` here, in another tab, or the panel's Erase). */
  readonly forget: undefined;
}

/** A handler for one kind of event. */
export type InklingHandler<K extends keyof InklingEvents> = (payload: InklingEvents[K]) => void;

/** A minimal event hub whose handlers can never throw into the caller. */
export interface Emitter {
  on<K extends keyof InklingEvents>(type: K, handler: InklingHandler<K>): () => void;
  emit<K extends keyof InklingEvents>(type: K, payload: InklingEvents[K]): void;
}

/** `onHandlerError` hears about a throwing handler (and must not emit `error` itself, to avoid loops). */
export function createEmitter(onHandlerError: (error: unknown) => void): Emitter {
  const handlers = new Map<string, Set<(payload: never) => void>>();
  return {
    on(type, handler) {
      const set = handlers.get(type) ?? new Set();
      handlers.set(type, set.add(handler as (payload: never) => void));
      return () => void set.delete(handler as (payload: never) => void);
    },
    emit(type, payload) {
      for (const handler of handlers.get(type) ?? []) {
        try {
          (handler as (value: typeof payload) => void)(payload);
        } catch (error) {
          if (type !== 'error') onHandlerError(error);
        }
      }
    },
  };
}
