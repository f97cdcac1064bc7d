// The viewer reloaded with a large archive stored, in headless Chromium:
// the first visit loads a bundle (indexing every article, then saving the
// index into IndexedDB); each reload then opens from IndexedDB with the
// network off (the service worker serves the app), as a reader opening
// the archive offline. First every reload from the saved index, then every
// reload with it deleted first (the viewer indexes every stored article, as
// before the saved index existed). Between the two, the viewer opened again
// in a new tab a second after its last tab closed. After each, the
// searches below run, so what the next one tears down is a used page.
// Printed, medians of each: time from navigation to a searchable list
// (the page's 'bantin-searchable' mark), the longest main-thread task
// (long-task entries), the JS heap, the worker's wasm heap; and the
// longest task of first visits (the one above and more, each
// in a profile of its own: five in all, or --first-visits N).
//
// Then the search time a reader sees after a reload from the saved index:
// from submitting each query of the test query set to the list's answer
// drawn, then to its snippets (cut from the stored lines) filled in, and
// the parts of it the library timed (the page's data-search-ms).
//
// With --saved-index FILE (make_bundle --index), there is no first visit:
// the benchmark stores the bundle's lines and FILE as the viewer would
// have (for 100,000 articles, which a first visit would index for long).
//
// The browser keeps its profile in a new directory on disk, as a reader's
// browser does (removed at the end). With --incognito it runs in a context
// whose storage is in memory, Playwright's default (bench/RESULTS.md
// compares the two).
//
//   build/bin/make_bundle /tmp/bundle10k.ndjson --generated 10000
//   node wasm-client/bench/reload_bench.mjs /tmp/bundle10k.ndjson [RELOADS] [--first-visits N]
//   build/bin/make_bundle --index /tmp/ix100k.btix /tmp/bundle100k.ndjson --generated 100000
//   node wasm-client/bench/reload_bench.mjs /tmp/bundle100k.ndjson 3 --saved-index /tmp/ix100k.btix
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { serveViewer } from '../tools/static_server.mjs';
import { launchOptions } from './chromium.mjs';
import { median } from './measure.mjs';
import { waitForSavedIndex, dropSavedIndex } from '../tools/saved_index.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const build = process.env.BANTIN_BUILD ?? path.resolve(here, '../../build');
const args = process.argv.slice(2);
const savedIndexAt = args.indexOf('--saved-index');
const savedIndex = savedIndexAt >= 0 ? args.splice(savedIndexAt, 2)[1] : null;
const incognitoAt = args.indexOf('--incognito');
const incognito = incognitoAt >= 0 && Boolean(args.splice(incognitoAt, 1));
const firstVisitsAt = args.indexOf('--first-visits');
const firstVisits = firstVisitsAt >= 0 ? Number(args.splice(firstVisitsAt, 2)[1]) : 5;
const [bundle, reloads = '5'] = args;
if (!bundle) {
  console.error('usage: node reload_bench.mjs BUNDLE.ndjson [RELOADS] [--saved-index FILE] [--incognito] [--first-visits N]');
  process.exit(2);
}
const queries = readFileSync(path.join(here, '../test/search_queries.txt'), 'utf8').split('\n').filter((q) => q.trim());
const site = await serveViewer({
  web: path.join(build, 'web'), wasm: path.join(build, 'wasm'), bundle,
  extra: { '/bench/': here, ...(savedIndex ? { '/bench-data/': path.dirname(savedIndex) } : {}) },
});

// What a first visit would have left: every line of the bundle in the
// viewer's IndexedDB and the saved index in its file, written by the
// viewer's own store.js and index_file.js (the owners of that schema and
// those names), in a page of the same origin.
const preload = (page, fileName) => page.evaluate(async (fileName) => {
  const { openStore } = await import('/store.js');
  const { writeIndexFile, nextIndexFile } = await import('/index_file.js');
  const store = await openStore();
  const decoder = new TextDecoder();
  const reader = (await fetch('/bundle')).body.getReader();
  let rest = new Uint8Array(0);
  let batch = [];
  let count = -1;  // the header line is not an article
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const bytes = new Uint8Array(rest.length + value.length);
    bytes.set(rest), bytes.set(value, rest.length);
    let begin = 0;
    for (let end = bytes.indexOf(10); end >= 0; begin = end + 1, end = bytes.indexOf(10, begin)) {
      if (++count === 0) continue;
      const line = bytes.slice(begin, end);
      batch.push({ id: /"id":"([^"]+)"/.exec(decoder.decode(line.subarray(0, 200)))[1], line });
    }
    rest = bytes.slice(begin);
    if (batch.length >= 2000) await store.put(batch), (batch = []);
  }
  await store.put(batch);
  const file = nextIndexFile('');
  await writeIndexFile(file, new Uint8Array(await (await fetch(`/bench-data/${fileName}`)).arrayBuffer()));
  await store.putMeta('index', { size: count, file });
  return count;
}, fileName);

