// The wasm index searches exactly like core natively: the same pages, the
// same queries (words, accents, phrases, exclusions, OR, every filter, a
// malformed query), the same SearchBulletinsResponse JSON, byte for byte,
// including the second page reached with nextPageToken; and like a real
// `bantin serve` over RocksDB, field for field. Bundles load into the same
// index; filters given as options mean the query clauses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { build, pages } from '../tools/pages.mjs';

const { Index, BantinError, parse, parseJson, pageText, highlightRanges, queryWithFilters, snippets, readBundle,
  savedIndexHeadBytes } =
  await import(path.join(build, 'wasm/bantin.mjs'));
const queriesFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'search_queries.txt');
const tool = (name) => path.join(build, 'bin', name);

const queries = readFileSync(queriesFile, 'utf8').split('\n');
if (queries.at(-1) === '') queries.pop();

function answers(index, pageSize) {
  const out = [];
  for (const query of queries) {
    const json = index.searchJson(query, { pageSize });
    out.push(json);
    const next = JSON.parse(json).nextPageToken;
    if (pageSize && next) out.push(index.searchJson(query, { pageSize, pageToken: next }));
  }
  return out;
}

// A loaded index's answer (its saved form keeps no texts) with each
// result's snippets cut from the article's line as `lines` (an index that
// holds them) has it: what the viewer shows from IndexedDB.
function completed(loaded, lines, query, options = {}) {
  const answer = JSON.parse(loaded.searchJson(query, options));
  for (const result of answer.results ?? []) Object.assign(result, snippets(lines.article(result.id), query));
  return answer;
}

function nativeAnswers(pageSize) {
  const args = pageSize ? ['--page-size', String(pageSize)] : [];
  const out = execFileSync(tool('memory_search'), [...args, queriesFile, ...pages()]).toString('utf8');
  return out.split('\n').slice(0, -1);
}

const index = new Index();
for (const page of pages()) index.addPage(readFileSync(page));

test('the query set matches something, finds nothing, and fails once', () => {
  assert.ok(queries.length >= 20);
  const parsed = answers(index, 0).map((j) => JSON.parse(j));
  assert.ok(parsed.filter((r) => (r.results?.length ?? 0) > 1).length >= 10);
  assert.ok(parsed.some((r) => !r.results));
  assert.ok(parsed.some((r) => r.error?.code === 'INVALID_ARGUMENT'));
});

test('wasm search equals native search, byte for byte', () => {
  assert.deepEqual(answers(index, 0), nativeAnswers(0));
});

test('wasm search equals native search on second pages too', () => {
  const wasm = answers(index, 2);
  assert.ok(wasm.length > queries.length);  // some queries have a second page
  assert.deepEqual(wasm, nativeAnswers(2));
});

test('a bundle loads into the same index: same answers, same bulletins, same texts', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bantin-bundle-'));
  try {
    const file = path.join(dir, 'b.ndjson');
    execFileSync(tool('make_bundle'), [file, ...pages()]);
    const text = readFileSync(file, 'utf8');
    const header = JSON.parse(text.split('\n')[0]);
    const fromBundle = new Index();
    const loaded = fromBundle.addBundle(text);
    assert.equal(loaded.added, header.count);
    assert.equal(loaded.added, index.size);
    assert.deepEqual(loaded.errors, []);
    assert.deepEqual(answers(fromBundle, 0), answers(index, 0));
    for (const page of pages()) {
      const raw = readFileSync(page);
      const id = parse(raw).id;
      assert.equal(JSON.stringify(fromBundle.get(id)), parseJson(raw));
      assert.equal(fromBundle.text(id), pageText(raw));
      assert.equal(fromBundle.article(id), index.article(id));
    }
    // Loading again adds nothing; a broken line is reported, the rest load.
    assert.equal(fromBundle.addBundle(text).duplicates, header.count);
    const broken = new Index();
    const lines = text.split('\n');
    lines[2] = lines[2].slice(0, 40);
    const r = broken.addBundle(lines.join('\n'));
    assert.equal(r.added, header.count - 1);
    // readBundle reports the same, adding nothing.
    const read = readBundle(lines.join('\n'));
    assert.deepEqual({ ...read, articles: read.articles.map((a) => a.id) },
                     { ...r, articles: r.articles.map((a) => a.id) });
    assert.deepEqual(readBundle(text).articles, loaded.articles);
    assert.throws(() => readBundle('{"bantinBundle":9}\n'), (e) => e.code === 'INVALID_ARGUMENT');
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0].line, 3);
    assert.match(r.errors[0].message, /json: .* at offset \d+/);
    assert.throws(() => broken.addBundle('{"x":1}\n'), BantinError);
    fromBundle.dispose();
    broken.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// A bundle of changes (GET /bundle?since=…): deletion lines take articles
