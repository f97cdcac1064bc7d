// The wasm module's budgets in Node: module size (raw, gzip -9), indexing
// an N-article bundle, search p50/p99 (bench/measure.mjs).
//
//   build/bin/make_bundle /tmp/bundle10k.ndjson --generated 10000
//   node wasm-client/bench/node_bench.mjs /tmp/bundle10k.ndjson
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, report } from './measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const build = process.env.BANTIN_BUILD ?? path.join(root, 'build');
const bundle = process.argv[2];
if (!bundle) {
  console.error('usage: node node_bench.mjs BUNDLE.ndjson');
  process.exit(2);
}
const wasm = readFileSync(path.join(build, 'wasm/bantin_core.wasm'));
const glue = readFileSync(path.join(build, 'wasm/bantin_core.mjs'));
const api = readFileSync(path.join(build, 'wasm/bantin.mjs'));
const gz = (b) => gzipSync(b, { level: 9 }).length;
console.log(`module: bantin_core.wasm ${wasm.length} B (gzip -9 ${gz(wasm)} B), ` +
            `+ JS ${glue.length + api.length} B (gzip -9 ${gz(glue) + gz(api)} B); ICU data: none (stub data library)`);
const { Index } = await import(path.join(build, 'wasm/bantin.mjs'));
const bytes = new Uint8Array(readFileSync(bundle));
// Process CPU time (user + system, every thread of the process).
const cpuClock = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
console.log(report(`Node ${process.version}`, measure(Index, bytes, { cpuClock })));
