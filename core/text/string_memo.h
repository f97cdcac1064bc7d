// Internal to core/text: a memo of keys computed from short texts that
// repeat (a syllable's exact key, a filter key), looked up by string_view
// without building a string, one per thread. Bounded against adversarial
// input: past 65,536 entries or 8 MB of texts and keys it starts again
// empty.
#ifndef BANTIN_TEXT_STRING_MEMO_H_
#define BANTIN_TEXT_STRING_MEMO_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace bantin {

class StringMemo {
 public:
  // The key of `text`: compute(text) the first time, the kept one after.
  // The reference lives until the next call on this memo.
  template <typename Compute>
  const std::string& Get(std::string_view text, Compute compute) {
    if (auto it = keys_.find(text); it != keys_.end()) return it->second;
    if (keys_.size() >= kMaxEntries || bytes_ >= kMaxBytes) keys_.clear(), bytes_ = 0;
    const std::string& key = keys_.emplace(std::string(text), compute(text)).first->second;
    bytes_ += text.size() + key.size();
    return key;
  }

 private:
  static constexpr size_t kMaxEntries = size_t{1} << 16;
  static constexpr size_t kMaxBytes = size_t{8} << 20;
  size_t bytes_ = 0;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> keys_;
};

}  // namespace bantin

#endif  // BANTIN_TEXT_STRING_MEMO_H_
