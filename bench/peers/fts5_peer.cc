// SQLite FTS5 peer of the side-by-side benchmark (does not link bantin).
//
//   fts5_peer TSV DBDIR QUERIES [--batch N] [--searches M]
//
// TSV comes from bundle_to_tsv.py (id, title, text, folded_title,
// folded_text, province, date); the folding is done there because FTS5 has
// no Vietnamese folding of its own. One table:
//
//   CREATE VIRTUAL TABLE bulletins USING fts5(province UNINDEXED,
//     date UNINDEXED, id UNINDEXED, title, text, folded_title, folded_text,
//     tokenize = 'unicode61 remove_diacritics 0')
//
// remove_diacritics 0: the accented columns keep their marks, so bão, báo,
// bảo and bao are four different tokens (with 1 or 2 they would all be
// "bao" and accent-exact ranking would be impossible); the folded columns
// have no marks left to remove. unicode61 still folds case (Ủ -> ủ). The
// table keeps its own copy of every column (default content table,
// detail=full); the short unindexed columns come first so that the facet
// queries find them on a row's first page, not after kilobytes of text.
//
// What is measured, in this order (all documents loaded in memory first;
// timings cover SQLite work only):
//  1. Single-document ingest: the first min(docs, 2000) documents, each
//     INSERT its own transaction (autocommit), into a fresh database in WAL
//     mode, once with synchronous=NORMAL (the reported figure: a commit
//     survives a process crash, but WAL is not fsynced per commit, so power
//     loss may drop the last ones) and once with synchronous=FULL (fsync of
//     the WAL per commit). The rest of the documents are not ingested one by
//     one, to keep run times bounded. Those databases are then deleted.
//  2. Batch ingest: all documents into a fresh database, N per transaction
//     (WAL, synchronous=NORMAL): docs/s and CPU ms (user+sys, getrusage) per
//     1,000 documents.
//  3. Size: 'optimize' (merges the index into one segment), WAL checkpoint,
//     VACUUM; then bytes of the database file per document.
//  4. Search (peer_common.h BenchSearch): per query, the match expression is,
//     for each word w (all words must match, as in bantin):
//        ({title text}: "w" OR {folded_title folded_text}: "fold(w)")
//     ranked by bm25 with column weights 30, 10, 3, 1: the accented columns
//     weigh 10x the folded ones (title 3x text), so bulletins holding the
//     words as typed come first. "exact" mode = top 20 + count(*) + GROUP BY
//     province + GROUP BY year, four statements over the same MATCH as a user
//     would write them; "top" mode = the top-20 statement alone.
#include <sqlite3.h>

#include "peer_common.h"

namespace {

namespace fs = std::filesystem;

void Check(sqlite3* db, int rc, const char* what) {
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return;
  std::fprintf(stderr, "sqlite: %s: %s\n", what, sqlite3_errmsg(db));
  std::exit(1);
}

void Exec(sqlite3* db, const std::string& sql) {
  Check(db, sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), sql.c_str());
}

sqlite3_stmt* Prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  Check(db, sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr), sql);
  return st;
}

// A fresh database at `path` in WAL mode with the given synchronous level.
// Without the larger page cache the facet queries read most pages through
// the OS (SQLite's default cache is 2 MiB) and take ~2.5x longer.
sqlite3* Create(const fs::path& path, const char* synchronous) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) Check(db, SQLITE_ERROR, "open");
  Exec(db, "PRAGMA journal_mode=WAL");
  Exec(db, std::string("PRAGMA synchronous=") + synchronous);
  Exec(db, "PRAGMA cache_size=-262144");  // 256 MiB page cache, as bantin's RocksDB block cache
  Exec(db,
       "CREATE VIRTUAL TABLE bulletins USING fts5(province UNINDEXED, date UNINDEXED, id UNINDEXED, "
       "title, text, folded_title, folded_text, tokenize = 'unicode61 remove_diacritics 0')");
  // ORDER BY rank uses this (one weight a column; the unindexed ones score 0).
  Exec(db, "INSERT INTO bulletins(bulletins, rank) VALUES('rank', 'bm25(0, 0, 0, 30.0, 10.0, 3.0, 1.0)')");
  return db;
}

