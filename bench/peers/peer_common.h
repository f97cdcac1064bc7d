// What the two server-side peers (fts5_peer.cc, xapian_peer.cc) share, so
// that they read, time and report the same way: the TSV written by
// bundle_to_tsv.py, the query list, Vietnamese lower case and folding of the
// queries, clocks, percentiles, directory sizes and the JSON line.
#ifndef BANTIN_BENCH_PEERS_PEER_COMMON_H_
#define BANTIN_BENCH_PEERS_PEER_COMMON_H_

#include <sys/resource.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

namespace peer {

// One bulletin: the 7 TSV columns.
struct Doc {
  std::string id, title, text, folded_title, folded_text, province, date;
};

struct Args {
  std::string tsv, dbdir, queries;
  size_t batch = 1000;
  size_t searches = 500;  // timed searches per mode, at least
};

inline Args ParseArgs(int argc, char** argv) {
  Args a;
  std::vector<std::string> pos;
  for (int i = 1; i < argc; ++i) {
    std::string s = argv[i];
    if (s == "--batch" && i + 1 < argc)
      a.batch = std::stoul(argv[++i]);
    else if (s == "--searches" && i + 1 < argc)
      a.searches = std::stoul(argv[++i]);
    else
      pos.push_back(s);
  }
  if (pos.size() != 3 || a.batch == 0) {
    std::fprintf(stderr, "usage: %s TSV DBDIR QUERIES [--batch N] [--searches M]\n", argv[0]);
    std::exit(2);
  }
  a.tsv = pos[0], a.dbdir = pos[1], a.queries = pos[2];
  return a;
}

inline std::vector<Doc> LoadTsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(1);
  }
  std::vector<Doc> docs;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) f.push_back(c);
    f.resize(7);
    docs.push_back({f[0], f[1], f[2], f[3], f[4], f[5], f[6]});
  }
  return docs;
}

// Lines of QUERIES, without blank and '#' lines.
inline std::vector<std::string> LoadQueries(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(1);
  }
  std::vector<std::string> qs;
  for (std::string line; std::getline(in, line);)
    if (line.find_first_not_of(" \t\r") != std::string::npos && line[0] != '#') qs.push_back(line);
  return qs;
}

// What a peer runs on: its command line, the TSV's documents and the
// queries; exits with a message when there are no documents or queries.
struct Input {
  Args args;
  std::vector<Doc> docs;
  std::vector<std::string> queries;
};

inline Input LoadInput(int argc, char** argv) {
  Input in;
  in.args = ParseArgs(argc, argv);
  in.docs = LoadTsv(in.args.tsv);
  in.queries = LoadQueries(in.args.queries);
  if (in.docs.empty() || in.queries.empty()) {
    std::fprintf(stderr, "%s: no documents or no queries\n", argv[0]);
    std::exit(1);
  }
  std::filesystem::create_directories(in.args.dbdir);
  return in;
}

// One ingest's rate and its CPU time (user + system) per 1,000 documents.
struct Ingested {
  double docs_per_s = 0, cpu_ms_per_1000 = 0;
};

// ---- UTF-8 and Vietnamese letters (queries are NFC) ----

inline std::u32string Decode(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

inline std::string Encode(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) {
      out += char(c);
      continue;
    }
    if (c < 0x800) {
      out += char(0xC0 | (c >> 6));
    } else if (c < 0x10000) {
      out += char(0xE0 | (c >> 12));
      out += char(0x80 | ((c >> 6) & 0x3F));
    } else {
      out += char(0xF0 | (c >> 18));
      out += char(0x80 | ((c >> 12) & 0x3F));
      out += char(0x80 | ((c >> 6) & 0x3F));
    }
    out += char(0x80 | (c & 0x3F));
  }
  return out;
}

