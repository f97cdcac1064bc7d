// bantin's wasm Index side by side with the in-browser JS search libraries
// FlexSearch, MiniSearch and Pagefind (its browser runtime over an index its
// Node API builds ahead), run in Node's V8 (the browser's engine, no DOM):
// per engine, the time from a bundle's bytes in memory to searchable, the
// memory the index holds, search latency (top 20 with and without an exact
// count of matches) and a quality check of accent handling.
//
//   cd bench/peers/js && npm ci
//   node bench/peers/js/browser_peers.mjs BUNDLE.ndjson ROUNDS [--saved-index FILE.btix] [--json OUT.json]
//        [--engines bantin,bantin-saved,flexsearch,minisearch,pagefind]
//
// BUNDLE is what `build/bin/make_bundle OUT --generated N` writes; the saved
// index (`make_bundle --index FILE.btix ...`) must be of the same articles.
// Each engine runs in a child process of its own (this script with --child),
// pinned to CPU 1 with taskset where there is one; the rounds rotate the
// order of the engines; every figure is the median over the rounds.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseQuery, fold, words } from './query.mjs';
import { child } from './child.mjs';
import { summarize, table } from './report.mjs';
import { buildPagefindIndex } from './pagefind_engine.mjs';
import { bundleDocs } from './engines.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const self = fileURLToPath(import.meta.url);
const QUERIES = path.resolve(here, '../../../wasm-client/test/search_queries.txt');
const MIN_SEARCHES = 500;
// "bão" (storm) folds to bao like báo (newspaper), bảo, bao: how many of a
// top 20 hold the word as typed; and how many articles "bao" finds at all.
const QUALITY = { accented: 'bão', unaccented: 'bao' };

const die = (msg) => { console.error(`browser_peers: ${msg}`); process.exit(1); };

// The query set: the lines of search_queries.txt the peers can express too.
function querySet() {
  const lines = readFileSync(QUERIES, 'utf8').split('\n').filter((q) => q.trim());
  const used = [], excluded = [];
  for (const q of lines) {
    const p = parseQuery(q);
    if (p.unsupported) excluded.push({ query: q, why: p.unsupported });
    else used.push(q);
  }
  return { used, excluded };
}

if (process.argv[2] === '--child') {
  const job = JSON.parse(process.argv[3]);
  process.stdout.write(`${JSON.stringify(await child(job))}\n`);
  process.exit(0);
}

// --- parent ---
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i < 0 ? undefined : args.splice(i, 2)[1]; };
const savedIndex = opt('--saved-index');
const only = opt('--engines')?.split(',');
const jsonOut = opt('--json');
const [bundle, roundsArg] = args;
const rounds = Number(roundsArg);
if (!bundle || !Number.isInteger(rounds) || rounds < 1 || args.length !== 2)
  die('usage: node browser_peers.mjs BUNDLE.ndjson ROUNDS [--saved-index FILE.btix] [--json OUT.json] ' +
      '[--engines bantin,bantin-saved,flexsearch,minisearch,pagefind]');
for (const f of [bundle, savedIndex].filter(Boolean)) if (!existsSync(f)) die(`no such file: ${f}`);

const pinned = spawnSync('taskset', ['-c', '1', 'true']).status === 0;
const { used: queries, excluded } = querySet();
let engines = ['bantin', ...(savedIndex ? ['bantin-saved'] : []), 'flexsearch', 'minisearch', 'pagefind'];
// --engines: only those (the index from the bundle can be left out where it
// does not fit the wasm heap; the saved index is then the reference).
if (only) engines = engines.filter((e) => only.includes(e));
const ref = engines.includes('bantin') ? 'bantin' : 'bantin-saved';
if (!engines.includes(ref)) die('--engines must name bantin or bantin-saved (with --saved-index)');

// Pagefind's index is built ahead (as the saved index is), once, into a temp
// folder removed at exit; its children search that folder.
const pagefindBuild = engines.includes('pagefind')
  ? await buildPagefindIndex(bundle).catch((e) => die(`pagefind index build: ${e.stack ?? e}`))
  : null;