// Inserts docs[0, count) with `batch` documents per transaction (1: each
// INSERT is its own autocommit transaction). rowid = position + 1.
peer::Ingested Ingest(sqlite3* db, const std::vector<peer::Doc>& docs, size_t count, size_t batch) {
  sqlite3_stmt* ins =
      Prepare(db,
              "INSERT INTO bulletins(rowid, title, text, folded_title, folded_text, province, date, id) "
              "VALUES(?,?,?,?,?,?,?,?)");
  const auto t0 = peer::Clock::now();
  const double cpu0 = peer::CpuMs();
  for (size_t at = 0; at < count; at += batch) {
    if (batch > 1) Exec(db, "BEGIN");
    for (size_t i = at; i < std::min(count, at + batch); ++i) {
      const peer::Doc& d = docs[i];
      sqlite3_bind_int64(ins, 1, int64_t(i) + 1);
      const std::string* cols[] = {&d.title, &d.text, &d.folded_title, &d.folded_text, &d.province, &d.date, &d.id};
      for (int c = 0; c < 7; ++c) sqlite3_bind_text(ins, c + 2, cols[c]->data(), int(cols[c]->size()), SQLITE_STATIC);
      Check(db, sqlite3_step(ins), "insert");
      sqlite3_reset(ins);
    }
    if (batch > 1) Exec(db, "COMMIT");
  }
  peer::Ingested r;
  r.docs_per_s = double(count) / peer::Seconds(t0);
  r.cpu_ms_per_1000 = (peer::CpuMs() - cpu0) / double(count) * 1000;
  sqlite3_finalize(ins);
  return r;
}

// Single-document ingest of `count` documents into a throwaway database.
peer::Ingested IngestSingle(const fs::path& path, const std::vector<peer::Doc>& docs, size_t count, const char* sync) {
  sqlite3* db = Create(path, sync);
  const peer::Ingested r = Ingest(db, docs, count, 1);
  sqlite3_close(db);
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  return r;
}

std::string MatchExpr(const std::string& query) {
  std::string e;
  for (const auto& w : peer::Words(query)) {
    if (!e.empty()) e += " AND ";
    e += "({title text} : \"" + peer::Lower(w) + "\" OR {folded_title folded_text} : \"" + peer::Fold(w) + "\")";
  }
  return e;
}

struct Searcher {
  sqlite3* db;
  sqlite3_stmt *top, *count, *provinces, *years;

  explicit Searcher(sqlite3* d) : db(d) {
    top = Prepare(db, "SELECT rowid, id, title, text FROM bulletins WHERE bulletins MATCH ?1 ORDER BY rank LIMIT 20");
    count = Prepare(db, "SELECT count(*) FROM bulletins WHERE bulletins MATCH ?1");
    provinces = Prepare(db,
                        "SELECT province, count(*) FROM bulletins WHERE bulletins MATCH ?1 "
                        "AND province <> '' GROUP BY province");
    years = Prepare(db,
                    "SELECT substr(date, 1, 4) AS y, count(*) FROM bulletins WHERE bulletins MATCH ?1 "
                    "AND date <> '' GROUP BY y");
  }

  // Runs `st` over the MATCH expression; calls `row` on each result row.
  template <class F>
  void Each(sqlite3_stmt* st, const std::string& expr, F row) {
    sqlite3_bind_text(st, 1, expr.data(), int(expr.size()), SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) row(st);
    Check(db, rc, "search");
    sqlite3_reset(st);
  }

