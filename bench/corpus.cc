#include "bench/corpus.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <unordered_set>

#include "bantin/html/document.h"
#include "bantin/parse/parser.h"
#include "bantin/text/gazetteer.h"

namespace bantin::bench {
namespace {

constexpr const char* kSurnames[] = {"Nguyễn", "Trần", "Lê",  "Phạm", "Hoàng", "Huỳnh", "Phan",  "Vũ",
                                     "Võ",     "Đặng", "Bùi", "Đỗ",   "Hồ",    "Ngô",   "Dương", "Lý"};
constexpr const char* kMiddles[] = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc"};
constexpr const char* kGivens[] = {"An",  "Bình",   "Cường", "Diễm", "Hà",   "Hải",  "Hòa",  "Hùng", "Lan",  "Linh",
                                   "Nam", "Phương", "Quân",  "Sơn",  "Thảo", "Tuấn", "Uyên", "Vinh", "Xuân", "Yến"};

// How often, in percent, a sentence or clause of a page comes from its topic
// (a source page) rather than from the whole pool: real articles keep to a
// subject, so a word is frequent in a few pages rather than present in all.
constexpr size_t kTopicPercent = 85;

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

// Files of `dir` ending in one of `extensions`, in name order (the pool's
// order, and so the pages, must not depend on the file system's).
std::vector<std::filesystem::path> Files(const std::string& dir, std::initializer_list<const char*> extensions) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    for (const char* extension : extensions)
      if (e.path().extension() == extension) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

// The files of tests/pages held back from the parser's development
// (labels_heldout_*.jsonl, tests/pages/README.md): kept unread here too.
std::unordered_set<std::string> HeldBack(const std::string& pages) {
  std::unordered_set<std::string> names;
  for (const char* labels : {"/labels_heldout_text.jsonl", "/labels_heldout_html.jsonl"}) {
    std::ifstream in(pages + labels);
    const std::string key = "\"file\": \"";
    for (std::string line; std::getline(in, line);)
      if (const size_t at = line.find(key); at != std::string::npos)
        names.insert(line.substr(at + key.size(), line.find('"', at + key.size()) - at - key.size()));
  }
  return names;
}

}  // namespace

struct CorpusGenerator::Seen {
  std::unordered_set<std::string> sentences, clauses;
};

// Sentences of a parsed page's paragraphs, and their clauses (cut at commas
// and semicolons), which the generator recombines into new sentences, kept
// together as one source page. Each enters the pool once: pages kept twice
// (three commits of one VnExpress page, an article printed for mobile and
// desktop) do not count double. Line breaks and tabs become spaces, so a
// sentence stays in its paragraph.
void CorpusGenerator::Add(const Bulletin& b, Seen& seen) {
  Source source{sentences_.size(), 0, clauses_.size(), 0};
  for (const Block& block : b.blocks) {
    if (block.kind != BlockKind::kParagraph) continue;
    std::string text = block.text;
    std::replace_if(
        text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    for (std::string& sentence : Cut(text, ". ", 40)) {
      for (const char* separator : {", ", "; "})
        for (std::string& clause : Cut(sentence, separator, 15))
          if (seen.clauses.insert(clause).second) clauses_.push_back(std::move(clause));
      if (seen.sentences.insert(sentence).second) sentences_.push_back(std::move(sentence));
    }
  }
  source.sentence_end = sentences_.size();
  source.clause_end = clauses_.size();
  if (source.sentence_end > source.sentence_begin) sources_.push_back(source);
}

CorpusGenerator::CorpusGenerator(const std::string& source_dir, uint64_t seed) : seed_(seed) {
  Seen seen;
  for (const char* dir : {"/seeds", "/tests/fixtures"})
    for (const auto& f : Files(source_dir + dir, {".txt"})) Add(ParseText(ReadFile(f)), seen);
  seed_sentences_ = sentences_.size();
  seed_clauses_ = clauses_.size();
  // The development corpus: text dumps through the text front end, saved
  // HTML through the HTML one (charset, gumbo, page cues).
  const std::string pages = source_dir + "/tests/pages";
  const std::unordered_set<std::string> held_back = HeldBack(pages);
  for (const auto& f : Files(pages, {".txt", ".html"}))
    if (!held_back.count(f.filename().string()))
      Add(f.extension() == ".html" ? Parse(ReadFile(f)) : ParseText(ReadFile(f)), seen);
}

std::string CorpusGenerator::Page(uint64_t n) {
  std::mt19937_64 rng(seed_ * 1000003 + n);
  const auto pick = [&](size_t size) { return static_cast<size_t>(rng() % size); };
  const Province& p = Provinces()[pick(Provinces().size())];
  const int year = 2016 + static_cast<int>(pick(10)), month = 1 + static_cast<int>(pick(12)),
            day = 1 + static_cast<int>(pick(28));
  // The page's topic: the source page of a sentence drawn uniformly (so a
  // source weighs by its size). Its sentences, and its clauses, then follow
  // in order from a random start, each used once; the rest, and whatever a
  // short source cannot give, are drawn uniformly from the whole pool.
  const size_t pivot = pick(sentences_.size());
  const Source& topic = *(std::upper_bound(sources_.begin(), sources_.end(), pivot,
                                           [](size_t i, const Source& s) { return i < s.sentence_begin; }) -
                          1);
  const size_t topic_sentences = topic.sentence_end - topic.sentence_begin,
               topic_clauses = topic.clause_end - topic.clause_begin;
  const size_t clause_start = topic_clauses ? pick(topic_clauses) : 0;
  size_t sentences_used = 1, clauses_used = 0;  // the first sentence is the pivot
  const auto next_sentence = [&]() -> const std::string& {
    if (sentences_used < topic_sentences && pick(100) < kTopicPercent)
      return sentences_[topic.sentence_begin + (pivot - topic.sentence_begin + sentences_used++) % topic_sentences];
    return sentences_[pick(sentences_.size())];
  };
  const auto next_clause = [&]() -> const std::string& {
    if (clauses_used < topic_clauses && pick(100) < kTopicPercent)
      return clauses_[topic.clause_begin + (clause_start + clauses_used++) % topic_clauses];
    return clauses_[pick(clauses_.size())];
  };
  const std::string& first = sentences_[pivot];

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
      std::string sentence;
      if (pick(2)) {
        sentence = next_clause();
        for (size_t c = 1 + pick(2); c > 0; --c) sentence += ", " + next_clause();
        while (!sentence.empty() && sentence.back() == '.') sentence.pop_back();
        sentence += ".";
      } else {
        sentence = next_sentence();
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
