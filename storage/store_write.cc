// Store writes: every change is staged into one WriteBatch (records, ids,
// raw pages, document entries, removals from posting lists, statistics) and
// committed atomically; the in-memory document table and the posting tail
// (posting_tail.h: new documents' entries) follow only after the write.
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "bantin/digest.h"
#include "bantin/index/index_document.h"
#include "bantin/parse/identity.h"
#include "bantin/storage/bulletin_codec.h"
#include "bantin/v1/bantin.pb.h"
#include "compression.h"
#include "doc_table.h"
#include "keys.h"
#include "posting_merge.h"
#include "posting_tail.h"
#include "store_impl.h"
#include "store_util.h"
#include "write_guard.h"

namespace bantin {
namespace {

// Batches at least this large are prepared on every core.
constexpr size_t kParallelFrom = 16;

int64_t NowUnixMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

// What a bulletin needs before it can be staged, computed outside the
// write lock and, for batches, on all cores.
struct RocksStore::Prepared {
  std::vector<std::pair<std::string, std::string>> postings;  // folded → payload
  FieldLengths length{};
  DocMeta meta;
  std::string compressed_raw;
  const std::string* raw = nullptr;  // the caller's page, alive until the batch is committed
  std::string page_id;               // PageId of the raw page and the bulletin's source
  // The StoredBulletin without its docno and page slot: staging appends
  // those fields (and the id, when it had to change), and protobuf reads
  // concatenated messages as one, the last value of a field winning.
  std::string record;
};

RocksStore::Prepared RocksStore::Prepare(const Bulletin& b, const std::string& raw, const ParseHints& hints,
                                         int64_t ingested_unix_ms) {
  Prepared p;
  DocumentTerms terms = IndexDocument(b);
  p.postings.reserve(terms.terms.size());
  for (auto& [folded, term] : terms.terms) p.postings.emplace_back(std::move(folded), EncodePayload(term));
  p.length = terms.length;
  p.meta = MetaOf(b, terms.length);
  p.compressed_raw = Compress(raw);
  p.raw = &raw;
  p.page_id = PageId(raw, b.source.id);
  v1::StoredBulletin record;
  ToProto(b, record.mutable_bulletin());
  record.set_ingested_unix_ms(ingested_unix_ms);
  ToProto(hints, record.mutable_hints());
  p.record = record.SerializeAsString();
  return p;
}

// Prepares a batch's items on every core while the caller stages them in
// order: Take(i) returns item i once prepared, preparing unclaimed items
// itself while it waits. Staging (numbering, lookups of earlier copies) thus
// overlaps the preparation of later items instead of following all of it.
class RocksStore::Preparer {
 public:
  Preparer(const std::vector<IngestItem>& items, int64_t now, size_t helpers)
      : items_(items), now_(now), out_(items.size()), ready_(items.size()) {
    for (size_t t = 0; t < helpers; ++t)
      helpers_.emplace_back([this] {
        while (PrepareNext()) {
        }
      });
  }
  ~Preparer() {
    next_.store(items_.size());  // an early return abandons the rest
    for (std::thread& h : helpers_) h.join();
  }

  Prepared& Take(size_t i) {
    while (!ready_[i].load(std::memory_order_acquire))
      if (!PrepareNext()) std::this_thread::yield();  // a helper has it
    return out_[i];
  }

 private:
  bool PrepareNext() {
    const size_t i = next_.fetch_add(1);
    if (i >= items_.size()) return false;
    out_[i] = Prepare(items_[i].bulletin, items_[i].raw, items_[i].hints, now_);
    ready_[i].store(true, std::memory_order_release);
    return true;
  }

