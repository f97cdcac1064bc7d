// The npm package's parse of pages, for tests/embedding/parity_test.py:
// reads file paths on stdin (one a line), writes one JSON line each:
// {"file": path, "json": parseJson(bytes)}. Imports 'bantin' as a
// consumer does, so it runs from the folder the tarball is installed in.
import { readFileSync } from 'node:fs';
import { parseJson } from 'bantin';

const files = readFileSync(0, 'utf8').split('\n').filter(Boolean);
for (const file of files) {
  process.stdout.write(JSON.stringify({ file, json: parseJson(readFileSync(file)) }) + '\n');
}
