#include "bantin/index/doc_row.h"

namespace bantin {
namespace {

// The number written by `n` digits at `at`, or -1 when they are not digits.
int Digits(std::string_view s, size_t at, size_t n) {
  if (s.size() < at + n) return -1;
  int value = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

}  // namespace

uint32_t DateKey(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return 0;
  const int year = Digits(date, 0, 4), month = Digits(date, 5, 2), day = Digits(date, 8, 2);
  if (year < 0 || month < 0 || day < 0) return 0;
  return static_cast<uint32_t>(year * 10000 + month * 100 + day);
}

uint32_t DateBoundKey(std::string_view bound) {
  if (bound.empty()) return 0;
  const bool span_end = bound.back() == '~';
  if (span_end) bound.remove_suffix(1);
  const int year = Digits(bound, 0, 4);
  const int month = bound.size() >= 7 && bound[4] == '-' ? Digits(bound, 5, 2) : -1;
  const int day = bound.size() >= 10 && bound[7] == '-' ? Digits(bound, 8, 2) : -1;
  if (year < 0) return 0;
  // A missing part is below every real one ("2021" < "2021-01-01"); after
  // '~' the whole span is below the bound, so the key is one past the span.
  const int missing = span_end ? 99 : 0;
  const uint32_t key = static_cast<uint32_t>(year * 10000 + (month < 0 ? missing : month) * 100 +
                                             (month < 0 || day < 0 ? missing : day));
  return span_end ? key + 1 : key;
}

}  // namespace bantin
