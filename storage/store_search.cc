// RocksStore::Search: core's engine (the same code the browser runs) over the
// stored posting lists and the in-memory document table.
#include <rocksdb/db.h>

#include <algorithm>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <tuple>
#include <utility>

#include "bantin/index/frequency_memo.h"
#include "bantin/storage/bulletin_codec.h"
#include "bantin/v1/bantin.pb.h"
#include "keys.h"
#include "store_impl.h"
#include "store_util.h"

namespace bantin {

// Read access for the engine: one version of the document table, and the
// posting lists as they are now (entries past the version's docno limit
// are not read; see RowView).
class RocksStore::IndexView : public IndexReader {
 public:
  IndexView(const RocksStore& store, const Version& version) : store_(store), version_(version) {}

  // RocksDB's list, then the tail's entries of the term (posting_tail.h),
  // in two runs (PostingRuns). Pinned: the list on disk, already folded into
  // one value, is read in place from the block cache, not copied (a common
  // syllable's list is megabytes); the tail's entries are copied, since its
  // strings grow under writers once the lock is let go.
  Status Postings(const std::string& folded, PostingBytes* list) const override {
    auto pinned = std::make_shared<rocksdb::PinnableSlice>();
    std::shared_lock<std::shared_mutex> tail(store_.tail_mu_);
    rocksdb::Status s = store_.db_->Get(rocksdb::ReadOptions(), store_.db_->DefaultColumnFamily(),
                                        keys::Postings(folded), pinned.get());
    *list = {};
    if (s.IsCorruption()) {
      // A damaged list: searched as empty, and reported with the page.
      std::lock_guard<std::mutex> lock(damaged_mu_);
      damaged_.push_back({"", FromRocks(s, "postings of '" + folded + "'").message()});
      return Status::Ok();
    }
    if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "postings of '" + folded + "'");
    const std::string_view on_disk = s.ok() ? pinned->ToStringView() : std::string_view();
    const std::string_view newest = store_.tail_.Entries(folded);
    if (newest.empty()) {
      if (s.ok()) *list = {on_disk, std::move(pinned), {}};
      return Status::Ok();
    }
    using Held = std::pair<std::shared_ptr<rocksdb::PinnableSlice>, std::string>;
    auto held = std::make_shared<const Held>(std::move(pinned), std::string(newest));
    *list = {on_disk, held, held->second};
    return Status::Ok();
  }
  const DocMeta* Meta(uint32_t docno) const override { return version_.table->Meta(docno); }
  RowView Rows() const override { return version_.table->Rows(); }
  const FilterKeys& Keys() const override { return version_.table->Keys(); }
  uint32_t DocLimit() const override { return version_.table->DocLimit(); }
  CorpusTotals Totals() const override { return version_.totals; }
  FrequencyMemo* Frequencies() const override { return store_.frequencies_.get(); }
  std::vector<DamagedRecord> TakeDamaged() {
    std::lock_guard<std::mutex> lock(damaged_mu_);
    return std::exchange(damaged_, {});
  }

 private:
  const RocksStore& store_;
  const Version& version_;
  mutable std::mutex damaged_mu_;
  mutable std::vector<DamagedRecord> damaged_;  // GUARDED_BY(damaged_mu_)
};

Result<SearchPage> RocksStore::Search(const std::string& query, const SearchOptions& options) const {
  // Ranking over one version of the document table, which writers do not
  // wait for; it knows each hit's primary key: one read per hit.
  std::vector<std::pair<std::string, std::string>> hits;  // primary key, id
  const std::shared_ptr<const Version> version = CurrentVersion();
  SearchOptions o = options;
  if (o.threads <= 0) o.threads = std::min(2, UsableCores());
  IndexView view(*this, *version);
  Result<SearchResult> result = bantin::Search(view, query, o);
  if (result.ok()) {
    for (const Hit& h : result->hits) {
      const DocMeta& m = *version->table->Meta(h.docno);
      hits.emplace_back(keys::Record(m.date, m.source().id, m.id), m.id);
    }
  }
  if (!result.ok()) return result.status();
  SearchPage page;
  page.damaged = view.TakeDamaged();
  for (size_t i = 0; i < hits.size(); ++i) {
    Result<StoredRecord> record = ReadRecord(hits[i].first, hits[i].second, false);
    // Deleted since the ranking: leave it out rather than fail the page.
    if (record.status().code() == StatusCode::kNotFound) continue;
    if (record.status().code() == StatusCode::kDataLoss) {
      page.damaged.push_back({hits[i].second, record.status().message()});
      continue;
    }
    if (!record.ok()) return record.status();
    SearchHit hit;
    if (o.collapse_copies && !record->bulletin.copy_id.empty()) {
      Result<std::vector<CopyOf>> copies = CopiesOf(record->bulletin);
      if (!copies.ok()) return copies.status();
      hit.also_published_by = std::move(*copies);
    }
    hit.snippets = Snippets(record->bulletin, result->query);
    hit.bulletin = std::move(record->bulletin);
    hit.score = result->hits[i].score;
    hit.exact_terms = result->hits[i].exact_terms;
    page.hits.push_back(std::move(hit));
  }
  page.total = result->total;
  page.provinces = std::move(result->provinces);
  page.months = std::move(result->months);
  page.places = std::move(result->places);
  page.next_page_token = std::move(result->next_page_token);
  damaged_reads_ += page.damaged.size();
  return page;
}

Result<std::vector<CopyOf>> RocksStore::CopiesOf(const Bulletin& b) const {
  std::vector<CopyOf> copies;
  const std::string prefix = keys::CopyPrefix(b.copy_id);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    const std::string_view id = it->key().ToStringView().substr(prefix.size());
    if (id == b.id) continue;
    v1::Source source;
    if (!source.ParseFromArray(it->value().data(), static_cast<int>(it->value().size())))
      return Corrupt("copy entry " + it->key().ToString() + " is corrupt");
    copies.push_back({std::string(id), FromProto(source)});
    if (copies.size() == kMaxCopiesListed) break;
  }
  if (!it->status().ok()) return FromRocks(it->status(), "copies of " + b.id);
  std::sort(copies.begin(), copies.end(),
            [](const CopyOf& a, const CopyOf& c) { return std::tie(a.source.id, a.id) < std::tie(c.source.id, c.id); });
  return copies;
}

}  // namespace bantin
