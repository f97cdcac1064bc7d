// The page's handle on the reader's library (library.js): in a Web Worker
// (worker.js) when the page can start one, else in the page itself (the
// single file opened from disk, where a worker cannot be loaded). The same
// methods either way, each answering a promise; a library error keeps its
// name and code (a malformed query: name 'BantinError', code
// 'INVALID_ARGUMENT'). `where` says which it is: 'worker' or 'page'.

// Library's methods, as the page calls them.
const METHODS = ['open', 'size', 'memory', 'addFiles', 'sync', 'search', 'snippets', 'months', 'article', 'remove', 'dropBefore', 'clear',
                 'flush', 'vietnameseOrder'];

class WorkerLibrary {
  #worker;
  #waiting = new Map();
  #next = 0;

  constructor(worker) {
    this.#worker = worker;
    worker.onmessage = ({ data }) => {
      const call = this.#waiting.get(data.id);
      if (!call) return;
      this.#waiting.delete(data.id);
      if (!data.error) return call.resolve(data.value);
      call.reject(Object.assign(new Error(data.error.message), { name: data.error.name, code: data.error.code }));
    };
  }
  get where() { return 'worker'; }
  // The files' buffers move to the worker rather than being copied.
  call(method, args) {
    const id = ++this.#next;
    const transfer = method === 'addFiles' ? args[0].map((f) => f.bytes) : [];
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, method, args }, transfer);
    });
  }
}

class PageLibrary {
  constructor(library) { this.library = library; }
  get where() { return 'page'; }
  async call(method, args) { return this.library[method](...args); }
}

for (const method of METHODS) {
  for (const kind of [WorkerLibrary, PageLibrary])
    kind.prototype[method] = function (...args) { return this.call(method, args); };
}

// A worker that loaded its library, or null when none could start: the
// one index.html started first, else one started now.
async function startWorker() {
  if (globalThis.bantinWasmBinary || typeof Worker !== 'function') return null;
  const early = globalThis.bantinWorker;
  if (early) return (await early.ready) ? early.worker : (early.worker.terminate(), null);
  return new Promise((resolve) => {
    let worker;
    try {
      worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    } catch {
      return resolve(null);
    }
    worker.onmessage = ({ data }) => data.ready && resolve(worker);
    worker.onerror = (e) => (e.preventDefault(), worker.terminate(), resolve(null));
  });
}

export async function openLibrary() {
  const worker = await startWorker();
  if (worker) return new WorkerLibrary(worker);
  const { Library } = await import('./library.js');
  return new PageLibrary(new Library());
}