// Each query submitted as a reader would, timed to the list's answer (the
// page sets data-results whenever a search is drawn); a malformed query
// draws no list and is left out.
const searchTimes = (page) => page.evaluate(async (queries) => {
  const times = [];
  for (const query of queries) {
    const t = performance.now();
    // The list is drawn (data-results), then its snippets are filled in
    // (data-snippets 'done'): each time taken from the submit.
    let drawn = 0;
    const done = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!drawn && document.body.dataset.snippets) drawn = performance.now() - t;
        if (drawn && document.body.dataset.snippets === 'done') observer.disconnect(), resolve(true);
      });
      observer.observe(document.body, { attributes: true, attributeFilter: ['data-results', 'data-snippets'] });
      setTimeout(() => (observer.disconnect(), resolve(false)), 5000);
    });
    delete document.body.dataset.snippets;
    document.getElementById('q').value = query;
    document.getElementById('filters').requestSubmit();
    if (await done) times.push({ drawn, filled: performance.now() - t, ...JSON.parse(document.body.dataset.searchMs) });
  }
  return times;
}, queries);
const profile = incognito ? null : mkdtempSync(path.join(os.tmpdir(), 'bantin-reload-'));
const browser = incognito ? await chromium.launch(launchOptions) : null;
console.log(incognito ? 'profile: in memory (--incognito)' : `profile: on disk (${profile})`);
// What one page load measured, once the list is searchable: when the
// page's marks were set (the library's worker ready, the index open, the
// list searchable), the library's own timings (read and load, or read and
// index), the longest main-thread task, the JS heap, the worker's wasm heap.
const measured = (page) => page.evaluate(() => new Promise((resolve) => {
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
  const answer = async (tasks) => {
    // The budget panel is drawn after the first search.
    for (let waited = 0; !document.body.dataset.indexMemory && waited < 5000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    resolve(measures(tasks));
  };
  const measures = (tasks) => ({
    libraryMs: mark('bantin-library'), openedMs: mark('bantin-opened'), searchableMs: mark('bantin-searchable'),
    open: JSON.parse(document.body.dataset.openMs ?? '{}'),
    longestTaskMs: Math.max(0, ...tasks.map((e) => e.duration)),
    heapMB: (performance.memory?.usedJSHeapSize ?? 0) / 1e6,
    // The worker's WebAssembly heap (the budget panel's index memory).
    wasmMB: Number(document.body.dataset.indexMemory ?? NaN) / 1e6,
  });
  new PerformanceObserver((list, observer) => (observer.disconnect(), answer(list.getEntries())))
    .observe({ type: 'longtask', buffered: true });
  setTimeout(() => answer([]), 2000);  // a page with no long task at all still answers
}));
// The viewer opened in `page` until its articles are loaded, and what
// that load measured.
async function visit(page) {
  await page.goto(site.url);
  await page.waitForSelector('body[data-loaded="true"]', { timeout: 600000 });
  return measured(page);
}
// One more first visit, in a browser profile of its own: the longest
// main-thread task while the viewer fetches and indexes the bundle.
async function firstVisitLongestTask() {
  const dir = incognito ? null : mkdtempSync(path.join(os.tmpdir(), 'bantin-first-'));
  const context = incognito ? await browser.newContext() : await chromium.launchPersistentContext(dir, launchOptions);
  try {
    return (await visit(await context.newPage())).longestTaskMs;
  } finally {
    await context.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
try {
  const context = incognito ? await browser.newContext() : await chromium.launchPersistentContext(profile, launchOptions);
  let page = await context.newPage();
  if (savedIndex) {
    await page.goto(`${site.url}bench/blank.html`);
    console.log(`stored ${await preload(page, path.basename(savedIndex))} lines and the saved index`);
    site.setBundle(null);  // the viewer's visit below finds it kept, nothing to fetch
  }
  const first = await visit(page);
  await waitForSavedIndex(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  const runs = { saved: [], reopened: [], built: [] };
  const searches = [];
  for (const way of savedIndex ? ['saved', 'reopened'] : ['saved', 'reopened', 'built']) {
    for (let r = 0; r < Number(reloads); ++r) {
      const expected = way === 'built' ? 'built' : 'saved';  // the index the page should open with
      if (way === 'built') await dropSavedIndex(page);
      if (way === 'reopened') {
        // The tab closed, its worker with it, and the viewer opened again
        // in a new one a second later: a reader coming back to the archive.
        await page.close();
        await new Promise((resolve) => setTimeout(resolve, 1000));
        page = await context.newPage();
        await page.goto(site.url);
      } else {
        await page.reload();
      }
      await page.waitForSelector('body[data-ready="true"]', { timeout: 600000 });
      const how = await page.evaluate(() => document.body.dataset.index);
      if (how !== expected) {
        // Said, not hidden: a reload that found no usable saved index.
        const why = await page.evaluate(() => document.body.dataset.indexWhy);
        console.log(`reload ${r + 1} meant to use the ${expected} index used the ${how} one (${why}); not counted`);
      } else {
        runs[way].push(await measured(page));
        // Searched after each, as a reader would: what the next reload
        // tears down is a used page (its worker's teardown, after a
        // reader's searches, overlaps the next page's start).
        const times = await searchTimes(page);
        if (way === 'saved') searches.push(...times);
      }
      await page.waitForSelector('body[data-loaded="true"]', { timeout: 600000 });
    }
  }
  await context.close();
  if (!savedIndex) {
    // More first visits, each in a profile of its own (nothing stored yet).
    const longest = [first.longestTaskMs];
    while (longest.length < firstVisits) longest.push(await firstVisitLongestTask());
    console.log(`first visit (index the bundle), median of ${longest.length}: longest task ` +
                `${median(longest).toFixed(0)} ms (${longest.map((t) => t.toFixed(0)).join(' / ')})`);
  }
  const percentiles = (key) => {
    const sorted = searches.map((s) => s[key]).filter((v) => v !== undefined).sort((a, b) => a - b);
    return `p50 ${sorted[sorted.length >> 1].toFixed(1)} ms, p99 ${sorted[Math.floor(sorted.length * 0.99)].toFixed(1)} ms`;
  };
  if (searches.length) {
    console.log(`search after a reload, ${searches.length} queries, from submit: list drawn ${percentiles('drawn')}; ` +
                `its snippets filled ${percentiles('filled')}`);
    console.log(`  in the worker: the index's search ${percentiles('search')}; ` +
                `snippets from the stored lines ${percentiles('snippets')}`);
  }
  const ms = (list, f) => `${median(list.map(f)).toFixed(0)} ms`;
  for (const [way, list] of Object.entries(runs)) {
    if (!list.length) continue;
    const what = { saved: 'reload, saved index', reopened: 'opened again in a new tab, saved index', built: 'reload, built index' }[way];
    console.log(`${what}, median of ${list.length}: searchable after ` +
                `${ms(list, (r) => r.searchableMs)} (${list.map((r) => r.searchableMs.toFixed(0)).join(' / ')}), ` +
                `longest task ${ms(list, (r) => r.longestTaskMs)}, JS heap ` +
                `${median(list.map((r) => r.heapMB)).toFixed(0)} MB, the worker's wasm heap ` +
                `${median(list.map((r) => r.wasmMB)).toFixed(0)} MB`);
    const steps = Object.keys(list[0].open).map((k) => `${k} ${ms(list, (r) => r.open[k])}`).join(', ');
    console.log(`  worker ready at ${ms(list, (r) => r.libraryMs)}, index open at ${ms(list, (r) => r.openedMs)} ` +
                `(${steps}), first search done at ${ms(list, (r) => r.searchableMs)}`);
  }
} finally {
  await browser?.close();
  await site.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
}
