// The reader's library: core's index (WebAssembly) and the articles kept in
// IndexedDB, with one owner. The viewer runs it in a Web Worker
// (worker.js), so that loading, indexing, syncing and searching never hold
// the page's main thread; where a worker cannot start (the single file
// opened from disk) the page runs it itself (library_client.js). Every
// method answers with plain data, what postMessage can carry.
//
// The index is kept too, as core's saved form (bantin/index/saved_index.h),
// in a file (index_file.js): a reload loads its head and reads posting
// lists from the file as searches need them, instead of indexing every
// article. That form holds no texts, so the snippets of a result whose
// article the index holds only as a row are cut from its line in
// IndexedDB, as the page shows it (`snippets` of bantin.mjs): the answers
// are the server's, field for field.
import { Index, snippets, highlightRanges, readBundle, memoryBytes } from './wasm/bantin.mjs';
import { openStore } from './store.js';
import { openIndexFile, writeIndexFile, removeIndexFiles, nextIndexFile } from './index_file.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Lines (text or UTF-8 bytes) as the bytes of one bundle.
function asBundle(lines) {
  const parts = [encoder.encode('{"bantinBundle":1}\n')];
  for (const line of lines) parts.push(typeof line === 'string' ? encoder.encode(line) : line, encoder.encode('\n'));
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) bytes.set(p, at), (at += p.length);
  return bytes;
}

function isBundle(name, bytes) {
  return /\.(ndjson|jsonl)$/i.test(name) || decoder.decode(bytes.subarray(0, 16)).startsWith('{"bantinBundle"');
}

// What a bundle did, said to the reader.
function noteOf(origin, r) {
  let note = `${origin}: thêm ${r.added} bài`;
  if (r.updated) note += `, cập nhật ${r.updated} bài`;
  if (r.deleted.length) note += `, xoá ${r.deleted.length} bài`;
  if (r.duplicates) note += `, ${r.duplicates} bài đã có`;
  if (r.errors.length) note += `, ${r.errors.length} dòng lỗi (dòng ${r.errors[0].line}: ${r.errors[0].message})`;
  return note;
}

// Snippets with their highlights as string positions, for drawing.
function withRanges(list = []) {
  for (const s of list) s.ranges = highlightRanges(s.text, s.highlights);
  return list;
}

const tenths = (ms) => Math.round(ms * 10) / 10;

// Each line copied out of the bundle: IndexedDB would store a view's whole buffer.
const recordsOf = (r, extra = {}) => r.articles.map(({ id, line }) => ({ id, line: line.slice(), ...extra }));

// The server's index (GET /index): {bytes, cursor}, or null when it has none.
async function fetchIndex(url) {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    if (!response.ok) return null;
    return { bytes: new Uint8Array(await response.arrayBuffer()), cursor: response.headers.get('X-Bantin-Cursor') };
  } catch {
    return null;
  }
}

export class Library {
  #index = new Index();
  #store = null;
  #saving = null;
  #changes = 0;        // changes since the library opened
  #file = null;        // the saved-index file the index reads its lists from
  #fileName = '';      // the one the last save wrote
  #opening = null;     // the promise of open()'s answer
  #collator = null;    // Intl.Collator("vi"), made at the first vietnameseOrder()

