// Reading a Chrome trace of one page view: the page's main-thread tasks and what they ran.

/**
 * The page's renderer main thread in a Chrome trace: its top-level tasks, with wall time (`dur`) and
 * the thread's CPU time (`tdur`, what the page's own work costs even when the shared machine makes the
 * thread wait). The page's thread is the `CrRendererMain` that parsed its URL.
 */
export function mainThreadTasks(events, url) {
  const parser = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parser) throw new Error(`no ParseHTML for ${url} in the trace`);
  const tasks = events
    .filter((e) => e.pid === parser.pid && e.tid === parser.tid && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
    .sort((x, y) => x.ts - y.ts);
  // Count nested or duplicate task events once.
  const topLevel = [];
  let end = -Infinity;
  for (const task of tasks) {
    if (task.ts < end) continue;
    topLevel.push(task);
    end = task.ts + task.dur;
  }
  return topLevel.map((task) => ({ wallMs: task.dur / 1000, cpuMs: (task.tdur ?? task.dur) / 1000 }));
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
    .filter((e) => e.pid === parser.pid && e.tid === parser.tid && e.ph === 'X' && e.dur !== undefined && !wrapper.test(e.name))
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
  ['script', /^(EvaluateScript|FunctionCall|EventDispatch|TimerFire|HandlePostMessage|FireAnimationFrame|FireIdleCallback|V8\.|v8\.|MinorGC|MajorGC|RunMicrotasks)/],
  ['rendering', /^(UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|Commit|UpdateLayer|HitTest|IntersectionObserverController|ScrollLayer|BeginMainThreadFrame|ProxyMain::BeginMainFrame)/],
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