if (pagefindBuild) process.on('exit', () => rmSync(pagefindBuild.dir, { recursive: true, force: true }));
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) process.on(signal, () => process.exit(code));
const inputOf = { 'bantin-saved': savedIndex, pagefind: pagefindBuild?.dir };

function runChild(engine) {
  const job = { engine, input: inputOf[engine] ?? bundle, queries,
                minSearches: MIN_SEARCHES, quality: QUALITY };
  const node = [process.execPath, '--expose-gc', '--max-old-space-size=8192', self, '--child', JSON.stringify(job)];
  const [cmd, ...argv] = pinned ? ['taskset', '-c', '1', ...node] : node;
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 << 20, encoding: 'utf8' });
  if (r.status !== 0) die(`${engine}: child exited with ${r.status ?? r.signal}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

// The harness must not measure nothing: every engine answers every query
// bantin finds matches for (of those it was given: answers[i] null = left out).
function sanity(byEngine) {
  const reference = byEngine[ref].answers;
  for (const [key, run] of Object.entries(byEngine)) {
    if (!run.articles) die(`${run.name} indexed no articles`);
    const empty = queries.filter((q, i) => reference[i].total > 0 && run.answers[i] &&
                                         (!run.answers[i].total || !run.answers[i].ids.length));
    if (empty.length) die(`${run.name} found nothing for ${empty.length} queries bantin answers: ${empty.map((q) => JSON.stringify(q)).join(', ')}`);
    if (key !== ref && run.articles !== byEngine[ref].articles)
      die(`${run.name} has ${run.articles} articles, bantin ${byEngine[ref].articles}`);
  }
}

// The saved index must give addBundle's answers (same totals, same top 20).
function savedAgrees(byEngine) {
  const a = byEngine.bantin.answers, b = byEngine['bantin-saved'].answers;
  return queries.filter((q, i) => a[i].total !== b[i].total || a[i].ids.join() !== b[i].ids.join());
}

console.log(`Node ${process.version} (V8 ${process.versions.v8}), ${os.cpus()[0]?.model ?? 'cpu?'} ×${os.cpus().length}; ` +
            (pinned ? 'children pinned to CPU 1 (taskset -c 1)' : 'NOT pinned (no usable taskset)'));
console.log(`bundle ${bundle} (${(readFileSync(bundle).length / 1e6).toFixed(1)} MB)` +
            (savedIndex ? `, saved index ${savedIndex}` : '') + `; ${rounds} rounds; load average at start ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const notes = [];
const runs = Object.fromEntries(engines.map((e) => [e, []]));
for (let round = 0; round < rounds; ++round) {
  const order = engines.map((_, i) => engines[(i + round) % engines.length]);
  const byEngine = {};
  for (const e of order) {
    const t = performance.now();
    byEngine[e] = runChild(e);
    console.error(`round ${round + 1}: ${byEngine[e].name} done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  if (round === 0 && byEngine.bantin && byEngine['bantin-saved']) {
    const bad = savedAgrees(byEngine);
    if (bad.length) {
      notes.push(`saved index ${savedIndex} disagrees with addBundle of ${bundle} on ${bad.length} queries ` +
                 `(${bad.slice(0, 3).map((q) => JSON.stringify(q)).join(', ')}): variant 'bantin (saved index)' skipped`);
      engines = engines.filter((e) => e !== 'bantin-saved');
      delete byEngine['bantin-saved'];
      delete runs['bantin-saved'];
    } else {
      notes.push(`saved index agrees with addBundle: same total and top 20 for all ${queries.length} queries`);
    }
  }
  sanity(byEngine);
  for (const e of Object.keys(byEngine)) runs[e].push(byEngine[e]);
}

// Quality: read the articles' own words (title + blocks) for every id some
// engine put in its "bão" top 20.
const tokensById = new Map();
let exactDocs = 0, foldDocs = 0;
for (const doc of bundleDocs(readFileSync(bundle))) {
  const b = { id: doc.id, title: doc.title, blocks: [{ text: doc.text }] };
  const ws = new Set(words([b.title ?? '', ...(b.blocks ?? []).map((x) => x.text ?? '')].join('\n')));
  const exact = ws.has(QUALITY.accented);
  const folds = [...ws].some((w) => fold(w) === QUALITY.unaccented);
  exactDocs += exact;
  foldDocs += folds;
  tokensById.set(b.id, { exact, folds });
}
const quality = (ids) => ({
  exact: ids.filter((id) => tokensById.get(id)?.exact).length,
  foldOnly: ids.filter((id) => !tokensById.get(id)?.exact && tokensById.get(id)?.folds).length,
  of: ids.length,
});

const summary = Object.fromEntries(Object.entries(runs).map(([e, rs]) => [e, summarize(rs, quality)]));
console.log(`load average at end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log();
console.log(table(summary, { exactDocs, foldDocs, quality: QUALITY, pagefindBuild, ref }));
console.log();
console.log(`Query set: ${queries.length} of the ${queries.length + excluded.length} queries of wasm-client/test/search_queries.txt, ` +
            `each timed ${Math.ceil(MIN_SEARCHES / queries.length)} times per mode (modes interleaved) after two warm-up passes ` +
            `(${Math.ceil(MIN_SEARCHES / queries.length) * queries.length} timed searches per mode per round; ` +
            'an engine stops after the pass that passes a minute of searching).');
console.log(`Left out (the peers cannot mean them the same way): ` +
            excluded.map((x) => `${JSON.stringify(x.query)} (${x.why})`).join('; '));
for (const [e, rs] of Object.entries(runs)) {
  if (rs[0].skipped?.length)
    console.log(`Left out for ${rs[0].name} only (its search times and answers are over the other ` +
                `${queries.length - rs[0].skipped.length}): ` + rs[0].skipped.map((x) => `${JSON.stringify(x.query)} (${x.why})`).join('; '));
}
for (const line of [
  'Same text for every engine: title + every block text. The peers have no Vietnamese folding, so they also index a ' +
  'pre-folded copy (NFD, marks U+0300–U+036F stripped, đ→d, lower case) as an extra field "folded": a query word matches ' +
  'it folded OR title/text as typed (exact accents rank higher where the engine adds scores); bantin folds on its own. ' +
  'Pagefind gets title + text + the folded copy as one record (the title also as meta title, which it searches and ' +
  'boosts); it strips tones itself (keeping the typed accents for ranking) but not đ, so a query word goes in as typed ' +
  'with đ→d and finds the đ words through the folded copy.',
  'Peers: a "phrase" is all of its words (no adjacency; Pagefind too); province/date filters: MiniSearch `filter` over stored fields, ' +
  'FlexSearch a check of its store after resolving all matches. MiniSearch always scores every match (top 20 = count). ' +
  'bantin always counts (and computes facets and, from bundle, snippets): its two modes are one call.',
  'Pagefind: its words are ANDed and each also matches longer words it begins (its design, and not all of them: tinh ' +
  'finds tinh only, but xa also xanh, te also tet/ten), and a word that matches nothing is dropped, not failed (so ' +
  '"không có từ này zzzqqq" finds pages); province filters are its filters (exact value, on the folded province; negation is its `not`). ' +
  'One search ranks every match (results.length = the count); the top 20 ids come from their data() (fragment ' +
  'loaded once, excerpt cut per call): both modes are that same work. Its load is init() until it can search ' +
  '(entry file, metadata, wasm); index chunks and fragments are fetched per search when first needed (from the ' +
  'folder, by a fetch shim reading files), during the warm-up passes here, so its memory after load leaves them out. ' +
  'Its index is built in this (parent) process before the rounds, not pinned (its binary may use every core).',
  'Memory = heapUsed + external after gc (Node counts the wasm memory in external, not in arrayBuffers; arrayBuffers are ' +
  'part of external already). "index memory" = that after load minus before reading the input (the engine code loaded).',
  ...notes,
]) console.log(`- ${line}`);

if (jsonOut) {
  writeFileSync(jsonOut, JSON.stringify({
    node: process.version, v8: process.versions.v8, cpu: os.cpus()[0]?.model, pinned, bundle, savedIndex, rounds,
    queries, excluded, quality: { ...QUALITY, exactDocs, foldDocs }, notes, summary, pagefindBuild,
    runs: Object.fromEntries(Object.entries(runs).map(([e, rs]) => [e, rs.map(({ answers, ...r }) => r)])),
  }, null, 2));
  console.log(`wrote ${jsonOut}`);
}
