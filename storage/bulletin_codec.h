// The one place where core's Bulletin and the wire message bantin.v1.Bulletin
// meet. Both directions are lossless for every field the schema has.
#ifndef BANTIN_STORAGE_BULLETIN_CODEC_H_
#define BANTIN_STORAGE_BULLETIN_CODEC_H_

#include "bantin/bulletin.h"
#include "bantin/parse/parser.h"
#include "bantin/search/highlight.h"
#include "bantin/storage/store.h"
#include "bantin/v1/bantin.pb.h"

namespace bantin {

void ToProto(const Bulletin& in, v1::Bulletin* out);
Bulletin FromProto(const v1::Bulletin& in);
void ToProto(const Source& in, v1::Source* out);
void ToProto(const SearchHit& in, v1::SearchResult* out);
void ToProto(const DamagedRecord& in, v1::DamagedRecord* out);
Source FromProto(const v1::Source& in);
void ToProto(const ParseHints& in, v1::ParseHints* out);
ParseHints FromProto(const v1::ParseHints& in);

}  // namespace bantin

#endif  // BANTIN_STORAGE_BULLETIN_CODEC_H_
