// The page bench's tables and budget verdict, from the views it measured (see bench/page.mjs).
import { fewestMoves, itemIds } from './pages.mjs';
import { GROUPS, grouped } from './trace.mjs';
import { VARIANTS } from './variants.mjs';

const LONG_TASK_MS = 50;

/** The median of a list of numbers. */
export const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const ratio = (a, b) => `${fmt(a / b, 2)}x`;
// A variant's share: the difference to the bare page within each round (same moment of the machine),
// then its median.
const pairedOf = (runsA, runsB, of) => median(runsA.map((run, i) => of(run) - of(runsB[i])));
const cpuOver = (runs, name, base = 'without') => pairedOf(runs[name], runs[base], (run) => run.cpuMs);
const own = (runs, name) => median(runs[name].map((run) => run.ownCpuMs));
const longCount = (list) => list.reduce((n, run) => n + run.longTasks.filter((ms) => ms >= LONG_TASK_MS).length, 0);
const maxCpu = (list) => Math.max(0, ...list.map((run) => run.maxTaskCpuMs));
const peerVariants = (sending) => VARIANTS.filter((variant) => variant.peer && variant.peer.impressions === sending);
/** The second floor: the reorder plus the impressions stored by hand (absent from a `--variants` run without it). */
const TRACKED = 'by-hand-tracked';
/** A variant's own tasks per view, by what started them (medians): `4 (message 2, timer 1, ...)`. */
const taskCounts = (list) => {
  const kinds = [...new Set(list.flatMap((run) => Object.keys(run.ownByKind)))].sort();
  const count = (run, kind) => run.ownByKind[kind]?.length ?? 0;
  const all = median(list.map((run) => kinds.reduce((n, kind) => n + count(run, kind), 0)));
  return `${all} (${kinds.map((kind) => `${kind} ${median(list.map((run) => count(run, kind)))}`).join(', ')})`;
};

/** The lightest peer sending the same impressions (by CPU over the bare page) and its page-view-only twin. */
export function lightestPeer(runs) {
  const twin = (variant) => VARIANTS.find((v) => v.peer?.name === variant.peer.name && !v.peer.impressions);
  const [lightest] = peerVariants(true)
    .filter((variant) => runs[variant.name] && runs[twin(variant).name])
    .sort((a, b) => cpuOver(runs, a.name) - cpuOver(runs, b.name));
  if (!lightest) return undefined;
  const pageView = twin(lightest);
  return { impressions: lightest, pageView };
}

/**
 * The tables of one phase: every variant over the bare page and as ratios to the floor and to Inkling,
 * then where Inkling's share goes.
 */
export function report(runs, { items, order, delayMs, rankBudgetMs, keepOrder, history, rate, views }) {
  const floor = cpuOver(runs, 'by-hand');
  const inkling = cpuOver(runs, 'with');
  const tracked = runs[TRACKED] ? cpuOver(runs, TRACKED) : undefined;
  const lines = [
    `### ${rate === 1 ? 'No throttling' : `CPU throttled ${rate}x (CDP Emulation.setCPUThrottlingRate)`}`,
    '',
    `A returning visitor's page view, ${items} items in one slot${keepOrder ? ' kept in its order (holdout)' : ''}` +
      `${history ? `, ${history} history` : ''}; ${views} views per variant, interleaved; paired medians of the` +
      ` page's main-thread CPU (trace \`tdur\`; workers not counted).` +
      ` Bare page: ${fmt(median(runs.without.map((r) => r.cpuMs)))} ms.`,
    '',
    `| variant | over the bare page | / the floor |${tracked === undefined ? '' : ' / the floor + impressions |'}` +
      ' / Inkling | its own script tasks | long tasks (wall >= 50 ms; most CPU in one task) | sent per view |',
    `| --- | --- | --- |${tracked === undefined ? '' : ' --- |'} --- | --- | --- | --- |`,
  ];
  for (const variant of VARIANTS.filter((v) => v.name !== 'without' && runs[v.name])) {
    const over = cpuOver(runs, variant.name);
    const list = runs[variant.name];
    const sent =
      variant.name === 'with' || variant.name === TRACKED
        ? `${median(list.map((r) => r.impressions))} impressions (stored)`
        : variant.peer
          ? `${median(list.map((r) => r.impressions))} impressions, ${median(list.map((r) => r.sent))} events`
          : '';
    const name = variant.name === 'with' ? `**${variant.label}**` : variant.label;
    const longest = Math.max(0, ...list.flatMap((r) => r.longTasks));
    lines.push(
      `| ${name} | ${fmt(over)} ms | ${ratio(over, floor)} |${tracked === undefined ? '' : ` ${ratio(over, tracked)} |`}` +
        ` ${ratio(over, inkling)} |` +
        ` ${fmt(own(runs, variant.name))} ms | ${longCount(list)} (longest ${fmt(longest, 0)} ms;` +
        ` ${fmt(maxCpu(list), 0)} ms CPU) | ${sent} |`,
    );
  }
  const kinds = [...new Set(runs.with.flatMap((run) => Object.keys(run.ownByKind)))];
  const ownKind = (run, kind) => (run.ownByKind[kind] ?? []).reduce((total, task) => total + task.scriptCpuMs, 0);
  const names = [...GROUPS.map(([name]) => name), 'other', 'overhead'];
  const groupOf = (name) => (run) => grouped(run)[name] ?? 0;
  const byGroup = (a, b) =>
    names.map((name) => `${name} ${fmt(pairedOf(runs[a], runs[b], groupOf(name)))} ms`).join(', ');
  const personalized = runs.with.filter((run) => run.state !== undefined && run.state !== 'original');
  const dclToSlot = personalized.map((run) => run.dclToSlotMs);
  lines.push(
    '',
    `- Inkling's own script tasks ${fmt(own(runs, 'with'))} ms, the floor's ${fmt(own(runs, 'by-hand'))} ms:` +
      ` ${ratio(own(runs, 'with'), own(runs, 'by-hand'))}; by what started them: ` +
      `${kinds.map((kind) => `${kind} ${fmt(median(runs.with.map((run) => ownKind(run, kind))), 2)} ms`).join(', ')}` +
      ` (V8 compiling or reading the code cache of the tag: ${fmt(median(runs.with.map((r) => r.ownCompileMs)), 2)}` +
      ' ms).',
    `- Own tasks per view, by what started them: Inkling ${taskCounts(runs.with)}; the floor ${taskCounts(runs['by-hand'])}` +
      `${tracked === undefined ? '' : `; the floor + impressions ${taskCounts(runs[TRACKED])}`}.`,
    ...(tracked === undefined
      ? []
      : [
          `- The floor + impressions (the reorder, one IntersectionObserver, one clock per group of tiles that came` +
            ` into view together, one message per group to a worker storing them in IndexedDB): ${fmt(tracked)} ms` +
            ` over the bare page, ${ratio(tracked, floor)} the floor; its own script tasks` +
            ` ${fmt(own(runs, TRACKED))} ms, ${ratio(own(runs, TRACKED), own(runs, 'by-hand'))} the floor's.` +
            ` Inkling is ${ratio(inkling, tracked)} of it, its own tasks ${ratio(own(runs, 'with'), own(runs, TRACKED))}.`,
        ]),
    `- Where Inkling's share goes, over the bare page: ${byGroup('with', 'without')};` +
      ` beyond the floor: ${byGroup('with', 'by-hand')}.`,
    `- The floor: ${fewestMoves(itemIds(items), order).length} moves of ${items} tiles ${fmt(delayMs, 0)} ms after` +
      ` DOMContentLoaded (when Inkling's order arrived at 1x), hidden and revealed as Inkling does:` +
      ` ${byGroup('by-hand', 'without')}.`,
    `- DOMContentLoaded to the slot personalized: ${
      dclToSlot.length
        ? `${fmt(median(dclToSlot))} ms median,` +
          ` ${fmt(Math.max(...dclToSlot))} ms worst; ${dclToSlot.filter((ms) => ms <= rankBudgetMs).length} of ${views}` +
          ` views within the default rank budget (${rankBudgetMs} ms)`
        : 'no view personalized'
    }` + ` (${personalized.length} of ${views} personalized with the bench's longer budget).`,
  );
  return lines;
}

