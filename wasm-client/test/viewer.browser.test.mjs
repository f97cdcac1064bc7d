// A real headless Chromium (Debian's) driving the viewer: served by a real
// `bantin serve`; served statically with a bundle at /bundle (listed by
// itself) or without one; pages dropped and picked, filtered, opened, the
// raw page shown; the network then taken away (server stopped) and the page
// reloaded; and the single-file build opened from disk. Expected values come
// from the same wasm module in Node, which search.test.mjs ties to native.
// Screenshots go to build/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveViewer } from '../tools/static_server.mjs';
import { root, build, pages as allPages } from '../tools/pages.mjs';
import { waitForSavedIndex } from '../tools/saved_index.mjs';

const bantin = path.join(build, 'bin/bantin');
const web = path.join(build, 'web');
const wasm = path.join(build, 'wasm');
const seed = path.join(root, 'seeds/003_4243e8b00d04b6f6.txt');
const shots = path.join(build, 'screenshots');
const { Index, parse } = await import(path.join(wasm, 'bantin.mjs'));

const pages = allPages();

let browser, tmp, bundleFile;

before(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'bantin-viewer-'));
  bundleFile = path.join(tmp, 'bundle.ndjson');
  execFileSync(path.join(build, 'bin/make_bundle'), [bundleFile, ...pages]);
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--allow-file-access-from-files'],
  });
});

after(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// A page in a fresh context (its own storage), failing the test on errors.
async function freshPage(viewport = { width: 1200, height: 1000 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
  return { context, page, errors };
}

const listIds = (page) => page.$$eval('#list .item', (els) => els.map((e) => e.dataset.id));
const search = async (page, query) => {
  await page.fill('#q', query);
  await page.press('#q', 'Enter');
  await page.waitForFunction((q) => document.getElementById('q').value === q, query);
};

// Writes need a bearer token: the server gets the file, and so does ingest.
function startBantinServe(dbDir) {
  const token = path.join(dbDir, 'write-token');
  writeFileSync(token, 'viewer-test-token-0123456789\n');
  const server = spawn(bantin, ['serve', '--db', path.join(dbDir, 'db'), '--listen', '127.0.0.1:0',
                                '--http', '127.0.0.1:0', '--write-token-file', token, '--quiet'],
                       { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/viewer on (http:\/\/\S+)/);
      const grpc = out.match(/gRPC API on (\S+)/);
      if (m && grpc) resolve({ url: m[1], grpc: grpc[1], server, token });
    });
    server.on('exit', (code) => reject(new Error(`bantin serve exited with ${code}: ${out}`)));
  });
}

