// bantin's core in WebAssembly, for browsers and Node.
//
//   import { parse, parseJson } from './bantin.mjs';
//   parse(textOrBytes, { url, sourceId, province, fetchDate })  → Bulletin object
//   parseJson(textOrBytes, hints) → the exact JSON `bantin parse --json` prints
//
// The Bulletin has the fields of bantin.v1.Bulletin (proto3 JSON names).
import createBantinCore from './bantin_core.mjs';

const isNode = typeof process === 'object' && !!(process.versions && process.versions.node);
const options = {};
if (isNode) {
  // A module built for the web would fetch() its .wasm; Node gets the bytes.
  const { readFile } = await import('node:fs/promises');
  options.wasmBinary = await readFile(new URL('./bantin_core.wasm', import.meta.url));
}
const core = await createBantinCore(options);

function bytesOf(input) {
  if (typeof input === 'string') return input;
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  throw new TypeError('parse: expected a string, Uint8Array or ArrayBuffer');
}

export function parseJson(input, hints = {}) {
  return core.parseJson(bytesOf(input), hints.url ?? '', hints.sourceId ?? '',
                        hints.province ?? '', hints.fetchDate ?? '');
}

export function parse(input, hints = {}) {
  return JSON.parse(parseJson(input, hints));
}

export const parserVersion = core.parserVersion();