  size() { return this.#index.size; }
  // The WebAssembly heap the index lives in, in bytes.
  memory() { return memoryBytes(); }

  // Opens the store and the index in it: the saved index when it holds
  // what the store holds, else every stored line indexed again.
  // → {size, index: 'saved'|'built', why, ms}: why a saved index was passed
  // over; how long reading and loading (or indexing) took, in milliseconds.
  // Opens once: every call answers the first one's promise.
  open() {
    this.#opening ??= this.#open();
    return this.#opening;
  }

  async #open() {
    const started = performance.now();
    const since = (from) => Math.round(performance.now() - from);
    this.#store = await openStore();
    let why = '';
    const kept = await this.#store.getMeta('index').catch((e) => void (why = `unreadable: ${e.message}`));
    const count = await this.#store.count().catch(() => 0);
    if (!kept && !why) why = 'none';
    if (kept && kept.size === count && count > 0) {
      try {
        const ms = await this.#loadSaved(kept);
        ms.read = since(started) - ms.load;  // opening the store counted as reading
        if (this.#index.size === count) return { size: count, index: 'saved', why, ms };
        why = `loaded ${this.#index.size} of ${count}`;
      } catch (e) {
        why = e.message;  // damaged or of another version: index the lines instead
      }
    } else if (kept) {
      why = `it holds ${kept.size} articles, the store ${count}`;
    }
    const ms = count ? await this.#indexStoredLines() : { read: 0, index: 0 };
    return { size: this.#index.size, index: 'built', why, ms };
  }

  // A new index of every stored line (a saved index missing, out of step or
  // damaged). → {read, index}: milliseconds reading the lines and indexing.
  async #indexStoredLines() {
    const started = performance.now();
    this.#file?.close();
    this.#file = null;
    this.#index.dispose();
    this.#index = new Index();
    const saved = await this.#store.all().catch(() => []);
    const read = performance.now() - started;
    // The saved lines go in as one bundle: one crossing into wasm.
    const r = this.#index.addBundle(asBundle(saved.map((record) => record.line)));
    // Lines it could not read (written by an older viewer) are dropped.
    const bad = r.errors.map((e) => saved[e.line - 2].id);
    if (bad.length) await this.#store.remove(bad).catch(() => {});
    this.#saveSoon();
    return { read: Math.round(read), index: Math.round(performance.now() - started - read) };
  }

  // Files a reader dropped: pages parsed, bundles read.
  // `files`: [{name, bytes: ArrayBuffer}] → {notes, lastId}.
  async addFiles(files) {
    const records = [];
    const notes = [];
    let lastId = '';
    for (const file of files) {
      const bytes = new Uint8Array(file.bytes);
      try {
        if (isBundle(file.name, bytes)) {
          const r = this.#index.addBundle(bytes);
          records.push(...recordsOf(r));
          notes.push(noteOf(file.name, r));
          continue;
        }
        const r = this.#index.addPage(bytes, {});
        lastId = r.id;
        if (r.added) records.push({ id: r.id, line: this.#index.article(r.id) });
        notes.push(`${file.name}: ${r.added ? 'đã phân tích' : 'đã có'}`);
      } catch (e) {
        notes.push(`${file.name}: lỗi — ${e.message}`);
      }
    }
    const warning = await this.#persist(records);
    return { notes: warning ? [...notes, warning] : notes, lastId };
  }

  // What the server stored since the last sync (its cursor and ETag, kept
  // beside the articles), deletions included; `url`: its /bundle. A first
  // visit asks for the server's index too (GET /index beside /bundle):
  // loading it is a copy, indexing every article here is not.
  // → {outcome: 'offline'|'unchanged'|'missing'|'failed'|'synced', note,
  //    status, indexed: 'server'|'here'}.
  async sync(url) {
    const sync = await this.#store.getMeta('sync').catch(() => undefined);
    const request = new URL(url);
    const headers = {};
    if (sync?.cursor) request.searchParams.set('since', sync.cursor);
    if (sync?.etag) headers['If-None-Match'] = sync.etag;
    const serverIndex = !sync?.cursor && this.#index.size === 0 ? fetchIndex(new URL('index', request)) : null;
    let response;
    try {
      response = await fetch(request, { cache: 'no-store', headers });
    } catch {
      return { outcome: 'offline' };
    }
    if (response.status === 304) return { outcome: 'unchanged' };
    if (!response.ok) return { outcome: response.status === 404 ? 'missing' : 'failed', status: response.status };
    let r;
    let indexed = 'server';
    try {
      const bundle = new Uint8Array(await response.arrayBuffer());
      r = this.#loadServerIndex(bundle, await serverIndex);
      if (!r) (r = this.#index.addBundle(bundle)), (indexed = 'here');
    } catch (e) {
      return { outcome: 'failed', note: e.message };
    }
    const records = recordsOf(r, { from: 'server' });
    // Our cursor was of another database (the server's was replaced): what
    // it sent is all there is; the rest of what we had from it goes (pages
    // the reader opened here stay).
    if (r.reset && sync?.cursor) {
      const kept = new Set(records.map((record) => record.id));
      const gone = (await this.#store.all()).filter((record) => record.from === 'server' && !kept.has(record.id))
        .map((record) => record.id);
      for (const id of gone) this.#index.remove(id);
      r.deleted.push(...gone);
    }
    const warning = await this.#persist(records);
    if (r.deleted.length) await this.#store.remove(r.deleted).catch(() => {});
    if (r.cursor) await this.#store.putMeta('sync', { cursor: r.cursor, etag: response.headers.get('ETag') ?? '' });
    return { outcome: 'synced', note: warning ?? noteOf('Máy chủ', r), indexed };
  }

  // The bundle read (nothing indexed) and the server's index of it loaded,
  // when `served` is the index of this very bundle: the same cursor, the
  // same number of articles. Else null, and the index is as it was (empty).
  #loadServerIndex(bundle, served) {
    if (!served?.cursor) return null;
    const r = readBundle(bundle);
    if (r.cursor !== served.cursor || r.errors.length || r.deleted.length) return null;
    try {
      this.#index.load(served.bytes);
      if (this.#index.size === r.articles.length) return r;
    } catch {
      // damaged or of another version: index the bundle here
    }
    this.#index.dispose();
    this.#index = new Index();
    return null;
  }

  // A page of SearchBulletinsResponse (bantin.mjs's Index.search), each
  // highlight also as [begin, end) positions of its string (`ranges`),
  // plus `pending`: the ids of the results whose snippets reach only their
  // title, because the index holds their article as a row (a loaded saved
  // index), for snippets() to complete, so that the list can be drawn
  // before the stored lines are read; and libraryMs.search, the
  // milliseconds the search took here. A malformed query throws
  // BantinError (bantin.mjs). A saved list found damaged (DATA_LOSS) costs
  // one rebuild from the stored lines, and the search is answered from it.
  async search(query, filters = {}) {
    const started = performance.now();
    let response;
    try {
      response = this.#index.search(query, filters);
    } catch (e) {
      if (e.code !== 'DATA_LOSS') throw e;
      await this.#indexStoredLines();
      response = this.#index.search(query, filters);
    }
    const results = response.results ?? [];
    // Without words a result's snippet is the lead's beginning, unmarked,
    // which the list does not show: those are left as the index has them.
    response.pending = query.trim() ? results.filter((r) => !this.#index.article(r.id)).map((r) => r.id) : [];
    for (const r of results) withRanges(r.snippets);
    response.libraryMs = { search: tenths(performance.now() - started) };
    return response;
  }

  // The snippets of the results `ids` of search(query, filters) (its
  // `pending`), cut from their stored lines: what an index holding the
  // articles gives. → {answers: [{id, snippets}] in that order (snippets
  // null where the line is gone), libraryMs: {snippets}}.
  async snippets(ids, query, filters = {}) {
    const started = performance.now();
    const lines = await this.#store.lines(ids).catch(() => []);
    const answers = ids.map((id, i) => ({ id, snippets: lines[i] ? withRanges(snippets(lines[i], query, filters).snippets) : null }));
    return { answers, libraryMs: { snippets: tenths(performance.now() - started) } };
  }

  // The months articles are dated in, "YYYY-MM", ascending.
  months() {
    return (this.#index.search('', { pageSize: 1 }).monthFacets ?? []).map((f) => f.value).sort();
  }

  // `names` in Vietnamese order (Đà Nẵng after Cà Mau, before Hà Nội), for
  // the page's menus. Sorted here because making the collator takes 30-60
  // ms the first time: in the worker, that is no task of the page's.
  vietnameseOrder(names) {
    this.#collator ??= new Intl.Collator('vi');
    return [...names].sort(this.#collator.compare);
  }

  // {bulletin, text} of one article, or null: from the index when it holds
  // the article whole, else from its line in IndexedDB.
  async article(id) {
    const bulletin = this.#index.get(id);
    if (bulletin) return { bulletin, text: this.#index.text(id) };
    const [line] = await this.#store.lines([id]).catch(() => []);
    if (!line) return null;
    const { bulletin: b, text } = JSON.parse(typeof line === 'string' ? line : decoder.decode(line));
    return { bulletin: b, text: text ?? '' };
  }

  // Takes articles out of the index and the store. → how many were there.
  async remove(ids) {
    const removed = ids.filter((id) => this.#index.remove(id)).length;
    await this.#store.remove(ids).catch(() => {});
    this.#saveSoon();
    return removed;
  }

  // Drops every article dated before `month` ("YYYY-MM"). → how many.
  async dropBefore(month) {
    const ids = [];
    let pageToken = '';
    do {
      const page = this.#index.search(`date<${month}`, { pageSize: 500, pageToken });
      ids.push(...(page.results ?? []).map((r) => r.id));
      pageToken = page.nextPageToken ?? '';
    } while (pageToken);
    return this.remove(ids);
  }

  // Forgets everything: articles, the saved index, the sync cursor.
  async clear() {
    clearTimeout(this.#saving);
    this.#index.dispose();
    this.#index = new Index();
    this.#file?.close();
    this.#file = null;
    await this.#store.clear();
    await removeIndexFiles();
  }

  // Resolves once the saved index is written (tests and benchmarks wait for it).
  async flush() {
    clearTimeout(this.#saving);
    await this.#saveIndex();
  }

  // → a sentence for the reader when the browser refused to keep them.
  async #persist(records) {
    let warning;
    try {
      await this.#store.put(records);
    } catch (e) {
      warning = `Không lưu được vào trình duyệt: ${e.message}`;
    }
    this.#saveSoon();
    return warning;
  }

  // The index is saved a moment after the last change: changes come in bursts.
  #saveSoon() {
    ++this.#changes;
    clearTimeout(this.#saving);
    this.#saving = setTimeout(() => this.#saveIndex(), 300);
  }

  // The bytes in a file (index_file.js), the other one than the index may
  // be reading, or beside the articles where there is no file system for
  // them; then what they hold. An index reading its lists from a file
  // reopens from the new one, unless it changed meanwhile (then it keeps
  // reading the old one, and the next save comes soon).
  async #saveIndex() {
    try {
      const changes = this.#changes;
      const bytes = this.#index.save();
      const size = this.#index.size;
      const name = nextIndexFile(this.#fileName);
      if (!(await writeIndexFile(name, bytes))) return void (await this.#store.putMeta('index', { size, bytes }));
      await this.#store.putMeta('index', { size, file: name });
      this.#fileName = name;
      if (!this.#file || changes !== this.#changes) return;
      await this.#loadSaved({ file: name });
      await removeIndexFiles(name);
    } catch {
      // Without room for it the viewer still works: it indexes at the next start.
    }
  }

  // Loads the saved index `kept` (the meta record) describes: from a file
  // kept open, its head, the lists read when a search asks (the index's
  // reads go through the file); else its whole bytes. Throws when they are
  // missing or damaged. → {read, load}: milliseconds opening (and, for
  // whole bytes, reading) and loading (from a file, its head's read too).
  async #loadSaved(kept) {
    const started = performance.now();
    const file = kept.bytes ? { bytes: kept.bytes } : await openIndexFile(kept.file);
    if (!file) throw new Error(`no file ${kept.file}`);
    // Into a new index, which replaces the one in use only once loaded.
    const index = new Index();
    let read;
    try {
      if (file.bytes) {
        read = performance.now() - started;
        index.load(file.bytes);
      } else {
        read = performance.now() - started;  // the head is read by the load, into wasm memory
        index.loadHeadFrom(file.read);
      }
    } catch (e) {
      index.dispose();
      file.close?.();
      throw e;
    }
    this.#index.dispose();
    this.#index = index;
    if (file.read) {
      this.#file?.close();
      this.#file = file;
      this.#fileName = kept.file;
    }
    return { read: Math.round(read), load: Math.round(performance.now() - started - read) };
  }
}
