/** Types for `report.mjs` (plain JS, run by Node without a build), for the tests. */
export interface ViewRun {
  readonly cpuMs: number;
  readonly ownCpuMs: number;
  readonly ownCompileMs: number;
  readonly ownByKind: Record<string, readonly { scriptCpuMs: number }[]>;
  readonly longTasks: readonly number[];
  readonly maxTaskCpuMs: number;
  readonly state?: string;
  readonly dclToSlotMs?: number;
  readonly impressions: number;
  readonly sent: number;
  readonly work: Record<string, number>;
}
export type Runs = Record<string, readonly ViewRun[]>;
export declare const median: (list: readonly number[]) => number;
export declare function lightestPeer(
  runs: Runs,
): { impressions: { name: string }; pageView: { name: string } } | undefined;
export declare function report(
  runs: Runs,
  setting: {
    items: number;
    order: readonly string[];
    delayMs: number;
    rankBudgetMs: number;
    keepOrder: boolean;
    history?: string;
    rate: number;
    views: number;
  },
): string[];
export declare function verdict(runs: Runs): { ok: boolean; lines: string[] };
