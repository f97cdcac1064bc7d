#!/usr/bin/env python3
"""Turns a bantin NDJSON bundle (build/bin/make_bundle OUT --generated N) into
the TSV the server-side peers (fts5_peer, xapian_peer) ingest.

    bench/peers/bundle_to_tsv.py BUNDLE.ndjson OUT.tsv

One line per bulletin, 7 tab-separated columns:

    id  title  text  folded_title  folded_text  province  date

text is the blocks' text joined by a space; tabs, newlines and other control
characters become spaces; title and text are NFC. The peers have no
Vietnamese accent folding, so they get it precomputed as two extra columns,
folded the way bantin folds: NFD, combining marks U+0300-U+036F dropped
(tones and the marks of ă â ê ô ơ ư), đ->d, Đ->D, lower case. (bantin also
treats old and new tone placement, "uỷ"/"ủy", as equal; that is not
reproduced in the accented columns.) date is YYYY-MM-DD or empty.
Python 3 standard library only.
"""
import json
import re
import sys
import unicodedata

_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def fold(s: str) -> str:
    d = unicodedata.normalize("NFD", s)
    d = "".join(c for c in d if not 0x300 <= ord(c) <= 0x36F)
    return d.replace("đ", "d").replace("Đ", "D").lower()


def clean(s: str) -> str:
    return " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFC", s or "")).split())


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[3], file=sys.stderr)
        return 2
    n = 0
    with open(sys.argv[1], encoding="utf-8") as src, \
            open(sys.argv[2], "w", encoding="utf-8", newline="\n") as out:
        for line in src:
            rec = json.loads(line)
            b = rec.get("bulletin")
            if b is None:  # the header line {"bantinBundle":1,...}
                continue
            title = clean(b.get("title", ""))
            text = clean(" ".join(blk.get("text", "") for blk in b.get("blocks", [])))
            province = clean((b.get("source") or {}).get("province", ""))
            date = clean(b.get("date", ""))
            out.write("\t".join([clean(b["id"]), title, text, fold(title), fold(text),
                                 province, date]) + "\n")
            n += 1
    print(f"bundle_to_tsv: {n} bulletins -> {sys.argv[2]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
