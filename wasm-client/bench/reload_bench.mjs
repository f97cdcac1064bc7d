// The viewer reloaded with a large archive stored, in headless Chromium:
// the first visit loads a bundle (indexing every article, then saving the
// index into IndexedDB); each reload then opens from IndexedDB with the
// network off (the service worker serves the app), as a reader opening
// the archive offline. First every reload from the saved index, then every
// reload with it deleted first (the viewer indexes every stored article, as
// before the saved index existed). Printed, medians of each: time from navigation to a
// searchable list (the page's 'bantin-searchable' mark), the longest
// main-thread task (long-task entries), the JS heap; and the first visit's
// longest task.
//
//   build/bin/make_bundle /tmp/bundle10k.ndjson --generated 10000
//   node wasm-client/bench/reload_bench.mjs /tmp/bundle10k.ndjson [RELOADS]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveViewer } from '../tools/static_server.mjs';
import { waitForSavedIndex, dropSavedIndex } from '../tools/saved_index.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const build = process.env.BANTIN_BUILD ?? path.resolve(here, '../../build');
const [bundle, reloads = '5'] = process.argv.slice(2);
if (!bundle) {
  console.error('usage: node reload_bench.mjs BUNDLE.ndjson [RELOADS]');
  process.exit(2);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const site = await serveViewer({ web: path.join(build, 'web'), wasm: path.join(build, 'wasm'), bundle });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--enable-precise-memory-info',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// What one page load measured, once the list is searchable.
const measured = (page) => page.evaluate(() => new Promise((resolve) => {
  const longest = (entries) => Math.max(0, ...entries.map((e) => e.duration));
  new PerformanceObserver((list, observer) => {
    observer.disconnect();
    resolve({
      searchableMs: performance.getEntriesByName('bantin-searchable')[0]?.startTime ?? NaN,
      longestTaskMs: longest(list.getEntries()),
      heapMB: (performance.memory?.usedJSHeapSize ?? 0) / 1e6,
      articles: Number(document.getElementById('list').children.length),
    });
  }).observe({ type: 'longtask', buffered: true });
  // A page with no long task at all still answers.
  setTimeout(() => resolve({
    searchableMs: performance.getEntriesByName('bantin-searchable')[0]?.startTime ?? NaN,
    longestTaskMs: 0, heapMB: (performance.memory?.usedJSHeapSize ?? 0) / 1e6,
  }), 2000);
}));
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url);
  await page.waitForSelector('body[data-loaded="true"]', { timeout: 600000 });
  const first = await measured(page);
  await waitForSavedIndex(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  const runs = { saved: [], built: [] };
  for (const way of ['saved', 'built']) {
    for (let r = 0; r < Number(reloads); ++r) {
      if (way === 'built') await dropSavedIndex(page);
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]', { timeout: 600000 });
      const how = await page.evaluate(() => document.body.dataset.index);
      if (how !== way) {
        // Said, not hidden: a reload that found no usable saved index.
        const why = await page.evaluate(() => document.body.dataset.indexWhy);
        console.log(`reload ${r + 1} meant to use the ${way} index used the ${how} one (${why}); not counted`);
      } else {
        runs[way].push(await measured(page));
      }
      await page.waitForSelector('body[data-loaded="true"]', { timeout: 600000 });
    }
  }
  console.log(`first visit (index the bundle): longest task ${first.longestTaskMs.toFixed(0)} ms`);
  for (const [way, list] of Object.entries(runs))
    if (list.length) console.log(`reload, ${way} index, median of ${list.length}: searchable after ` +
                `${median(list.map((r) => r.searchableMs)).toFixed(0)} ms ` +
                `(${list.map((r) => r.searchableMs.toFixed(0)).join(' / ')}), longest task ` +
                `${median(list.map((r) => r.longestTaskMs)).toFixed(0)} ms, JS heap ` +
                `${median(list.map((r) => r.heapMB)).toFixed(0)} MB`);
  await context.close();
} finally {
  await browser.close();
  await site.close();
}
