// Parses a page and searches it from Node, with the npm package:
//   npm install bantin-0.1.0.tgz && node example.mjs PAGE
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { parse, Index, BantinError, version } from 'bantin';

const page = readFileSync(process.argv[2]);

const bulletin = parse(page, { sourceId: 'example-source' });  // bantin.v1.Bulletin, proto3 JSON
console.log(bulletin.title, bulletin.date);

const index = new Index();
const { id, added } = index.addPage(page, { sourceId: 'example-source' });
const found = index.search('source:example-source', { pageSize: 5 });
console.log(found.totalSize, found.results.map((hit) => hit.title));

// Errors throw BantinError with the gRPC code's name.
assert.throws(() => index.search('"unclosed'), (e) => e instanceof BantinError && e.code === 'INVALID_ARGUMENT');

assert.ok(added);
assert.equal(found.results[0].id, id);
assert.equal(id, bulletin.id);
index.dispose();
console.log('ok: bantin', version);
