// bantin's core in WebAssembly, for browsers and Node.
//
//   import { parse, parseJson, pageText, Index } from './bantin.mjs';
//   parse(textOrBytes, { url, sourceId, province, fetchDate })  → Bulletin object
//   parseJson(textOrBytes, hints) → the exact JSON `bantin parse --json` prints
//   pageText(textOrBytes) → the text a bulletin's line spans index
//   const index = new Index();     // core's MemoryIndex and search engine
//   index.addPage(textOrBytes, hints) / index.addArticle(bundleLine) / index.add(bulletin, text)
//   index.search(query, { province, from, to, author, pageSize, pageToken })
//     → SearchBulletinsResponse (proto3 JSON, as `bantin search --json`)
//
// The Bulletin has the fields of bantin.v1.Bulletin (proto3 JSON names).
// Errors (a malformed query, a bad date filter, a bad article line given to
// addArticle) throw BantinError with the gRPC code name in `code`; addBundle
// reports each bad line in its answer and skips it.
import createBantinCore from './bantin_core.mjs';

const isNode = typeof process === 'object' && !!(process.versions && process.versions.node);
const options = {};
if (globalThis.bantinWasmBinary) {
  // The self-contained viewer (file://) inlines the module's bytes.
  options.wasmBinary = globalThis.bantinWasmBinary;
  // Imported from a blob: URL, which cannot be the base of the .wasm's URL.
  options.locateFile = (file) => file;
} else if (isNode) {
  // A module built for the web would fetch() its .wasm; Node gets the bytes.
  const { readFile } = await import('node:fs/promises');
  options.wasmBinary = await readFile(new URL('./bantin_core.wasm', import.meta.url));
}
// A host that started compiling the .wasm before importing this module
// (the viewer's worker, so that compiling overlaps fetching the scripts)
// leaves the promise of the compiled module in globalThis.bantinWasmModule.
let instantiateFailed = new Promise(() => {});
if (globalThis.bantinWasmModule && !options.wasmBinary) {
  instantiateFailed = new Promise((_, reject) => {
    options.instantiateWasm = (imports, receiveInstance) => {
      globalThis.bantinWasmModule
        .then((module) => WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module)))
        .catch(reject);
      return {};  // the exports come through receiveInstance
    };
  });
}
const core = await Promise.race([createBantinCore(options), instantiateFailed]);

export class BantinError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'BantinError';
    this.code = code;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function bytesOf(input) {
  if (typeof input === 'string') return input;
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  throw new TypeError('parse: expected a string, Uint8Array or ArrayBuffer');
}

// A copy of `bytes` in wasm memory, allocated with malloc, for a call that
// takes it over (and frees it): its address.
function handedToWasm(bytes) {
  const data = core._malloc(Math.max(1, bytes.length));
  if (!data) throw new BantinError('RESOURCE_EXHAUSTED', 'out of wasm memory');
  core.HEAPU8.set(bytes, data);  // HEAPU8 read after malloc: memory may have grown
  return data;
}

// A saved index's reader for core: `read(offset, target)` fills a
// Uint8Array; core asks for `size` bytes at wasm `address`.
const filling = (read) => (offset, size, address) => !!read(offset, core.HEAPU8.subarray(address, address + size));

// Calls f(address, size) with a copy of `bytes` in wasm memory: one
// HEAPU8.set, where embind would copy a Uint8Array byte by byte.
function inWasm(bytes, f) {
  const data = handedToWasm(bytes);
  try {
    return f(data, bytes.length);
  } finally {
    core._free(data);
  }
}

// Answers from the core are JSON; errors come as {"error":{code,message}}.
function answer(json) {
  const value = JSON.parse(json);
  if (value && value.error) throw new BantinError(value.error.code, value.error.message);
  return value;
}

export function parseJson(input, hints = {}) {
  return core.parseJson(bytesOf(input), hints.url ?? '', hints.sourceId ?? '',
                        hints.province ?? '', hints.fetchDate ?? '');
}

export function parse(input, hints = {}) {
  return JSON.parse(parseJson(input, hints));
}

export function pageText(input) {
  return core.pageText(bytesOf(input));
}

