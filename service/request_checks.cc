#include "request_checks.h"

#include "api_errors.h"
#include "bantin/text/dates.h"

namespace bantin {

grpc::Status CheckId(const std::string& field, const std::string& id) {
  if (id.empty()) return InvalidField(field, "must not be empty");
  return CheckLength(field, id, kMaxIdBytes);
}

grpc::Status CheckLength(const std::string& field, const std::string& value, size_t max) {
  if (value.size() <= max) return grpc::Status::OK;
  return InvalidField(field, "longer than " + std::to_string(max) + " bytes (" + std::to_string(value.size()) + ")");
}

grpc::Status CheckHints(const std::string& field, const v1::ParseHints& hints) {
  if (grpc::Status s = CheckLength(field + ".url", hints.url(), kMaxUrlBytes); !s.ok()) return s;
  if (grpc::Status s = CheckLength(field + ".source_id", hints.source_id(), kMaxNameBytes); !s.ok()) return s;
  if (grpc::Status s = CheckLength(field + ".province", hints.province(), kMaxNameBytes); !s.ok()) return s;
  return ToGrpc(CheckOptionalDate(hints.fetch_date(), field + ".fetch_date"));
}

}  // namespace bantin
