// The viewer: pages dropped in are parsed by the same C++ core as the
// server (WebAssembly), bundles are read into the same index, and search,
// filters, highlights and facets come from core's engine. Articles persist
// in IndexedDB; a service worker keeps the app itself for offline use.
import { Index, BantinError } from './wasm/bantin.mjs';
import { openStore } from './store.js';
import { listItem, facetChips, renderArticle, renderRaw } from './render.js';

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 50;
const index = new Index();
const served = location.protocol === 'http:' || location.protocol === 'https:';
let store;
let nextPageToken = '';
let openId = '';
let opened = null;  // {bulletin, text} of the open article
let searchSerial = 0;

function status(text) { $('status').textContent = text; }

function filters() {
  return {
    province: $('province').value,
    from: $('from').value,
    to: $('to').value,
    author: $('author').value.trim(),
  };
}

// ---- Loading -------------------------------------------------------------

async function persist(records) {
  try {
    await store.put(records);
  } catch (e) {
    status(`Không lưu được vào trình duyệt: ${e.message}`);
  }
  saveIndexSoon();
}

// The index itself is kept too (core's saved form, a copy to load instead
// of indexing every article again), a moment after the last change.
let saving;
function saveIndexSoon() {
  clearTimeout(saving);
  saving = setTimeout(async () => {
    try {
      await store.putMeta('index', { bytes: index.save(), size: index.size });
    } catch {
      // Without room for it the viewer still works: it indexes at the next start.
    }
  }, 300);
}

// `bytes`: the bundle's NDJSON; the records to persist keep each article's
// line. A bundle of changes also deletes (already gone from the index) and
// says where the next one starts (`cursor`).
function loadBundle(bytes, origin) {
  const r = index.addBundle(bytes);
  let note = `${origin}: thêm ${r.added} bài`;
  if (r.updated) note += `, cập nhật ${r.updated} bài`;
  if (r.deleted.length) note += `, xoá ${r.deleted.length} bài`;
  if (r.duplicates) note += `, ${r.duplicates} bài đã có`;
  if (r.errors.length) note += `, ${r.errors.length} dòng lỗi (dòng ${r.errors[0].line}: ${r.errors[0].message})`;
  // Each line copied out of the bundle: IndexedDB would store a view's whole buffer.
  const records = r.articles.map(({ id, line }) => ({ id, line: line.slice() }));
  return { records, deleted: r.deleted, cursor: r.cursor, reset: r.reset, note };
}

// Lines (text or UTF-8 bytes) as the bytes of one bundle.
function asBundle(lines) {
  const encoder = new TextEncoder();
  const parts = [encoder.encode('{"bantinBundle":1}\n')];
  for (const line of lines) parts.push(typeof line === 'string' ? encoder.encode(line) : line, encoder.encode('\n'));
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) bytes.set(p, at), (at += p.length);
  return bytes;
}

function isBundle(name, head) {
  return /\.(ndjson|jsonl)$/i.test(name) || head.startsWith('{"bantinBundle"');
}

async function openFiles(files) {
  const records = [];
  const notes = [];
  let lastId = '';
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const head = new TextDecoder().decode(bytes.subarray(0, 16));
    try {
      if (isBundle(file.name, head)) {
        const r = loadBundle(bytes, file.name);
        records.push(...r.records);
        notes.push(r.note);
        continue;
      }
      const r = index.addPage(bytes, {});
      lastId = r.id;
      if (r.added) records.push({ id: r.id, line: index.article(r.id) });
      notes.push(`${file.name}: ${r.added ? 'đã phân tích' : 'đã có'}`);
    } catch (e) {
      notes.push(`${file.name}: lỗi — ${e.message}`);
    }
  }
  await persist(records);
  // Many files: a count, and only what went wrong by name.
  const failed = notes.filter((n) => n.includes(': lỗi'));
  status(notes.length <= 3 ? notes.join(' · ')
    : [`Đã mở ${files.length} tệp, có ${index.size} bài`, ...failed].join(' · '));
  await refresh();
  // One page dropped: the reader wants to read it.
  if (files.length === 1 && lastId) openArticle(lastId);
}

