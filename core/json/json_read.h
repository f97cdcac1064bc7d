// Reading JSON back: the Bulletin JSON that core/json/json.h writes (the proto3
// JSON of bantin.v1.Bulletin, as `bantin parse --json`, the gRPC gateway of a
// bundle or another tool prints it).
// The export bundle's lines are read and written by core/json/bundle.h.
//
// The reader is strict and safe on any bytes: RFC 8259 syntax only (no
// comments, trailing commas, NaN, single quotes or lone surrogates), strings
// it keeps must be valid UTF-8, nesting is bounded, every error is a value
// (InvalidArgument naming the byte offset) and nothing is read past the end.
// Unknown fields are skipped (checked for syntax, not for UTF-8), as proto3
// JSON readers do; a known field of the wrong type is an error. Default
// values may be present or omitted.
#ifndef BANTIN_JSON_JSON_READ_H_
#define BANTIN_JSON_JSON_READ_H_

#include <string>
#include <string_view>

#include "bantin/bulletin.h"
#include "bantin/status.h"

namespace bantin {

// The Bulletin of one JSON object. BulletinToJson(*BulletinFromJson(j)) == j
// for every j that BulletinToJson wrote.
Result<Bulletin> BulletinFromJson(std::string_view json);

}  // namespace bantin

#endif  // BANTIN_JSON_JSON_READ_H_
