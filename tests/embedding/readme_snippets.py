#!/usr/bin/python3
"""README.md's "Embedding" snippets are taken from working programs: every
line of each snippet must appear (trimmed) in its example under examples/.

usage: readme_snippets.py SOURCE_DIR"""
import os
import re
import sys

ROOT = sys.argv[1]
EXAMPLES = {"cpp": "examples/cpp/main.cc", "c": "examples/c/main.c", "python": "examples/python/example.py",
            "js": "examples/node/example.mjs"}

readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
section = readme.split("## Embedding", 1)[1].split("\n## ", 1)[0]
snippets = re.findall(r"```(\w+)\n(.*?)```", section, re.S)
missing = []
for language, code in snippets:
    example = open(os.path.join(ROOT, EXAMPLES[language]), encoding="utf-8").read()
    lines = {line.strip() for line in example.splitlines()}
    missing += ["%s: %s" % (EXAMPLES[language], line) for line in code.splitlines() if line.strip() not in lines]
if sorted(language for language, _ in snippets) != sorted(EXAMPLES) or missing:
    sys.exit("README snippets not in their examples:\n" + "\n".join(missing))
print("ok: the %d README snippets are lines of examples/" % len(snippets))