  peer::Hits Search(const std::string& query, bool exact) {
    peer::Hits h;
    const std::string expr = MatchExpr(query);
    if (expr.empty()) return h;
    size_t bytes = 0;  // the stored fields of a hit are read, as a result page would
    Each(top, expr, [&](sqlite3_stmt* st) {
      h.rows.push_back(size_t(sqlite3_column_int64(st, 0) - 1));
      bytes += size_t(sqlite3_column_bytes(st, 1) + sqlite3_column_bytes(st, 2) + sqlite3_column_bytes(st, 3));
    });
    if (!exact) {
      h.total = h.rows.size();  // FTS5 gives no estimate: the top 20 is all it says
      return h;
    }
    Each(count, expr, [&](sqlite3_stmt* st) { h.total = uint64_t(sqlite3_column_int64(st, 0)); });
    Each(provinces, expr, [&](sqlite3_stmt*) { ++h.province_values; });
    Each(years, expr, [&](sqlite3_stmt*) { ++h.year_values; });
    return h;
  }
};

}  // namespace

int main(int argc, char** argv) {
  const peer::Input input = peer::LoadInput(argc, argv);
  const peer::Args& args = input.args;
  const std::vector<peer::Doc>& docs = input.docs;
  const std::vector<std::string>& queries = input.queries;
  if (!sqlite3_compileoption_used("ENABLE_FTS5")) {
    std::fprintf(stderr, "this SQLite has no FTS5\n");
    return 1;
  }
  const fs::path dir(args.dbdir);
  std::fprintf(stderr, "fts5_peer: SQLite %s, %zu docs, %zu queries\n", sqlite3_libversion(), docs.size(),
               queries.size());

  const size_t single = std::min<size_t>(docs.size(), 2000);
  const peer::Ingested single_normal = IngestSingle(dir / "single_normal.db", docs, single, "NORMAL");
  const peer::Ingested single_full = IngestSingle(dir / "single_full.db", docs, single, "FULL");
  std::fprintf(stderr, "single: %.0f docs/s, %.1f CPU ms / 1000 (WAL, NORMAL); %.0f docs/s (WAL, FULL)\n",
               single_normal.docs_per_s, single_normal.cpu_ms_per_1000, single_full.docs_per_s);

  const fs::path path = dir / "fts5.db";
  sqlite3* db = Create(path, "NORMAL");
  const peer::Ingested batch = Ingest(db, docs, docs.size(), args.batch);
  std::fprintf(stderr, "batch of %zu: %.0f docs/s, %.1f CPU ms / 1000 docs\n", args.batch, batch.docs_per_s,
               batch.cpu_ms_per_1000);

  const auto t_compact = peer::Clock::now();
  Exec(db, "INSERT INTO bulletins(bulletins) VALUES('optimize')");
  Exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
  Exec(db, "VACUUM");
  Exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
  const double compact_s = peer::Seconds(t_compact);
  uint64_t bytes = 0;
  for (const char* suffix : {"", "-wal"}) bytes += peer::PathBytes(path.string() + suffix);
  uint64_t content = 0;  // the stored copy of the columns, within `bytes`
  {
    sqlite3_stmt* st = Prepare(db, "SELECT sum(pgsize) FROM dbstat WHERE name = 'bulletins_content'");
    if (sqlite3_step(st) == SQLITE_ROW) content = uint64_t(sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
  }
  std::fprintf(stderr, "size: %llu bytes after optimize + VACUUM (%.1f s), stored columns %llu\n",
               (unsigned long long)bytes, compact_s, (unsigned long long)content);

  Searcher searcher(db);
  const peer::SearchStats s = peer::BenchSearch(
      docs, queries, args.searches, [&](const std::string& q, bool exact) { return searcher.Search(q, exact); });

  std::printf("%s\n", peer::PeerLine({.engine = "fts5",
                                      .version = sqlite3_libversion(),
                                      .durability = "WAL synchronous=NORMAL (fsync figure: FULL)",
                                      .docs = double(docs.size()),
                                      .single_docs_timed = double(single),
                                      .batch = double(args.batch),
                                      .single = single_normal,
                                      .single_fsync = single_full,
                                      .batched = batch,
                                      .bytes = bytes,
                                      .stored_bytes = content,
                                      .compact_s = compact_s,
                                      .search = s})
                          .c_str());
  std::vector<sqlite3_stmt*> sts = {searcher.top, searcher.count, searcher.provinces, searcher.years};
  for (auto* st : sts) sqlite3_finalize(st);
  sqlite3_close(db);
  return 0;
}
