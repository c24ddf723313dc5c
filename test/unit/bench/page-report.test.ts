import { describe, expect, it } from 'vitest';
import { lightestPeer, report, verdict, type Runs, type ViewRun } from '../../../bench/page/report.mjs';

/** One view costing `cpuMs` in all, `ownCpuMs` in its own tasks. */
const view = (cpuMs: number, ownCpuMs = 0, longTasks: number[] = []): ViewRun => ({
  cpuMs,
  ownCpuMs,
  ownCompileMs: 0,
  ownByKind: {},
  longTasks,
  maxTaskCpuMs: 10,
  state: 'personalized',
  dclToSlotMs: 100,
  impressions: 100,
  sent: 101,
  work: {},
});
/** Three views of every variant, each `over` ms above a bare page of 20 ms. */
function runsOf(over: Record<string, number>, own: Record<string, number> = {}): Runs {
  const runs: Record<string, ViewRun[]> = { without: [view(20), view(20), view(20)] };
  for (const [name, ms] of Object.entries(over)) runs[name] = [0, 1, 2].map(() => view(20 + ms, own[name] ?? 0));
  return runs;
}
const PEERS = {
  'amplitude-page-view': 34,
  'amplitude-impressions': 100,
  'posthog-page-view': 56,
  'posthog-impressions': 140,
};

describe('the page bench verdict (DESIGN.md budget at 1x)', () => {
  it('takes the peer sending the same impressions with the least CPU, and its page-view-only twin', () => {
    const peer = lightestPeer(runsOf({ 'by-hand': 8, with: 19, ...PEERS, 'amplitude-impressions': 150 }));
    expect(peer?.impressions.name).toBe('posthog-impressions');
    expect(peer?.pageView.name).toBe('posthog-page-view');
  });

  it("fails today's figures on the ratios to the floor and to the lightest peer, passes the page-view-only one", () => {
    const { ok, lines } = verdict(runsOf({ 'by-hand': 8, with: 19, ...PEERS }, { 'by-hand': 4, with: 10 }));
    expect(ok).toBe(false);
    expect(lines.filter((line) => line.startsWith('- OVER'))).toHaveLength(3);
    expect(lines.find((line) => line.includes('page-view-only'))).toMatch(/^- ok/);
  });

  it('passes a tag within every ratio', () => {
    expect(verdict(runsOf({ 'by-hand': 8, with: 9, ...PEERS }, { 'by-hand': 4, with: 6 })).ok).toBe(true);
  });

  it('prints each variant as a ratio to the floor and to Inkling', () => {
    const setting = {
      items: 100,
      order: ['sku-1', 'sku-0'],
      delayMs: 90,
      rankBudgetMs: 150,
      keepOrder: false,
      rate: 1,
      views: 3,
    };
    const lines = report(runsOf({ 'by-hand': 8, with: 16, ...PEERS }), setting);
    expect(
      lines.find((line) => line.includes('sending the same 100 impressions') && line.includes('Amplitude')),
    ).toContain('| 100.0 ms | 12.50x | 6.25x |');
  });
});
