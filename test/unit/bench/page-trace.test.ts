import { describe, expect, it } from 'vitest';
import { mainThreadTasks, type TraceEvent } from '../../../bench/page/trace.mjs';

const URL = 'http://localhost/with.html';
/** A complete event on the page's main thread, times in ms. */
const at = (name: string, startMs: number, cpuMs: number, data?: Record<string, unknown>): TraceEvent => ({
  name,
  ph: 'X',
  pid: 1,
  tid: 7,
  ts: startMs * 1000,
  dur: cpuMs * 1000,
  tdur: cpuMs * 1000,
  ...(data ? { args: { data } } : {}),
});
const script = (url: string) => ({ url: `http://localhost/dist/${url}` });

// The page bench attributes main-thread tasks to scripts as Lighthouse does; these are the cases it relies on.
describe('mainThreadTasks (the page bench trace reader)', () => {
  const events: TraceEvent[] = [
    // The parser's task, which runs an inline script and evaluates the tag.
    at('RunTask', 0, 10),
    { ...at('ParseHTML', 0.5, 8), args: { beginData: { url: URL } } },
    at('EvaluateScript', 1, 2, { url: URL }),
    at('EvaluateScript', 4, 3, script('inkling.js')),
    at('v8.compile', 4.1, 1, script('inkling.js')),
    // A task of the tag's with the page's first layout in it.
    at('RunTask', 20, 6),
    at('EventDispatch', 20.1, 0.1, { type: 'readystatechange' }),
    at('EventDispatch', 20.4, 1.7, { type: 'DOMContentLoaded' }),
    at('FunctionCall', 20.5, 1.5, script('inkling.js')),
    at('UpdateLayoutTree', 22, 1),
    at('Layout', 23, 2.5),
    // A rendering task: nobody's.
    at('RunTask', 40, 4),
    at('Paint', 40.5, 3),
    // Another thread's task is not the page's.
    { ...at('RunTask', 50, 9), tid: 8 },
  ];
  const tasks = mainThreadTasks(events, URL);

  it('names the scripts each task ran, and none for a rendering task', () => {
    expect(tasks.map((task) => task.scripts)).toEqual([['with.html', 'inkling.js'], ['inkling.js'], []]);
  });

  it('keeps scripts the parser ran and leaves out the parsing, style and layout', () => {
    // 10 ms task, 8 ms parsing of which 2 + 3 ms are scripts: 10 - 8 + 5.
    expect(tasks[0]!.scriptCpuMs).toBeCloseTo(7, 6);
    expect(tasks[1]!.scriptCpuMs).toBeCloseTo(2.5, 6);
    expect(tasks.map((task) => task.cpuMs)).toEqual([10, 6, 4]);
  });

  it("names what started each task and counts the tag's compile", () => {
    expect(tasks.map((task) => task.kind)).toEqual(['script evaluation', 'DOMContentLoaded event', 'other']);
    expect(tasks.map((task) => task.compileMs)).toEqual([1, 0, 0]);
  });
});
