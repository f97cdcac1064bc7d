// Store::Search: gathers the stored postings of the query's syllables and
// hands them to core's matcher and scorer, the same code the browser runs.
#include <rocksdb/db.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "core/search.h"
#include "core/text.h"
#include "storage/keys.h"
#include "storage/postings.h"
#include "storage/store.h"

namespace bantin {
namespace {

constexpr size_t kSnippetBytes = 240;

// Up to kSnippetBytes of the first block that mentions a query word, cut at
// a space so no UTF-8 sequence is split.
std::string Snippet(const Bulletin& b, const Query& q) {
  const std::vector<std::string> keys = q.Keys();
  const std::string* chosen = b.blocks.empty() ? &b.title : &b.blocks.front().text;
  for (const Block& block : b.blocks) {
    const std::string folded = FoldedKey(block.text);
    if (std::any_of(keys.begin(), keys.end(),
                    [&](const std::string& k) { return folded.find(k) != std::string::npos; })) {
      chosen = &block.text;
      break;
    }
  }
  if (chosen->size() <= kSnippetBytes) return *chosen;
  size_t cut = chosen->rfind(' ', kSnippetBytes);
  if (cut == std::string::npos) cut = kSnippetBytes;
  while (cut > 0 && (static_cast<unsigned char>((*chosen)[cut]) & 0xC0) == 0x80) --cut;
  return chosen->substr(0, cut) + " …";
}

}  // namespace

Result<SearchPage> Store::Search(const std::string& text, int page_size,
                                 const std::string& page_token) const {
  Result<Query> parsed = ParseQuery(text);
  if (!parsed.ok()) return parsed.status();
  const Query& q = *parsed;
  page_size = page_size <= 0 ? 20 : std::min(page_size, 500);
  size_t offset = 0;
  if (!page_token.empty()) {
    unsigned long long v = 0;
    char tail = 0;
    if (std::sscanf(page_token.c_str(), "o%llx%c", &v, &tail) != 1)
      return Status::InvalidArgument("page_token is not one this service issued");
    offset = static_cast<size_t>(v);
  }

  CorpusStats stats;
  std::string raw_stats;
  if (db_->Get(rocksdb::ReadOptions(), keys::kStats, &raw_stats).ok()) {
    const CorpusTotals totals = DecodeTotals(raw_stats);
    stats.documents = totals.documents;
    stats.average_length =
        totals.documents ? static_cast<double>(totals.total_length) / totals.documents : 0;
  }

  std::map<std::string, DocTerms> docs;
  std::map<std::string, uint32_t> lengths;
  const auto scan = [&](const std::string& folded, auto&& visit) -> Status {
    const std::string prefix = keys::PostingPrefix(folded);
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next())
      visit(std::string(keys::IdOfPosting(it->key().ToStringView(), prefix.size())),
            it->value().ToStringView());
    return it->status().ok() ? Status::Ok() : Status::Internal(it->status().ToString());
  };
  for (const std::string& key : q.Keys()) {
    uint64_t df = 0;
    Status s = scan(key, [&](const std::string& id, std::string_view value) {
      uint32_t length = 0;
      std::vector<Occurrence> occ;
      if (!DecodePosting(value, &length, &occ)) return;
      ++df;
      docs[id][key] = std::move(occ);
      lengths[id] = length;
    });
    if (!s.ok()) return s;
    stats.document_frequency[key] = df;
  }
  std::set<std::string> excluded;
  for (const std::string& key : q.excluded) {
    Status s = scan(key, [&](const std::string& id, std::string_view) { excluded.insert(id); });
    if (!s.ok()) return s;
  }

  std::vector<std::pair<double, std::string>> ranked;
  for (auto& [id, terms] : docs) {
    if (excluded.count(id)) continue;
    for (const std::string& x : q.excluded) terms.erase(x);
    if (!Matches(q, terms)) continue;
    ranked.emplace_back(Score(q, terms, lengths[id], stats), id);
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });

  SearchPage page;
  page.total = static_cast<int64_t>(ranked.size());
  for (size_t i = offset; i < ranked.size() && page.hits.size() < static_cast<size_t>(page_size); ++i) {
    Result<StoredRecord> r = Get(ranked[i].second);
    if (!r.ok()) return r.status();
    SearchHit hit;
    hit.snippet = Snippet(r->bulletin, q);
    hit.bulletin = std::move(r->bulletin);
    hit.score = ranked[i].first;
    page.hits.push_back(std::move(hit));
  }
  const size_t next = offset + page.hits.size();
  if (next < ranked.size()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "o%zx", next);
    page.next_page_token = buf;
  }
  return page;
}

}  // namespace bantin
