// The viewer's worker: the reader's library (library.js) off the page's
// main thread. Messages in: {id, method, args}; out: {id, value} or
// {id, error: {name, code, message}}, and {ready: true} once the library
// (and the WebAssembly module under it) is loaded. library_client.js is
// the other end.
import { Library } from './library.js';

const library = new Library();
self.onmessage = async ({ data: { id, method, args } }) => {
  try {
    self.postMessage({ id, value: await library[method](...args) });
  } catch (e) {
    self.postMessage({ id, error: { name: e.name, code: e.code, message: e.message } });
  }
};
self.postMessage({ ready: true });
