#include "utf8_fields.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include <vector>

#include "bantin/utf8.h"

namespace bantin {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::internal::WireFormatLite;

// Nested messages deeper than this are not looked into (protobuf itself
// refuses past 100).
constexpr int kMaxDepth = 32;

std::string Walk(const google::protobuf::Descriptor& type, std::string_view bytes, const std::string& prefix,
                 int depth) {
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()),
                                            static_cast<int>(bytes.size()));
  std::vector<int> seen(type.field_count(), 0);  // values of each repeated field so far
  while (true) {
    const uint32_t tag = in.ReadTag();
    if (tag == 0) return "";
    const FieldDescriptor* field = type.FindFieldByNumber(static_cast<int>(WireFormatLite::GetTagFieldNumber(tag)));
    const bool delimited = WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED;
    const bool text = field && field->type() == FieldDescriptor::TYPE_STRING;
    const bool nested = field && field->type() == FieldDescriptor::TYPE_MESSAGE && depth < kMaxDepth;
    if (!delimited || !(text || nested)) {
      if (!WireFormatLite::SkipField(&in, tag)) return "";
      continue;
    }
    uint32_t length = 0;
    if (!in.ReadVarint32(&length)) return "";
    const size_t at = static_cast<size_t>(in.CurrentPosition());
    if (length > bytes.size() - at || !in.Skip(static_cast<int>(length))) return "";
    const std::string_view value = bytes.substr(at, length);
    std::string path = prefix + field->name();
    if (field->is_repeated()) path += "[" + std::to_string(seen[field->index()]++) + "]";
    if (text && !IsValidUtf8(value)) return path;
    if (nested) {
      std::string inner = Walk(*field->message_type(), value, path + ".", depth + 1);
      if (!inner.empty()) return inner;
    }
  }
}

}  // namespace

std::string FirstInvalidUtf8Field(const google::protobuf::Descriptor& type, std::string_view bytes) {
  return Walk(type, bytes, "", 0);
}

}  // namespace bantin
