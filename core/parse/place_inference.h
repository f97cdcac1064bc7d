// Internal to the parser (run by ParseText after the blocks are read): the
// provinces an article is about, apart from its publisher's.
#ifndef BANTIN_PARSE_PLACE_INFERENCE_H_
#define BANTIN_PARSE_PLACE_INFERENCE_H_

#include "bantin/bulletin.h"

namespace bantin {

// Fills out.places: a dateline opening the lead ("QUẢNG NINH – …",
// "Đắk Nông - …"), then the provinces the title names, then those the lead
// names, each once, at most five. Read from the title and the first block
// only: places the body passes through are not what the article is about.
void InferPlaces(Bulletin& out);

}  // namespace bantin

#endif  // BANTIN_PARSE_PLACE_INFERENCE_H_
