// libFuzzer target: any bytes as each request message of the API, the way
// the service decodes them (service/request_decoding.cc): the UTF-8 walk
// never crashes, and it agrees with protobuf: a request protobuf parses has
// no invalid string, and one the walk names a field of does not parse.
#include <google/protobuf/message.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "bantin/v1/bantin.pb.h"
#include "service/utf8_fields.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  // protobuf logs every invalid string it refuses: noise at this rate.
  static const bool quiet = (google::protobuf::SetLogHandler(nullptr), true);
  (void)quiet;
  static const std::vector<const google::protobuf::Message*> requests = {
      &bantin::v1::ParseBulletinRequest::default_instance(),
      &bantin::v1::IngestBulletinRequest::default_instance(),
      &bantin::v1::IngestBulletinsRequest::default_instance(),
      &bantin::v1::GetBulletinRequest::default_instance(),
      &bantin::v1::BatchGetBulletinsRequest::default_instance(),
      &bantin::v1::DeleteBulletinRequest::default_instance(),
      &bantin::v1::ListSourcesRequest::default_instance(),
      &bantin::v1::ListBulletinsRequest::default_instance(),
      &bantin::v1::SearchBulletinsRequest::default_instance(),
      &bantin::v1::ExportBulletinsRequest::default_instance()};
  for (const google::protobuf::Message* prototype : requests) {
    const std::string field = bantin::FirstInvalidUtf8Field(*prototype->GetDescriptor(), raw);
    std::unique_ptr<google::protobuf::Message> request(prototype->New());
    const bool parsed = request->ParseFromArray(raw.data(), static_cast<int>(raw.size()));
    if (parsed && !field.empty()) __builtin_trap();
  }
  return 0;
}