// Vietnamese letters with marks by base letter, lower and upper case in the
// same order. Folding as bundle_to_tsv.py does it (tones and vowel marks
// dropped, đ -> d, lower case), restricted to the letters Vietnamese uses.
struct Letters {
  std::unordered_map<char32_t, char32_t> lower;
  std::unordered_map<char32_t, char32_t> base;
  Letters() {
    const char* rows[][3] = {{"a", "àáảãạăằắẳẵặâầấẩẫậ", "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
                             {"d", "đ", "Đ"},
                             {"e", "èéẻẽẹêềếểễệ", "ÈÉẺẼẸÊỀẾỂỄỆ"},
                             {"i", "ìíỉĩị", "ÌÍỈĨỊ"},
                             {"o", "òóỏõọôồốổỗộơờớởỡợ", "ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
                             {"u", "ùúủũụưừứửữự", "ÙÚỦŨỤƯỪỨỬỮỰ"},
                             {"y", "ỳýỷỹỵ", "ỲÝỶỸỴ"}};
    for (auto& r : rows) {
      std::u32string lo = Decode(r[1]), up = Decode(r[2]);
      for (size_t i = 0; i < lo.size(); ++i) {
        lower[up[i]] = lo[i];
        base[lo[i]] = base[up[i]] = char32_t(r[0][0]);
      }
    }
  }
};
inline const Letters& VietLetters() {
  static const Letters l;
  return l;
}

inline std::string Lower(const std::string& s) {
  std::u32string u = Decode(s);
  for (char32_t& c : u) {
    if (c >= 'A' && c <= 'Z')
      c += 32;
    else if (auto it = VietLetters().lower.find(c); it != VietLetters().lower.end())
      c = it->second;
  }
  return Encode(u);
}

inline std::string Fold(const std::string& s) {
  std::u32string u = Decode(Lower(s));
  for (char32_t& c : u)
    if (auto it = VietLetters().base.find(c); it != VietLetters().base.end()) c = it->second;
  return Encode(u);
}

// Words (runs of letters and digits), as typed. Non-ASCII counts as a letter
// outside punctuation and symbol blocks; enough for Vietnamese text.
inline std::vector<std::string> Words(const std::string& s) {
  auto is_word = [](char32_t c) {
    if (c < 0x80) return std::isalnum(int(c)) != 0;
    return c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F) &&
           c != 0xFEFF;
  };
  std::vector<std::string> out;
  std::u32string cur;
  for (char32_t c : Decode(s) + U" ") {
    if (is_word(c)) {
      cur += c;
      continue;
    }
    if (!cur.empty()) out.push_back(Encode(cur));
    cur.clear();
  }
  return out;
}

// Whether every word of `query` occurs, accents as typed (case-insensitive),
// as a whole word of the bulletin's title or text.
inline bool HasExactWords(const Doc& d, const std::string& query) {
  std::vector<std::string> have = Words(d.title + " " + d.text);
  for (auto& w : have) w = Lower(w);
  std::sort(have.begin(), have.end());
  for (const auto& w : Words(query))
    if (!std::binary_search(have.begin(), have.end(), Lower(w))) return false;
  return true;
}

// ---- measuring ----

using Clock = std::chrono::steady_clock;
inline double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// CPU time of this process, user + system, in ms.
inline double CpuMs() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

inline double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = size_t(std::ceil(p * double(v.size())));
  return v[std::min(v.size() - 1, i == 0 ? 0 : i - 1)];
}

inline uint64_t PathBytes(const std::filesystem::path& p) {
  namespace fs = std::filesystem;
  if (fs::is_regular_file(p)) return fs::file_size(p);
  uint64_t n = 0;
  if (fs::is_directory(p))
    for (auto& e : fs::recursive_directory_iterator(p))
      if (e.is_regular_file()) n += e.file_size();
  return n;
}

// ---- the search part, the same for every peer ----

// One search's answer: the top hits (indexes into the loaded docs), the
// total (exact in exact mode, the engine's estimate otherwise) and how many
// facet values came back.
struct Hits {
  std::vector<size_t> rows;
  uint64_t total = 0;
  size_t province_values = 0, year_values = 0;
};
// exact: top 20 + exact total + facets by province and year; otherwise top 20.
using SearchFn = std::function<Hits(const std::string& query, bool exact)>;

struct SearchStats {
  double exact_p50 = 0, exact_p99 = 0, top_p50 = 0, top_p99 = 0;
  size_t timed_per_mode = 0;
  int bao_exact_in_top20 = 0;
};

// Warm-up: one pass over the queries in both modes, untimed, printing what
// each query found (stderr). Then each mode alone: the query list repeated
// until at least `min_searches` searches, each one timed on its own
// (wall clock, ms), including building the engine's query from the text.
inline SearchStats BenchSearch(const std::vector<Doc>& docs, const std::vector<std::string>& queries,
                               size_t min_searches, const SearchFn& run) {
  SearchStats st;
  for (const auto& q : queries) {
    Hits e = run(q, true), t = run(q, false);
    int exact = 0;
    for (size_t r : e.rows) exact += HasExactWords(docs[r], q);
    std::fprintf(stderr, "  %-22s total=%-6llu est=%-6llu provinces=%-2zu years=%-2zu as-typed-in-top=%d/%zu%s\n",
                 q.c_str(), (unsigned long long)e.total, (unsigned long long)t.total, e.province_values, e.year_values,
                 exact, e.rows.size(), e.rows == t.rows ? "" : "  (top differs!)");
  }
  const size_t passes = std::max<size_t>(1, (min_searches + queries.size() - 1) / queries.size());
  for (bool exact : {true, false}) {
    std::vector<double> ms;
    for (size_t p = 0; p < passes; ++p)
      for (const auto& q : queries) {
        auto t0 = Clock::now();
        run(q, exact);
        ms.push_back(Seconds(t0) * 1e3);
      }
    (exact ? st.exact_p50 : st.top_p50) = Percentile(ms, 0.50);
    (exact ? st.exact_p99 : st.top_p99) = Percentile(ms, 0.99);
    st.timed_per_mode = ms.size();
  }
  for (size_t r : run("bão", false).rows) st.bao_exact_in_top20 += HasExactWords(docs[r], "bão");
  return st;
}

