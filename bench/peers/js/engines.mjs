// One adapter per engine, each {name, prepare(file), load(), release(),
// search(query, {count}), top(query)}:
//   prepare  reads the input into memory (not timed: the bytes are "there",
//            as after a fetch or a file read in the browser);
//   load     makes it searchable (timed: the load time);
//   release  drops the input, so the memory measured after it is the index;
//   search   → {total, ids}: the first 20 ids best first, and with
//            {count: true} the exact number of matches (total);
//   top      → the first 20 ids (for the quality check);
//   unsupported(query) (optional) → why this engine cannot be given a query
//            of the shared set (it is left out for that engine only), or null.
// load, search and top may return promises (Pagefind's do): the child awaits
// them only then, so the synchronous engines are timed as before.
// Queries are bantin's syntax; the peers get the part of it they can express
// (query.mjs) built with their own query API, parsed per search as bantin
// parses per search.
import { openSync, readSync, readFileSync, fstatSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseQuery, filterOf, fold } from './query.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const build = process.env.BANTIN_BUILD ?? path.resolve(here, '../../../build');
export const PAGE = 20;

// What both bantin adapters answer from their wasm Index (made by load()).
function indexSearch(indexOf, memoryBytes) {
  return {
    search(q, { count }) {
      const a = indexOf().search(q, { pageSize: PAGE });
      return { total: count ? Number(a.totalSize ?? 0) : undefined, ids: (a.results ?? []).map((r) => r.id) };
    },
    top(q) { return this.search(q, { count: false }).ids; },
    wasmBytes: () => memoryBytes(),
  };
}

// bantin: the wasm Index fed the bundle bytes (core reads the JSON and
// indexes title, lead, body, people, places; it keeps the texts to cut
// snippets from). Every search computes the exact total, the facets and the
// page's snippets: there is no cheaper "top 20 only" call, so both modes are
// the same call.
async function bantin() {
  const { Index, memoryBytes } = await import(path.join(build, 'wasm/bantin.mjs'));
  let bytes, index;
  return {
    name: 'bantin',
    prepare(file) { bytes = new Uint8Array(readFileSync(file)); },
    load() {
      index = new Index();
      const r = index.addBundle(bytes);
      if (r.errors.length) throw new Error(`bundle: ${JSON.stringify(r.errors[0])}`);
      return index.size;
    },
    release() { bytes = null; },
    ...indexSearch(() => index, memoryBytes),
  };
}

// bantin from its saved index, as the viewer's worker opens a file: only the
// head is read and loaded (Index.loadHead); each search reads the posting
// lists it needs from the file (readSync here). No texts, so no snippets.
async function bantinSaved() {
  const { Index, savedIndexHeadBytes, memoryBytes } = await import(path.join(build, 'wasm/bantin.mjs'));
  let fd, head, index;
  return {
    name: 'bantin (saved index)',
    prepare(file) {
      fd = openSync(file, 'r');
      const first = new Uint8Array(16);
      readSync(fd, first, 0, 16, 0);
      head = new Uint8Array(savedIndexHeadBytes(first));
      readSync(fd, head, 0, head.length, 0);
      this.info = { fileBytes: fstatSync(fd).size, headBytes: head.length };
    },
    load() {
      index = new Index();
      const read = (offset, target) => readSync(fd, target, 0, target.length, offset) === target.length;
      return index.loadHead(head, read).size;
    },
    release() { head = null; },
    ...indexSearch(() => index, memoryBytes),
  };
}

// The articles of a bundle as the peers index them: the same text bantin
// gets (title + every block's text), plus `folded`: fold(title + text).
// The peers have no Vietnamese folding of their own (FlexSearch's default
// encoder strips tones but keeps đ, MiniSearch only lower-cases), so the
// pre-folded field is what lets `bao` / `dang` find bão, báo, bảo / đảng.
export function bundleDocs(bytes) {
  const docs = [];
  const decoder = new TextDecoder();
  // Line by line: a bundle of 100,000 is past V8's longest string.
  for (let begin = 0, end; begin < bytes.length; begin = end + 1) {
    end = bytes.indexOf(10, begin);
    if (end < 0) end = bytes.length;
    const line = decoder.decode(bytes.subarray(begin, end));
    if (!line.startsWith('{"bulletin"')) continue;  // the header, deletions
    const b = JSON.parse(line).bulletin;
    const title = b.title ?? '';
    const text = (b.blocks ?? []).map((x) => x.text ?? '').join('\n');
    docs.push({ n: docs.length, id: b.id, title, text, folded: fold(`${title}\n${text}`),
                province: b.source?.province ?? '', date: b.date ?? '' });
  }
  return docs;
}