test('served by bantin serve: its bundle and index fetched by itself; a picked page rendered', async () => {
  const dbDir = mkdtempSync(path.join(tmp, 'db-'));
  const { url, grpc, server, token } = await startBantinServe(dbDir);
  const { context, page, errors } = await freshPage({ width: 900, height: 1200 });
  try {
    const others = pages.filter((p) => p !== seed);
    execFileSync(bantin, ['ingest', '--server', grpc, '--token-file', token, ...others], { stdio: 'ignore' });
    const expected = JSON.parse(execFileSync(bantin, ['parse', '--json', seed]).toString('utf8'));
    await page.goto(url);
    await page.waitForSelector('body[data-loaded="true"]');
    // The service's bundle (GET /bundle), fetched and listed by itself.
    await page.waitForFunction((n) => document.querySelectorAll('#list .item').length === n, others.length);
    assert.equal((await listIds(page)).length, others.length);
    // Its index came from the server (GET /index), not indexed here; it
    // finds what the server finds, its snippets cut from the stored lines.
    assert.equal(await page.evaluate(() => document.body.dataset.index), 'server');
    await search(page, 'tỉnh ủy');
    const served = JSON.parse(execFileSync(bantin, ['search', '--server', grpc, '--json', 'tỉnh ủy']).toString('utf8'));
    await page.waitForFunction((n) => document.body.dataset.results === n, served.totalSize);
    assert.ok(Number(served.totalSize) > 1 && Number(served.totalSize) <= 50);
    assert.deepEqual((await listIds(page)).sort(), served.results.map((r) => r.id).sort());
    await page.waitForSelector('body[data-snippets="done"]');
    assert.ok(await page.locator('#list .item-snippet mark').count() > 0);
    await page.click('#reset');
    await page.setInputFiles('#file', seed);
    await page.waitForSelector('#article:not([hidden])');
    assert.equal(await page.textContent('#title'), expected.title);
    assert.match(await page.textContent('#date'), /15\/01\/2021 08:41:57/);
    assert.match(await page.textContent('#source'), /Hưng Yên/);
    // The provinces the article is about, shown apart from the publisher's.
    assert.ok(expected.places?.length);
    assert.equal(await page.textContent('#places'), `Địa bàn: ${expected.places.join(', ')}`);
    const paragraphs = await page.$$eval('#blocks p', (els) => els.map((e) => e.textContent));
    assert.deepEqual(paragraphs, expected.blocks.filter((b) => b.kind === 'BLOCK_KIND_PARAGRAPH').map((b) => b.text));
    assert.equal(await page.locator('#blocks figcaption').count(), 2);
    assert.equal(await page.locator('#blocks li').count(), 8);
    assert.equal(await page.locator('#related-list li').count(), expected.related?.length ?? 0);
    // What offline use needs from this server: the service worker (served
    // as JavaScript) activates, and the single file is there to download.
    assert.equal(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => !!r.active)), true);
    const single = await page.evaluate(async () => {
      const r = await fetch(document.getElementById('single-file').href);
      return [r.status, (await r.text()).includes('bantinWasmBinary')];
    });
    assert.deepEqual(single, [200, true]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    server.kill('SIGTERM');
  }
});

// A returning reader downloads only what changed: the server's cursor and
// ETag are kept beside the articles; a reload brings new articles and
// deletions (and a 304 when nothing changed); the app is installable.
test('sync: a reload fetches only new and deleted articles; 304 when nothing changed; installable', async () => {
  const dbDir = mkdtempSync(path.join(tmp, 'db-'));
  const { url, grpc, server, token } = await startBantinServe(dbDir);
  const { context, page, errors } = await freshPage();
  const bundles = [];  // [status, body bytes, url] of every /bundle answer
  page.on('response', async (r) => {
    if (!new URL(r.url()).pathname.endsWith('/bundle')) return;
    bundles.push([r.status(), r.status() === 200 ? (await r.body()).length : 0, r.url()]);
  });
  const cli = (...args) => execFileSync(bantin, [...args, '--server', grpc, '--token-file', token]).toString('utf8');
  const loaded = async (n) => {
    await page.waitForSelector('body[data-loaded="true"]');
    await page.waitForFunction((count) => document.querySelectorAll('#list .item').length === count, n);
  };
  try {
    cli('ingest', ...pages.slice(0, 4));
    await page.goto(url);
    await loaded(4);
    const first = await listIds(page);
    assert.equal(bundles.length, 1);
    assert.ok(!bundles[0][2].includes('since='));

    // Two new pages, one deleted: the reload's bundle carries those alone.
    cli('ingest', ...pages.slice(4, 6));
    cli('delete', first[0]);
    await page.reload();
    await loaded(5);
    const second = await listIds(page);
    assert.ok(!second.includes(first[0]));
    for (const id of first.slice(1)) assert.ok(second.includes(id));
    assert.equal(bundles.length, 2);
    assert.match(bundles[1][2], /since=/);
    assert.equal(bundles[1][0], 200);
    assert.ok(bundles[1][1] < bundles[0][1], `changes (${bundles[1][1]} bytes) are less than everything (${bundles[0][1]})`);

    // Nothing new: 304, no body; then offline reload keeps the same list.
    await page.reload();
    await loaded(5);
    assert.deepEqual(bundles[2].slice(0, 2), [304, 0]);
    assert.match(await page.textContent('#status'), /Không có bài mới/);

    // Installable: a manifest with a name, a start URL, standalone display
    // and icons that load.
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector('link[rel="manifest"]');
      const m = await (await fetch(link.href)).json();
      const icons = await Promise.all(m.icons.map(async (i) => (await fetch(new URL(i.src, link.href))).status));
      return { ...m, iconStatus: icons };
    });
    assert.equal(manifest.short_name, 'bantin');
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.start_url, './');
    assert.ok(manifest.icons.some((i) => i.sizes === '512x512'));
    assert.deepEqual(manifest.iconStatus, manifest.icons.map(() => 200));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    server.kill('SIGTERM');
  }
});

