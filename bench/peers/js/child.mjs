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
// passes (JIT warm-up, wasm tier-up, first touches of the index; Pagefind's
// fetches of the chunks and fragments it needs). A search that returns a
// promise (Pagefind's) is timed until it settles; the others are not
// awaited, so their timing is as it was. The passes stop after a minute
// (at least one is timed), so a slow engine cannot hold a run for hours:
// its `n` says how many searches it took.
const SEARCH_BUDGET_MS = 60000;
async function timeSearches(engine, queries, passes) {
  const run = (q, count) => {
    const r = engine.search(q, { count });
    return r instanceof Promise ? r : null;
  };
  for (let p = 0; p < 2; ++p) for (const q of queries) for (const count of [true, false]) await run(q, count);
  const times = { count: [], top: [] };
  const started = performance.now();
  for (let p = 0; p < passes && (p === 0 || performance.now() - started < SEARCH_BUDGET_MS); ++p) {
    for (const q of queries) {
      for (const count of [true, false]) {
        const t = performance.now();
        const pending = run(q, count);
        if (pending) await pending;
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
  const engine = await ENGINES[key](input);
  const before = memory();                 // the engine's code loaded, no data
  await engine.prepare(input);              // the bytes in memory (not timed)
  const c = process.cpuUsage();
  const t = performance.now();
  let articles = engine.load();             // bytes → searchable
  if (articles instanceof Promise) articles = await articles;
  const loadMs = performance.now() - t;
  // CPU time of the load too: this VM's two cores are shared, and a busy
  // neighbour inflates wall time more than CPU time.
  const cpu = process.cpuUsage(c);
  const loadCpuMs = (cpu.user + cpu.system) / 1000;
  engine.release();                         // drop the input bytes
  const after = memory();
  // The queries this engine cannot be given stay out of its timings and
  // answers (null); the same number of passes as with all of them.
  const skipped = queries.map((query) => ({ query, why: engine.unsupported?.(query) ?? null })).filter((x) => x.why);
  const mine = queries.filter((q) => !skipped.some((x) => x.query === q));
  const passes = Math.ceil(minSearches / queries.length);
  const search = await timeSearches(engine, mine, passes);
  // Answers, for the parent's sanity check and saved-index agreement.
  const answers = [];
  for (const q of queries) answers.push(mine.includes(q) ? await engine.search(q, { count: true }) : null);
  const qualityTop = await engine.top(quality.accented);
  const recall = (await engine.search(quality.unaccented, { count: true })).total;
  return {
    engine: key, name: engine.name, articles, loadMs, loadCpuMs, before, after,
    wasmBytes: engine.wasmBytes?.(), info: engine.info, skipped,
    search, answers, quality: { top: qualityTop, recall },
  };
}