// out, an article there under another line is replaced, and the header's
// cursor and reset flag come back to the caller.
test('a bundle of changes deletes, updates and gives the next cursor', () => {
  const ids = pages().map((p) => parse(readFileSync(p)).id);
  const lines = pages().map((p) => index.article(parse(readFileSync(p)).id));
  const synced = new Index();
  const full = synced.addBundle(['{"bantinBundle":1,"cursor":"db:4"}', ...lines].join('\n'));
  assert.equal(full.added, ids.length);
  assert.equal(full.cursor, 'db:4');
  assert.deepEqual(full.deleted, []);
  // The first article re-parsed on the server (its line differs), the
  // second deleted, one id the reader never had deleted too.
  const changed = JSON.parse(lines[0]);
  changed.bulletin.title = 'Tiêu đề đã sửa';
  const changes = synced.addBundle([
    '{"bantinBundle":1,"cursor":"db:9"}', JSON.stringify(changed),
    `{"deleted":"${ids[1]}"}`, '{"deleted":"ffffffffffffffff"}'].join('\n'));
  assert.equal(changes.added, 0);
  assert.equal(changes.updated, 1);
  assert.deepEqual(changes.articles.map((a) => a.id), [ids[0]]);
  assert.deepEqual(changes.deleted, [ids[1], 'ffffffffffffffff']);
  assert.equal(changes.cursor, 'db:9');
  assert.equal(synced.size, ids.length - 1);
  assert.equal(synced.has(ids[1]), false);
  assert.equal(synced.get(ids[0]).title, 'Tiêu đề đã sửa');
  assert.equal(JSON.parse(synced.search('"tiêu đề đã sửa"').totalSize ?? '0'), 1);
  assert.equal(synced.addBundle('{"bantinBundle":1,"cursor":"db2:1","reset":true}\n').reset, true);
  synced.dispose();
});

