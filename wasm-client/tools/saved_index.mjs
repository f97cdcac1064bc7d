// The viewer's saved index as the Chromium tests and benchmarks see it: a
// record `index` in IndexedDB's `meta` store, written a moment after the
// last change (wasm-client/web/library.js).
//
// Polled from Node with page.evaluate, which awaits the page's promise:
// page.waitForFunction takes a returned promise for a truthy answer and
// would not wait at all.

// The number of articles the saved index holds (0 when there is none).
export function savedIndexSize(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('bantin-viewer');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains('meta')) return 0;
      const kept = await new Promise((resolve) => {
        const r = db.transaction('meta').objectStore('meta').get('index');
        r.onsuccess = () => resolve(r.result);
      });
      return kept?.size ?? 0;
    } finally {
      db.close();
    }
  });
}

// Resolves once a saved index of `size` articles (any, when not given) is kept.
export async function waitForSavedIndex(page, size = undefined, timeoutMs = 600000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const kept = await savedIndexSize(page);
    if (size === undefined ? kept > 0 : kept === size) return;
    if (Date.now() > until) throw new Error(`no saved index of ${size ?? 'any number of'} articles after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// Deletes the saved index's record: the next start indexes the stored lines.
export function dropSavedIndex(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('bantin-viewer');
    open.onsuccess = () => {
      const tx = open.result.transaction('meta', 'readwrite');
      tx.objectStore('meta').delete('index');
      tx.oncomplete = () => (open.result.close(), resolve());
    };
  }));
}
