// Pagefind (npm `pagefind`, pinned in package.json) beside bantin: its index
// is built ahead, as `make_bundle --index` builds bantin's saved index, and
// searched with the browser runtime it writes (pagefind.js), run in Node.
//
//   buildPagefindIndex(bundle)  the driver, once, before the rounds: the
//       bundle's articles through Pagefind's Node API (createIndex,
//       addCustomRecord, writeFiles; the work is done by its platform binary,
//       the optional dependency @pagefind/linux-x64 etc.) into a temp folder;
//       the build time is reported apart, never in the load time.
//   pagefind(dir)  the adapter (engines.mjs's interface) over that folder:
//       load = init() until it can search (it fetches its entry file, the
//       metadata and the wasm); searches fetch the index chunks and the
//       result fragments they need, once each (the warm-up passes do), from
//       the folder through a fetch that reads files, as a browser fetches
//       them from the site.
//
// Text: the same as every engine's (engines.mjs bundleDocs): title + block
// texts, plus the pre-folded copy, as one record content; the title also as
// meta title (Pagefind searches meta fields and boosts title matches).
// Pagefind strips tones from words itself (indexing and query; the query as
// typed ranks exact accents higher) but keeps đ: the folded copy holds the
// đ→d forms, and a query word goes in as typed with đ→d.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleDocs, PAGE } from './engines.mjs';
import { parseQuery, fold } from './query.mjs';

const LANGUAGE = 'vi';  // no stemmer for it in Pagefind: words as they are
const ORIGIN = 'http://pagefind.invalid/';  // the bundle's "site" for the fetch shim

// pagefind.js checks whether it is ready every 50 ms (getPtr); the copy run
// here checks every 1 ms, so the load time is not rounded up to 50 ms.
const POLL = 'await asyncSleep(50);}if(!this.raw_ptr)';

const filesUnder = (dir) => readdirSync(dir, { recursive: true })
  .map((f) => path.join(dir, f)).filter((f) => statSync(f).isFile());

export async function buildPagefindIndex(bundle) {
  const pagefind = await import('pagefind');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-pagefind-'));
  const docs = bundleDocs(readFileSync(bundle));
  const t = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: LANGUAGE });
  if (!index) throw new Error(`pagefind createIndex: ${errors.join('; ')}`);
  // In batches: the service answers in order; one at a time costs a round
  // trip per record.
  for (let i = 0; i < docs.length; i += 256) {
    const added = await Promise.all(docs.slice(i, i + 256).map((d) => index.addCustomRecord({
      url: `/${d.id}`,
      content: `${d.title}\n${d.text}\n${d.folded}`,
      language: LANGUAGE,
      meta: { title: d.title },  // every meta field is searched: nothing else
      filters: { province: d.province ? [fold(d.province)] : [], date: d.date ? [d.date] : [] },
    })));
    const bad = added.find((r) => r.errors.length);
    if (bad) throw new Error(`pagefind addCustomRecord: ${bad.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: dir });
  if (written.errors.length) throw new Error(`pagefind writeFiles: ${written.errors.join('; ')}`);
  const buildMs = performance.now() - t;
  await pagefind.close();
  const files = filesUnder(dir);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  // The runtime as an ES module (it reads import.meta), ready-poll shortened.
  const runtime = readFileSync(path.join(dir, 'pagefind.js'), 'utf8');
  if (runtime.split(POLL).length !== 2) throw new Error('pagefind.js: its ready-poll is not where expected');
  writeFileSync(path.join(dir, 'pagefind.mjs'), runtime.replace(POLL, POLL.replace('50', '1')));
  return { dir, buildMs, files: files.length, bytes, version: JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'))).version };
}

// Why Pagefind cannot be given a query the other peers get (null: it can).
// It ANDs its words (each also matching longer words it begins); it has no OR and no negated words (a
// leading '-' is dropped as punctuation: `-covid` would mean covid), and its
// filters match values exactly (no date ranges).
export const pagefindUnsupported = (q) => whyNot(parseQuery(q));
function whyNot(p) {
  if (p.unsupported) return p.unsupported;
  if (p.clauses.some((c) => c.length > 1)) return 'OR (Pagefind has none)';
  if (p.negatives.length) return 'negated word (Pagefind has no negation)';
  if (p.filters.some((f) => f.field === 'date')) return 'date filter (Pagefind filters are exact values)';
  return null;
}

// Pagefind's filter object for the query's province filters.
function filtersOf(p) {
  const fs = p.filters.map(({ neg, value }) => (neg ? { not: { province: fold(value) } } : { province: fold(value) }));
  return fs.length > 1 ? { all: fs } : (fs[0] ?? {});
}

export async function pagefind(dir) {
  const pf = await import(pathToFileURL(path.join(dir, 'pagefind.mjs')).href);
  let articles;
  return {
    name: 'Pagefind',
    prepare() {
      globalThis.fetch = async (input) => {
        const url = new URL(String(input));
        if (url.origin !== new URL(ORIGIN).origin) throw new Error(`fetch outside the Pagefind folder: ${url}`);
        try {
          return new Response(readFileSync(path.join(dir, decodeURIComponent(url.pathname))));
        } catch {
          return new Response(null, { status: 404 });
        }
      };
      articles = Object.values(JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'))).languages)
        .reduce((n, l) => n + l.page_count, 0);
      const files = filesUnder(dir);
      this.info = { files: files.length, fileBytes: files.reduce((n, f) => n + statSync(f).size, 0) };
    },
    async load() {
      await pf.options({ basePath: ORIGIN, baseUrl: '/' });
      await pf.init();         // starts loading; resolves at once
      await pf.search('');     // resolves once it can search
      return articles;
    },
    release() {},
    unsupported: pagefindUnsupported,
    // One search gives every match, ranked (its count); the ids of the first
    // 20 are in their data() (it loads the fragment, cuts the excerpt).
    async search(q, { count }) {
      const p = parseQuery(q);
      const why = whyNot(p);
      if (why) throw new Error(`Pagefind: ${q}: ${why}`);
      const term = p.clauses.flatMap((c) => c[0].words).map((w) => w.replace(/đ/g, 'd')).join(' ');
      const { results } = await pf.search(term, { filters: filtersOf(p) });
      const page = await Promise.all(results.slice(0, PAGE).map((r) => r.data()));
      return { total: count ? results.length : undefined, ids: page.map((d) => d.raw_url.slice(1)) };
    },
    async top(q) { return (await this.search(q, { count: false })).ids; },
  };
}
