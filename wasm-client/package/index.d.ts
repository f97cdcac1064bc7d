// Types of the bantin package (bantin.mjs). Field names are the proto3 JSON
// names of bantin.v1 (proto/bantin/v1/bantin.proto); int64 values arrive as
// strings, as proto3 JSON writes them; default values are left out.

export interface Source {
  id?: string;
  name?: string;
  province?: string;
  site?: string;
}

export type BlockKind =
  | 'BLOCK_KIND_PARAGRAPH' | 'BLOCK_KIND_CAPTION' | 'BLOCK_KIND_LIST_ITEM' | 'BLOCK_KIND_HEADING' | 'BLOCK_KIND_QUOTE';

export interface Block {
  kind?: BlockKind;
  text?: string;
}

export interface Person {
  name?: string;
  role?: string;
}

export interface LineSpan {
  role?: string;
  begin?: number;
  end?: number;
}

export interface Bulletin {
  id: string;
  title?: string;
  /** YYYY-MM-DD; absent when unknown. */
  date?: string;
  dateInferred?: boolean;
  time?: string;
  source?: Source;
  author?: string;
  credit?: string;
  blocks?: Block[];
  related?: string[];
  people?: Person[];
  warnings?: string[];
  lines?: LineSpan[];
  url?: string;
  pageDate?: string;
  parserVersion?: string;
  confidence?: { title?: number; date?: number; source?: number; author?: number };
  /** Provinces the article is about (not its publisher's). */
  places?: string[];
  /** Shared by copies of one article from several sources. */
  copyId?: string;
}

/** What the caller knows of a page; a hint wins over what the page says. */
export interface Hints {
  url?: string;
  sourceId?: string;
  province?: string;
  /** YYYY-MM-DD: no article is dated after it. */
  fetchDate?: string;
}

export interface SearchFilters {
  province?: string;
  author?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  pageSize?: number;
  pageToken?: string;
}

export interface Snippet {
  field?: 'title' | 'lead' | 'body';
  block?: number;
  offset?: number;
  text?: string;
  /** UTF-8 byte offsets into text (see highlightRanges). */
  highlights?: { begin?: number; end?: number }[];
}

export interface SearchResult {
  id: string;
  title?: string;
  date?: string;
  source?: Source;
  score?: number;
  snippet?: string;
  snippets?: Snippet[];
  author?: string;
  exactTerms?: number;
}

export interface FacetCount {
  value: string;
  count: string;
}

export interface SearchResponse {
  results?: SearchResult[];
  nextPageToken?: string;
  totalSize?: string;
  provinceFacets?: FacetCount[];
  monthFacets?: FacetCount[];
  placeFacets?: FacetCount[];
}

export interface BundleReport {
  added: number;
  duplicates: number;
  /** Articles there under another line (stored again since), replaced; in `articles` too. */
  updated: number;
  errors: { line: number; message: string }[];
  articles: { id: string; line: string | Uint8Array }[];
  /** Ids a bundle of changes deleted (removed from the index). */
  deleted: string[];
  /** Where the next bundle of changes starts (GET /bundle?since=…), when the bundle says. */
  cursor?: string;
  /** The reader's cursor was of no use: this bundle is everything. */
  reset?: boolean;
}

export type PageInput = string | Uint8Array | ArrayBuffer;

export class BantinError extends Error {
  /** The gRPC code's name, e.g. 'INVALID_ARGUMENT'. */
  readonly code: string;
}

export function parse(input: PageInput, hints?: Hints): Bulletin;
/** The exact JSON `bantin parse --json` prints. */
export function parseJson(input: PageInput, hints?: Hints): string;
/** The text a bulletin's line spans index. */
export function pageText(input: PageInput): string;
export function queryWithFilters(query?: string, filters?: SearchFilters): string;
/**
 * What a search result for the article of bundle line `line` shows, cut from
 * its text: for results of a loaded index, which keeps no texts.
 */
export function snippets(line: string | Uint8Array, query?: string, filters?: SearchFilters):
  { snippet?: string; snippets?: SearchResult['snippets'] };
/** How many of saved index bytes Index.loadHead needs, given at least their first 16. */
export function savedIndexHeadBytes(first: Uint8Array): number;
/** What Index.addBundle would report of a bundle, nothing added (for a reader that loads its index from GET /index). */
export function readBundle(bundle: string | Uint8Array | ArrayBuffer): BundleReport;
/** Highlight byte offsets as [begin, end) positions of the string `text`. */
export function highlightRanges(text: string, highlights?: { begin?: number; end?: number }[]): [number, number][];

export class Index {
  constructor();
  addPage(input: PageInput, hints?: Hints): { id: string; added: boolean };
  addArticle(line: string | Uint8Array): { id: string; added: boolean };
  add(bulletin: Bulletin | string, text?: string): { id: string; added: boolean };
  addBundle(bundle: string | Uint8Array | ArrayBuffer): BundleReport;
  /** The index as bytes, what load() takes back (same bytes as core natively). */
  save(): Uint8Array;
  /**
   * Replaces the contents with saved bytes; throws BantinError (DATA_LOSS) on
   * damaged ones. The saved form keeps no texts: snippets() completes results.
   */
  load(bytes: Uint8Array | ArrayBuffer): { size: number };
  /**
   * Loads the head of saved bytes only (their first savedIndexHeadBytes()
   * bytes); `read(offset, target)` fills `target` from `offset` of the saved
   * bytes when a search needs a posting list, true when it could.
   */
  loadHead(head: Uint8Array, read: (offset: number, target: Uint8Array) => boolean): { size: number };
  /**
   * The same, the head read with `read` too, straight into wasm memory (no
   * copy of it in JavaScript). Throws BantinError (DATA_LOSS) when `read`
   * cannot fill the head.
   */
  loadHeadFrom(read: (offset: number, target: Uint8Array) => boolean): { size: number };
  remove(id: string): boolean;
  has(id: string): boolean;
  get(id: string): Bulletin | null;
  text(id: string): string;
  article(id: string): string;
  readonly size: number;
  search(query?: string, filters?: SearchFilters): SearchResponse;
  searchJson(query?: string, filters?: SearchFilters): string;
  dispose(): void;
}

/** The size of the WebAssembly memory every Index lives in, in bytes. */
export function memoryBytes(): number;
/** The package's version, e.g. '0.1.0'. */
export const version: string;
/** The parser's version, a bulletin's parserVersion. */
export const parserVersion: string;
