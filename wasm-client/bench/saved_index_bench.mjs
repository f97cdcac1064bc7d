// Opening a saved index from its head, and searching it with each posting
// list read from the file when asked (Index.loadHead, as the viewer's worker
// does with its file), in Node's V8 with the same wasm module: the head's
// size, the time to load it (median of 5, a fresh Index each), the search
// time of each query of the query set (p50 and p99 of 5 rounds, page of 20
// with facets and the exact count; no snippet texts: those come from the
// articles' lines), how many bytes of lists a search read, and the memory.
//
//   build/bin/make_bundle --index /tmp/ix100k.btix /tmp/bundle100k.ndjson --generated 100000
//   node wasm-client/bench/saved_index_bench.mjs /tmp/ix100k.btix [QUERIES]
import { openSync, readSync, fstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const build = process.env.BANTIN_BUILD ?? path.resolve(here, '../../build');
const { Index, savedIndexHeadBytes, memoryBytes } = await import(path.join(build, 'wasm/bantin.mjs'));
const [file, queriesFile = path.join(here, '../test/search_queries.txt')] = process.argv.slice(2);
if (!file) {
  console.error('usage: node saved_index_bench.mjs SAVED_INDEX [QUERIES]');
  process.exit(2);
}
const queries = readFileSync(queriesFile, 'utf8').split('\n').filter((q) => q.trim());
const fd = openSync(file, 'r');
const size = fstatSync(fd).size;
const first = new Uint8Array(16);
readSync(fd, first, 0, 16, 0);
const head = new Uint8Array(savedIndexHeadBytes(first));
readSync(fd, head, 0, head.length, 0);
let bytesRead = 0;
const read = (offset, target) => {
  bytesRead += target.length;
  return readSync(fd, target, 0, target.length, offset) === target.length;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

const loads = [];
let index;
let loadedMemory = 0;
for (let round = 0; round < 5; ++round) {
  index?.dispose();
  const t = performance.now();
  index = new Index();
  index.loadHead(head, read);
  loads.push(performance.now() - t);
  loadedMemory ||= memoryBytes();
}
const times = [];
const readPerQuery = [];
let failed = 0;
for (let round = 0; round < 5; ++round) {
  for (const query of queries) {
    const before = bytesRead;
    const t = performance.now();
    try {
      index.search(query, { pageSize: 20 });
    } catch {
      ++failed;  // the set has a malformed query on purpose
    }
    times.push(performance.now() - t);
    if (round === 0) readPerQuery.push(bytesRead - before);
  }
}
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
console.log(`${index.size} articles; saved index ${mb(size)}, head ${mb(head.length)}`);
console.log(`load the head: median ${median(loads).toFixed(0)} ms (${loads.map((x) => x.toFixed(0)).join(' / ')}); ` +
            `the wasm heap after the first ${mb(loadedMemory)}`);
console.log(`search, ${queries.length} queries × 5: p50 ${median(times).toFixed(1)} ms, p99 ${pct(times, 0.99).toFixed(1)} ms` +
            ` (${failed / 5} malformed on purpose)`);
console.log(`lists read by one search: median ${mb(median(readPerQuery))}, most ${mb(Math.max(...readPerQuery))}`);
const m = process.memoryUsage();
console.log(`memory: JS heap ${mb(m.heapUsed)}, array buffers (the wasm heap) ${mb(m.arrayBuffers)}, rss ${mb(m.rss)}`);
