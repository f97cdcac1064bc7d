// Store writes: every change is staged into one WriteBatch (records, ids,
// raw pages, document entries, posting merges, statistics) and committed
// atomically; the in-memory document table follows only after the write.
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <unordered_map>

#include "bantin/digest.h"
#include "bantin/index/index_document.h"
#include "bantin/storage/bulletin_codec.h"
#include "bantin/v1/bantin.pb.h"
#include "compression.h"
#include "doc_table.h"
#include "keys.h"
#include "posting_merge.h"
#include "store_impl.h"
#include "store_util.h"

namespace bantin {
namespace {

// Identity of a raw page: FNV-1a 64 of its bytes, as 16 hex digits.
std::string RawHash(std::string_view raw) { return Hex64(Fnv1a64(raw)); }

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
  std::string raw_hash;
  // The StoredBulletin without its docno: staging appends that field, and
  // protobuf reads concatenated messages as one.
  std::string record;
};

RocksStore::Prepared RocksStore::Prepare(const Bulletin& b, const std::string& raw, const ParseHints& hints,
                                         int64_t ingested_unix_ms) {
  Prepared p;
  DocumentTerms terms = IndexDocument(b);
  for (auto& [folded, term] : terms.terms) p.postings.emplace_back(std::move(folded), EncodePayload(term));
  p.length = terms.length;
  p.meta = MetaOf(b, terms.length);
  p.compressed_raw = Compress(raw);
  p.raw_hash = RawHash(raw);
  v1::StoredBulletin record;
  ToProto(b, record.mutable_bulletin());
  record.set_ingested_unix_ms(ingested_unix_ms);
  ToProto(hints, record.mutable_hints());
  record.set_raw_hash(p.raw_hash);
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
  rocksdb::WriteBatch batch;
  std::unordered_map<std::string, std::string> additions;  // folded → entries, ascending docnos
  std::vector<std::pair<uint32_t, DocMeta>> added;
  std::vector<uint32_t> removed;
  CorpusTotals totals;
  uint32_t next_docno = 0;
};

void RocksStore::BeginStaging(Staged& s) const {
  s.totals = totals_;
  s.next_docno = table_.DocLimit();
}

Status RocksStore::StageAddition(Staged& s, const Bulletin& b, Prepared& p) {
  const uint32_t docno = s.next_docno++;
  for (const auto& [folded, payload] : p.postings) AppendEntry(s.additions[folded], docno, payload);
  v1::StoredBulletin numbered;
  numbered.set_docno(docno);
  const std::string key = keys::Record(b.date, b.source.id, b.id);
  rocksdb::Status st = s.batch.Put(key, p.record + numbered.SerializeAsString());
  if (st.ok()) st = s.batch.Put(keys::ById(b.id), key);
  if (st.ok()) st = s.batch.Put(keys::Raw(b.id), p.compressed_raw);
  if (st.ok()) st = s.batch.Put(keys::RawHash(p.raw_hash), b.id);
  if (st.ok()) st = s.batch.Put(keys::Doc(docno), EncodeDocMeta(p.meta));
  if (!st.ok()) return FromRocks(st, "stage " + b.id);
  ++s.totals.documents;
  for (int f = 0; f < kFieldCount; ++f) s.totals.length[f] += p.length[f];
  s.added.emplace_back(docno, std::move(p.meta));
  return Status::Ok();
}

Status RocksStore::StageRemoval(Staged& s, const std::string& primary_key, const v1::StoredBulletin& record) {
  const Bulletin b = FromProto(record.bulletin());
  const DocumentTerms terms = IndexDocument(b);
  rocksdb::Status st;
  for (const auto& entry : terms.terms)
    if (st.ok()) st = s.batch.Merge(keys::Postings(entry.first), RemovalOperand(record.docno()));
  if (st.ok()) st = s.batch.Delete(primary_key);
  if (st.ok()) st = s.batch.Delete(keys::ById(b.id));
  if (st.ok()) st = s.batch.Delete(keys::Raw(b.id));
  if (st.ok()) st = s.batch.Delete(keys::RawHash(record.raw_hash()));
  if (st.ok()) st = s.batch.Delete(keys::Doc(record.docno()));
  if (!st.ok()) return FromRocks(st, "stage removal of " + b.id);
  --s.totals.documents;
  for (int f = 0; f < kFieldCount; ++f) s.totals.length[f] -= terms.length[f];
  s.removed.push_back(record.docno());
  return Status::Ok();
}

Status RocksStore::Commit(Staged& s) {
  rocksdb::Status st;
  for (const auto& [folded, entries] : s.additions)
    if (st.ok()) st = s.batch.Merge(keys::Postings(folded), AdditionOperand(entries));
  if (st.ok()) st = s.batch.Put(keys::kStats, EncodeStats(s.totals, s.next_docno));
  rocksdb::WriteOptions wo;
  wo.sync = false;  // the WAL is on: an acknowledged write survives a process crash
  if (st.ok()) st = db_->Write(wo, &s.batch);
  if (!st.ok()) return FromRocks(st, "write");
  table_.Extend(s.next_docno);
  for (uint32_t docno : s.removed) table_.Clear(docno);
  for (auto& [docno, meta] : s.added) table_.Set(docno, std::move(meta));
  totals_ = s.totals;
  Publish();
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
  // staging goes on under the lock.
  const bool parallel = items.size() >= kParallelFrom;
  Preparer prepared(items, NowUnixMs(), parallel ? std::max(1u, std::thread::hardware_concurrency()) - 1 : 0);
  if (!parallel)
    for (size_t i = 0; i < items.size(); ++i) prepared.Take(i);
  std::lock_guard<std::mutex> write(write_mu_);
  Staged s;
  BeginStaging(s);
  std::vector<PutOutcome> out;
  // "i<id>" and "h<raw hash>" of the items staged so far → index in out.
  std::unordered_map<std::string, size_t> staged;
  for (size_t i = 0; i < items.size(); ++i) {
    const IngestItem& item = items[i];
    const Bulletin& b = item.bulletin;
    if (b.id.empty()) return Status::InvalidArgument("bulletin has no id");
    Prepared& p = prepared.Take(i);
    const std::string& raw_hash = p.raw_hash;
    auto seen = staged.find("i" + b.id);
    if (seen == staged.end()) seen = staged.find("h" + raw_hash);
    if (seen != staged.end()) {
      out.push_back({out[seen->second].bulletin, false});
      continue;
    }
    // Stored before: the same page (raw hash), or the same article (id).
    std::string existing_id, primary;
    rocksdb::Status st = db_->Get(rocksdb::ReadOptions(), keys::RawHash(raw_hash), &existing_id);
    if (st.IsNotFound())
      existing_id = b.id;
    else if (!st.ok())
      return FromRocks(st, "lookup of page " + raw_hash);
    st = db_->Get(rocksdb::ReadOptions(), keys::ById(existing_id), &primary);
    if (st.ok()) {
      Result<StoredRecord> existing = ReadRecord(primary, existing_id, false);
      if (!existing.ok()) return existing.status();
      out.push_back({std::move(existing->bulletin), false});
      continue;
    }
    if (!st.IsNotFound()) return FromRocks(st, "lookup of " + b.id);
    if (Status added = StageAddition(s, b, p); !added.ok()) return added;
    staged["i" + b.id] = staged["h" + raw_hash] = out.size();
    out.push_back({b, true});
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
    if (Status a = StageAddition(s, fresh, p); !a.ok()) return a;
    if (Status c = Commit(s); !c.ok()) return c;
    ++report.rebuilt;
  }
  return report;
}

}  // namespace bantin