// The query text for a search with filters: core's QueryWithFilters turns
// them into clauses of the query language (province:, author:, date>=,
// date<=), so they mean exactly what they mean on the server, and checks the
// dates by the server's rule.
export function queryWithFilters(query = '', filters = {}) {
  return answer(core.queryWithFilters(query, filters.province ?? '', filters.author ?? '',
                                      filters.from ?? '', filters.to ?? '')).query;
}

// A bundle report's article spans as lines of `bytes` (text when `asText`).
function withLines(report, bytes, asText) {
  report.articles = report.articles.map((a) => {
    const line = bytes.subarray(a.begin, a.end);
    return { id: a.id, line: asText ? decoder.decode(line) : line };
  });
  return report;
}

// How many bytes from the start of saved index bytes Index.loadHead needs,
// given at least their first 16. Throws DATA_LOSS for bytes that are not a
// saved index of this version.
export function savedIndexHeadBytes(first) {
  return answer(core.savedIndexHeadBytes(bytesOf(first))).size;
}

// What index.addBundle(bundle) would report, nothing added: the articles
// (each counted as added) with their lines, deletions, bad lines, cursor.
// For a reader that loads the bundle's index from elsewhere (the server's
// GET /index, which is that index) and keeps only the lines.
export function readBundle(bundle) {
  const asText = typeof bundle === 'string';
  const bytes = asText ? encoder.encode(bundle) : bytesOf(bundle);
  return withLines(answer(inWasm(bytes, (data, size) => core.readBundle(data, size))), bytes, asText);
}

// Bulletins by id, searched by the same engine as the server. Holds wasm
// memory: call dispose() when done with it (a page can simply keep one).
export class Index {
  #index = new core.Index();

