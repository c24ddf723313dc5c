/** Types for `trace.mjs` (plain JS, run by Node without a build), for the tests. */
export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: Record<string, unknown>;
}
export interface MainThreadTask {
  readonly wallMs: number;
  readonly cpuMs: number;
  /** The task's CPU without the parsing, style and layout in it. */
  readonly scriptCpuMs: number;
  /** File names of the scripts the task ran. */
  readonly scripts: readonly string[];
}
export declare function mainThreadTasks(events: readonly TraceEvent[], url: string): MainThreadTask[];
