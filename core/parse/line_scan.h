// Internal to core: the common case of SplitLines (lines.cc) in one pass.
// A line of valid UTF-8 whose only white space is ASCII at its ends and
// single spaces between words, and which is NFC, needs no repair: its text is
// its trimmed bytes. ScanPlainLine checks that and, in the same pass, folds
// the text and measures it exactly as the general path would.
#ifndef BANTIN_PARSE_LINE_SCAN_H_
#define BANTIN_PARSE_LINE_SCAN_H_

#include <string_view>

#include "lines.h"

namespace bantin {

// Fills line.text, line.folded, words, all_caps, has_digit, terminal and
// blank from the raw bytes of one line (terminator excluded). Returns false,
// leaving those fields unspecified, when the line needs the general path:
// bytes to repair, white space to collapse, text to normalise, or characters
// outside the fast tables (emoji, BOM).
bool ScanPlainLine(std::string_view bytes, Line& line);

}  // namespace bantin

#endif  // BANTIN_PARSE_LINE_SCAN_H_
