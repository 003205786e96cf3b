#!/usr/bin/env node
// The page's long main-thread tasks in a Chromium trace (import-bench.mjs with BENCH_IMPORT_TRACE),
// each with what ran inside it: the trace events nested in the task, by name, with their own time
// (a script's function, a message deserialised, style, layout, paint, garbage collection…).
//
// Usage: node test/bench/trace-tasks.mjs <trace.json> [min task ms, default 50]

import { readFileSync } from 'node:fs';

const [file, minArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node test/bench/trace-tasks.mjs <trace.json> [min ms]');
  process.exit(1);
}
const min = Number(minArg ?? 50);
const raw = JSON.parse(readFileSync(file, 'utf8'));
const events = Array.isArray(raw) ? raw : raw.traceEvents;
// The renderer's main thread: the one named CrRendererMain with the most events.
const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const count = new Map();
for (const e of events) if (e.ph === 'X') count.set(`${e.pid}:${e.tid}`, (count.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
const main = names.map((n) => `${n.pid}:${n.tid}`).sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0))[0];
const onMain = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const t0 = onMain[0]?.ts ?? 0;
const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
for (const task of tasks) {
  if (task.dur / 1000 < min) continue;
  const end = task.ts + task.dur;
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end);
  // Self time per event name (its duration minus its direct children's).
  const self = new Map();
  const stack = [];
  for (const e of inside) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.childDur = (parent.childDur ?? 0) + e.dur;
    stack.push(e);
  }
  for (const e of inside) {
    const what = e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? `${e.name} ${e.args?.data?.functionName || ''} ${(e.args?.data?.url || '').split('/').pop()}:${e.args?.data?.lineNumber ?? ''}` : e.name;
    self.set(what, (self.get(what) ?? 0) + (e.dur - (e.childDur ?? 0)));
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 10);
  console.log(`task at ${((task.ts - t0) / 1000).toFixed(0)} ms: ${(task.dur / 1000).toFixed(0)} ms`);
  for (const [what, us] of top) if (us >= 1000) console.log(`    ${(us / 1000).toFixed(1).padStart(7)} ms  ${what}`);
}
