// What the Node and Chromium tests share: where the sources and the build
// are, and the pages they run on (every seed and fixture, sorted by name).
import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const build = process.env.BANTIN_BUILD ?? path.join(root, 'build');

export function pages() {
  const out = [];
  for (const dir of ['seeds', 'tests/fixtures']) {
    const full = path.join(root, dir);
    if (!existsSync(full)) continue;
    for (const f of readdirSync(full).sort())
      if (/\.(txt|html?)$/.test(f)) out.push(path.join(full, f));
  }
  return out;
}
