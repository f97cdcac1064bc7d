// The articles a reader loaded, kept in IndexedDB so that they survive a
// reload with the network off. Each record is {id, line}: the article's
// export-bundle line (Bulletin JSON and page text, UTF-8 bytes or text),
// which the wasm index reads back as a bundle (library.js) and the viewer
// opens an article from. Beside them, small
// values by name (`meta`): where the next bundle of changes starts (the
// server's cursor and ETag) and the saved index. The viewer's library
// (library.js) is its one user. Where IndexedDB is unavailable (some file://
// and private modes) the store is a no-op and the viewer still works.
const DB = 'bantin-viewer';
const STORE = 'articles';
const META = 'meta';

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
  async count() { return request(this.db.transaction(STORE, 'readonly').objectStore(STORE).count()); }
  // records: [{id, line}], written in one transaction.
  async put(records) {
    if (!records.length) return;
    const tx = this.db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    for (const r of records) store.put(r);
    await done(tx);
  }
  // One id or several, in one transaction.
  async remove(ids) {
    const tx = this.db.transaction(STORE, 'readwrite');
    for (const id of Array.isArray(ids) ? ids : [ids]) tx.objectStore(STORE).delete(id);
    await done(tx);
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
