// Xapian peer of the side-by-side benchmark (does not link bantin).
//
//   xapian_peer TSV DBDIR QUERIES [--batch N] [--searches M]
//
// TSV comes from bundle_to_tsv.py (id, title, text, folded_title,
// folded_text, province, date); the folding is done there because Xapian
// has no Vietnamese folding of its own. One glass database; per document:
//   - terms of the accented title (wdf x3) and text, unprefixed, as Xapian's
//     TermGenerator makes them (lower case, accents kept, no stemmer: bão,
//     báo, bảo and bao are four terms), with positions;
//   - the same for the folded title and text under the prefix "XF";
//   - value slot 0 = province, slot 1 = year (for the facets);
//   - document data = id \t title \t text (what a result page shows).
//
// What is measured, in this order (all documents loaded in memory first;
// timings cover Xapian work only):
//  1. Single-document ingest: the first min(docs, 2000) documents, each
//     add_document followed by commit(), into a fresh database, once with
//     DB_NO_SYNC (the reported figure, the same durability as SQLite's WAL +
//     synchronous=NORMAL: a commit survives a process crash, not power loss)
//     and once with Xapian's default commit, which fsyncs. The rest of the
//     documents are not ingested one by one, to keep run times bounded.
//     Those databases are then deleted.
//  2. Batch ingest: all documents into a fresh database, commit() every N
//     (default commit, with fsync: one per N documents): docs/s and CPU ms
//     (user+sys, getrusage) per 1,000 documents.
//  3. Size: Database::compact (level FULLER, docids kept) into a new
//     directory; bytes of that directory per document. Searches use it.
//  4. Search (peer_common.h BenchSearch): QueryParser (no stemming, no
//     operators) parses the folded words under the prefix XF joined by AND
//     (the match set: all words must match without accents, as in bantin) and
//     the words as typed joined by OR; the query is
//        folded AND_MAYBE (as-typed x10)
//     so bulletins holding the words as typed get 10x their BM25 weight on
//     top and come first. "exact" mode = get_mset(0, 20, check_at_least =
//     doccount) with a ValueCountMatchSpy on province and one on year: exact
//     total and facets over the whole match set; "top" mode = get_mset(0, 20)
//     alone, total = get_matches_estimated().
#include <xapian.h>

#include "peer_common.h"

namespace {

namespace fs = std::filesystem;

constexpr Xapian::valueno kProvinceSlot = 0, kYearSlot = 1;

Xapian::Document MakeDocument(Xapian::TermGenerator& tg, const peer::Doc& d) {
  Xapian::Document doc;
  tg.set_document(doc);
  tg.index_text(d.title, 3);
  tg.increase_termpos();
  tg.index_text(d.text);
  tg.increase_termpos();
  tg.index_text(d.folded_title, 3, "XF");
  tg.increase_termpos();
  tg.index_text(d.folded_text, 1, "XF");
  if (!d.province.empty()) doc.add_value(kProvinceSlot, d.province);
  if (d.date.size() >= 4) doc.add_value(kYearSlot, d.date.substr(0, 4));
  doc.set_data(d.id + "\t" + d.title + "\t" + d.text);
  return doc;
}

// Adds docs[0, count) to a fresh database at `path`, commit() after every
// `batch` documents (1: after each). Docids are 1, 2, ... = position + 1.
peer::Ingested Ingest(const fs::path& path, const std::vector<peer::Doc>& docs, size_t count, size_t batch,
                      bool no_sync) {
  fs::remove_all(path);
  Xapian::WritableDatabase db(
      path.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS | (no_sync ? Xapian::DB_NO_SYNC : 0));
  Xapian::TermGenerator tg;  // no stemmer: Vietnamese has none
  const auto t0 = peer::Clock::now();
  const double cpu0 = peer::CpuMs();
  for (size_t i = 0; i < count; ++i) {
    db.add_document(MakeDocument(tg, docs[i]));
    if ((i + 1) % batch == 0 || i + 1 == count) db.commit();
  }
  peer::Ingested r;
  r.docs_per_s = double(count) / peer::Seconds(t0);
  r.cpu_ms_per_1000 = (peer::CpuMs() - cpu0) / double(count) * 1000;
  db.close();
  return r;
}

struct Searcher {
  Xapian::Database db;
  Xapian::QueryParser qp;

  explicit Searcher(const std::string& path) : db(path) {
    qp.set_database(db);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
  }

