#include "lines.h"

#include "bantin/text/text.h"
#include "bantin/utf8.h"
#include "line_scan.h"

namespace bantin {
namespace {

void Measure(Line& line) {
  const std::string& t = line.text;
  line.blank = t.empty();
  if (line.blank) return;
  int words = 0;
  bool in_word = false, has_lower = false, has_upper = false;
  size_t pos = 0;
  char32_t last = 0, before_last = 0;
  while (pos < t.size()) {
    const unsigned char byte = static_cast<unsigned char>(t[pos]);
    const char32_t cp = byte < 0x80 ? (++pos, byte) : NextCodePoint(t, pos);
    if (cp == ' ') {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
    if (IsLower(cp)) has_lower = true;
    if (IsUpper(cp)) has_upper = true;
    if (IsDigit(cp)) line.has_digit = true;
    before_last = last;
    last = cp;
  }
  line.words = words;
  line.all_caps = has_upper && !has_lower;
  const auto ends_sentence = [](char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ';'; };
  const bool closing = last == '"' || last == 0x201D || last == ')' || last == 0x2019 || last == 0xBB;
  line.terminal = ends_sentence(last) || (closing && ends_sentence(before_last));
}

}  // namespace

Line LineOfText(std::string_view text) {
  Line line;
  line.text = CollapseSpaces(ToNfc(text));
  line.folded = FoldedKey(line.text);
  Measure(line);
  return line;
}

std::vector<Line> SplitLines(std::string_view raw, std::vector<std::string>* warnings) {
  std::vector<Line> lines;
  SanitizeStats stats;
  size_t start = 0;
  while (start <= raw.size()) {
    if (lines.size() == kMaxLines) {
      if (warnings)
        warnings->push_back("input has more than " + std::to_string(kMaxLines) + " lines: the last " +
                            std::to_string(raw.size() - start) + " bytes are not read");
      break;
    }
    size_t end = raw.find('\n', start);
    if (end == std::string_view::npos) end = raw.size();
    size_t content_end = end;
    if (content_end > start && raw[content_end - 1] == '\r') --content_end;
    const std::string_view bytes = raw.substr(start, content_end - start);
    Line line;
    line.begin = static_cast<uint32_t>(start);
    line.end = static_cast<uint32_t>(content_end);
    std::string_view clean = bytes;
    std::string repaired;
    const bool plain = ScanPlainLine(bytes, line);  // nearly every line
    if (!plain && !IsCleanUtf8(bytes)) clean = repaired = SanitizeUtf8(bytes, &stats);
    if (!clean.empty()) {
      size_t p = 0;
      line.indented = IsSpace(NextCodePoint(clean, p));
    }
    if (!plain) {
      line.text = CollapseSpaces(clean);
      if (!IsNfc(line.text)) line.text = ToNfc(line.text);
      line.folded = FoldedKey(line.text);
      Measure(line);
    }
    if (line.blank) line.role = LineRole::kBlank;
    lines.push_back(std::move(line));
    if (end == raw.size()) break;
    start = end + 1;
  }
  if (stats.invalid_sequences > 0 && warnings)
    warnings->push_back("input is not valid UTF-8: " + std::to_string(stats.invalid_sequences) +
                        " invalid byte sequence(s) replaced by U+FFFD");
  if (stats.control_chars > 0 && warnings)
    warnings->push_back("input has control characters: " + std::to_string(stats.control_chars) +
                        " NUL or other control byte(s) removed");
  return lines;
}

}  // namespace bantin