// MiniSearch: fields title (boost 3, as bantin weighs titles), text,
// folded; stored id (its idField), province, date. A word matches folded
// (recall, as bantin's) OR as typed in title/text (scores add up: exact
// accents rank higher, bantin's rule). Phrases are all their words; -word
// is AND_NOT; province/date filters use its `filter` over stored fields. It
// always scores every match, so "top 20" is the same work as the count.
async function minisearch() {
  const { default: MiniSearch } = await import('minisearch');
  let bytes, mini;
  const word = (w) => ({ combineWith: 'OR', queries: [
    { queries: [fold(w)], fields: ['folded'] },
    { queries: [w], fields: ['title', 'text'] },
  ] });
  const item = (i) => (i.words.length === 1 ? word(i.words[0]) : { combineWith: 'AND', queries: i.words.map(word) });
  const toQuery = (p) => {
    const clauses = p.clauses.map((c) => (c.length === 1 ? item(c[0]) : { combineWith: 'OR', queries: c.map(item) }));
    const positive = { combineWith: 'AND', queries: clauses };
    return p.negatives.length ? { combineWith: 'AND_NOT', queries: [positive, ...p.negatives.map(item)] } : positive;
  };
  return {
    name: 'MiniSearch',
    prepare(file) { bytes = new Uint8Array(readFileSync(file)); },
    load() {
      mini = new MiniSearch({ fields: ['title', 'text', 'folded'], storeFields: ['province', 'date'],
                              searchOptions: { boost: { title: 3 } } });
      mini.addAll(bundleDocs(bytes));
      return mini.documentCount;
    },
    release() { bytes = null; },
    search(q, { count }) {
      const p = parseQuery(q);
      if (p.unsupported) throw new Error(`MiniSearch: ${q}: ${p.unsupported}`);
      const filter = filterOf(p);
      const all = mini.search(toQuery(p), filter ? { filter } : {});
      return { total: count ? all.length : undefined, ids: all.slice(0, PAGE).map((r) => r.id) };
    },
    top(q) { return this.search(q, { count: false }).ids; },
  };
}

// FlexSearch: a Document over title, text, folded (numeric ids, which its
// docs advise), its store keeping id, province, date. Its encoder here
// lower-cases only (its default would fold tones but not đ, and merge
// doubled letters). A word is a Resolver: as typed in title OR text, then
// OR folded (its union ranks earlier operands first: exact accents first);
// words AND, OR clauses, -word NOT. Its tags filter equality only (no date
// ranges, no negation), so province/date filters check the store after
// resolving every match. The exact count resolves every match (limit = the
// index size); "top 20" resolves 20 (all when there is a filter).
async function flexsearch() {
  const { Document, Encoder, Resolver } = await import('flexsearch');
  let bytes, ix, size = 0;
  const word = (w) => new Resolver({ index: ix, field: 'title', query: w })
    .or({ field: 'text', query: w }).or({ field: 'folded', query: fold(w) });
  const item = (i) => { const [w, ...rest] = i.words.map(word); return rest.length ? w.and(...rest) : w; };
  const toQuery = (p) => {
    const [first, ...rest] = p.clauses.map((c) => { const [a, ...o] = c.map(item); return o.length ? a.or(...o) : a; });
    let r = rest.length ? first.and(...rest) : first;
    if (p.negatives.length) r = r.not(...p.negatives.map(item));
    return r;
  };
  return {
    name: 'FlexSearch',
    prepare(file) { bytes = new Uint8Array(readFileSync(file)); },
    load() {
      ix = new Document({
        encoder: new Encoder({ normalize: (s) => s.toLowerCase(), dedupe: false }),
        document: { id: 'n', index: ['title', 'text', 'folded'], store: ['id', 'province', 'date'] },
      });
      for (const d of bundleDocs(bytes)) { ix.add(d); ++size; }
      return size;
    },
    release() { bytes = null; },
    search(q, { count }) {
      const p = parseQuery(q);
      if (p.unsupported) throw new Error(`FlexSearch: ${q}: ${p.unsupported}`);
      const filter = filterOf(p);
      let ns = toQuery(p).resolve({ limit: count || filter ? size : PAGE });
      if (filter) ns = ns.filter((n) => filter(ix.get(n)));
      return { total: count ? ns.length : undefined, ids: ns.slice(0, PAGE).map((n) => ix.get(n).id) };
    },
    top(q) { return this.search(q, { count: false }).ids; },
  };
}

// Pagefind: pagefind_engine.mjs (its index is built ahead: the input is the
// folder buildPagefindIndex wrote).
const pagefind = async (dir) => (await import('./pagefind_engine.mjs')).pagefind(dir);

// Each factory gets the input file (or folder); only Pagefind's needs it.
export const ENGINES = { bantin, 'bantin-saved': bantinSaved, flexsearch, minisearch, pagefind };
