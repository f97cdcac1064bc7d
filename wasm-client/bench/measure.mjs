// What both wasm benchmarks measure, in Node and in Chromium alike: loading
// an export bundle (its bytes, as the viewer reads a file or a fetch) into
// the wasm Index (JSON reading and indexing in core),
// then searching it with the query set of bench/store_bench.cc, page size 20
// with snippets, as the viewer asks. Times are performance.now() deltas.
export const QUERIES = [
  'tỉnh ủy', '"tuyên giáo"', 'bảo vệ', 'nông nghiệp', '"hội nghị tổng kết"', 'đại hội -covid',
  'lúa OR gạo', 'du lịch province:"Quảng Nam"', 'province:"Sóc Trăng" date:2021',
  'đầu tư date>=2024-01-01', 'Savannakhet', '"phát triển kinh tế"', 'giáo dục OR y tế',
  'chính quyền', 'nhân dân author:hà', 'bao',
];

// The middle value of `xs` (the upper one of an even count).
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

// The bundle is indexed `builds` times (a fresh Index each time; this VM's
// two cores are shared, so one run can be slowed by a neighbour): indexMs is
// the median, indexRuns every run. The last index is searched.
// Then the index is saved and loaded back `builds` times (loadMs: the median).
// → {articles, bundleBytes, indexMs, indexRuns, indexCpuMs, savedBytes, loadMs, loadRuns,
//    search: {p50, p99, max, perQuery}}
// `cpuClock` (ms of CPU time, where the host has one) adds indexCpuMs: the
// CPU the indexing took, which a busy neighbour does not inflate.
export function measure(Index, bundle, { builds = 5, rounds = 5, cpuClock = null } = {}) {
  let index, loaded;
  const indexRuns = [];
  const cpuRuns = [];
  for (let b = 0; b < builds; ++b) {
    index?.dispose();
    index = new Index();
    const t0 = performance.now();
    const c0 = cpuClock?.();
    loaded = index.addBundle(bundle);
    indexRuns.push(performance.now() - t0);
    if (cpuClock) cpuRuns.push(cpuClock() - c0);
    if (loaded.errors.length) throw new Error(`bundle errors: ${JSON.stringify(loaded.errors[0])}`);
  }
  const indexMs = median(indexRuns);
  // A reload from the saved index (core/index/saved_index.h) instead.
  const saved = index.save();
  const loadRuns = [];
  for (let b = 0; b < builds; ++b) {
    const again = new Index();
    const t0 = performance.now();
    again.load(saved);
    loadRuns.push(performance.now() - t0);
    again.dispose();
  }
  const loadMs = median(loadRuns);
  const indexCpuMs = cpuRuns.length ? median(cpuRuns) : undefined;
  index.search('tỉnh ủy');  // warm-up
  const all = [];
  const perQuery = {};
  for (const q of QUERIES) {
    const times = [];
    let total = 0;
    for (let r = 0; r < rounds; ++r) {
      const t = performance.now();
      total = Number(index.search(q, { pageSize: 20 }).totalSize ?? 0);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    perQuery[q] = { p50: percentile(times, 0.5), matches: total };
    all.push(...times);
  }
  all.sort((a, b) => a - b);
  const result = {
    articles: loaded.added, bundleBytes: bundle.length, indexMs, indexRuns, indexCpuMs,
    savedBytes: saved.length, loadMs, loadRuns,
    search: { p50: percentile(all, 0.5), p99: percentile(all, 0.99), max: all.at(-1), perQuery },
  };
  index.dispose();
  return result;
}

export function report(where, r) {
  const lines = [`${where}: ${r.articles} articles (${(r.bundleBytes / 1e6).toFixed(1)} MB bundle) indexed in ` +
                 `${r.indexMs.toFixed(0)} ms, median of ${r.indexRuns.map((t) => t.toFixed(0)).join(' / ')} ` +
                 `(${(r.articles / (r.indexMs / 1000)).toFixed(0)}/s)` +
                 (r.indexCpuMs ? `, CPU time ${r.indexCpuMs.toFixed(0)} ms (median)` : '') +
                 `; loaded from its saved form (${(r.savedBytes / 1e6).toFixed(1)} MB) in ${r.loadMs.toFixed(0)} ms, ` +
                 `median of ${r.loadRuns.map((t) => t.toFixed(0)).join(' / ')}` + `; search p50 ${r.search.p50.toFixed(2)} ms, ` +
                 `p99 ${r.search.p99.toFixed(2)} ms, max ${r.search.max.toFixed(2)} ms`];
  for (const [q, s] of Object.entries(r.search.perQuery))
    lines.push(`  ${s.p50.toFixed(2).padStart(7)} ms  ${String(s.matches).padStart(6)} matches  ${q}`);
  return lines.join('\n');
}