// The one machine-readable line: {"k":v,...}; string values are quoted.
class Json {
 public:
  Json& Num(const std::string& k, double v) {
    char b[64];
    std::snprintf(b, sizeof b, "%.6g", v);
    return Raw(k, b);
  }
  Json& Str(const std::string& k, const std::string& v) { return Raw(k, "\"" + v + "\""); }
  std::string Line() const { return "{" + body_ + "}"; }

 private:
  Json& Raw(const std::string& k, const std::string& v) {
    body_ += (body_.empty() ? "\"" : ",\"") + k + "\":" + v;
    return *this;
  }
  std::string body_;
};

// What every engine of the server side reports (run.sh keeps the line,
// server_report.py reads these keys): the one owner of their names.
struct Report {
  std::string engine;
  double docs = 0;
  double ingest_single_docs_per_s = 0;  // one commit a document, not fsynced
  double ingest_batch_docs_per_s = 0;
  double cpu_ms_per_1000_batch = 0;
  double bytes_per_doc = 0;                                 // after a full compaction
  double search_exact_p50_ms = 0, search_exact_p99_ms = 0;  // top 20 + exact count + facets
  double search_top_p50_ms = 0, search_top_p99_ms = 0;      // top 20 alone
  int quality_bao_exact_in_top20 = 0;
};

// The report's keys; an engine adds its own after them and ends with Line().
inline Json ReportJson(const Report& r) {
  Json j;
  j.Str("engine", r.engine)
      .Num("docs", r.docs)
      .Num("ingest_single_docs_per_s", r.ingest_single_docs_per_s)
      .Num("ingest_batch_docs_per_s", r.ingest_batch_docs_per_s)
      .Num("cpu_ms_per_1000_batch", r.cpu_ms_per_1000_batch)
      .Num("bytes_per_doc", r.bytes_per_doc)
      .Num("search_exact_p50_ms", r.search_exact_p50_ms)
      .Num("search_exact_p99_ms", r.search_exact_p99_ms)
      .Num("search_top_p50_ms", r.search_top_p50_ms)
      .Num("search_top_p99_ms", r.search_top_p99_ms)
      .Num("quality_bao_exact_in_top20", r.quality_bao_exact_in_top20);
  return j;
}

// What a peer measured, whole; PeerLine writes its JSON line: the report's
// keys, then its version, the fsynced one-at-a-time rate, the settings of
// the run and the stored columns' share of the size.
struct PeerRun {
  std::string engine, version, durability;
  double docs = 0, single_docs_timed = 0, batch = 0;
  Ingested single, single_fsync, batched;
  uint64_t bytes = 0;         // the database after compaction
  uint64_t stored_bytes = 0;  // its stored copy of the text, within `bytes`
  double compact_s = 0;
  SearchStats search;
};

inline std::string PeerLine(const PeerRun& p) {
  Report r;
  r.engine = p.engine;
  r.docs = p.docs;
  r.ingest_single_docs_per_s = p.single.docs_per_s;
  r.ingest_batch_docs_per_s = p.batched.docs_per_s;
  r.cpu_ms_per_1000_batch = p.batched.cpu_ms_per_1000;
  r.bytes_per_doc = double(p.bytes) / p.docs;
  r.search_exact_p50_ms = p.search.exact_p50;
  r.search_exact_p99_ms = p.search.exact_p99;
  r.search_top_p50_ms = p.search.top_p50;
  r.search_top_p99_ms = p.search.top_p99;
  r.quality_bao_exact_in_top20 = p.search.bao_exact_in_top20;
  return ReportJson(r)
      .Str("version", p.version)
      .Num("ingest_single_fsync_docs_per_s", p.single_fsync.docs_per_s)
      .Num("cpu_ms_per_1000_single", p.single.cpu_ms_per_1000)
      .Num("single_docs_timed", p.single_docs_timed)
      .Num("batch", p.batch)
      .Num("stored_bytes_per_doc", double(p.stored_bytes) / p.docs)
      .Num("compact_s", p.compact_s)
      .Num("searches_per_mode", double(p.search.timed_per_mode))
      .Str("durability", p.durability)
      .Line();
}

}  // namespace peer

#endif  // BANTIN_BENCH_PEERS_PEER_COMMON_H_
