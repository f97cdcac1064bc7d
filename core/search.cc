#include "core/search.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/text.h"

namespace bantin {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr double kTitleBoost = 3.0;
constexpr double kExactBonus = 0.5;  // extra weight of an exact-diacritics hit
constexpr size_t kMaxQueryTerms = 32;

std::vector<QueryTerm> TermsOf(std::string_view text) {
  std::vector<QueryTerm> out;
  for (const Token& t : Tokenize(text)) out.push_back({t.folded, t.exact});
  return out;
}

bool ContainsPhrase(const std::vector<QueryTerm>& phrase, const DocTerms& doc) {
  auto first = doc.find(phrase[0].folded);
  if (first == doc.end()) return false;
  for (const Occurrence& o : first->second) {
    bool all = true;
    for (size_t k = 1; k < phrase.size() && all; ++k) {
      auto it = doc.find(phrase[k].folded);
      all = it != doc.end() &&
            std::any_of(it->second.begin(), it->second.end(),
                        [&](const Occurrence& x) { return x.position == o.position + k; });
    }
    if (all) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> Query::Keys() const {
  std::set<std::string> keys;
  for (const QueryTerm& t : terms) keys.insert(t.folded);
  for (const auto& p : phrases)
    for (const QueryTerm& t : p) keys.insert(t.folded);
  return {keys.begin(), keys.end()};
}

Result<Query> ParseQuery(std::string_view text) {
  Query q;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    if (c == '"') {
      const size_t close = text.find('"', i + 1);
      if (close == std::string_view::npos)
        return Status::InvalidArgument("query: unterminated quote at offset " + std::to_string(i));
      std::vector<QueryTerm> phrase = TermsOf(text.substr(i + 1, close - i - 1));
      if (phrase.size() == 1) q.terms.push_back(phrase[0]);
      else if (!phrase.empty()) q.phrases.push_back(std::move(phrase));
      i = close + 1;
      continue;
    }
    size_t end = i;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '"') ++end;
    const std::string_view word = text.substr(i, end - i);
    if (word[0] == '-' && word.size() > 1) {
      for (const QueryTerm& t : TermsOf(word.substr(1))) q.excluded.push_back(t.folded);
    } else {
      for (QueryTerm& t : TermsOf(word)) q.terms.push_back(std::move(t));
    }
    i = end;
  }
  if (q.terms.empty() && q.phrases.empty())
    return Status::InvalidArgument("query: no word to search for");
  if (q.Keys().size() > kMaxQueryTerms)
    return Status::InvalidArgument("query: more than " + std::to_string(kMaxQueryTerms) + " distinct words");
  return q;
}

DocTerms IndexTerms(const Bulletin& b, uint32_t* length) {
  DocTerms terms;
  uint32_t position = 0;
  auto add = [&](const std::string& text, bool title) {
    for (const Token& t : Tokenize(text)) terms[t.folded].push_back({position++, title, t.exact});
    ++position;  // no phrase spans two blocks
  };
  add(b.title, true);
  for (const Block& block : b.blocks) add(block.text, false);
  if (length) *length = position;
  return terms;
}

bool Matches(const Query& q, const DocTerms& doc) {
  for (const QueryTerm& t : q.terms)
    if (!doc.count(t.folded)) return false;
  for (const auto& p : q.phrases)
    if (!ContainsPhrase(p, doc)) return false;
  for (const std::string& x : q.excluded)
    if (doc.count(x)) return false;
  return true;
}

double Score(const Query& q, const DocTerms& doc, uint32_t length, const CorpusStats& stats) {
  std::vector<QueryTerm> all = q.terms;
  for (const auto& p : q.phrases) all.insert(all.end(), p.begin(), p.end());
  const double n = std::max<double>(1, static_cast<double>(stats.documents));
  const double avg = stats.average_length > 0 ? stats.average_length : 1;
  double score = 0;
  for (const QueryTerm& t : all) {
    auto it = doc.find(t.folded);
    if (it == doc.end()) continue;
    double tf = 0;
    for (const Occurrence& o : it->second) {
      double w = o.in_title ? kTitleBoost : 1.0;
      if (o.exact == t.exact) w += kExactBonus * w;
      tf += w;
    }
    auto df_it = stats.document_frequency.find(t.folded);
    const double df = df_it == stats.document_frequency.end() ? 1 : static_cast<double>(df_it->second);
    const double idf = std::log(1 + (n - df + 0.5) / (df + 0.5));
    score += idf * tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * length / avg));
  }
  return score;
}

}  // namespace bantin
