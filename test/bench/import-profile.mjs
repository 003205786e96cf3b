// Where the page's main thread spent its time during an import, from a CDP CPU profile (only with
// BENCH_IMPORT_PROFILE=1): self time per function and per source file. Built chunks are minified;
// when the build has source maps (`vite build --sourcemap`) positions are mapped back to src/, via
// source-map-js if it is installed (it comes with vite), else the minified names are reported.

/** @param {any} profile  Profiler.Profile  @param {{baseURL: string}} opts */
export async function summarizeProfile(profile, { baseURL }) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    // The time until the next sample is this sample's.
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + dt);
  }
  const totalMs = (profile.endTime - profile.startTime) / 1000;

  const consumers = await sourceMapConsumers(profile.nodes, baseURL);
  const where = (cf) => {
    const file = (cf.url || '').split('/').pop() || `(${cf.functionName || 'native'})`;
    const c = consumers.get(cf.url);
    if (c && cf.lineNumber >= 0) {
      const pos = c.originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber });
      if (pos?.source) {
        const src = pos.source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/');
        return { key: `${pos.name || cf.functionName || '(anonymous)'} ${src}:${pos.line}`, file: src };
      }
    }
    return { key: `${cf.functionName || '(anonymous)'} ${file}:${cf.lineNumber + 1}:${cf.columnNumber + 1}`, file };
  };

  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = new Map();
  const keyFor = (id) => {
    let k = keyOf.get(id);
    if (k === undefined) {
      const n = nodes.get(id);
      k = n ? where(n.callFrame).key : '?';
      keyOf.set(id, k);
    }
    return k;
  };
  // Inclusive: each function counted once per sample, however deep it recurses.
  const inclusive = new Map();
  for (const [id, ms] of self) {
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const k = keyFor(cur);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  }
  for (const k of [...inclusive.keys()]) if (/^\((root|program|idle|garbage collector)\)/.test(k)) inclusive.delete(k);

  const byFn = new Map();
  const byFile = new Map();
  for (const [id, ms] of self) {
    const n = nodes.get(id);
    if (!n) continue;
    const { key, file } = where(n.callFrame);
    byFn.set(key, (byFn.get(key) ?? 0) + ms);
    const f = n.callFrame.url ? file : key;
    byFile.set(f, (byFile.get(f) ?? 0) + ms);
  }
  const top = (m, n) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => ({ ms: Math.round(ms), what: k }));
  return { profiledMs: Math.round(totalMs), sourceMaps: consumers.size > 0, selfByFunction: top(byFn, 25), selfByFile: top(byFile, 15), inclusiveByFunction: top(inclusive, 40) };
}

async function sourceMapConsumers(nodes, baseURL) {
  const out = new Map();
  let SourceMapConsumer;
  try {
    ({ SourceMapConsumer } = await import('source-map-js'));
  } catch {
    return out;
  }
  const urls = new Set(nodes.map((n) => n.callFrame.url).filter((u) => u && u.startsWith(baseURL) && u.endsWith('.js')));
  for (const url of urls) {
    try {
      const res = await fetch(`${url}.map`);
      if (!res.ok) continue;
      out.set(url, new SourceMapConsumer(await res.json()));
    } catch {
      // no map
    }
  }
  return out;
}