async function fetchBundle(automatic) {
  if (!served) {
    if (!automatic) status('Trang đang mở từ đĩa: không có máy chủ để tải bài.');
    return;
  }
  status('Đang tải bài từ máy chủ…');
  // After the first visit only what changed since: the server's cursor and
  // its ETag, kept beside the articles (a 304 when nothing did).
  const sync = await store.getMeta('sync').catch(() => undefined);
  const url = new URL('bundle', location.href);
  const headers = {};
  if (sync?.cursor) url.searchParams.set('since', sync.cursor);
  if (sync?.etag) headers['If-None-Match'] = sync.etag;
  let response;
  try {
    response = await fetch(url, { cache: 'no-store', headers });
  } catch {
    status(`Không kết nối được máy chủ — ${index.size} bài đã lưu vẫn đọc được.`);
    return;
  }
  if (response.status === 304) {
    status(`Không có bài mới — ${index.size} bài.`);
    return;
  }
  if (!response.ok) {
    status(response.status === 404
      ? `Máy chủ này không cung cấp gói bài — ${index.size} bài đã lưu vẫn đọc được.`
      : `Máy chủ trả lỗi ${response.status} — ${index.size} bài đã lưu vẫn đọc được.`);
    return;
  }
  try {
    const r = loadBundle(new Uint8Array(await response.arrayBuffer()), 'Máy chủ');
    for (const record of r.records) record.from = 'server';
    // Our cursor was of another database (the server's was replaced): what
    // it sent is all there is; the rest of what we had from it goes (pages
    // the reader opened here stay).
    if (r.reset && sync?.cursor) {
      const kept = new Set(r.records.map((record) => record.id));
      const gone = (await store.all()).filter((record) => record.from === 'server' && !kept.has(record.id))
        .map((record) => record.id);
      for (const id of gone) index.remove(id);
      r.deleted.push(...gone);
    }
    await persist(r.records);
    if (r.deleted.length) await store.remove(r.deleted).catch(() => {});
    if (r.cursor) await store.putMeta('sync', { cursor: r.cursor, etag: response.headers.get('ETag') ?? '' });
    status(r.note);
  } catch (e) {
    status(`Gói bài từ máy chủ không đọc được: ${e.message}`);
  }
  await refresh();
}

// ---- The list ------------------------------------------------------------

function showQueryError(message) {
  const box = $('query-error');
  box.hidden = !message;
  box.textContent = message ? `Câu tìm kiếm chưa đúng: ${message}` : '';
}

function provinceOptions(facets) {
  const select = $('province');
  const chosen = select.value;
  const values = new Set((facets || []).map((f) => f.value));
  if (chosen) values.add(chosen);
  const options = [new Option('Tất cả', '')];
  for (const v of [...values].sort((a, b) => a.localeCompare(b, 'vi'))) options.push(new Option(v, v));
  select.replaceChildren(...options);
  select.value = chosen;
}

// Runs the search of the current query and filters; `append` adds the next page.
async function refresh(append = false) {
  const serial = ++searchSerial;
  let response;
  try {
    response = index.search($('q').value, {
      ...filters(), pageSize: PAGE_SIZE, pageToken: append ? nextPageToken : '',
    });
    showQueryError('');
  } catch (e) {
    if (!(e instanceof BantinError)) throw e;
    showQueryError(e.message.replace(/^query: /, ''));
    return;
  }
  if (serial !== searchSerial) return;
  const list = $('list');
  if (!append) list.replaceChildren();
  for (const r of response.results || []) list.append(listItem(r));
  nextPageToken = response.nextPageToken || '';
  $('more').hidden = !nextPageToken;
  const total = Number(response.totalSize || 0);
  $('summary').textContent = index.size
    ? `${total} / ${index.size} bài` + (total && $('q').value.trim() ? ' — khớp dấu trước' : '')
    : '';
  $('empty').hidden = index.size > 0;
  if (!append) {
    // The province menu offers the provinces of the query without its
    // province filter, so a reader can switch between them.
    const all = filters().province
      ? index.search($('q').value, { ...filters(), province: '', pageSize: 1 })
      : response;
    provinceOptions(all.provinceFacets);
    facetChips($('facets'), response, pickFacet);
    showBudget();
  }
  document.body.dataset.results = String(total);
}

function pickFacet(kind, value) {
  if (kind === 'province') {
    $('province').value = value;
  } else if (kind === 'place') {
    // A province the articles are about: a clause of the query language.
    const clause = `place:"${value}"`;
    if (!$('q').value.includes(clause)) $('q').value = `${$('q').value.trim()} ${clause}`.trim();
  } else {
    const [y, m] = value.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    $('from').value = `${value}-01`;
    $('to').value = `${value}-${String(last).padStart(2, '0')}`;
  }
  refresh();
}

