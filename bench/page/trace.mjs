// Reading a Chrome trace of one page view: the page's main-thread tasks and what they ran.

/**
 * The page's renderer main thread in a Chrome trace: its top-level tasks, with wall time (`dur`), the
 * thread's CPU time (`tdur`, what the page's own work costs even when the shared machine makes the
 * thread wait), the scripts each ran and what started it (`trace.d.mts`). The page's thread is the
 * `CrRendererMain` that parsed its URL.
 */
export function mainThreadTasks(events, url) {
  const parser = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parser) throw new Error(`no ParseHTML for ${url} in the trace`);
  const onMain = (e) => e.pid === parser.pid && e.tid === parser.tid && e.ph === 'X';
  const tasks = events
    .filter((e) => onMain(e) && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
    .sort((x, y) => x.ts - y.ts);
  // Count nested or duplicate task events once.
  const topLevel = [];
  let end = -Infinity;
  for (const task of tasks) {
    if (task.ts < end) continue;
    topLevel.push(task);
    end = task.ts + task.dur;
  }
  // A task is a script's when a script event inside it names the script (evaluation, compile, a
  // callback): the attribution Lighthouse uses for third-party main-thread time. Parsing, style and
  // layout inside such a task are left out of its `scriptCpuMs` (an inline script runs inside the
  // parser's task; the page's first layout may fall into the task that dispatches DOMContentLoaded),
  // and what the reorder costs the browser is reported apart.
  const inner = events
    .filter((e) => onMain(e) && (scriptOf(e) !== undefined || NOT_SCRIPT.test(e.name) || TRIGGER.test(e.name)))
    .sort((x, y) => x.ts - y.ts);
  let next = 0;
  return topLevel.map((task) => {
    const scripts = new Set();
    const started = [];
    let otherMs = 0;
    let compileMs = 0;
    let firstScript;
    let parsingUntil = -Infinity;
    let scriptUntil = -Infinity;
    while (next < inner.length && inner[next].ts < task.ts) next++;
    for (let i = next; i < inner.length && inner[i].ts <= task.ts + task.dur; i++) {
      const event = inner[i];
      const ms = (event.tdur ?? event.dur) / 1000;
      const script = scriptOf(event);
      if (TRIGGER.test(event.name)) started.push(event);
      if (script !== undefined) {
        scripts.add(script);
        firstScript ??= event;
        if (event.name === 'v8.compile') compileMs += ms;
        // A script the parser ran (outermost only: a compile inside an evaluation is part of it): its
        // time is inside the parser's, which was left out whole.
        if (event.ts < parsingUntil && event.ts >= scriptUntil) otherMs -= ms;
        scriptUntil = Math.max(scriptUntil, event.ts + event.dur);
      } else if (NOT_SCRIPT.test(event.name)) otherMs += ms;
      if (event.name === 'ParseHTML') parsingUntil = Math.max(parsingUntil, event.ts + event.dur);
    }
    const cpuMs = (task.tdur ?? task.dur) / 1000;
    // The kind is what ran the task's first script (a readystatechange dispatched before DOMContentLoaded
    // in the same task is not it), else what the task started with.
    const first =
      firstScript === undefined
        ? undefined
        : started.findLast((e) => e.ts <= firstScript.ts && e.ts + e.dur >= firstScript.ts + firstScript.dur);
    return {
      ts: task.ts,
      wallMs: task.dur / 1000,
      cpuMs,
      scriptCpuMs: cpuMs - otherMs,
      compileMs,
      scripts: [...scripts],
      kind: kindOf(first ?? started[0]),
    };
  });
}

/** What runs a task's scripts: the innermost of these around its first script names the task's kind. */
const TRIGGER = /^(EvaluateScript|EventDispatch|HandlePostMessage|TimerFire|v8\.compileModule|v8\.evaluateModule)$/;
const KINDS = {
  EvaluateScript: 'script evaluation',
  HandlePostMessage: 'message',
  TimerFire: 'timer',
  'v8.compileModule': 'module compile',
  'v8.evaluateModule': 'module evaluation',
};
function kindOf(trigger) {
  if (!trigger) return 'other';
  return trigger.name === 'EventDispatch' ? `${trigger.args?.data?.type ?? 'event'} event` : KINDS[trigger.name];
}

const NOT_SCRIPT = /^(ParseHTML|UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|Commit)$/;

/** The file name of the script a script event ran (evaluation, compile, a callback). */
function scriptOf(event) {
  if (!/^(EvaluateScript|v8\.compile|FunctionCall)/.test(event.name)) return undefined;
  const url = event.args?.data?.url;
  return url ? url.slice(url.lastIndexOf('/') + 1) : undefined;
}

/**
 * Where the main thread's time goes: for each kind of work directly inside a top-level task (script
 * evaluation, function calls, style, layout, paint...), the CPU time of those events. Nested events
 * of the same task are not counted twice: only the task's direct children count.
 */
export function breakdown(events, url) {
  const parser = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  const wrapper = /RunTask|PerformMicrotaskCheckpoint|^ThreadController|^SequenceManager/;
  const own = events
    .filter(
      (e) =>
        e.pid === parser.pid && e.tid === parser.tid && e.ph === 'X' && e.dur !== undefined && !wrapper.test(e.name),
    )
    .sort((x, y) => x.ts - y.ts || y.dur - x.dur);
  const byName = {};
  const open = [];
  for (const event of own) {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= event.ts) open.pop();
    const depth = open.length;
    open.push(event);
    // Task wrappers left out, depth 0 is the outermost work a task ran.
    if (depth === 0) byName[event.name] = (byName[event.name] ?? 0) + (event.tdur ?? event.dur) / 1000;
  }
  return byName;
}

/** Kinds of work a task runs, by trace event name; everything else is `other`. */
export const GROUPS = [
  [
    'script',
    /^(EvaluateScript|FunctionCall|EventDispatch|TimerFire|HandlePostMessage|FireAnimationFrame|FireIdleCallback|V8\.|v8\.|MinorGC|MajorGC|RunMicrotasks)/,
  ],
  [
    'rendering',
    /^(UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|Commit|UpdateLayer|HitTest|IntersectionObserverController|ScrollLayer|BeginMainThreadFrame|ProxyMain::BeginMainFrame)/,
  ],
];
const group = (name) => GROUPS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';
/** The run's CPU by group; what the tasks spent outside any traced event is the scheduler's overhead. */
export const grouped = (run) => {
  const sums = { overhead: run.cpuMs };
  for (const [name, ms] of Object.entries(run.work)) {
    sums[group(name)] = (sums[group(name)] ?? 0) + ms;
    sums.overhead -= ms;
  }
  return sums;
};
