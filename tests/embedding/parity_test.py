#!/usr/bin/python3
"""One parity test of every embedding: for each page, the Bulletin JSON of
`bantin parse --json` (the CLI), of the Python module (the C API through
ctypes) and of the npm package (the wasm module) must be the same bytes.

usage: parity_test.py BANTIN_BINARY NPM_PARSE_SCRIPT DIR...
  (PYTHONPATH names the installed Python module; NPM_PARSE_SCRIPT sits in
  the folder the npm tarball is installed in)"""
import json
import os
import subprocess
import sys

import bantin

BANTIN, NPM_PARSE, DIRS = sys.argv[1], sys.argv[2], sys.argv[3:]
PAGE_EXTENSIONS = (".txt", ".html", ".htm")


def pages():
    found = []
    for d in DIRS:
        for name in sorted(os.listdir(d)):
            if name.endswith(PAGE_EXTENSIONS):
                found.append(os.path.abspath(os.path.join(d, name)))
    return found


def main():
    files = pages()
    npm = subprocess.run(["node", NPM_PARSE], input="\n".join(files), capture_output=True, text=True,
                         cwd=os.path.dirname(NPM_PARSE), check=True)
    npm_json = {r["file"]: r["json"] for r in map(json.loads, npm.stdout.splitlines())}
    mismatches = []
    for f in files:
        cli = subprocess.run([BANTIN, "parse", "--json", f], capture_output=True, check=True).stdout
        cli = cli.decode("utf-8").rstrip("\n")
        with open(f, "rb") as page:
            python = bantin.parse_json(page.read())
        for name, got in (("python (C API)", python), ("npm (wasm)", npm_json.get(f))):
            if got != cli:
                mismatches.append("%s: %s differs from bantin parse --json" % (f, name))
    for m in mismatches:
        print(m, file=sys.stderr)
    if mismatches or len(files) < 100:
        sys.exit("parity: %d mismatches over %d pages" % (len(mismatches), len(files)))
    print("ok: %d pages, the same Bulletin JSON from the CLI, the C API (Python) and the npm package" % len(files))


main()