// ---- What is kept --------------------------------------------------------

// How many articles, how much of the browser's space they take of how much
// it allows, and the months a reader can drop (all but the oldest).
async function showBudget() {
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  const mb = (bytes) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
  $('budget-summary').textContent = `${index.size} bài` +
    (estimate ? ` · dùng ${mb(estimate.usage ?? 0)} / ${mb(estimate.quota ?? 0)} của trình duyệt` : '');
  const months = (index.search('', { pageSize: 1 }).monthFacets ?? []).map((f) => f.value).sort();
  const select = $('drop-before');
  const chosen = select.value;
  select.replaceChildren(...months.slice(1).map((m) => new Option(`${m.slice(5)}/${m.slice(0, 4)}`, m)));
  if (months.includes(chosen)) select.value = chosen;
  $('drop-old').hidden = months.length < 2;
}

// Drops every article dated before the chosen month, from the index and
// the browser's store.
async function dropBefore(month) {
  const ids = [];
  let pageToken = '';
  do {
    const page = index.search(`date<${month}`, { pageSize: 500, pageToken });
    ids.push(...(page.results ?? []).map((r) => r.id));
    pageToken = page.nextPageToken ?? '';
  } while (pageToken);
  for (const id of ids) index.remove(id);
  await store.remove(ids).catch(() => {});
  saveIndexSoon();
  status(`Đã xoá ${ids.length} bài đăng trước ${month.slice(5)}/${month.slice(0, 4)}.`);
  await refresh();
}

// ---- The article ---------------------------------------------------------

// The article as the index has it, or (an index loaded from its saved
// bytes keeps no page texts) from its line in IndexedDB.
async function articleOf(id) {
  const b = index.get(id);
  if (b) return { bulletin: b, text: index.text(id) };
  const record = await store.get(id).catch(() => undefined);
  if (!record) return null;
  const line = typeof record.line === 'string' ? record.line : new TextDecoder().decode(record.line);
  const { bulletin, text } = JSON.parse(line);
  return { bulletin, text: text ?? '' };
}

async function openArticle(id) {
  const article = await articleOf(id);
  if (!article) return;
  openId = id;
  opened = article;
  renderArticle(article.bulletin);
  showRaw(false);
  $('article').hidden = false;
  document.body.classList.add('reading');
  for (const item of document.querySelectorAll('#list .item'))
    item.classList.toggle('current', item.dataset.id === id);
  $('title').tabIndex = -1;
  $('title').focus({ preventScroll: true });
  $('article').scrollTop = 0;
  $('article').scrollIntoView({ block: 'start' });
}

// Back to the list: at phone width the article gives way; beside the list
// it stays, and the focus goes back to its item.
function closeArticle(hide = true) {
  if (hide) {
    document.body.classList.remove('reading');
    $('article').hidden = true;
  }
  const item = document.querySelector(`#list .item[data-id="${CSS.escape(openId)}"]`);
  (item || $('q')).focus();
}

function showRaw(on) {
  $('raw-toggle').setAttribute('aria-pressed', String(on));
  $('raw-toggle').textContent = on ? 'Ẩn trang gốc' : 'Xem trang gốc';
  $('raw-view').hidden = !on;
  if (on && opened) renderRaw($('raw'), opened.text, opened.bulletin.lines);
}

// ---- Events --------------------------------------------------------------

