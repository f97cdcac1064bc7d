"""Parses a page and searches it from Python: python3 example.py PAGE"""
import sys

import bantin

page = open(sys.argv[1], "rb").read()

bulletin = bantin.parse(page, source="example-source")  # a dict: bantin.v1.Bulletin
print(bulletin["title"], bulletin.get("date"))

index = bantin.Index()
ident, added = index.add(page, source="example-source")
found = index.search("source:example-source", page_size=5)
print(found["totalSize"], [hit["title"] for hit in found["results"]])

try:  # errors raise bantin.Error with the code, reason and field
    index.search('"unclosed')
    raise SystemExit("example: a malformed query was accepted")
except bantin.Error as e:
    assert e.code_name == "INVALID_ARGUMENT", e

assert added and found["results"][0]["id"] == ident == bulletin["id"], found
print("ok: bantin", bantin.version)
