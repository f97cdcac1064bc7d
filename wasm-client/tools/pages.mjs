// What the Node and Chromium tests share: where the sources and the build
// are, and the pages they run on (every seed and fixture, sorted by name;
// the corpus of real pages for parse parity).
import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const build = process.env.BANTIN_BUILD ?? path.join(root, 'build');

export function pages() {
  return pagesIn(['seeds', 'tests/fixtures']);
}

// The real labelled pages of many sites (tests/pages/), for parse parity.
export function corpusPages() {
  return pagesIn(['tests/pages']);
}

function pagesIn(dirs) {
  const out = [];
  for (const dir of dirs) {
    const full = path.join(root, dir);
    if (!existsSync(full)) continue;
    for (const f of readdirSync(full).sort())
      if (/\.(txt|html?)$/.test(f)) out.push(path.join(full, f));
  }
  return out;
}
