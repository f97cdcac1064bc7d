// The viewer: pages dropped in are parsed by the same C++ core as the
// server (WebAssembly), bundles are read into the same index, and search,
// filters, highlights and facets come from core's engine. All of that, and
// keeping the articles in IndexedDB, is the library's (library.js), which
// runs in a Web Worker: this page only asks and draws, so it answers the
// reader while thousands of articles load. A service worker keeps the app
// itself for offline use.
import { openLibrary } from './library_client.js';
import { listItem, itemSnippet, facetChips, renderArticle, renderRaw } from './render.js';

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 50;
const served = location.protocol === 'http:' || location.protocol === 'https:';
let library;
let size = 0;  // articles in the library, as of its last answer
let budgetSize = -1;  // the size the budget panel was drawn for
let nextPageToken = '';
let openId = '';
let opened = null;  // {bulletin, text} of the open article
let searchSerial = 0;
let listSerial = 0;  // counts the lists drawn anew (not a page appended)

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

// The reader's files, read here and handed to the library (worker.js) whole.
async function openFiles(files) {
  status(`Đang đọc ${files.length} tệp…`);
  const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
  const r = await library.addFiles(read);
  size = await library.size();
  // Many files: a count, and only what went wrong by name.
  status(r.notes.length <= 3 ? r.notes.join(' · ')
    : [`Đã mở ${files.length} tệp, có ${size} bài`, ...r.notes.filter((n) => n.includes(': lỗi'))].join(' · '));
  await refresh();
  // One page dropped: the reader wants to read it.
  if (files.length === 1 && r.lastId) openArticle(r.lastId);
}

async function fetchBundle(automatic) {
  if (!served) {
    if (!automatic) status('Trang đang mở từ đĩa: không có máy chủ để tải bài.');
    return;
  }
  status('Đang tải bài từ máy chủ…');
  const r = await library.sync(new URL('bundle', location.href).href);
  const kept = `${await library.size()} bài đã lưu vẫn đọc được`;
  const said = {
    offline: `Không kết nối được máy chủ — ${kept}.`,
    unchanged: `Không có bài mới — ${await library.size()} bài.`,
    missing: `Máy chủ này không cung cấp gói bài — ${kept}.`,
    failed: r.note ? `Gói bài từ máy chủ không đọc được: ${r.note}` : `Máy chủ trả lỗi ${r.status} — ${kept}.`,
    synced: r.note,
  };
  status(said[r.outcome]);
  // The index now in use came from the server's GET /index, not indexed here.
  if (r.indexed === 'server') document.body.dataset.index = 'server';
  if (r.outcome === 'synced') await refresh();
}

// ---- The list ------------------------------------------------------------

function showQueryError(message) {
  const box = $('query-error');
  box.hidden = !message;
  box.textContent = message ? `Câu tìm kiếm chưa đúng: ${message}` : '';
}

// The province menu: every province of `facets` and the chosen one, in
// Vietnamese order. Left as it is when another search has begun meanwhile.
async function provinceOptions(facets, serial) {
  const select = $('province');
  const values = new Set((facets || []).map((f) => f.value));
  if (select.value) values.add(select.value);
  const names = await library.vietnameseOrder([...values]);
  if (serial !== searchSerial) return;
  const chosen = select.value;
  select.replaceChildren(new Option('Tất cả', ''), ...names.map((v) => new Option(v, v)));
  select.value = chosen;
}