  const std::vector<IngestItem>& items_;
  const int64_t now_;
  std::vector<Prepared> out_;
  std::vector<std::atomic<bool>> ready_;
  std::atomic<size_t> next_{0};
  std::vector<std::thread> helpers_;
};

struct RocksStore::Staged {
  // `reserve`: the bytes the batch will take, about; growing a batch of
  // megabytes by doubling copies it and faults in fresh pages each time.
  explicit Staged(size_t reserve = 0) : batch(reserve) {}
  rocksdb::WriteBatch batch;
  // Each added document's terms and payloads (Prepared::postings), by
  // ascending docno; they reach the posting tail once the batch is written.
  std::vector<std::pair<uint32_t, std::vector<std::pair<std::string, std::string>>>> postings;
  std::vector<std::pair<uint32_t, DocMeta>> added;
  std::vector<uint32_t> removed;
  CorpusTotals totals;
  uint32_t next_docno = 0;
  uint64_t next_change = 0;
  // What the batch files so far, for the pages and ids after it (Place, FreeId).
  std::unordered_map<std::string, StagedPage> pages;  // by page slot
  std::unordered_set<std::string> ids;
};

Result<RocksStore::Placement> RocksStore::Place(const Staged& s, const std::string& page_id, const std::string& raw,
                                                const std::string& source_id, const std::string& self) const {
  for (int n = 0; n < kMaxPageSlots; ++n) {
    const std::string slot = n == 0 ? page_id : page_id + "." + std::to_string(n);
    std::string holder;
    if (auto staged = s.pages.find(slot); staged != s.pages.end()) {
      const StagedPage& other = staged->second;
      if (self.empty() && *other.raw == raw && other.source_id == source_id) return Placement{slot, other.id};
      continue;
    }
    rocksdb::Status st = db_->Get(rocksdb::ReadOptions(), keys::Page(slot), &holder);
    if (st.IsNotFound() || (st.ok() && holder == self)) return Placement{slot, ""};
    if (!st.ok()) return FromRocks(st, "lookup of page " + slot);
    if (!self.empty()) continue;  // a reparse never joins another record
    Result<StoredRecord> stored = Get(holder, /*with_raw=*/true);
    if (!stored.ok()) return stored.status();
    // The hash is only where to look: the bytes decide.
    if (stored->raw == raw && stored->bulletin.source.id == source_id) return Placement{slot, holder};
  }
  return Status::Internal("more than " + std::to_string(kMaxPageSlots) + " different pages hash to " + page_id);
}

Result<std::string> RocksStore::FreeId(const Staged& s, const std::string& proposed) const {
  for (int n = 1; n <= kMaxPageSlots; ++n) {
    const std::string id = n == 1 ? proposed : proposed + "-" + std::to_string(n);
    if (s.ids.count(id)) continue;
    std::string primary;
    rocksdb::Status st = db_->Get(rocksdb::ReadOptions(), keys::ById(id), &primary);
    if (st.IsNotFound()) return id;
    if (!st.ok()) return FromRocks(st, "lookup of " + id);
  }
  return Status::Internal("more than " + std::to_string(kMaxPageSlots) + " different pages were given the id " +
                          proposed);
}

void RocksStore::BeginStaging(Staged& s) const {
  s.totals = totals_;
  s.next_docno = table_.DocLimit();
  s.next_change = next_change_;
}

Status RocksStore::StageAddition(Staged& s, const Bulletin& b, Prepared& p, const std::string& slot) {
  const uint32_t docno = s.next_docno++;
  s.postings.emplace_back(docno, std::move(p.postings));
  v1::StoredBulletin numbered;
  numbered.set_docno(docno);
  numbered.set_page_slot(slot);
  std::string record = p.record + numbered.SerializeAsString();
  if (p.meta.id != b.id) {
    // Another page holds the id the parse proposed (FreeId): the record
    // is written again under its own. Rare, so no fast path.
    v1::StoredBulletin renamed;
    renamed.ParseFromString(record);
    renamed.mutable_bulletin()->set_id(b.id);
    renamed.mutable_bulletin()->add_warnings("another page is stored as " + p.meta.id + ": this one is " + b.id);
    record = renamed.SerializeAsString();
    p.meta.id = b.id;
  }
  const std::string key = keys::Record(b.date, b.source.id, b.id);
  rocksdb::Status st = s.batch.Put(key, record);
  if (st.ok()) st = s.batch.Put(keys::ById(b.id), key);
  if (st.ok()) st = s.batch.Put(keys::Raw(b.id), p.compressed_raw);
  if (st.ok()) st = s.batch.Put(keys::Page(slot), b.id);
  if (st.ok() && !b.copy_id.empty()) {
    v1::Source source;
    ToProto(b.source, &source);
    st = s.batch.Put(keys::Copy(b.copy_id, b.id), source.SerializeAsString());
  }
  if (st.ok()) st = s.batch.Put(keys::Doc(docno), EncodeDocMeta(p.meta));
  if (st.ok()) st = s.batch.Put(keys::Change(s.next_change++), "A" + b.id);
  if (!st.ok()) return FromRocks(st, "stage " + b.id);
  ++s.totals.documents;
  for (int f = 0; f < kFieldCount; ++f) s.totals.length[f] += p.length[f];
  s.added.emplace_back(docno, std::move(p.meta));
  s.pages[slot] = {p.raw, b.source.id, b.id};
  s.ids.insert(b.id);
  return Status::Ok();
}

Status RocksStore::StageRemoval(Staged& s, const std::string& primary_key, const v1::StoredBulletin& record) {
  // A removal edits RocksDB's lists; the tail only ever appends. So a
  // document still in the tail is merged down first (removals are rare).
  if (record.docno() >= tail_.from())
    if (Status flushed = FlushTail(); !flushed.ok()) return flushed;
  const Bulletin b = FromProto(record.bulletin());
  const DocumentTerms terms = IndexDocument(b);
  rocksdb::Status st;
  for (const auto& entry : terms.terms)
    if (st.ok()) st = s.batch.Merge(keys::Postings(entry.first), RemovalOperand(record.docno()));
  if (st.ok()) st = s.batch.Delete(primary_key);
  if (st.ok()) st = s.batch.Delete(keys::ById(b.id));
  if (st.ok()) st = s.batch.Delete(keys::Raw(b.id));
  if (st.ok()) st = s.batch.Delete(keys::Page(record.page_slot()));
  if (st.ok() && !b.copy_id.empty()) st = s.batch.Delete(keys::Copy(b.copy_id, b.id));
  if (st.ok()) st = s.batch.Delete(keys::Doc(record.docno()));
  if (st.ok()) st = s.batch.Put(keys::Change(s.next_change++), "D" + b.id);
  if (!st.ok()) return FromRocks(st, "stage removal of " + b.id);
  --s.totals.documents;
  for (int f = 0; f < kFieldCount; ++f) s.totals.length[f] -= terms.length[f];
  s.removed.push_back(record.docno());
  return Status::Ok();
}

Status RocksStore::Commit(Staged& s) {
  rocksdb::Status st = s.batch.Put(keys::kStats, EncodeStats(s.totals, s.next_docno));
  if (st.ok()) st = s.batch.Put(keys::kNextChange, std::to_string(s.next_change));
  if (!st.ok()) return FromRocks(st, "stage statistics");
  if (Status admitted = parts_.guard->Admit(s.batch.GetDataSize()); !admitted.ok()) return admitted;
  rocksdb::WriteOptions wo;
  // The log is on: an acknowledged write survives a crash of the process,
  // and with sync, power loss too.
  wo.sync = parts_.sync;
  st = db_->Write(wo, &s.batch);
  if (!st.ok()) {
    parts_.guard->WriteFailed(st);
    return FromRocks(st, "write");
  }
  {
    // A single document's entries go straight into the tail. A batch's are
    // gathered per term first, outside the tail's lock (which searches
    // wait on): under it, one append per term rather than one per entry.
    std::unordered_map<std::string, std::string> gathered;
    if (s.postings.size() > 1)
      for (const auto& [docno, postings] : s.postings)
        for (const auto& [folded, payload] : postings) AppendEntry(gathered[folded], docno, payload);
    std::unique_lock<std::shared_mutex> tail(tail_mu_);
    if (s.postings.size() == 1)
      for (const auto& [folded, payload] : s.postings[0].second)
        tail_.AppendEntry(folded, s.postings[0].first, payload);
    for (auto& [folded, entries] : gathered) tail_.Append(folded, std::move(entries));
  }
  table_.Extend(s.next_docno);
  for (uint32_t docno : s.removed) table_.Clear(docno);
  for (auto& [docno, meta] : s.added) table_.Set(docno, std::move(meta));
  totals_ = s.totals;
  next_change_ = s.next_change;
  Publish();
  // The batch is acknowledged whatever the flush does: a tail that could
  // not be merged stays in memory and is tried again after the next commit.
  if (tail_.bytes() >= parts_.tail_bytes) (void)FlushTail();
  return Status::Ok();
}

Status RocksStore::FlushTail() {
  if (tail_.empty() && tail_.from() == table_.DocLimit()) return Status::Ok();
  rocksdb::WriteBatch batch;
  rocksdb::Status st;
  for (const auto& [folded, entries] : tail_.lists())
    if (st.ok()) st = batch.Merge(keys::Postings(folded), AdditionOperand(entries));
  if (st.ok()) st = batch.Put(keys::kPosted, EncodePosted(table_.DocLimit()));
  if (!st.ok()) return FromRocks(st, "stage the posting tail");
  if (Status admitted = parts_.guard->Admit(batch.GetDataSize()); !admitted.ok()) return admitted;
  // Not synced, even with OpenOptions::sync: the records the entries come
  // from are, and a crash that loses this batch loses m/posted with it, so
  // the next open indexes those records again (RebuildTail).
  std::unique_lock<std::shared_mutex> tail(tail_mu_);
  st = db_->Write(rocksdb::WriteOptions(), &batch);
  if (!st.ok()) {
    parts_.guard->WriteFailed(st);
    return FromRocks(st, "merge the posting tail");
  }
  tail_.Reset(table_.DocLimit());
  return Status::Ok();
}

Result<PutOutcome> RocksStore::Put(const Bulletin& bulletin, const std::string& raw, const ParseHints& hints) {
  Result<std::vector<PutOutcome>> r = PutMany({IngestItem{bulletin, raw, hints}});
  if (!r.ok()) return r.status();
  return std::move(r->front());
}

Result<std::vector<PutOutcome>> RocksStore::PutMany(const std::vector<IngestItem>& items) {
  // Small batches (a single Put) are prepared before the write lock, so that
  // concurrent writers prepare in parallel; large ones on every core while
  // staging goes on under the lock (on one core, by this thread alone: a
  // helper there would only take turns with it).
  const bool parallel = items.size() >= kParallelFrom;
  Preparer prepared(items, NowUnixMs(), parallel ? static_cast<size_t>(UsableCores() - 1) : 0);
  if (!parallel)
    for (size_t i = 0; i < items.size(); ++i) prepared.Take(i);
  // A record is about its page's size and the compressed page a third of it.
  size_t reserve = 0;
  for (const IngestItem& item : items) reserve += 2 * item.raw.size() + 256;
  std::lock_guard<std::mutex> write(write_mu_);
  Staged s(reserve);
  BeginStaging(s);
  std::vector<PutOutcome> out;
  std::unordered_map<std::string, size_t> created;  // id → its outcome, for the pages staged here
  for (size_t i = 0; i < items.size(); ++i) {
    const IngestItem& item = items[i];
    if (item.bulletin.id.empty()) return Status::InvalidArgument("bulletin has no id");
    Prepared& p = prepared.Take(i);
    Result<Placement> place = Place(s, p.page_id, item.raw, item.bulletin.source.id, "");
    if (!place.ok()) return place.status();
    if (!place->holder.empty()) {  // the same page from the same source
      if (auto earlier = created.find(place->holder); earlier != created.end()) {
        out.push_back({out[earlier->second].bulletin, false});
        continue;
      }
      Result<StoredRecord> stored = Get(place->holder, false);
      if (!stored.ok()) return stored.status();
      out.push_back({std::move(stored->bulletin), false});
      continue;
    }
    Result<std::string> id = FreeId(s, item.bulletin.id);
    if (!id.ok()) return id.status();
    Bulletin b = item.bulletin;
    b.id = std::move(*id);
    if (Status added = StageAddition(s, b, p, place->slot); !added.ok()) return added;
    created[b.id] = out.size();
    out.push_back({std::move(b), true});
  }
  if (Status c = Commit(s); !c.ok()) return c;
  return out;
}

Status RocksStore::Delete(const std::string& id) {
  std::lock_guard<std::mutex> write(write_mu_);
  std::string primary;
  rocksdb::Status st = db_->Get(rocksdb::ReadOptions(), keys::ById(id), &primary);
  if (!st.ok()) return FromRocksForBulletin(st, id);
  v1::StoredBulletin record;
  if (Status r = ReadProto(*db_, primary, "record of " + id, &record); !r.ok()) return r;
  Staged s;
  BeginStaging(s);
  if (Status r = StageRemoval(s, primary, record); !r.ok()) return r;
  return Commit(s);
}

Result<ReparseReport> RocksStore::Reparse(const ParseFunction& parse, bool all) {
  std::vector<std::string> primaries;
  {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
    for (it->Seek(keys::kRecordsBegin); it->Valid() && it->key().compare(keys::kRecordsEnd) < 0; it->Next())
      primaries.push_back(it->key().ToString());
    if (!it->status().ok()) return FromRocks(it->status(), "reparse scan");
  }
  ReparseReport report;
  for (const std::string& primary : primaries) {
    std::lock_guard<std::mutex> write(write_mu_);
    v1::StoredBulletin record;
    Status read = ReadProto(*db_, primary, "record " + primary, &record);
    if (read.code() == StatusCode::kNotFound) continue;  // deleted meanwhile
    if (!read.ok()) return read;
    ++report.records;
    if (!all && record.bulletin().parser_version() == kParserVersion) continue;
    const std::string id = record.bulletin().id();
    Result<std::string> raw = ReadRaw(id);
    if (!raw.ok()) return raw.status();
    const ParseHints hints = FromProto(record.hints());
    Bulletin fresh = parse(*raw, hints);
    fresh.id = id;  // ids are forever: clients hold them
    Staged s;
    BeginStaging(s);
    if (Status r = StageRemoval(s, primary, record); !r.ok()) return r;
    Prepared p = Prepare(fresh, *raw, hints, record.ingested_unix_ms());
    Result<Placement> place = Place(s, p.page_id, *raw, fresh.source.id, id);
    if (!place.ok()) return place.status();
    if (Status a = StageAddition(s, fresh, p, place->slot); !a.ok()) return a;
    if (Status c = Commit(s); !c.ok()) return c;
    ++report.rebuilt;
  }
  return report;
}

}  // namespace bantin