  // Parses a raw page (text or HTML) and adds it; → {id, added}.
  addPage(input, hints = {}) {
    return answer(this.#index.addPage(bytesOf(input), hints.url ?? '', hints.sourceId ?? '',
                                      hints.province ?? '', hints.fetchDate ?? ''));
  }
  // One article line of an export bundle (text or bytes); → {id, added}.
  addArticle(line) {
    const bytes = typeof line === 'string' ? encoder.encode(line) : bytesOf(line);
    return answer(inWasm(bytes, (data, size) => this.#index.addArticle(data, size)));
  }
  // A Bulletin (object or JSON text) and its page text; → {id, added}.
  add(bulletin, text = '') {
    const json = typeof bulletin === 'string' ? bulletin : JSON.stringify(bulletin);
    return answer(this.#index.addBulletin(json, text));
  }
  // Every article of an export bundle (NDJSON, as bytes or text) →
  // {added, duplicates, updated, errors: [{line, message}], articles: [{id, line}],
  //  deleted: [ids], cursor, reset}: the articles added (or updated: there
  // under another line, replaced), each with its line; a bundle of changes
  // (README.md, "The export bundle") also deletes, and its header gives the
  // cursor of the next one. Each line: text when given text; given
  // bytes (much faster: they cross into wasm as one copy), a view into them
  // (copy it with slice() to keep it apart, e.g. in IndexedDB, which would
  // otherwise store the whole buffer). A bad line is reported and skipped;
  // a bad header throws.
  addBundle(bundle) {
    const asText = typeof bundle === 'string';
    const bytes = asText ? encoder.encode(bundle) : bytesOf(bundle);
    return withLines(answer(this.#index.addBundle(handedToWasm(bytes), bytes.length)), bytes, asText);
  }
  // The index as bytes (a Uint8Array of its own): what load() takes back.
  // Little-endian, versioned and checksummed (core/index/saved_index.h):
  // the same bytes as core natively for the same index.
  save() {
    const saved = this.#index.saveIndex();
    if (typeof saved === 'string') answer(saved);  // a stored list could not be read: throws
    return saved.slice();
  }
  // Replaces the contents with saved bytes → {size}; damaged or foreign
  // bytes throw (DATA_LOSS). The articles' lines and texts are not in them:
  // get, text and article answer only for articles added since, and the
  // other results' snippets reach only their titles until snippets() cuts
  // them from the lines the caller kept.
  load(bytes) {
    return answer(inWasm(bytesOf(bytes), (data, size) => this.#index.loadIndex(data, size)));
  }
  // The same from the saved bytes' head alone (their first
  // savedIndexHeadBytes(...) bytes): the posting lists stay where they are
  // and `read(offset, target)` fills the Uint8Array `target` with the bytes
  // at `offset` of the saved form when a search needs them (answering true;
  // false when it cannot: that search throws DATA_LOSS), as long as the
  // index lives. A large archive opens reading its documents and
  // dictionary only; a viewer reads lists from a file with a sync handle.
  loadHead(head, read) {
    const bytes = bytesOf(head);  // kept by the index: its bulletins are decoded from it
    return answer(this.#index.loadIndexHead(handedToWasm(bytes), bytes.length, filling(read)));
  }
  // The same, the head read with `read` too: straight into wasm memory,
  // with no copy of it in JavaScript (a large archive's head is tens of
  // MB, each copy into memory not touched before). A saved form too short
  // for its head throws DATA_LOSS.
  loadHeadFrom(read) {
    const first = new Uint8Array(16);
    if (!read(0, first)) throw new BantinError('DATA_LOSS', 'saved index: shorter than its prefix');
    const size = savedIndexHeadBytes(first);
    const data = core._malloc(Math.max(1, size));
    if (!data) throw new BantinError('RESOURCE_EXHAUSTED', 'out of wasm memory');
    if (!read(0, core.HEAPU8.subarray(data, data + size))) {
      core._free(data);
      throw new BantinError('DATA_LOSS', `saved index: shorter than its head (${size} bytes)`);
    }
    return answer(this.#index.loadIndexHead(data, size, filling(read)));
  }
  remove(id) { return this.#index.remove(id); }
  has(id) { return this.#index.has(id); }
  // The Bulletin, or null.
  get(id) {
    const json = this.#index.get(id);
    return json ? JSON.parse(json) : null;
  }
  // The page text its line spans index ('' when unknown).
  text(id) { return this.#index.text(id); }
  // Its bundle line, what a viewer persists ('' when unknown).
  article(id) { return this.#index.article(id); }
  get size() { return this.#index.size(); }

  // A page of SearchBulletinsResponse: {results, totalSize, provinceFacets,
  // monthFacets, nextPageToken}, proto3 JSON (defaults omitted, int64 as
  // strings). Filters: {province, author, from, to} (dates YYYY-MM-DD,
  // inclusive), {pageSize, pageToken}.
  search(query = '', filters = {}) {
    return answer(this.searchJson(query, filters));
  }
  searchJson(query = '', filters = {}) {
    // Errors in the query name offsets into what the reader typed.
    return this.#index.search(query, filters.province ?? '', filters.author ?? '', filters.from ?? '',
                              filters.to ?? '', filters.pageSize ?? 0, filters.pageToken ?? '');
  }

  dispose() { this.#index.delete(); }
}

// {snippet, snippets}: what a result of index.search(query, filters) for
// the article of bundle line `line` (text or UTF-8 bytes) shows, cut from
// its text. For the results of a loaded index, which keeps no texts:
// Object.assign(result, snippets(line, query, filters)) makes the result
// what an index holding the article gives.
export function snippets(line, query = '', filters = {}) {
  return answer(core.snippets(bytesOf(line), query, filters.province ?? '', filters.author ?? '',
                              filters.from ?? '', filters.to ?? ''));
}

// Highlight byte offsets (UTF-8, as every bantin answer gives them) as
// [begin, end) positions of the JavaScript string `text`.
export function highlightRanges(text, highlights = []) {
  const bytes = encoder.encode(text);
  const at = (offset) => decoder.decode(bytes.subarray(0, offset)).length;
  return highlights.map((h) => [at(h.begin ?? 0), at(h.end ?? 0)]);
}

// The size of the module's memory (the WebAssembly heap every Index lives
// in), in bytes: what a reader's budget counts besides the JS heap.
export function memoryBytes() { return core.HEAPU8.length; }

export const parserVersion = core.parserVersion();
export const version = core.version();