test('served with a bundle at /bundle: the viewer lists its articles by itself', async () => {
  const site = await serveViewer({ web, wasm, bundle: bundleFile });
  const { context, page, errors } = await freshPage();
  try {
    await page.goto(site.url);
    await page.waitForSelector('body[data-loaded="true"]');
    assert.ok(site.requests.includes('/bundle'));
    const count = JSON.parse(readFileSync(bundleFile, 'utf8').split('\n')[0]).count;
    assert.equal((await listIds(page)).length, count);
    assert.match(await page.textContent('#status'), new RegExp(`thêm ${count} bài`));
    // Newest first with no query, title, date, province and author shown.
    const first = await page.$eval('#list .item', (e) => e.textContent);
    const index = new Index();
    index.addBundle(readFileSync(bundleFile, 'utf8'));
    const newest = index.search('').results[0];
    assert.ok(first.includes(newest.title) && first.includes(newest.source.province) && first.includes(newest.author));

    // What is kept, shown; old months dropped from the list and the store.
    await page.waitForFunction((n) => document.getElementById('budget-summary').textContent.startsWith(`${n} bài`), count);
    assert.match(await page.textContent('#budget-summary'), /^\d+ bài · dùng [\d.]+ MB \/ [\d.]+ MB/);
    const months = (index.search('').monthFacets ?? []).map((f) => f.value).sort();
    assert.ok(months.length >= 3);
    const before = months[Math.floor(months.length / 2)];
    const dropped = Number(index.search(`date<${before}`).totalSize ?? 0);
    assert.ok(dropped > 0);
    await page.click('#budget summary');
    await page.selectOption('#drop-before', before);
    await page.click('#drop-old button');
    await page.waitForFunction((n) => document.querySelectorAll('#list .item').length === n, count - dropped);
    assert.match(await page.textContent('#status'), new RegExp(`Đã xoá ${dropped} bài`));
    assert.match(await page.textContent('#budget-summary'), new RegExp(`^${count - dropped} bài`));
    const kept = await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('bantin-viewer');
      open.onsuccess = () => {
        const r = open.result.transaction('articles').objectStore('articles').count();
        r.onsuccess = () => resolve(r.result);
      };
    }));
    assert.equal(kept, count - dropped);
    index.dispose();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await site.close();
  }
});

