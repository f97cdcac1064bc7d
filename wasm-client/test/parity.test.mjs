// The wasm parse of every seed, fixture and corpus page (tests/pages/)
// equals the native parse, byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { build, pages, corpusPages } from '../tools/pages.mjs';

const { parse, parseJson, parserVersion } = await import(path.join(build, 'wasm/bantin.mjs'));
const bantin = path.join(build, 'bin/bantin');

test('there are pages to compare', () => {
  assert.ok(pages().length >= 5);
  assert.ok(corpusPages().length >= 80);
});

for (const page of [...pages(), ...corpusPages()]) {
  test(`wasm parse equals native parse: ${path.basename(page)}`, () => {
    const native = execFileSync(bantin, ['parse', '--json', page]).toString('utf8');
    const wasm = parseJson(readFileSync(page));
    assert.equal(wasm + '\n', native);
    // parse() is the same value, and JSON.stringify gives the same bytes back.
    assert.equal(JSON.stringify(parse(readFileSync(page))), wasm);
  });
}

test('strings and bytes parse alike; bad input warns instead of throwing', () => {
  const text = readFileSync(pages()[0], 'utf8');
  assert.equal(parseJson(text), parseJson(new TextEncoder().encode(text)));
  const bad = parse(new Uint8Array([0xff, 0xfe, 0x00, 0x41, 0x0a]));
  assert.ok(bad.warnings.length > 0);
  assert.ok(parse('').warnings.includes('empty input'));
  assert.throws(() => parse(42), TypeError);
});

test('hints win over guesses', () => {
  const b = parse(readFileSync(pages()[0]), { province: 'Cà Mau', url: 'https://example.vn/a' });
  assert.equal(b.source.province, 'Cà Mau');
  assert.equal(b.source.site, 'example.vn');
  assert.equal(b.parserVersion, parserVersion);
});
