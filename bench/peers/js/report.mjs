// Medians over rounds, and the markdown table the driver prints.

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// One engine's rounds → its medians (and each round's value, to see spread).
export function summarize(rs, quality) {
  const med = (f) => median(rs.map(f));
  const q = quality(rs[0].quality.top);  // answers are the same every round
  return {
    name: rs[0].name,
    articles: rs[0].articles,
    loadMs: med((r) => r.loadMs),
    loadRuns: rs.map((r) => r.loadMs),
    loadCpuMs: med((r) => r.loadCpuMs),
    memory: med((r) => r.after.total),
    heapUsed: med((r) => r.after.heapUsed),
    external: med((r) => r.after.external),
    rss: med((r) => r.after.rss),
    indexMemory: med((r) => r.after.total - r.before.total),
    wasmBytes: rs[0].wasmBytes,
    info: rs[0].info,
    countP50: med((r) => r.search.count.p50),
    countP99: med((r) => r.search.count.p99),
    topP50: med((r) => r.search.top.p50),
    topP99: med((r) => r.search.top.p99),
    searches: rs[0].search.count.n,
    qualityExact: q.exact,
    qualityFoldOnly: q.foldOnly,
    qualityOf: q.of,
    recall: rs[0].quality.recall,
  };
}

const MB = (n) => (n / 1e6).toFixed(1);
const ms = (n) => (n < 10 ? n.toFixed(2) : n.toFixed(0));

// `ref`: the bantin engine the ratios are taken from ('bantin', or
// 'bantin-saved' when the index from the bundle was not run).
export function table(summary, { exactDocs, foldDocs, quality, pagefindBuild, ref = 'bantin' }) {
  const keys = Object.keys(summary);
  // Built ahead, not in the load: Pagefind's index here; bantin's saved index
  // is built ahead too (make_bundle --index), but not timed here.
  const built = { pagefind: pagefindBuild?.buildMs };
  const rows = [
    ['articles indexed', (s) => s.articles, (s) => String(s.articles)],
    ['index built ahead (ms)', (s) => built[s.key], (s) => (built[s.key] === undefined ? '—' : ms(built[s.key]))],
    ['load: bytes in memory → searchable (ms)', (s) => s.loadMs, (s) => ms(s.loadMs)],
    ['  CPU time of the load (ms)', (s) => s.loadCpuMs, (s) => ms(s.loadCpuMs)],
    ['memory after load: heapUsed + external (MB)', (s) => s.memory, (s) => MB(s.memory)],
    ['  of it JS heap, heapUsed (MB)', (s) => s.heapUsed, (s) => MB(s.heapUsed)],
    ['  of it external: wasm memory, buffers (MB)', (s) => s.external, (s) => MB(s.external)],
    ['index memory: after load − before (MB)', (s) => s.indexMemory, (s) => MB(s.indexMemory)],
    ['rss after load (MB)', (s) => s.rss, (s) => MB(s.rss)],
    ['search p50, top 20 + exact count (ms)', (s) => s.countP50, (s) => ms(s.countP50)],
    ['search p99, top 20 + exact count (ms)', (s) => s.countP99, (s) => ms(s.countP99)],
    ['search p50, top 20 only (ms)', (s) => s.topP50, (s) => ms(s.topP50)],
    ['search p99, top 20 only (ms)', (s) => s.topP99, (s) => ms(s.topP99)],
    [`"${quality.accented}": top 20 holding "${quality.accented}" itself`, (s) => s.qualityExact,
     (s) => `${s.qualityExact} / ${s.qualityOf}`],
    [`"${quality.accented}": top 20 with only words folding to ${quality.unaccented}`, (s) => s.qualityFoldOnly,
     (s) => `${s.qualityFoldOnly} / ${s.qualityOf}`],
    [`"${quality.unaccented}": matches (recall)`, (s) => s.recall, (s) => String(s.recall)],
  ];
  for (const k of keys) summary[k].key = k;
  const ratioTo = (other) => (f) => {
    const a = f(summary[ref]), b = summary[other] && f(summary[other]);
    return a !== undefined && b ? (a / b).toFixed(2) : '—';
  };
  const peers = ['flexsearch', 'minisearch', 'pagefind'].filter((k) => summary[k]);
  const head = [...keys.map((k) => summary[k].name), ...peers.map((k) => `${summary[ref].name} / ${summary[k].name}`)];
  const lines = [`| measure | ${head.join(' | ')} |`, `|---|${head.map(() => '---:').join('|')}|`];
  for (const [label, value, show] of rows)
    lines.push(`| ${label} | ${[...keys.map((k) => show(summary[k])), ...peers.map((k) => ratioTo(k)(value))].join(' | ')} |`);
  const b = summary[ref];
  lines.push('');
  lines.push(`Medians of ${b.loadRuns.length} rounds; ${b.searches} timed searches per mode per round. ` +
             `Load per round: ${keys.map((k) => `${summary[k].name} ${summary[k].loadRuns.map(ms).join(' / ')}`).join('; ')} ms.`);
  lines.push(`Ground truth in the bundle: ${exactDocs} articles hold "${quality.accented}", ` +
             `${foldDocs} hold a word folding to "${quality.unaccented}".`);
  if (b.wasmBytes) lines.push(`bantin's wasm memory after load: ${MB(b.wasmBytes)} MB.`);
  const saved = summary['bantin-saved'];
  if (saved?.info) lines.push(`Saved index: ${MB(saved.info.fileBytes)} MB file, head ${MB(saved.info.headBytes)} MB ` +
                              `(loaded; posting lists read from the file per search, inside the search time).`);
  const pf = summary.pagefind;
  if (pf && pagefindBuild) lines.push(`Pagefind ${pagefindBuild.version}'s folder: ${pagefindBuild.files} files, ` +
                                     `${MB(pagefindBuild.bytes)} MB (index chunks, fragments, metadata, wasm, scripts), ` +
                                     `built once before the rounds by its Node API ` +
                                     `(its binary), not in its load; ${pf.searches} timed searches per mode per round ` +
                                     `(fewer queries: see below).`);
  return lines.join('\n');
}
