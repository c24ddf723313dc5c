import { forceCloseDatabase, IDBFactory, IDBOpenDBRequest } from 'fake-indexeddb';

/** What the wrapper breaks; tests flip these between calls. */
export interface Faults {
  /** `open()` throws synchronously (blocked storage, Firefox private mode in old versions). */
  openThrows?: boolean;
  /** `open()` returns a request that never fires (seen in Safari and broken profiles). */
  openHangs?: boolean;
  /** The next N transactions that write events abort with a quota error. */
  quotaWrites?: number;
  /** `plain`: tx.error is QuotaExceededError; `wrapped`: an AbortError whose `inner` is one. */
  quotaShape?: 'plain' | 'wrapped';
  /**
   * The origin is over its quota, as Chromium treats it: every transaction that puts aborts with a quota
   * error, even one that also deletes, until a transaction that deletes has committed.
   */
  full?: boolean;
}

/** A fresh fake-indexeddb factory with injectable faults, plus a handle on every raw connection. */
export function faultyIndexedDB(faults: Faults = {}) {
  const real = new IDBFactory();
  const connections: IDBDatabase[] = [];
  // Read-write transactions begun on every connection, counted so tests can check one per batch.
  const writes = { count: 0 };
  const factory = new Proxy(real, {
    get(target, key) {
      if (key !== 'open') return Reflect.get(target, key, target);
      return (name: string, version?: number) => {
        if (faults.openThrows)
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        if (faults.openHangs) return hangingRequest();
        const request = target.open(name, version);
        // Registered before idb's own listener, so the patch is in place when the store gets the handle.
        request.addEventListener('success', () => {
          connections.push(request.result);
          patchWrites(request.result, faults, writes);
        });
        return request;
      };
    },
  });
  return {
    factory: factory as IDBFactory,
    real,
    faults,
    writes,
    /** Closes every connection as the browser does when storage is cleared under a page. */
    loseConnections: () => connections.splice(0).forEach((db) => forceCloseDatabase(db as never)),
  };
}

function patchWrites(db: IDBDatabase, faults: Faults, writes: { count: number }): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((names: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
    const tx = transaction(names, mode, options);
    if (mode !== 'readwrite') return tx;
    writes.count += 1;
    const objectStore = tx.objectStore.bind(tx);
    let armed = false;
    tx.objectStore = (name: string) => {
      const store = objectStore(name);
      const put = store.put.bind(store);
      store.put = (value: unknown, key?: IDBValidKey) => {
        const request = put(value, key);
        if (!armed && (faults.full || (faults.quotaWrites ?? 0) > 0)) {
          armed = true;
          if (!faults.full) faults.quotaWrites! -= 1;
          // After the caller's synchronous loop of puts, as a full disk fails the commit.
          queueMicrotask(() => abortWithQuota(tx, faults.quotaShape ?? 'plain'));
        }
        return request;
      };
      const remove = store.delete.bind(store);
      store.delete = (key: IDBValidKey | IDBKeyRange) => {
        tx.addEventListener('complete', () => (faults.full = false));
        return remove(key);
      };
      return store;
    };
    return tx;
  }) as IDBDatabase['transaction'];
}

function abortWithQuota(tx: IDBTransaction, shape: 'plain' | 'wrapped'): void {
  const internal = tx as unknown as { _abort(name: string): void };
  if (shape === 'plain') return internal._abort('QuotaExceededError');
  internal._abort('AbortError');
  const error = Object.assign(new DOMException('The transaction was aborted.', 'AbortError'), {
    inner: new DOMException('Quota exceeded', 'QuotaExceededError'),
  });
  Object.defineProperty(tx, 'error', { value: error });
}

function hangingRequest(): IDBOpenDBRequest {
  // A genuine request object that nothing will ever resolve.
  return new (IDBOpenDBRequest as unknown as new () => IDBOpenDBRequest)();
}

/** Opens the `inkling` database directly, without the store's help; `upgrade` builds a schema of its own at `version`. */
export function openRaw(
  factory: IDBFactory,
  version?: number,
  upgrade?: (db: IDBDatabase) => void,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open('inkling', version);
    if (upgrade) request.onupgradeneeded = () => upgrade(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
