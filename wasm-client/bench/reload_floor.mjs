// What a reload costs before the viewer's own work: offline reloads in
// headless Chromium, with nothing stored, of four pages served alike
// (the viewer's service worker, network first, answering from its cache):
//
//   empty worker    a page that only starts a module worker, which answers
//                   at once: what the navigation and a worker's start cost;
//   blank page      the same page, its worker compiling the WebAssembly
//                   module and importing its glue (bantin_core.mjs): the
//                   floor under any reload of the viewer on this machine;
//   viewer worker   the same blank page starting the viewer's own worker
//                   (worker.js: the library, its store and the module);
//   viewer          the viewer as built.
//
// Printed, medians per page: time from navigation to the worker's ready
// message (the viewer: its 'bantin-library' mark) and, for the viewer, to
// a searchable list ('bantin-searchable'). Pages alternate round by round,
// each round in a new browser profile, so the machine's moments fall on all
// of them alike. reload_bench.mjs measures the viewer with articles stored.
//
//   node wasm-client/bench/reload_floor.mjs [ROUNDS] [RELOADS]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { serveViewer } from '../tools/static_server.mjs';
import { launchOptions } from './chromium.mjs';
import { median } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const build = process.env.BANTIN_BUILD ?? path.resolve(here, '../../build');
const [rounds = '3', reloads = '5'] = process.argv.slice(2);

// The blank page: the viewer's files (so its service worker caches what it
// lists) with index.html replaced, and the worker it starts.
const blankPage = (worker) => `<!doctype html><meta charset="utf-8"><title>floor</title>
<script>
  const worker = new Worker('${worker}', { type: 'module' });
  worker.onmessage = (e) => e.data?.ready && (performance.mark('bantin-library'), document.documentElement.dataset.ready = 'true');
  navigator.serviceWorker.register('sw.js');
</script>`;
const floorWorker = `const module = await WebAssembly.compileStreaming(fetch(new URL('wasm/bantin_core.wasm', import.meta.url)));
await import('./wasm/bantin_core.mjs');
self.postMessage({ ready: Boolean(module) });`;
const emptyWorker = `self.postMessage({ ready: true });`;
const dirs = mkdtempSync(path.join(os.tmpdir(), 'bantin-floor-'));
const blankPageDir = (worker) => {
  const web = path.join(dirs, worker);
  cpSync(path.join(build, 'web'), web, { recursive: true });
  writeFileSync(path.join(web, 'index.html'), blankPage(worker));
  writeFileSync(path.join(web, 'floor_worker.js'), floorWorker);
  writeFileSync(path.join(web, 'empty_worker.js'), emptyWorker);
  return web;
};
const pages = {
  'empty worker': blankPageDir('empty_worker.js'),
  'blank page': blankPageDir('floor_worker.js'),
  'viewer worker': blankPageDir('worker.js'),
  viewer: path.join(build, 'web'),
};

// Offline reloads of one page in a new profile: [{ready, searchable}] in ms.
async function reloadsOf(web) {
  const site = await serveViewer({ web, wasm: path.join(build, 'wasm') });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'bantin-floor-profile-'));
  const context = await chromium.launchPersistentContext(profile, launchOptions);
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();  // now under the service worker
    await context.setOffline(true);
    const times = [];
    for (let r = 0; r < Number(reloads); ++r) {
      await page.reload();
      await page.waitForSelector('[data-ready="true"]', { timeout: 60000 });
      times.push(await page.evaluate(() => {
        const mark = (name) => performance.getEntriesByName(name)[0]?.startTime;
        return { ready: mark('bantin-library'), searchable: mark('bantin-searchable') };
      }));
    }
    return times;
  } finally {
    await context.close();
    await site.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const all = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
try {
  for (let round = 1; round <= Number(rounds); ++round) {
    for (const [name, web] of Object.entries(pages)) {
      const times = await reloadsOf(web);
      all[name].push(...times);
      console.log(`round ${round}, ${name}: worker ready ${median(times.map((t) => t.ready)).toFixed(0)} ms`);
    }
  }
} finally {
  rmSync(dirs, { recursive: true, force: true });
}
const floor = median(all['blank page'].map((t) => t.ready));
for (const [name, times] of Object.entries(all)) {
  const ready = median(times.map((t) => t.ready));
  const searchable = times[0].searchable === undefined ? '' : `, searchable ${median(times.map((t) => t.searchable)).toFixed(0)} ms`;
  console.log(`${name}, median of ${times.length} offline reloads: worker ready ${ready.toFixed(0)} ms ` +
              `(${(ready / floor).toFixed(2)}× the blank page's)${searchable}`);
}
