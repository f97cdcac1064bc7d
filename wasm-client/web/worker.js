// The viewer's worker: the reader's library (library.js) off the page's
// main thread. Messages in: {id, method, args}; out: {id, value} or
// {id, error: {name, code, message}}, and {ready: true} once the library
// (and the WebAssembly module under it) is loaded. library_client.js is
// the other end.
//
// Everything the library needs is asked for at once, before any of it is
// evaluated: the .wasm starts compiling while the scripts arrive, instead
// of after the last import of a four-deep chain (each link a round trip
// through the service worker). bantin.mjs takes the compiled module from
// globalThis.bantinWasmModule.
const wasmUrl = new URL('wasm/bantin_core.wasm', import.meta.url);
globalThis.bantinWasmModule = WebAssembly.compileStreaming(fetch(wasmUrl))
  .catch(() => fetch(wasmUrl).then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes)));
for (const script of ['./wasm/bantin_core.mjs', './wasm/bantin.mjs', './store.js', './index_file.js']) import(script).catch(() => {});
const { Library } = await import('./library.js');

const library = new Library();
self.onmessage = async ({ data: { id, method, args } }) => {
  try {
    self.postMessage({ id, value: await library[method](...args) });
  } catch (e) {
    self.postMessage({ id, error: { name: e.name, code: e.code, message: e.message } });
  }
};
// The page's first call is always open(): it starts now, and the page's
// call gets the same answer (or failure).
library.open().catch(() => {});
self.postMessage({ ready: true });
