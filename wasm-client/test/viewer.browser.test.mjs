// A real headless Chromium (Debian's) against a real `bantin serve` on
// 127.0.0.1: load the viewer, parse a seed in the page, read the title back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const build = process.env.BANTIN_BUILD ?? path.join(root, 'build');
const bantin = path.join(build, 'bin/bantin');
const seed = path.join(root, 'seeds/003_4243e8b00d04b6f6.txt');
const shots = path.join(build, 'screenshots');

let server, browser, viewerUrl, dbDir;

function startServer() {
  dbDir = mkdtempSync(path.join(tmpdir(), 'bantin-viewer-db-'));
  server = spawn(bantin, ['serve', '--db', dbDir, '--listen', '127.0.0.1:0', '--http', '127.0.0.1:0'],
                 { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/viewer on (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`bantin serve exited with ${code}: ${out}`)));
  });
}

before(async () => {
  viewerUrl = await startServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // launch() gives every run a fresh, temporary profile of its own.
  });
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  if (dbDir) rmSync(dbDir, { recursive: true, force: true });
});

test('the viewer parses a dropped page in the browser and shows it', async () => {
  const expected = JSON.parse(execFileSync(bantin, ['parse', '--json', seed]).toString('utf8'));
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(viewerUrl);
  await page.waitForSelector('body[data-ready="true"]');
  await page.setInputFiles('#file', seed);
  await page.waitForSelector('#article:not([hidden])');
  assert.equal(await page.textContent('#title'), expected.title);
  assert.match(await page.textContent('#date'), /15\/01\/2021 08:41:57/);
  assert.match(await page.textContent('#source'), /Hưng Yên/);
  const paragraphs = await page.$$eval('#blocks p', (els) => els.map((e) => e.textContent));
  const expectedParagraphs = expected.blocks.filter((b) => b.kind === 'BLOCK_KIND_PARAGRAPH').map((b) => b.text);
  assert.deepEqual(paragraphs, expectedParagraphs);
  assert.equal(await page.locator('#blocks figcaption').count(), 2);
  assert.equal(await page.locator('#blocks li').count(), 8);
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'viewer-article.png'), fullPage: true });
  assert.deepEqual(errors, []);
});
