#!/usr/bin/env python3
"""Term statistics of export bundles, side by side: how close a generated
corpus (bench/corpus.h, `make_bundle OUT --generated N`) comes to real pages
(`make_bundle OUT tests/pages/*.txt tests/pages/*.html`).

    bench/peers/term_stats.py [--docs K] BUNDLE.ndjson...

A document is a bundle line's bulletin: its title and the text of every
block. Tokens are lowercase syllables: text NFC-normalized (a page stored
with combining tone marks counts as the same words), lowercased, cut at
anything that is not a letter (white space, punctuation, digits), so
"Covid-19" gives "covid" and numbers give nothing. Prints a markdown table,
one column per bundle (and with --docs K one more for the first K documents
of each bundle longer than that, to compare with a small real sample at the
same size: vocabulary, hapax share and top-k coverage all depend on it).

Rows: documents; tokens per document (mean, median); distinct syllables;
distinct syllables after the first 10% / 50% / 100% of documents (file
order); share of all tokens covered by the 10 / 100 / 1000 most frequent
syllables; share of distinct syllables seen exactly once (hapax); the Zipf
exponent s fitted by least squares to log(frequency) = c - s log(rank) over
ranks 1..1000 (fewer if the vocabulary is smaller); the document
frequency, as % of documents, of a few probe syllables; and, against the
first bundle given (put the real pages first), how the document frequencies
of all its middling words compare: the median ratio and the mean absolute
log ratio over the syllables in 3-60% of its documents. Python 3 standard
library only.
"""

import argparse
import collections
import json
import math
import os
import re
import sys
import unicodedata

PROBES = ["tỉnh", "ủy", "bão", "covid", "du", "lịch", "tôm"]
TOKEN = re.compile(r"[^\W\d_]+")  # runs of letters


def tokens(text):
    return TOKEN.findall(unicodedata.normalize("NFC", text).lower())


def read_bundle(path):
    """Token lists, one per bulletin, in file order (the header line skipped)."""
    docs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            line = line.strip()
            if not line:
                continue
            record = json.loads(line)
            if "bulletin" not in record:
                if n == 0:
                    continue  # {"bantinBundle":1,...}
                raise SystemExit(f"{path}:{n + 1}: not a bulletin line")
            b = record["bulletin"]
            parts = [b.get("title", "")] + [block.get("text", "") for block in b.get("blocks", [])]
            docs.append(tokens("\n".join(parts)))
    return docs


def zipf_exponent(freqs, max_rank=1000):
    """-slope of the least-squares line through (log rank, log frequency)."""
    ys = [math.log(f) for f in freqs[:max_rank]]
    if len(ys) < 2:
        return float("nan")
    xs = [math.log(r) for r in range(1, len(ys) + 1)]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    return -sxy / sxx


def stats(docs):
    n = len(docs)
    counts = collections.Counter()
    df = collections.Counter()
    growth = {}
    marks = {max(1, round(n * p)): p for p in (0.1, 0.5, 1.0)} if n else {}
    for i, doc in enumerate(docs, 1):
        counts.update(doc)
        df.update(set(doc))
        if i in marks:
            growth[marks[i]] = len(counts)
    total = sum(counts.values())
    freqs = sorted(counts.values(), reverse=True)
    lengths = sorted(len(d) for d in docs)
    out = collections.OrderedDict()
    out["documents"] = f"{n:,}"
    out["tokens per document, mean"] = f"{total / n:,.0f}" if n else "-"
    out["tokens per document, median"] = f"{lengths[n // 2]:,}" if n else "-"
    out["tokens"] = f"{total:,}"
    out["distinct syllables"] = f"{len(counts):,}"
    for p in (0.1, 0.5, 1.0):
        out[f"distinct after {p:.0%} of documents"] = f"{growth.get(p, len(counts)):,}"
    for k in (10, 100, 1000):
        out[f"tokens covered by top {k}"] = f"{sum(freqs[:k]) / total:.1%}" if total else "-"
    hapax = sum(1 for f in freqs if f == 1)
    out["hapax share of distinct syllables"] = f"{hapax / len(freqs):.1%}" if freqs else "-"
    out["hapax share of tokens"] = f"{hapax / total:.2%}" if total else "-"
    out["Zipf exponent s (ranks 1..1000)"] = f"{zipf_exponent(freqs):.2f}"
    out["top 10 syllables"] = " ".join(w for w, _ in counts.most_common(10))
    for w in PROBES:
        out[f'df "{w}"'] = f"{df[w] / n:.1%}" if n else "-"
    return out, {w: c / n for w, c in df.items()} if n else {}


def df_rows(reference, df):
    """How the document frequencies of `df` compare with `reference`'s, over
    the words in 3-60% of the reference's documents: the median of df/df_ref
    and the mean |log(df/df_ref)| (a word absent counts as df 0.01%)."""
    words = [w for w, f in reference.items() if 0.03 <= f <= 0.6]
    if not words:
        return "-", "-"
    ratios = sorted(df.get(w, 0) / reference[w] for w in words)
    error = sum(abs(math.log(max(df.get(w, 0), 1e-4) / reference[w])) for w in words) / len(words)
    return f"{ratios[len(ratios) // 2]:.2f}", f"{error:.2f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("bundles", nargs="+", help="bundle NDJSON files (make_bundle, bantin export)")
    ap.add_argument("--docs", type=int, default=0, metavar="K",
                    help="also a column for the first K documents of each bundle longer than K")
    args = ap.parse_args()
    columns = []
    for path in args.bundles:
        docs = read_bundle(path)
        name = os.path.basename(path)
        columns.append((name, *stats(docs)))
        if args.docs and len(docs) > args.docs:
            columns.append((f"{name}, first {args.docs}", *stats(docs[: args.docs])))
    reference = columns[0][2]
    n_ref = sum(1 for f in reference.values() if 0.03 <= f <= 0.6)
    for _, out, df in columns:
        median, error = df_rows(reference, df)
        out[f"df / df in {columns[0][0]}, median ({n_ref:,} words in 3-60% of its documents)"] = median
        out["mean abs log(df / df there), same words"] = error
    rows = list(columns[0][1].keys())
    print("| | " + " | ".join(name for name, _, _ in columns) + " |")
    print("|---|" + "---|" * len(columns))
    for row in rows:
        print(f"| {row} | " + " | ".join(out[row] for _, out, _ in columns) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
