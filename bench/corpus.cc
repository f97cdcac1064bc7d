#include "bench/corpus.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "bantin/parse/parser.h"
#include "bantin/text/gazetteer.h"

namespace bantin::bench {
namespace {

constexpr const char* kSurnames[] = {"Nguyễn", "Trần", "Lê",  "Phạm", "Hoàng", "Huỳnh", "Phan",  "Vũ",
                                     "Võ",     "Đặng", "Bùi", "Đỗ",   "Hồ",    "Ngô",   "Dương", "Lý"};
constexpr const char* kMiddles[] = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc"};
constexpr const char* kGivens[] = {"An",  "Bình",   "Cường", "Diễm", "Hà",   "Hải",  "Hòa",  "Hùng", "Lan",  "Linh",
                                   "Nam", "Phương", "Quân",  "Sơn",  "Thảo", "Tuấn", "Uyên", "Vinh", "Xuân", "Yến"};

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Pieces of `text` cut after each `separator`, longer than `min_bytes`.
std::vector<std::string> Cut(const std::string& text, const std::string& separator, size_t min_bytes) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t at; (at = text.find(separator, start)) != std::string::npos; start = at + separator.size())
    if (at - start > min_bytes) out.push_back(text.substr(start, at - start));
  if (text.size() - start > min_bytes) out.push_back(text.substr(start));
  return out;
}

// Sentences of a parsed page's paragraphs, and their clauses (cut at
// commas and semicolons), which the generator recombines into new sentences.
void CollectSentences(const Bulletin& b, std::vector<std::string>& sentences, std::vector<std::string>& clauses) {
  for (const Block& block : b.blocks) {
    if (block.kind != BlockKind::kParagraph) continue;
    for (std::string& sentence : Cut(block.text, ". ", 40)) {
      for (const char* separator : {", ", "; "})
        for (std::string& clause : Cut(sentence, separator, 15)) clauses.push_back(std::move(clause));
      sentences.push_back(std::move(sentence));
    }
  }
}

}  // namespace

CorpusGenerator::CorpusGenerator(const std::string& source_dir, uint64_t seed) : seed_(seed) {
  for (const char* dir : {"/seeds", "/tests/fixtures"}) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(source_dir + dir))
      if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) CollectSentences(ParseText(ReadFile(f)), sentences_, clauses_);
  }
}

std::string CorpusGenerator::Page(uint64_t n) {
  std::mt19937_64 rng(seed_ * 1000003 + n);
  const auto pick = [&](size_t size) { return static_cast<size_t>(rng() % size); };
  const Province& p = Provinces()[pick(Provinces().size())];
  const int year = 2016 + static_cast<int>(pick(10)), month = 1 + static_cast<int>(pick(12)),
            day = 1 + static_cast<int>(pick(28));
  const std::string& first = sentences_[pick(sentences_.size())];

  // A headline: the first 6-14 words of a real sentence, no final period.
  std::string title;
  size_t words = 6 + pick(9), at = 0;
  while (words-- > 0 && at < first.size()) {
    size_t space = first.find(' ', at);
    if (space == std::string::npos) space = first.size();
    title += (title.empty() ? "" : " ") + first.substr(at, space - at);
    at = space + 1;
  }
  while (!title.empty() && (title.back() == '.' || title.back() == ',')) title.pop_back();
  title += " tại " + p.name;

  char stamp[64];
  std::snprintf(stamp, sizeof stamp, "Cập nhật: %02d/%02d/%d %02d:%02d", day, month, year, static_cast<int>(pick(24)),
                static_cast<int>(pick(60)));
  std::string page = "Báo " + p.name + " điện tử\nTrang chủ | Tin tức | Thời sự\n\n" + title + "\n" + stamp + "\n\n";
  char lead[64];
  std::snprintf(lead, sizeof lead, "Sáng %d/%d, ", day, month);
  page += lead + std::string("tại ") + p.name + ", " + first + "\n\n";
  // 2-30 more sentences in paragraphs of 1-4: real ones, or new ones made
  // of two or three real clauses.
  for (size_t left = 2 + pick(29); left > 0;) {
    const size_t in_paragraph = std::min(left, 1 + pick(4));
    for (size_t i = 0; i < in_paragraph; ++i) {
      std::string sentence = sentences_[pick(sentences_.size())];
      if (pick(2)) {
        sentence = clauses_[pick(clauses_.size())];
        for (size_t c = 1 + pick(2); c > 0; --c) sentence += ", " + clauses_[pick(clauses_.size())];
        while (!sentence.empty() && sentence.back() == '.') sentence.pop_back();
        sentence += ".";
      }
      page += (i ? " " : "") + sentence;
    }
    page += "\n\n";
    left -= in_paragraph;
  }
  page += std::string(kSurnames[pick(std::size(kSurnames))]) + " " + kMiddles[pick(std::size(kMiddles))] + " " +
          kGivens[pick(std::size(kGivens))] + "\n\n";
  page += "Bài viết khác\nHội nghị tổng kết công tác năm\n\nCơ quan chủ quản: UBND tỉnh " + p.name +
          "\nGhi rõ nguồn khi phát hành lại thông tin từ trang này.\n";
  return page;
}

}  // namespace bantin::bench
