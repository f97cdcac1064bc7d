// Internal to core: the exact key of one syllable (case-folded, one canonical
// tone placement), memoised because Vietnamese has only a few thousand
// distinct syllables and each ICU round trip is costly.
#ifndef BANTIN_TEXT_TONE_H_
#define BANTIN_TEXT_TONE_H_

#include <string>
#include <string_view>

namespace bantin {

// `syllable` is a run of letters, digits and marks (see text.h).
const std::string& SyllableExactKey(std::string_view syllable);

}  // namespace bantin

#endif  // BANTIN_TEXT_TONE_H_
