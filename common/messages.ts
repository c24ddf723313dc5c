/** The worker's own messages beside comlink's: sent once it has loaded, and for each fallback it takes. */
export const READY_MESSAGE = 'inkling:ready';
export const WARNING_MESSAGE = 'inkling:warning';

export interface WorkerNotice {
  readonly type: typeof READY_MESSAGE | typeof WARNING_MESSAGE;
  readonly message?: string;
}
