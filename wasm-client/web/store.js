// The articles a reader loaded, kept in IndexedDB so that they survive a
// reload with the network off. Each record is {id, line}: the article's
// export-bundle line (Bulletin JSON and page text, UTF-8 bytes or text),
// which the wasm index reads back as a bundle (library.js) and the viewer
// opens an article from. Beside them, small
// values by name (`meta`): where the next bundle of changes starts (the
// server's cursor and ETag) and the saved index. The viewer's library
// (library.js) is its one user. Where IndexedDB is unavailable (some file://
// and private modes) the store is a no-op and the viewer still works.
//
// How many articles there are is kept in `meta` too ('count'), changed in
// the same transaction as the articles: opening compares it with the saved
// index's size, and IndexedDB's own count() walks every record (a quarter
// of a second for 10,000 in a profile on disk).
const DB = 'bantin-viewer';
const STORE = 'articles';
const META = 'meta';
const COUNT = 'count';

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}

class NoStore {
  get persistent() { return false; }
  async all() { return []; }
  async put() {}
  async remove() {}
  async clear() {}
  async getMeta() { return undefined; }
  async lines(ids) { return ids.map(() => undefined); }
  async count() { return 0; }
  async putMeta() {}
}

class ArticleStore {
  constructor(db) { this.db = db; }
  get persistent() { return true; }

  async all() {
    const tx = this.db.transaction(STORE, 'readonly');
    return request(tx.objectStore(STORE).getAll());
  }
  // The lines of these ids, in their order (undefined where there is none),
  // read in one transaction.
  async lines(ids) {
    const store = this.db.transaction(STORE, 'readonly').objectStore(STORE);
    const records = await Promise.all(ids.map((id) => request(store.get(id))));
    return records.map((record) => record?.line);
  }
  async count() {
    const tx = this.db.transaction([STORE, META], 'readonly');
    return (await request(tx.objectStore(META).get(COUNT))) ?? request(tx.objectStore(STORE).count());
  }
  // records: [{id, line}], written in one transaction (the last of an id
  // given twice wins).
  async put(records) {
    if (!records.length) return;
    const latest = new Map(records.map((r) => [r.id, r]));
    await this.#changeCount([...latest.keys()], (store, present) => {
      for (const r of latest.values()) store.put(r);
      return present.filter((key) => key === undefined).length;
    });
  }
  // One id or several, in one transaction.
  async remove(ids) {
    await this.#changeCount([...new Set(Array.isArray(ids) ? ids : [ids])], (store, present, gone) => {
      for (const id of gone) store.delete(id);
      return -present.filter((key) => key !== undefined).length;
    });
  }
  // One transaction that looks up which of `ids` are stored (`present`: the
  // key of each, or undefined), then changes the articles with
  // change(store, present, ids), which answers how many articles that
  // adds; the kept count moves by as many.
  async #changeCount(ids, change) {
    const tx = this.db.transaction([STORE, META], 'readwrite');
    const store = tx.objectStore(STORE);
    const meta = tx.objectStore(META);
    const written = done(tx);
    try {
      // Each request is made from the callback of the one before (the
      // awaits), so the transaction stays active until the count is put.
      const before = (await request(meta.get(COUNT))) ?? (await request(store.count()));
      const present = await Promise.all(ids.map((id) => request(store.getKey(id))));
      meta.put(before + change(store, present, ids), COUNT);
    } catch (e) {
      tx.abort();
      written.catch(() => {});
      throw e;
    }
    await written;
  }
  async clear() {
    const tx = this.db.transaction([STORE, META], 'readwrite');
    tx.objectStore(STORE).clear();
    tx.objectStore(META).clear();
    await done(tx);
  }
  async getMeta(name) {
    return request(this.db.transaction(META, 'readonly').objectStore(META).get(name));
  }
  async putMeta(name, value) {
    const tx = this.db.transaction(META, 'readwrite');
    tx.objectStore(META).put(value, name);
    await done(tx);
  }
}

export async function openStore() {
  try {
    const open = indexedDB.open(DB, 2);
    open.onupgradeneeded = (e) => {
      if (e.oldVersion < 1) open.result.createObjectStore(STORE, { keyPath: 'id' });
      if (e.oldVersion < 2) open.result.createObjectStore(META);
    };
    return new ArticleStore(await request(open));
  } catch {
    return new NoStore();
  }
}
