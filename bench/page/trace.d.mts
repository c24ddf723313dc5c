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
  /** When the task began (the trace's clock, µs). */
  readonly ts: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** The task's CPU without the parsing, style and layout in it. */
  readonly scriptCpuMs: number;
  /** CPU of V8 compiling (or reading the code cache of) the task's classic scripts. */
  readonly compileMs: number;
  /** What started the task: `script evaluation`, `message`, `timer`, `DOMContentLoaded event`, `module compile`... or `other`. */
  readonly kind: string;
  /** File names of the scripts the task ran. */
  readonly scripts: readonly string[];
}
export declare function mainThreadTasks(events: readonly TraceEvent[], url: string): MainThreadTask[];
