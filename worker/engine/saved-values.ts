import { checkWeights, type ModelWeights } from '../model/weights.js';
import type { EventStore } from '../store/event-store.js';
import { DATABASE_NAME } from '../store/schema.js';
import { errorText } from './run.js';

/** Store keys of the values the engine keeps beside the events. */
export const WEIGHTS_KEY = 'model-weights';
const HOLDOUT_KEY = 'holdout-draw';

/** This device's stable draw for recipe holdouts: persisted in `full` mode so the group never flips. */
export async function loadHoldoutDraw(store: EventStore, fresh: number): Promise<number> {
  const saved = await store.getValue<number>(HOLDOUT_KEY).catch(() => undefined);
  if (typeof saved === 'number' && saved >= 0 && saved < 1) return saved;
  await store.putValue(HOLDOUT_KEY, fresh).catch(() => undefined);
  return fresh;
}

/** Whether the database exists, without creating it; true where the browser cannot say. */
export async function databaseExists(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  name = DATABASE_NAME,
): Promise<boolean> {
  if (!factory?.databases) return factory !== undefined;
  return (await factory.databases().catch(() => [{ name }])).some((database) => database.name === name);
}

/** The saved weights when they fit the prior's shape; the prior otherwise (with one warning). */
export function restoreWeights(saved: unknown, prior: ModelWeights, warn: (message: string) => void): ModelWeights {
  if (saved === undefined) return prior;
  try {
    const weights = checkWeights(saved);
    // Weights learned on another shape (the logistic prior of earlier versions, another hidden size)
    // cannot be fine-tuned against this prior: start again from it.
    const sameShape =
      weights.kind === prior.kind &&
      weights.layers.length === prior.layers.length &&
      weights.layers.every((layer, i) => layer.outputs === prior.layers[i]!.outputs);
    if (!sameShape) throw new Error(`it is a ${weights.kind} of another shape than the ${prior.kind} prior`);
    return weights;
  } catch (error) {
    warn(`saved model ignored (${errorText(error)}); starting from the prior`);
    return prior;
  }
}

/**
 * Deletes the database (the last resort of `forget()`). Another tab's open connection blocks it until
 * that tab closes it (each closes on `versionchange`); the deletion then completes on its own.
 */
export function deleteDatabase(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  name = DATABASE_NAME,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (!factory) return resolve();
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('the database could not be deleted'));
    request.onblocked = () => setTimeout(resolve, 1000);
  });
}