// The saved index: the same bytes as core natively (memory_search --save)
// for the same pages; loaded back, the same answers once snippets are cut
// from the articles' lines; damaged bytes throw.
test('the saved index is the same bytes as native and loads back to the same answers', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bantin-saved-'));
  try {
    const file = path.join(dir, 'index.btix');
    execFileSync(tool('memory_search'), ['--save', file, queriesFile, ...pages()]);
    const saved = index.save();
    assert.ok(Buffer.from(saved).equals(readFileSync(file)), 'wasm and native saved bytes differ');
    const loaded = new Index();
    assert.deepEqual(loaded.load(saved), { size: index.size });
    let differed = 0;
    for (const query of queries) {
      const whole = JSON.parse(index.searchJson(query, { pageSize: 3 }));
      const bare = JSON.parse(loaded.searchJson(query, { pageSize: 3 }));
      if (JSON.stringify(bare) !== JSON.stringify(whole)) ++differed;  // snippets beyond titles
      assert.deepEqual(completed(loaded, index, query, { pageSize: 3 }), whole, query);
    }
    assert.ok(differed > 0, 'a loaded index should keep no texts');
    // Its head only, each list read when a search needs it: the same answers.
    const head = saved.subarray(0, savedIndexHeadBytes(saved.subarray(0, 16)));
    const reads = [];
    const lazy = new Index();
    assert.deepEqual(lazy.loadHead(head, (offset, target) => {
      reads.push(offset);
      target.set(saved.subarray(offset, offset + target.length));
      return true;
    }), { size: index.size });
    assert.equal(reads.length, 0);
    for (const query of queries)
      assert.deepEqual(completed(lazy, index, query, { pageSize: 3 }), completed(loaded, index, query, { pageSize: 3 }));
    assert.ok(reads.length > 0);
    assert.ok(Buffer.from(lazy.save()).equals(Buffer.from(saved)));
    // The head read by the index itself, with the same reader: the same answers.
    const reader = (offset, target) => {
      if (offset + target.length > saved.length) return false;
      target.set(saved.subarray(offset, offset + target.length));
      return true;
    };
    const opened = new Index();
    assert.deepEqual(opened.loadHeadFrom(reader), { size: index.size });
    for (const query of queries.slice(0, 10))
      assert.deepEqual(completed(opened, index, query, { pageSize: 3 }), completed(loaded, index, query, { pageSize: 3 }));
    opened.dispose();
    const short = new Index();
    assert.throws(() => short.loadHeadFrom((offset, target) => offset + target.length <= head.length - 1 && reader(offset, target)),
                  (e) => e instanceof BantinError && e.code === 'DATA_LOSS');
    assert.equal(short.size, 0);
    short.dispose();
    // A list that cannot be read: that search throws DATA_LOSS.
    const failing = new Index();
    failing.loadHead(head, () => false);
    assert.throws(() => failing.search('tỉnh ủy'), (e) => e instanceof BantinError && e.code === 'DATA_LOSS');
    assert.throws(() => savedIndexHeadBytes(new Uint8Array(16)), (e) => e.code === 'DATA_LOSS');
    lazy.dispose();
    failing.dispose();
    assert.equal(loaded.get(index.search('').results[0].id), null);
    const damaged = saved.slice();
    damaged[damaged.length >> 1] ^= 0xff;
    assert.throws(() => loaded.load(damaged), (e) => e instanceof BantinError && e.code === 'DATA_LOSS');
    assert.equal(loaded.size, 0);
    loaded.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('filters are the query clauses; remove takes a bulletin out', () => {
  assert.equal(queryWithFilters('lúa', { province: 'Sóc "Trăng"', author: 'Hà', from: '2021-01-01', to: '2021-12-31' }),
               'lúa province:"Sóc Trăng" author:"Hà" date>=2021-01-01 date<=2021-12-31');
  const all = index.search('', { pageSize: 100 });
  const someone = all.results.find((r) => r.source?.province && r.date);
  const filtered = index.search('', { province: someone.source.province, from: someone.date, to: someone.date });
  assert.ok(filtered.results.some((r) => r.id === someone.id));
  assert.ok(filtered.results.every((r) => r.source.province === someone.source.province && r.date === someone.date));
  assert.throws(() => index.search('', { from: '1/2/2021' }), /from: expected YYYY-MM-DD/);
  const before = Number(all.totalSize);
  const copy = new Index();
  for (const page of pages()) copy.addPage(readFileSync(page));
  assert.equal(copy.remove(someone.id), true);
  assert.equal(copy.remove(someone.id), false);
  assert.equal(Number(copy.search('').totalSize), before - 1);
  assert.equal(copy.get(someone.id), null);
  assert.equal(copy.has(someone.id), false);
  // A Bulletin object and its text go in as they came out.
  const raw = readFileSync(pages().find((p) => parse(readFileSync(p)).id === someone.id));
  assert.deepEqual(copy.add(parse(raw), pageText(raw)), { id: someone.id, added: true });
  assert.equal(copy.article(someone.id), index.article(someone.id));
  assert.equal(copy.searchJson('tỉnh ủy'), index.searchJson('tỉnh ủy'));
  assert.throws(() => copy.add('{"id":'), (e) => e instanceof BantinError && e.code === 'INVALID_ARGUMENT');
  copy.dispose();
});

test('highlight byte offsets become string positions', () => {
  const r = index.search('tỉnh ủy');
  const sn = r.results[0].snippets.find((s) => s.highlights);
  for (const [b, e] of highlightRanges(sn.text, sn.highlights))
    assert.match(sn.text.slice(b, e).normalize('NFC').toLowerCase(), /^(tỉnh|ủy|uỷ)$/);
  assert.deepEqual(highlightRanges('Bảo vệ', [{ end: 5 }, { begin: 6, end: 9 }]), [[0, 3], [4, 6]]);
});

test('the wasm index answers like the gRPC server over RocksDB (one schema, one ranking)', async () => {
  const db = mkdtempSync(path.join(tmpdir(), 'bantin-search-db-'));
  const token = path.join(db, 'write-token');  // writes need a bearer token
  writeFileSync(token, 'search-parity-token-0123456789\n');
  const server = spawn(tool('bantin'), ['serve', '--db', path.join(db, 'db'), '--listen', '127.0.0.1:0',
                                        '--http', '127.0.0.1:0', '--write-token-file', token, '--quiet'],
                       { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [grpc, http] = await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk) => {
        out += chunk;
        const m = out.match(/gRPC API on (\S+)/);
        const viewer = out.match(/viewer on (http:\/\/\S+)/);
        if (m && viewer) resolve([m[1], viewer[1]]);
      });
      server.on('exit', (code) => reject(new Error(`bantin serve exited with ${code}: ${out}`)));
    });
    execFileSync(tool('bantin'), ['ingest', '--server', grpc, '--token-file', token, ...pages()], { stdio: 'ignore' });
    // Page tokens name docnos of each index, and protobuf prints scores with
    // all their digits (core's JSON with six): those aside, the answers are
    // the same.
    const scoresOf = (response) => {
      delete response.nextPageToken;
      return (response.results ?? []).map((r) => {
        const score = r.score ?? 0;
        delete r.score;
        return score;
      });
    };
    // The index the server builds (GET /index) is the one core builds from
    // its bundle (GET /bundle), byte for byte: a browser need not index at
    // all. (Its documents are in the bundle's order, so ties may rank
    // apart from the server's own index, numbered in the order of writes.)
    const servedIndex = await fetch(new URL('index', http));
    assert.equal(servedIndex.status, 200);
    const etag = servedIndex.headers.get('ETag');
    assert.equal(etag, `"${servedIndex.headers.get('X-Bantin-Cursor')}"`);
    const indexBytes = new Uint8Array(await servedIndex.arrayBuffer());
    const fromBundle = new Index();
    fromBundle.addBundle(new Uint8Array(await (await fetch(new URL('bundle', http))).arrayBuffer()));
    assert.ok(Buffer.from(fromBundle.save()).equals(indexBytes), '/index differs from the index of /bundle');
    assert.deepEqual(new Index().load(indexBytes), { size: index.size });
    fromBundle.dispose();
    assert.equal((await fetch(new URL('index', http), { headers: { 'If-None-Match': etag } })).status, 304);
    const since = await fetch(new URL(`index?since=${encodeURIComponent(servedIndex.headers.get('X-Bantin-Cursor'))}`, http));
    assert.equal(since.status, 400);
    assert.match((await since.json()).error.message, /whole/);
    // The index loaded from its saved form too, its snippets cut from the lines.
    const loaded = new Index();
    loaded.load(index.save());
    let compared = 0;
    for (const query of queries) {
      const wasm = JSON.parse(index.searchJson(query));
      if (wasm.error) continue;
      const served = JSON.parse(execFileSync(tool('bantin'), ['search', '--server', grpc, '--json', query]).toString());
      const fromSaved = completed(loaded, index, query);
      const [a, b, c] = [scoresOf(wasm), scoresOf(served), scoresOf(fromSaved)];
      assert.deepEqual(wasm, served, query);
      assert.deepEqual(fromSaved, served, `${query} (saved index)`);
      a.forEach((score, i) => assert.ok(Math.abs(score - b[i]) <= 1e-5 * Math.max(1, b[i]), `${query}: ${score} vs ${b[i]}`));
      assert.deepEqual(c, a);
      ++compared;
    }
    loaded.dispose();
    assert.ok(compared >= 25);
  } finally {
    server.kill('SIGTERM');
    rmSync(db, { recursive: true, force: true });
  }
});