// The count a reload compares with the saved index's size is kept beside
// the articles (store.js), not counted each time: it must follow every put
// and removal, repeated ids and absent ones included.
test('the store keeps its article count with the articles', async () => {
  const site = await serveViewer({ web, wasm, bundle: null });
  const { context, page, errors } = await freshPage();
  try {
    await page.goto(site.url);
    await page.waitForSelector('body[data-loaded="true"]');
    const steps = await page.evaluate(async () => {
      const { openStore } = await import('/store.js');
      const store = await openStore();
      const db = await new Promise((resolve) => (indexedDB.open('bantin-viewer').onsuccess = (e) => resolve(e.target.result)));
      const inDb = (objectStore, how) => new Promise((resolve, reject) => {
        const tx = db.transaction(objectStore, how === 'count' ? 'readonly' : 'readwrite');
        const r = how === 'count' ? tx.objectStore(objectStore).count() : tx.objectStore(objectStore).delete('count');
        tx.oncomplete = () => resolve(r.result);
        tx.onerror = () => reject(tx.error);
      });
      const lines = (...ids) => ids.map((id) => ({ id, line: `{"id":"${id}"}` }));
      const seen = [];
      const step = async (what) => seen.push({ what, kept: await store.count(), records: await inDb('articles', 'count') });
      await store.put(lines('a', 'b', 'a'));
      await step('two new, one of them twice');
      await store.put(lines('b', 'c'));
      await step('one again, one new');
      await store.remove(['a', 'absent', 'a']);
      await step('one present given twice, one absent');
      await store.remove('c');
      await step('one id alone');
      await inDb('meta', 'delete');  // as a store written before the count was kept
      await step('no count kept');
      await store.put(lines('d'));
      await step('one new after that');
      await store.clear();
      await step('cleared');
      return seen;
    });
    assert.deepEqual(steps.map((s) => [s.what, s.kept]), [
      ['two new, one of them twice', 2], ['one again, one new', 3], ['one present given twice, one absent', 2],
      ['one id alone', 1], ['no count kept', 1], ['one new after that', 2], ['cleared', 0],
    ]);
    for (const s of steps) assert.equal(s.kept, s.records, s.what);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('drop pages, filter, open, raw page; then offline, reload: still there and searchable', async () => {
  const site = await serveViewer({ web, wasm, bundle: null });  // a static host: /bundle is 404
  const { context, page, errors } = await freshPage();
  const expected = new Index();
  for (const p of pages) expected.addPage(readFileSync(p));
  try {
    await page.goto(site.url);
    await page.waitForSelector('body[data-loaded="true"]');
    assert.match(await page.textContent('#status'), /không cung cấp gói bài/);
    // The library (index, store, parsing) runs in a worker, not on the page.
    assert.equal(await page.evaluate(() => document.body.dataset.library), 'worker');
    assert.ok(page.workers().some((w) => w.url().endsWith('/worker.js')), page.workers().map((w) => w.url()).join());
    // Drop every seed and fixture at once, as a reader drags them from a folder.
    const files = pages.map((p) => ({ name: path.basename(p), bytes: [...readFileSync(p)] }));
    const dataTransfer = await page.evaluateHandle((files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
      return dt;
    }, files);
    await page.dispatchEvent('#drop', 'drop', { dataTransfer });
    await page.waitForFunction((n) => document.querySelectorAll('#list .item').length === n, pages.length);
    assert.deepEqual(await listIds(page), expected.search('', { pageSize: 50 }).results.map((r) => r.id));

    // Free text, accent-insensitive, exact accents first, highlighted; facets counted.
    await search(page, 'tỉnh ủy');
    const want = expected.search('tỉnh ủy', { pageSize: 50 });
    await page.waitForFunction((n) => document.body.dataset.results === n, want.totalSize);
    assert.deepEqual(await listIds(page), want.results.map((r) => r.id));
    const marks = await page.$$eval('#list mark', (els) => els.map((e) => e.textContent.toLowerCase()));
    assert.ok(marks.length > 0 && marks.every((m) => /^t[iỉ]nh$|^[uủ][yỷ]$|^ủy$|^uỷ$/.test(m.normalize('NFC'))), marks.join(','));
    const chips = await page.$$eval('#facets .chip[data-kind=province]', (els) => els.map((e) => e.textContent));
    assert.equal(chips.length, want.provinceFacets.length);
    // The province menu: every province of the answer, in Vietnamese order
    // (sorted in the worker).
    const menu = want.provinceFacets.map((f) => f.value).sort(new Intl.Collator('vi').compare);
    assert.ok(menu.length >= 2, menu.join());
    await page.waitForFunction((n) => document.querySelectorAll('#province option').length === n, menu.length + 1);
    assert.deepEqual(await page.$$eval('#province option', (els) => els.slice(1).map((e) => e.value)), menu);
    await page.screenshot({ path: path.join(shots, 'viewer-list.png'), fullPage: false });

    // Province by its facet chip, then a date range and an author.
    const province = want.provinceFacets[0].value;
    await page.click(`#facets .chip[data-kind=province][data-value="${province}"]`);
    await page.waitForFunction((p) => document.getElementById('province').value === p, province);
    const byProvince = expected.search('tỉnh ủy', { province });
    assert.deepEqual(await listIds(page), byProvince.results.map((r) => r.id));
    assert.ok((await page.$$eval('#list .item-province', (e) => e.map((x) => x.textContent))).every((p) => p === province));
    // A province the articles are about, by its chip: a place: clause.
    await page.click('#reset');
    await search(page, 'tỉnh ủy');
    await page.waitForFunction((n) => document.body.dataset.results === n, want.totalSize);
    assert.ok(want.placeFacets?.length);
    const place = want.placeFacets[0].value;
    await page.click(`#facets .chip[data-kind=place][data-value="${place}"]`);
    const byPlace = expected.search(`tỉnh ủy place:"${place}"`);
    await page.waitForFunction((n) => document.body.dataset.results === n, byPlace.totalSize);
    assert.equal(byPlace.totalSize, want.placeFacets[0].count);
    assert.deepEqual(await listIds(page), byPlace.results.map((r) => r.id));
    await page.click('#reset');
    await page.fill('#from', '2021-01-01');
    await page.fill('#to', '2021-12-31');
    await page.dispatchEvent('#to', 'change');
    const in2021 = expected.search('', { from: '2021-01-01', to: '2021-12-31', pageSize: 50 });
    await page.waitForFunction((n) => document.body.dataset.results === n, in2021.totalSize);
    assert.ok(Number(in2021.totalSize) >= 2);
    const dates = await page.$$eval('#list .item-date', (e) => e.map((x) => x.textContent));
    assert.ok(dates.every((d) => d.endsWith('/2021')), dates.join(','));
    await page.click('#reset');
    await page.fill('#author', 'Kăn Sương');
    await page.dispatchEvent('#author', 'change');
    const byAuthor = expected.search('', { author: 'Kăn Sương' });
    await page.waitForFunction((n) => document.body.dataset.results === n, byAuthor.totalSize);
    assert.deepEqual(await listIds(page), byAuthor.results.map((r) => r.id));
    // A malformed query says where, and leaves the list as it was.
    await search(page, '"tuyên giáo');
    await page.waitForSelector('#query-error:not([hidden])');
    assert.match(await page.textContent('#query-error'), /unterminated quote at offset 0/);

    // Keyboard: "/" to the search box, arrows to the list, Enter opens.
    await page.click('#reset');
    await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
    await page.keyboard.type('tuyên giáo');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.body.dataset.results === n,
                               expected.search('tuyên giáo').totalSize);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#article:not([hidden])');
    const top = expected.search('tuyên giáo').results[0];
    assert.equal(await page.textContent('#title'), top.title);

    // An article as a reader expects it: captions, lists, related titles, inferred dates marked.
    const hungYen = parse(readFileSync(seed));
    await page.click('#reset');
    await page.click(`#list .item[data-id="${hungYen.id}"]`);
    await page.waitForFunction((t) => document.getElementById('title').textContent === t, hungYen.title);
    assert.equal(await page.locator('#blocks figcaption').count(), 2);
    assert.equal(await page.locator('#blocks ul li').count(), 8);
    assert.equal(await page.locator('#related-list li').count(), hungYen.related?.length ?? 0);
    await page.screenshot({ path: path.join(shots, 'viewer-article.png') });
    const inferred = pages.map((p) => parse(readFileSync(p))).find((b) => b.dateInferred);
    await page.click(`#list .item[data-id="${inferred.id}"]`);
    await page.waitForSelector('#date .inferred');

    // The raw page, with the dropped boilerplate shaded.
    await page.click(`#list .item[data-id="${hungYen.id}"]`);
    await page.click('#raw-toggle');
    await page.waitForSelector('#raw-view:not([hidden])');
    const raw = await page.textContent('#raw');
    assert.equal(raw, readFileSync(seed, 'utf8'));
    const dropped = await page.$$eval('#raw .line.dropped', (els) => els.map((e) => e.dataset.role));
    assert.ok(dropped.includes('boilerplate') && dropped.includes('navigation'), dropped.join(','));
    await page.locator('#raw-view').screenshot({ path: path.join(shots, 'viewer-raw.png') });

    // Phone width: the article alone, with a way back.
    await page.click('#raw-toggle');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => scrollTo(0, 0));
    assert.equal(await page.isVisible('#browse'), false);
    await page.screenshot({ path: path.join(shots, 'viewer-phone-article.png') });
    await page.click('#back');
    assert.equal(await page.isVisible('#list'), true);
    await page.screenshot({ path: path.join(shots, 'viewer-phone-list.png') });

    // The network goes away for real: the server stops. A reload still
    // opens the app (service worker) and the articles (IndexedDB), the index
    // loaded from its saved form rather than built again; an article opened
    // then comes from its saved line.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await waitForSavedIndex(page, pages.length);
    await site.close();
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('body[data-loaded="true"]');
    assert.equal(await page.evaluate(() => document.body.dataset.index), 'saved');
    assert.equal((await listIds(page)).length, pages.length);
    assert.match(await page.textContent('#network'), /Ngoại tuyến/);
    await search(page, 'tinh uy');
    await page.waitForFunction((n) => document.body.dataset.results === n, expected.search('tinh uy').totalSize);
    assert.deepEqual(await listIds(page), expected.search('tinh uy', { pageSize: 50 }).results.map((r) => r.id));
    // The saved index keeps no texts: the list is drawn first, then the
    // snippets cut from the stored lines, as an index holding every
    // article shows them.
    await page.waitForSelector('body[data-snippets="done"]');
    const snippetsShown = await page.$$eval('#list .item', (els) =>
      els.map((e) => e.querySelector('.item-snippet')?.textContent ?? null));
    const snippetsWanted = expected.search('tinh uy', { pageSize: 50 }).results.map((r) => {
      const body = r.snippets?.find((sn) => sn.field !== 'title');
      return body?.highlights ? `${body.offset ? '… ' : ''}${body.text} …` : null;
    });
    assert.deepEqual(snippetsShown, snippetsWanted);
    assert.ok(snippetsShown.filter(Boolean).length >= 3);
    await page.click('#list .item');
    await page.waitForSelector('#article:not([hidden])');
    const first = expected.get(expected.search('tinh uy', { pageSize: 50 }).results[0].id);
    assert.equal(await page.textContent('#title'), first.title);
    await page.click('#raw-toggle');
    assert.ok((await page.textContent('#raw')).includes(first.title.slice(0, 20)));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await site.close().catch(() => {});
  }
});

test('the single-file build works opened from disk (file://), and keeps its articles', async () => {
  const { context, page, errors } = await freshPage();
  try {
    await page.goto(pathToFileURL(path.join(wasm, 'bantin-viewer.html')).href);
    await page.waitForSelector('body[data-loaded="true"]');
    assert.equal(await page.isVisible('#fetch-bundle'), false);
    // A file:// page cannot start the worker: the library runs in the page.
    assert.equal(await page.evaluate(() => document.body.dataset.library), 'page');
    await page.setInputFiles('#file', seed);
    await page.waitForSelector('#article:not([hidden])');
    assert.equal(await page.textContent('#title'), parse(readFileSync(seed)).title);
    await page.setInputFiles('#file', bundleFile);
    const count = JSON.parse(readFileSync(bundleFile, 'utf8').split('\n')[0]).count;
    await page.waitForFunction((n) => document.querySelectorAll('#list .item').length === n, count);
    await search(page, 'bảo');
    const expected = new Index();
    expected.addBundle(readFileSync(bundleFile, 'utf8'));
    await page.waitForFunction((n) => document.body.dataset.results === n, expected.search('bảo').totalSize);
    assert.deepEqual(await listIds(page), expected.search('bảo', { pageSize: 50 }).results.map((r) => r.id));
    // The font that draws stacked diacritics is inside the file too.
    assert.ok(await page.evaluate(() => document.fonts.check('16px "Noto Serif"', 'Việt Nam ở ễ')));
    // Chromium keeps IndexedDB for files as well: a reload keeps the articles.
    await page.reload();
    await page.waitForSelector('body[data-loaded="true"]');
    assert.equal(await page.locator('#list .item').count(), count);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
