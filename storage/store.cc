#include "storage/store.h"

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <chrono>

#include "bantin/v1/bantin.pb.h"
#include "core/search.h"
#include "storage/bulletin_codec.h"
#include "storage/keys.h"
#include "storage/postings.h"

namespace bantin {
namespace {

constexpr int kMaxPageSize = 500;
constexpr int kDefaultPageSize = 50;

Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::Ok();
  if (s.IsNotFound()) return Status::NotFound(what + ": not found");
  return Status::Internal(what + ": " + s.ToString());
}

int ClampPageSize(int requested) {
  if (requested <= 0) return kDefaultPageSize;
  return requested > kMaxPageSize ? kMaxPageSize : requested;
}

std::string Hex(const std::string& s) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) out += kDigits[c >> 4], out += kDigits[c & 15];
  return out;
}

bool Unhex(const std::string& s, std::string* out) {
  if (s.size() % 2) return false;
  const auto v = [](char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  };
  out->clear();
  for (size_t i = 0; i < s.size(); i += 2) {
    if (v(s[i]) < 0 || v(s[i + 1]) < 0) return false;
    out->push_back(static_cast<char>(v(s[i]) * 16 + v(s[i + 1])));
  }
  return true;
}

}  // namespace

Store::Store(rocksdb::DB* db) : db_(db) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir) {
  rocksdb::Options options;
  options.create_if_missing = true;
  options.compression = rocksdb::kLZ4Compression;
  options.bottommost_compression = rocksdb::kZSTD;
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(options, dir, &db);
  if (!s.ok()) return Status(StatusCode::kUnavailable, "cannot open database at " + dir + ": " + s.ToString());
  return std::unique_ptr<Store>(new Store(db));
}

Result<PutOutcome> Store::Put(const Bulletin& bulletin, const std::string& raw) {
  if (bulletin.id.empty()) return Status::InvalidArgument("bulletin has no id");
  std::lock_guard<std::mutex> lock(write_mu_);
  std::string primary;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), keys::ById(bulletin.id), &primary);
  if (s.ok()) {
    Result<StoredRecord> existing = ReadRecord(primary, bulletin.id);
    if (!existing.ok()) return existing.status();
    return PutOutcome{std::move(existing->bulletin), false};
  }
  if (!s.IsNotFound()) return FromRocks(s, "lookup " + bulletin.id);

  v1::StoredBulletin record;
  ToProto(bulletin, record.mutable_bulletin());
  record.set_raw(raw);
  record.set_ingested_unix_ms(std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count());
  rocksdb::WriteBatch batch;
  const std::string key = keys::Record(bulletin.date, bulletin.source.id, bulletin.id);
  batch.Put(key, record.SerializeAsString());
  batch.Put(keys::ById(bulletin.id), key);
  uint32_t length = 0;
  for (const auto& [folded, occurrences] : IndexTerms(bulletin, &length))
    batch.Put(keys::Posting(folded, bulletin.id), EncodePosting(length, occurrences));
  // Corpus statistics for BM25, updated in the same batch (writes are serialised).
  std::string stats;
  CorpusTotals totals;
  if (db_->Get(rocksdb::ReadOptions(), keys::kStats, &stats).ok()) totals = DecodeTotals(stats);
  ++totals.documents;
  totals.total_length += length;
  batch.Put(keys::kStats, EncodeTotals(totals));
  rocksdb::WriteOptions wo;
  wo.sync = false;  // the WAL is on; an acknowledged write survives a process crash
  s = db_->Write(wo, &batch);
  if (!s.ok()) return FromRocks(s, "write " + bulletin.id);
  return PutOutcome{bulletin, true};
}

Result<StoredRecord> Store::Get(const std::string& id) const {
  std::string key;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), keys::ById(id), &key);
  if (!s.ok()) return FromRocks(s, "bulletin " + id);
  return ReadRecord(key, id);
}

Result<StoredRecord> Store::ReadRecord(const std::string& key, const std::string& id) const {
  std::string value;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), key, &value);
  if (!s.ok()) return FromRocks(s, "record of " + id);
  v1::StoredBulletin record;
  if (!record.ParseFromString(value)) return Status::Internal("record of " + id + " is corrupt");
  return StoredRecord{FromProto(record.bulletin()), record.raw()};
}

Result<ListPage> Store::List(const ListOptions& o) const {
  const int page_size = ClampPageSize(o.page_size);
  std::string start = o.from_date.empty() ? "r/" : keys::RecordDatePrefix(o.from_date);
  if (!o.page_token.empty()) {
    std::string after;
    if (!Unhex(o.page_token, &after) || after.rfind("r/", 0) != 0)
      return Status::InvalidArgument("page_token is not one this service issued");
    start = after + '\0';
  }
  const std::string end =
      o.to_date.empty() ? keys::RecordsEnd() : keys::RecordDatePrefix(o.to_date) + "\xff";
  ListPage page;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(start); it->Valid() && it->key().ToString() < end; it->Next()) {
    v1::StoredBulletin record;
    if (!record.ParseFromArray(it->value().data(), static_cast<int>(it->value().size())))
      return Status::Internal("corrupt record at " + it->key().ToString());
    const v1::Bulletin& b = record.bulletin();
    if (!o.source_id.empty() && b.source().id() != o.source_id) continue;
    if (!o.province.empty() && b.source().province() != o.province) continue;
    if (static_cast<int>(page.bulletins.size()) == page_size) {
      page.next_page_token = Hex(keys::Record(page.bulletins.back().date,
                                              page.bulletins.back().source.id,
                                              page.bulletins.back().id));
      break;
    }
    page.bulletins.push_back(FromProto(b));
  }
  if (!it->status().ok()) return FromRocks(it->status(), "list");
  return page;
}

}  // namespace bantin
