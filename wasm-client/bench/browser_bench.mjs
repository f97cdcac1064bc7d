// The same measurement (bench/measure.mjs) in headless Chromium (Debian's,
// playwright-core): the viewer's files served from 127.0.0.1 as `bantin
// serve` lays them out, the bundle fetched by the page as the viewer does,
// then loaded into the wasm Index and searched inside the page.
//
//   build/bin/make_bundle /tmp/bundle10k.ndjson --generated 10000
//   node wasm-client/bench/browser_bench.mjs /tmp/bundle10k.ndjson
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveViewer } from '../tools/static_server.mjs';
import { launchOptions } from './chromium.mjs';
import { report } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const build = process.env.BANTIN_BUILD ?? path.resolve(here, '../../build');
const bundle = process.argv[2];
if (!bundle) {
  console.error('usage: node browser_bench.mjs BUNDLE.ndjson');
  process.exit(2);
}
// The measuring module is served beside the viewer, under /bench/.
const site = await serveViewer({ web: path.join(build, 'web'), wasm: path.join(build, 'wasm'), bundle, extra: { '/bench/': here } });
const browser = await chromium.launch(launchOptions);
try {
  const page = await browser.newPage();
  await page.goto(site.url + 'bench/blank.html');
  const result = await page.evaluate(async () => {
    const { Index } = await import('/wasm/bantin.mjs');
    const { measure } = await import('/bench/measure.mjs');
    globalThis.bundle = new Uint8Array(await (await fetch('/bundle')).arrayBuffer());
    globalThis.Index = Index;
    return measure(Index, globalThis.bundle);
  });
  // The page has no CPU clock; DevTools' ThreadTime (the renderer main
  // thread's CPU time) around single index builds gives one.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value * 1000;
  const cpuRuns = [];
  for (let b = 0; b < 5; ++b) {
    const t0 = await threadTime();
    await page.evaluate(() => {
      const index = new globalThis.Index();
      index.addBundle(globalThis.bundle);
      index.dispose();
    });
    cpuRuns.push((await threadTime()) - t0);
  }
  result.indexCpuMs = cpuRuns.sort((a, b) => a - b)[2];
  console.log(report(`Chromium ${browser.version()}`, result));
} finally {
  await browser.close();
  await site.close();
}
