// Serves a folder the npm package is installed in (tests/embedding/run.sh)
// on 127.0.0.1 and opens its browser.html (examples/node) in a real headless
// Chromium: the package must work from a plain <script type="module">.
//
// usage: node browser_check.mjs FOLDER
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { chromium } = await import(path.join(root, 'wasm-client/node_modules/playwright-core/index.mjs'));
const { serveViewer } = await import(path.join(root, 'wasm-client/tools/static_server.mjs'));

const folder = path.resolve(process.argv[2]);
const server = await serveViewer({ web: folder, wasm: folder });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(new URL('browser.html', server.url).href);
  await page.waitForFunction(() => document.getElementById('out').textContent.startsWith('{'), null,
                             { timeout: 30000 });
  const answer = JSON.parse(await page.textContent('#out'));
  assert.deepEqual(errors, []);
  assert.equal(answer.ok, true, JSON.stringify(answer));
  assert.equal(answer.total, '1');
  assert.match(answer.title, /^Bão số 3/);
  assert.ok(server.requests.includes('/node_modules/bantin/bantin_core.wasm'), server.requests.join(' '));
  console.log(`ok: Chromium ran bantin ${answer.version} from ${server.url}`);
} finally {
  await browser.close();
  await server.close();
}
