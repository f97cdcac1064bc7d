// One engine in its own Node process (`node --expose-gc`), so no engine's
// heap, JIT state or garbage is counted for another. Prints one JSON line:
// what the parent (browser_peers.mjs) takes medians of.
import { ENGINES } from './engines.mjs';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

// JS heap in use, everything outside it (external: Buffers, ArrayBuffers
// AND the WebAssembly memory; Node 20 counts wasm memory in `external` but
// not in `arrayBuffers`, and counts every ArrayBuffer in both, so the
// footprint is heapUsed + external), and rss; after two full collections.
function memory() {
  global.gc();
  global.gc();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, rss: m.rss,
           total: m.heapUsed + m.external };
}

// Times every query, `passes` times over, in both modes interleaved (each
// query with the count, then top 20 only), so both modes see the same
// conditions (GC, wasm tier-up, a neighbour's load); after two untimed
// passes (JIT warm-up, wasm tier-up, first touches of the index).
function timeSearches(engine, queries, passes) {
  for (let p = 0; p < 2; ++p) for (const q of queries) for (const count of [true, false]) engine.search(q, { count });
  const times = { count: [], top: [] };
  for (let p = 0; p < passes; ++p) {
    for (const q of queries) {
      for (const count of [true, false]) {
        const t = performance.now();
        engine.search(q, { count });
        times[count ? 'count' : 'top'].push(performance.now() - t);
      }
    }
  }
  const stats = (xs) => {
    xs.sort((a, b) => a - b);
    return { n: xs.length, p50: percentile(xs, 0.5), p99: percentile(xs, 0.99), max: xs.at(-1) };
  };
  return { count: stats(times.count), top: stats(times.top) };
}

export async function child({ engine: key, input, queries, minSearches, quality }) {
  const engine = await ENGINES[key]();
  const before = memory();                 // the engine's code loaded, no data
  engine.prepare(input);                    // the bytes in memory (not timed)
  const c = process.cpuUsage();
  const t = performance.now();
  const articles = engine.load();           // bytes → searchable
  const loadMs = performance.now() - t;
  // CPU time of the load too: this VM's two cores are shared, and a busy
  // neighbour inflates wall time more than CPU time.
  const cpu = process.cpuUsage(c);
  const loadCpuMs = (cpu.user + cpu.system) / 1000;
  engine.release();                         // drop the input bytes
  const after = memory();
  const passes = Math.ceil(minSearches / queries.length);
  const search = timeSearches(engine, queries, passes);
  // Answers, for the parent's sanity check and saved-index agreement.
  const answers = queries.map((q) => engine.search(q, { count: true }));
  const qualityTop = engine.top(quality.accented);
  const recall = engine.search(quality.unaccented, { count: true }).total;
  return {
    engine: key, name: engine.name, articles, loadMs, loadCpuMs, before, after,
    wasmBytes: engine.wasmBytes?.(), info: engine.info,
    search, answers, quality: { top: qualityTop, recall },
  };
}
