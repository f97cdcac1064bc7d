#!/usr/bin/env python3
"""The server-side table of the peer benchmark (bench/peers/run.sh): reads
the JSON lines bantin_peer, fts5_peer and xapian_peer printed, one per
engine per round, and prints each measure's median over the rounds per
engine, with bantin's ratio to each peer.

    bench/peers/server_report.py RESULTS.jsonl [--json OUT.json]

A ratio is bantin / peer: below 1 is ahead for times, CPU and size; above 1
is ahead for rates. Which way is better is said on each row.
Python 3 standard library only.
"""
import json
import statistics
import sys

# (key, label, better): better is 'lower' or 'higher'.
MEASURES = [
    ("ingest_single_docs_per_s", "ingest one at a time, docs/s", "higher"),
    ("ingest_batch_docs_per_s", "ingest in batches of 1,000, docs/s", "higher"),
    ("cpu_ms_per_1000_batch", "CPU per 1,000 ingested in batches, ms", "lower"),
    ("bytes_per_doc", "size per document after compaction, KB", "lower"),
    ("search_exact_p50_ms", "search p50, top 20 + exact count (+ facets), ms", "lower"),
    ("search_exact_p99_ms", "search p99, top 20 + exact count (+ facets), ms", "lower"),
    ("search_top_p50_ms", "search p50, top 20 only, ms", "lower"),
    ("search_top_p99_ms", "search p99, top 20 only, ms", "lower"),
    ("quality_bao_exact_in_top20", '"bão": top 20 holding the word as typed', "higher"),
]
ORDER = ["bantin", "fts5", "xapian"]


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: server_report.py RESULTS.jsonl [--json OUT.json]")
    runs = [json.loads(line) for line in open(argv[1], encoding="utf-8") if line.strip()]
    engines = sorted({r["engine"] for r in runs}, key=lambda e: (ORDER.index(e) if e in ORDER else 99, e))
    if "bantin" not in engines:
        sys.exit("server_report: no bantin run in " + argv[1])
    docs = {r["docs"] for r in runs}
    rounds = min(sum(1 for r in runs if r["engine"] == e) for e in engines)
    medians = {}
    for e in engines:
        medians[e] = {}
        for key, _, _ in MEASURES:
            values = [r[key] for r in runs if r["engine"] == e and key in r]
            if values:
                medians[e][key] = statistics.median(values) / (1000 if key == "bytes_per_doc" else 1)
    peers = [e for e in engines if e != "bantin"]
    print(f"{'/'.join(str(d) for d in sorted(docs))} documents, medians of {rounds} round(s); ratio = bantin / peer\n")
    print("| measure | better | " + " | ".join(engines) + " | " + " | ".join(f"bantin / {p}" for p in peers) + " |")
    print("|---|---|" + "---:|" * (len(engines) + len(peers)))
    for key, label, better in MEASURES:
        cells = [fmt(medians[e].get(key)) for e in engines]
        ratios = []
        for p in peers:
            b, v = medians["bantin"].get(key), medians[p].get(key)
            ratios.append(f"{b / v:.2f}" if b is not None and v else "—")
        print(f"| {label} | {better} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
    if "--json" in argv:
        with open(argv[argv.index("--json") + 1], "w", encoding="utf-8") as out:
            json.dump({"docs": sorted(docs), "rounds": rounds, "medians": medians}, out, indent=1)


def fmt(v):
    if v is None:
        return "—"
    if v >= 100:
        return f"{v:,.0f}"
    return f"{v:.2f}" if v >= 1 else f"{v:.3f}"


if __name__ == "__main__":
    main(sys.argv)
