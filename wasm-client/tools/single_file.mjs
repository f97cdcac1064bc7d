// Builds the viewer as one self-contained HTML file that works opened from
// disk (file://), where browsers refuse to import modules or fetch the .wasm
// from neighbouring files: the stylesheet with its fonts as data: URLs, the
// wasm bytes as base64 (bantin.mjs takes them from globalThis.bantinWasmBinary),
// and the ES modules as text, imported at run time from blob: URLs whose
// import specifiers are rewritten to one another's URLs. The modules run
// unchanged, so the file behaves like the served viewer, but for one thing:
// its library runs in the page, not in a worker (library_client.js).
//
//   node single_file.mjs WEB_DIR WASM_DIR OUT.html
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [web, wasm, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node single_file.mjs WEB_DIR WASM_DIR OUT.html');
  process.exit(2);
}
const read = (dir, file) => readFileSync(path.join(dir, file), 'utf8');

// Each module, in dependency order, with the specifiers it imports.
const modules = [
  { name: 'core', source: read(wasm, 'bantin_core.mjs'), deps: {} },
  { name: 'lib', source: read(wasm, 'bantin.mjs'), deps: { './bantin_core.mjs': 'core' } },
  { name: 'store', source: read(web, 'store.js'), deps: {} },
  { name: 'indexFile', source: read(web, 'index_file.js'), deps: {} },
  { name: 'library', source: read(web, 'library.js'),
    deps: { './wasm/bantin.mjs': 'lib', './store.js': 'store', './index_file.js': 'indexFile' } },
  // The library runs in the page here: a file:// page cannot start the worker.
  { name: 'client', source: read(web, 'library_client.js'), deps: { './library.js': 'library' } },
  { name: 'render', source: read(web, 'render.js'), deps: {} },
  { name: 'app', source: read(web, 'app.js'), deps: { './library_client.js': 'client', './render.js': 'render' } },
];
for (const m of modules) {
  for (const spec of Object.keys(m.deps))
    if (!m.source.includes(`'${spec}'`)) throw new Error(`${m.name}: no import of '${spec}' to rewrite`);
  const imports = [...m.source.matchAll(/^\s*import\s[^;]*?from\s+'([^']+)'/gm)].map((x) => x[1]);
  for (const spec of imports)
    if (!(spec in m.deps)) throw new Error(`${m.name}: import of '${spec}' has no module in the single file`);
}

const css = read(web, 'style.css').replace(/url\((fonts\/[^)]+\.woff2)\)/g, (_, file) =>
  `url(data:font/woff2;base64,${readFileSync(path.join(web, file)).toString('base64')})`);
const wasmBase64 = readFileSync(path.join(wasm, 'bantin_core.wasm')).toString('base64');
// Inside <script>, "</" must not appear: "<\/" is the same JavaScript string.
const script = (text) => text.replace(/<\/(script)/gi, '<\\/$1');

const loader = `
const modules = ${script(JSON.stringify(modules))};
const urls = {};
for (const m of modules) {
  let source = m.source;
  for (const [spec, dep] of Object.entries(m.deps)) source = source.split("'" + spec + "'").join(JSON.stringify(urls[dep]));
  urls[m.name] = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}
await import(urls.app);
`;

let html = read(web, 'index.html');
const replace = (from, to) => {
  if (!html.includes(from)) throw new Error(`index.html: "${from}" not found`);
  html = html.replace(from, () => to);
};
replace('<link rel="stylesheet" href="style.css">', `<style>\n${css}</style>`);
// Its fonts are inline in that style: nothing to preload.
html = html.replace(/\s*<!-- The faces the first screen shows[\s\S]*?-->/, () => '').replace(/\s*<link rel="preload"[^>]*>/g, () => '');
if (html.includes('rel="preload"')) throw new Error('index.html: a preload was not removed');
// Its library runs in the page: no worker is started early.
html = html.replace(/\s*<script id="early-worker">[\s\S]*?<\/script>/, () => '');
if (html.includes('early-worker')) throw new Error('index.html: the early worker script was not removed');
// Installing is the served viewer's (its manifest and icons are files beside
// it); the single file, opened from disk, has the icon inline only.
replace('<link rel="manifest" href="manifest.webmanifest">\n', '');
replace('<link rel="icon" href="icon-192.png">',
  `<link rel="icon" href="data:image/png;base64,${readFileSync(path.join(web, 'icon-192.png')).toString('base64')}">`);
replace('<script type="module" src="app.js"></script>',
  `<script>globalThis.bantinWasmBinary = Uint8Array.from(atob("${wasmBase64}"), (c) => c.charCodeAt(0));</script>\n` +
  `<script type="module">${script(loader)}</script>`);
writeFileSync(out, html);
console.log(`single-file viewer: ${out} (${html.length} bytes)`);