/** The budget of DESIGN.md at 1x, check by check. */
export function verdict(runs) {
  const inkling = cpuOver(runs, 'with');
  const floor = cpuOver(runs, 'by-hand');
  const peer = lightestPeer(runs);
  const checks = [
    [
      `Inkling over the bare page ${fmt(inkling)} ms <= 1.5x the floor (${fmt(1.5 * floor)} ms)`,
      inkling <= 1.5 * floor,
    ],
    [
      `own script tasks ${fmt(own(runs, 'with'))} ms <= 2x the floor's (${fmt(2 * own(runs, 'by-hand'))} ms)`,
      own(runs, 'with') <= 2 * own(runs, 'by-hand'),
    ],
    [
      `long tasks with Inkling ${longCount(runs.with)} <= the bare page's ${longCount(runs.without)}` +
        ' (the most CPU in one task' +
        ` of Inkling's page: ${fmt(maxCpu(runs.with))} ms; the bare page's: ${fmt(maxCpu(runs.without))} ms)`,
      longCount(runs.with) <= longCount(runs.without),
    ],
  ];
  if (peer) {
    const sending = cpuOver(runs, peer.impressions.name);
    const pageView = cpuOver(runs, peer.pageView.name);
    checks.push(
      [
        `<= 1/10 of the lightest peer sending the same impressions (${peer.impressions.label}: ${fmt(sending)} ms,` +
          ` a tenth ${fmt(sending / 10)} ms; Inkling is ${ratio(inkling, sending)} of it)`,
        inkling <= sending / 10,
      ],
      [
        `< that tag's page-view-only cost (${fmt(pageView)} ms; Inkling is ${ratio(inkling, pageView)} of it)`,
        inkling < pageView,
      ],
    );
  }
  const ok = checks.every(([, pass]) => pass);
  // Not a check: whether the 1.5x budget leaves room for tracking impressions at all.
  const tracked = runs[TRACKED] ? cpuOver(runs, TRACKED) : undefined;
  const reach =
    tracked === undefined
      ? []
      : [
          `- (not a check) the floor + impressions costs ${fmt(tracked)} ms over the bare page, ${ratio(tracked, floor)}` +
            ` the floor: ${tracked > 1.5 * floor ? 'more than' : 'within'} the 1.5x budget before any engine;` +
            ` its own script tasks ${ratio(own(runs, TRACKED), own(runs, 'by-hand'))} the floor's` +
            ` (${own(runs, TRACKED) > 2 * own(runs, 'by-hand') ? 'more than' : 'within'} the 2x budget)`,
        ];
  return {
    ok,
    lines: [
      `Budget at 1x (DESIGN.md): ${ok ? 'within budget' : 'OVER BUDGET'}`,
      ...checks.map(([what, pass]) => `- ${pass ? 'ok' : 'OVER'}: ${what}`),
      ...reach,
    ],
  };
}