  Xapian::Query Build(const std::string& query) {
    std::string typed, folded;
    for (const auto& w : peer::Words(query)) typed += w + " ", folded += peer::Fold(w) + " ";
    qp.set_default_op(Xapian::Query::OP_AND);
    Xapian::Query match = qp.parse_query(folded, 0, "XF");
    qp.set_default_op(Xapian::Query::OP_OR);
    Xapian::Query as_typed = qp.parse_query(typed, 0);
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, match,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, as_typed, 10.0));
  }

  peer::Hits Search(const std::string& query, bool exact) {
    peer::Hits h;
    Xapian::Enquire enquire(db);
    enquire.set_query(Build(query));
    Xapian::ValueCountMatchSpy provinces(kProvinceSlot), years(kYearSlot);
    if (exact) {
      enquire.add_matchspy(&provinces);
      enquire.add_matchspy(&years);
    }
    const Xapian::MSet mset = enquire.get_mset(0, 20, exact ? db.get_doccount() : 0);
    size_t bytes = 0;  // the stored data of a hit is read, as a result page would
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      h.rows.push_back(size_t(*it) - 1);
      bytes += it.get_document().get_data().size();
    }
    h.total = mset.get_matches_estimated();  // exact when check_at_least covers the database
    if (exact) {
      for (auto v = provinces.values_begin(); v != provinces.values_end(); ++v) ++h.province_values;
      for (auto v = years.values_begin(); v != years.values_end(); ++v) ++h.year_values;
      if (mset.get_matches_lower_bound() != mset.get_matches_upper_bound()) std::fprintf(stderr, "inexact!\n");
    }
    return h;
  }
};

}  // namespace

int main(int argc, char** argv) {
  const peer::Input input = peer::LoadInput(argc, argv);
  const peer::Args& args = input.args;
  const std::vector<peer::Doc>& docs = input.docs;
  const std::vector<std::string>& queries = input.queries;
  const fs::path dir(args.dbdir);
  std::fprintf(stderr, "xapian_peer: Xapian %s, %zu docs, %zu queries\n", Xapian::version_string(), docs.size(),
               queries.size());

  try {
    const size_t single = std::min<size_t>(docs.size(), 2000);
    const peer::Ingested single_nosync = Ingest(dir / "single_nosync", docs, single, 1, true);
    fs::remove_all(dir / "single_nosync");
    const peer::Ingested single_sync = Ingest(dir / "single_sync", docs, single, 1, false);
    fs::remove_all(dir / "single_sync");
    std::fprintf(stderr, "single: %.0f docs/s, %.1f CPU ms / 1000 (DB_NO_SYNC); %.0f docs/s (fsync)\n",
                 single_nosync.docs_per_s, single_nosync.cpu_ms_per_1000, single_sync.docs_per_s);

    const peer::Ingested batch = Ingest(dir / "batch", docs, docs.size(), args.batch, false);
    std::fprintf(stderr, "batch of %zu: %.0f docs/s, %.1f CPU ms / 1000 docs (%llu bytes before compaction)\n",
                 args.batch, batch.docs_per_s, batch.cpu_ms_per_1000,
                 (unsigned long long)peer::PathBytes(dir / "batch"));

    const fs::path compacted = dir / "compact";
    fs::remove_all(compacted);
    const auto t_compact = peer::Clock::now();
    Xapian::Database(dir.string() + "/batch")
        .compact(compacted.string(), Xapian::Compactor::FULLER | Xapian::DBCOMPACT_NO_RENUMBER);
    const double compact_s = peer::Seconds(t_compact);
    const uint64_t bytes = peer::PathBytes(compacted);
    const uint64_t stored = peer::PathBytes(compacted / "docdata.glass");  // within `bytes`
    std::fprintf(stderr, "size: %llu bytes after compact (%.1f s), stored data %llu\n", (unsigned long long)bytes,
                 compact_s, (unsigned long long)stored);

    Searcher searcher(compacted.string());
    const peer::SearchStats s = peer::BenchSearch(
        docs, queries, args.searches, [&](const std::string& q, bool exact) { return searcher.Search(q, exact); });

    std::printf("%s\n", peer::PeerLine({.engine = "xapian",
                                        .version = Xapian::version_string(),
                                        .durability = "commit with DB_NO_SYNC (fsync figure: default commit)",
                                        .docs = double(docs.size()),
                                        .single_docs_timed = double(single),
                                        .batch = double(args.batch),
                                        .single = single_nosync,
                                        .single_fsync = single_sync,
                                        .batched = batch,
                                        .bytes = bytes,
                                        .stored_bytes = stored,
                                        .compact_s = compact_s,
                                        .search = s})
                            .c_str());
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "xapian: %s\n", e.get_description().c_str());
    return 1;
  }
  return 0;
}