function wire() {
  $('file').addEventListener('change', (e) => {
    openFiles([...e.target.files]);
    e.target.value = '';
  });
  const drop = $('drop');
  drop.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') (e.preventDefault(), $('file').click());
  });
  document.addEventListener('dragover', (e) => (e.preventDefault(), drop.classList.add('over')));
  document.addEventListener('dragleave', () => drop.classList.remove('over'));
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer?.files?.length) openFiles([...e.dataTransfer.files]);
  });
  $('fetch-bundle').addEventListener('click', () => fetchBundle(false));
  $('drop-old').addEventListener('submit', (e) => {
    e.preventDefault();
    if ($('drop-before').value) dropBefore($('drop-before').value);
  });
  $('clear').addEventListener('click', async () => {
    if (!confirm('Xoá mọi bài đã lưu trong trình duyệt này?')) return;
    await store.clear();
    location.reload();
  });
  $('filters').addEventListener('submit', (e) => (e.preventDefault(), refresh()));
  let typing;
  $('q').addEventListener('input', () => (clearTimeout(typing), (typing = setTimeout(() => refresh(), 120))));
  for (const id of ['province', 'from', 'to', 'author']) $(id).addEventListener('change', () => refresh());
  $('author').addEventListener('input', () => (clearTimeout(typing), (typing = setTimeout(() => refresh(), 200))));
  $('reset').addEventListener('click', () => {
    for (const id of ['q', 'province', 'from', 'to', 'author']) $(id).value = '';
    refresh();
  });
  $('more').addEventListener('click', () => refresh(true));
  $('list').addEventListener('click', (e) => {
    const item = e.target.closest('.item');
    if (item) openArticle(item.dataset.id);
  });
  $('back').addEventListener('click', () => closeArticle());
  $('raw-toggle').addEventListener('click', () => showRaw($('raw-view').hidden));
  $('delete').addEventListener('click', async () => {
    index.remove(openId);
    await store.remove(openId).catch(() => {});
    saveIndexSoon();
    closeArticle();
    refresh();
  });
  document.addEventListener('keydown', keyboard);
  const network = () => {
    $('network').textContent = navigator.onLine ? 'Trực tuyến' : 'Ngoại tuyến';
    $('network').classList.toggle('offline', !navigator.onLine);
  };
  addEventListener('online', network);
  addEventListener('offline', network);
  network();
}

// "/" searches; arrows walk the list; Enter opens; Escape goes back.
function keyboard(e) {
  const typing = e.target.matches('input, select, textarea');
  if (e.key === '/' && !typing) {
    e.preventDefault();
    $('q').focus();
    return;
  }
  if (e.key === 'Escape') {
    if (!$('raw-view').hidden) showRaw(false);
    else if (!$('article').hidden) closeArticle(matchMedia('(max-width: 760px)').matches || !openId);
    else if (typing) e.target.blur();
    return;
  }
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  // Only from the search box or the list: elsewhere (an article) arrows scroll.
  if (e.target.id !== 'q' && !e.target.matches('#list .item')) return;
  const items = [...document.querySelectorAll('#list .item')];
  if (!items.length) return;
  e.preventDefault();
  const at = items.indexOf(document.activeElement);
  const next = e.key === 'ArrowDown' ? Math.min(at + 1, items.length - 1) : at <= 0 ? -1 : at - 1;
  (next < 0 ? $('q') : items[next]).focus();
}

async function start() {
  wire();
  // Opened from disk there is no server to fetch from, and this is the single file.
  $('fetch-bundle').hidden = !served;
  $('single-file').hidden = !served;
  store = await openStore();
  // The saved index when it holds what the store holds: a copy, no indexing.
  const kept = await store.getMeta('index').catch(() => undefined);
  const count = await store.count().catch(() => 0);
  let loaded = false;
  // Why a saved index was passed over (seen in the page's dataset).
  let why = kept ? '' : 'none';
  if (kept && kept.size === count && count > 0) {
    try {
      index.load(kept.bytes);
      loaded = index.size === count;
      if (!loaded) why = `loaded ${index.size} of ${count}`;
    } catch (e) {
      why = e.message;  // damaged or of another version: index the lines instead
    }
  } else if (kept) {
    why = `it holds ${kept.size} articles, the store ${count}`;
  }
  if (why) document.body.dataset.indexWhy = why;
  if (!loaded && count) {
    const saved = await store.all().catch(() => []);
    // The saved lines go in as one bundle: one crossing into wasm.
    const r = index.addBundle(asBundle(saved.map((record) => record.line)));
    // Lines it could not read (written by an older viewer) are dropped.
    for (const e of r.errors) await store.remove(saved[e.line - 2].id).catch(() => {});
    saveIndexSoon();
  }
  document.body.dataset.index = loaded ? 'saved' : 'built';
  status(count ? `Đã mở ${index.size} bài lưu trong trình duyệt.` : 'Sẵn sàng.');
  await refresh();
  // What the reload benchmark reads (wasm-client/bench/reload_bench.mjs).
  performance.mark('bantin-searchable');
  document.body.dataset.ready = 'true';
  if (served && 'serviceWorker' in navigator)
    navigator.serviceWorker.register('sw.js').catch(() => {});
  if (served && navigator.onLine) await fetchBundle(true);
  document.body.dataset.loaded = 'true';
}

start();
