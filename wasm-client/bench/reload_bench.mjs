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
// What one page load measured, once the list is searchable: when the
// page's marks were set (the library's worker ready, the index open, the
// list searchable), the library's own timings (read and load, or read and
// index), the longest main-thread task, the JS heap.
const measured = (page) => page.evaluate(() => new Promise((resolve) => {
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
  const answer = (tasks) => resolve({
    libraryMs: mark('bantin-library'), openedMs: mark('bantin-opened'), searchableMs: mark('bantin-searchable'),
    open: JSON.parse(document.body.dataset.openMs ?? '{}'),
    longestTaskMs: Math.max(0, ...tasks.map((e) => e.duration)),
    heapMB: (performance.memory?.usedJSHeapSize ?? 0) / 1e6,
  });
  new PerformanceObserver((list, observer) => (observer.disconnect(), answer(list.getEntries())))
    .observe({ type: 'longtask', buffered: true });
  setTimeout(() => answer([]), 2000);  // a page with no long task at all still answers
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
  const ms = (list, f) => `${median(list.map(f)).toFixed(0)} ms`;
  for (const [way, list] of Object.entries(runs)) {
    if (!list.length) continue;
    console.log(`reload, ${way} index, median of ${list.length}: searchable after ` +
                `${ms(list, (r) => r.searchableMs)} (${list.map((r) => r.searchableMs.toFixed(0)).join(' / ')}), ` +
                `longest task ${ms(list, (r) => r.longestTaskMs)}, JS heap ` +
                `${median(list.map((r) => r.heapMB)).toFixed(0)} MB`);
    const steps = Object.keys(list[0].open).map((k) => `${k} ${ms(list, (r) => r.open[k])}`).join(', ');
    console.log(`  worker ready at ${ms(list, (r) => r.libraryMs)}, index open at ${ms(list, (r) => r.openedMs)} ` +
                `(${steps}), first search done at ${ms(list, (r) => r.searchableMs)}`);
  }
  await context.close();
} finally {
  await browser.close();
  await site.close();
}
