// Where the library keeps its saved index (core's saved form, tens of MB):
// files of the origin's private file system, written whole and flushed.
// In a worker a file stays open with a sync access handle, and the index
// loads its head only and reads each posting list from the file when a
// search needs it (Index.loadHead of bantin.mjs): opening a large archive
// reads its documents and dictionary, not every list. A save writes the
// other of two files, then the library reopens from it and the first
// goes. Where there is no sync handle (the page itself) a file is read
// whole; where there is no such file system (a page opened from disk),
// IndexedDB keeps the bytes beside the articles (store.js).
const NAMES = ['saved-index-1.btix', 'saved-index-2.btix'];

async function directory() {
  try {
    return await navigator.storage.getDirectory();
  } catch {
    return null;  // no private file system here
  }
}

// Sync access handles exist in dedicated workers only.
const syncHandles = typeof FileSystemFileHandle === 'function' &&
  'createSyncAccessHandle' in FileSystemFileHandle.prototype && typeof window === 'undefined';

// The name the next save writes, given the one in use ('' when none).
export const nextIndexFile = (current) => (current === NAMES[0] ? NAMES[1] : NAMES[0]);

// → true when written; false when this browser has no private file system.
export async function writeIndexFile(name, bytes) {
  const dir = await directory();
  if (!dir) return false;
  const file = await dir.getFileHandle(name, { create: true });
  if (syncHandles) {
    const handle = await file.createSyncAccessHandle();
    try {
      handle.truncate(0);
      handle.write(bytes, { at: 0 });
      handle.flush();
    } finally {
      handle.close();
    }
  } else {
    const writable = await file.createWritable();
    await writable.write(bytes);
    await writable.close();
  }
  return true;
}

// An open saved-index file: {size, read(offset, target) → whether `target`
// was filled from `offset`, close()}; or, where files cannot stay open,
// {bytes} (the whole file). null when there is no such file.
export async function openIndexFile(name) {
  const dir = await directory();
  let file;
  try {
    file = await dir.getFileHandle(name);
  } catch {
    return null;
  }
  if (!syncHandles) return { bytes: new Uint8Array(await (await file.getFile()).arrayBuffer()) };
  const handle = await file.createSyncAccessHandle();
  return {
    size: handle.getSize(),
    read: (offset, target) => offset + target.length <= handle.getSize() &&
      handle.read(target, { at: offset }) === target.length,
    close: () => handle.close(),
  };
}

// Removes the saved-index files but `keep`.
export async function removeIndexFiles(keep = '') {
  const dir = await directory();
  for (const name of NAMES) if (name !== keep) await dir?.removeEntry(name).catch(() => {});
}