// Runs the search of the current query and filters; `append` adds the next page.
async function refresh(append = false) {
  if (!library) return;  // start() searches once the library is open
  const serial = ++searchSerial;
  const query = $('q').value;
  const chosen = filters();
  let response;
  try {
    [response, size] = await Promise.all([
      library.search(query, { ...chosen, pageSize: PAGE_SIZE, pageToken: append ? nextPageToken : '' }),
      library.size(),
    ]);
    if (serial === searchSerial) showQueryError('');
  } catch (e) {
    if (e.name !== 'BantinError') throw e;
    showQueryError(e.message.replace(/^query: /, ''));
    return;
  }
  if (serial !== searchSerial) return;
  const list = $('list');
  if (!append) list.replaceChildren(), ++listSerial;
  for (const r of response.results || []) list.append(listItem(r));
  nextPageToken = response.nextPageToken || '';
  $('more').hidden = !nextPageToken;
  const total = Number(response.totalSize || 0);
  $('summary').textContent = size
    ? `${total} / ${size} bài` + (total && query.trim() ? ' — khớp dấu trước' : '')
    : '';
  $('empty').hidden = size > 0;
  if (!append) facetChips($('facets'), response, pickFacet);
  document.body.dataset.snippets = response.pending?.length ? 'pending' : 'done';
  document.body.dataset.results = String(total);
  // Where the library's time went, in milliseconds: {search}, then {snippets}.
  document.body.dataset.searchMs = JSON.stringify(response.libraryMs ?? {});
  if (response.pending?.length) fillSnippets(listSerial, response, query, chosen);
  // The budget follows the library, not the query: drawn again when the
  // number of articles changes (its month list costs a pass over them all).
  if (size !== budgetSize) (budgetSize = size), showBudget();
  if (append) return;
  // The province menu offers the provinces of the query without its
  // province filter, so a reader can switch between them.
  const all = chosen.province
    ? await library.search(query, { ...chosen, province: '', pageSize: 1 }).catch(() => response)
    : response;
  if (serial === searchSerial) await provinceOptions(all.provinceFacets, serial);
}

// The snippets the list was drawn without (results the index holds as
// rows), cut from the stored lines once the list is up and added to their
// items, unless the list was drawn anew meanwhile. data-snippets says
// 'done' when they are in.
async function fillSnippets(serial, response, query, chosen) {
  const { answers, libraryMs } = await library.snippets(response.pending, query, chosen).catch(() => ({ answers: [] }));
  if (serial !== listSerial) return;
  for (const { id, snippets } of answers) {
    const item = $('list').querySelector(`.item[data-id="${CSS.escape(id)}"]`);
    const snippet = item && !item.querySelector('.item-snippet') && itemSnippet(snippets ?? []);
    if (snippet) item.append(snippet);
  }
  document.body.dataset.searchMs = JSON.stringify({ ...response.libraryMs, ...libraryMs });
  document.body.dataset.snippets = 'done';
}

function pickFacet(kind, value) {
  if (kind === 'province') {
    // The menu may not list it yet: it is redrawn after each list.
    const select = $('province');
    if (![...select.options].some((o) => o.value === value)) select.add(new Option(value, value));
    select.value = value;
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
  const memory = await library.memory();
  $('budget-summary').textContent = `${size} bài` +
    (estimate ? ` · dùng ${mb(estimate.usage ?? 0)} / ${mb(estimate.quota ?? 0)} của trình duyệt` : '') +
    ` · bộ nhớ chỉ mục ${mb(memory)}`;
  document.body.dataset.indexMemory = String(memory);
  const months = await library.months();
  const select = $('drop-before');
  const chosen = select.value;
  select.replaceChildren(...months.slice(1).map((m) => new Option(`${m.slice(5)}/${m.slice(0, 4)}`, m)));
  if (months.includes(chosen)) select.value = chosen;
  $('drop-old').hidden = months.length < 2;
}

// Drops every article dated before the chosen month, from the index and
// the browser's store.
async function dropBefore(month) {
  const dropped = await library.dropBefore(month);
  status(`Đã xoá ${dropped} bài đăng trước ${month.slice(5)}/${month.slice(0, 4)}.`);
  await refresh();
}

// ---- The article ---------------------------------------------------------

async function openArticle(id) {
  const article = await library.article(id);
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
    await library.clear();
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
    await library.remove([openId]);
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
  library = await openLibrary();
  document.body.dataset.library = library.where;
  performance.mark('bantin-library');
  // The saved index when it holds what the store holds: a copy, no indexing.
  const opened = await library.open();
  performance.mark('bantin-opened');
  document.body.dataset.openMs = JSON.stringify(opened.ms);
  // Why a saved index was passed over (seen in the page's dataset).
  if (opened.why) document.body.dataset.indexWhy = opened.why;
  document.body.dataset.index = opened.index;
  status(opened.size ? `Đã mở ${opened.size} bài lưu trong trình duyệt.` : 'Sẵn sàng.');
  await refresh();
  // What the reload benchmark reads (wasm-client/bench/reload_bench.mjs),
  // with the marks above and the library's timings (openMs).
  performance.mark('bantin-searchable');
  document.body.dataset.ready = 'true';
  if (served && 'serviceWorker' in navigator)
    navigator.serviceWorker.register('sw.js').catch(() => {});
  if (served && navigator.onLine) await fetchBundle(true);
  document.body.dataset.loaded = 'true';
}

start();
