#include "bantin/query/query.h"

#include <algorithm>
#include <set>

#include "bantin/text/dates.h"
#include "bantin/text/text.h"
#include "bantin/utf8.h"

namespace bantin {
namespace {

// Sorts after every date inside a partial date's span ("2021~" > "2021-12-31").
constexpr char kSpanEnd = '~';

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

Status Malformed(size_t offset, const std::string& what) {
  return Status::InvalidField("query", what + " at offset " + std::to_string(offset))
      .WithMetadata("offset", std::to_string(offset));
}

Phrase PhraseOf(std::string_view text) {
  Phrase p;
  for (Token& t : Tokenize(ToNfc(text))) p.terms.push_back({std::move(t.folded), std::move(t.exact)});
  return p;
}

// One item of the query: a phrase or a filter, maybe excluded.
struct Item {
  std::vector<Phrase> phrases;  // zero (nothing searchable) or one
  std::vector<Filter> filters;  // zero or one
  bool excluded = false;
};

class Parser {
 public:
  Parser(std::string_view text) : text_(text) {}

  Result<Query> Run() {
    Query q;
    bool pending_or = false;
    size_t or_offset = 0;
    while (true) {
      while (pos_ < text_.size() && IsBlank(text_[pos_])) ++pos_;
      if (pos_ >= text_.size()) break;
      const size_t start = pos_;
      if (AtOperatorOr()) {
        if (pending_or || q.clauses.empty()) return Malformed(start, "OR needs a clause on each side");
        pending_or = true;
        or_offset = start;
        pos_ += 2;
        continue;
      }
      Result<Item> item = ReadItem();
      if (!item.ok()) return item.status();
      if (item->phrases.empty() && item->filters.empty()) {
        if (pending_or) return Malformed(or_offset, "OR needs a clause on each side");
        continue;  // punctuation only: nothing to search for
      }
      if (pending_or) {
        Status s = Join(q.clauses.back(), *item, or_offset);
        if (!s.ok()) return s;
        pending_or = false;
      } else {
        q.clauses.push_back({std::move(item->phrases), std::move(item->filters), item->excluded});
      }
    }
    if (pending_or) return Malformed(or_offset, "OR needs a clause on each side");
    return q;
  }

 private:
  bool AtOperatorOr() const {
    return text_.compare(pos_, 2, "OR") == 0 && (pos_ + 2 == text_.size() || IsBlank(text_[pos_ + 2]));
  }

  static Status Join(Clause& into, Item& item, size_t or_offset) {
    if (into.excluded || item.excluded) return Malformed(or_offset, "OR cannot join an exclusion");
    if (!into.filters.empty() || !item.filters.empty()) {
      if (into.filters.empty() || item.filters.empty() || into.filters[0].field != item.filters[0].field)
        return Malformed(or_offset, "OR joins words and phrases, or filters of one field");
      into.filters.push_back(std::move(item.filters[0]));
      return Status::Ok();
    }
    into.phrases.push_back(std::move(item.phrases[0]));
    return Status::Ok();
  }

  // A quoted text starting at pos_ (on the quote); moves past the closing one.
  Result<std::string_view> ReadQuoted() {
    const size_t open = pos_;
    const size_t close = text_.find('"', open + 1);
    if (close == std::string_view::npos) return Malformed(open, "unterminated quote");
    pos_ = close + 1;
    return text_.substr(open + 1, close - open - 1);
  }

  // An unquoted run up to white space or a quote.
  std::string_view ReadBare() {
    const size_t begin = pos_;
    while (pos_ < text_.size() && !IsBlank(text_[pos_]) && text_[pos_] != '"') ++pos_;
    return text_.substr(begin, pos_ - begin);
  }

  Result<std::string_view> ReadValue() {
    if (pos_ < text_.size() && text_[pos_] == '"') return ReadQuoted();
    return ReadBare();
  }

  Result<Item> ReadItem() {
    Item item;
    const size_t start = pos_;
    if (text_[pos_] == '-') {
      item.excluded = true;
      ++pos_;
      if (pos_ >= text_.size() || IsBlank(text_[pos_])) return Malformed(start, "'-' excludes nothing");
    }
    if (text_[pos_] == '"') {
      Result<std::string_view> quoted = ReadQuoted();
      if (!quoted.ok()) return quoted.status();
      Phrase p = PhraseOf(*quoted);
      if (!p.terms.empty()) item.phrases.push_back(std::move(p));
      return item;
    }
    if (Result<bool> f = ReadFilter(item); !f.ok())
      return f.status();
    else if (*f)
      return item;
    Phrase p = PhraseOf(ReadBare());
    if (!p.terms.empty()) item.phrases.push_back(std::move(p));
    return item;
  }

  // Reads `field:value` or a date comparison at pos_ into `item`. False (and
  // pos_ unchanged) when the text there is not a filter.
  Result<bool> ReadFilter(Item& item) {
    static const std::pair<std::string_view, FilterField> kFields[] = {
        {"source", FilterField::kSource}, {"province", FilterField::kProvince}, {"author", FilterField::kAuthor},
        {"person", FilterField::kPerson}, {"place", FilterField::kPlace},       {"date", FilterField::kDate}};
    const size_t start = pos_;
    for (const auto& [name, field] : kFields) {
      if (text_.compare(pos_, name.size(), name) != 0) continue;
      size_t at = pos_ + name.size();
      std::string_view op;
      for (std::string_view candidate : {">=", "<=", ":", "=", ">", "<"}) {
        if (text_.compare(at, candidate.size(), candidate) == 0) {
          op = candidate;
          break;
        }
      }
      if (op.empty() || (field != FilterField::kDate && op != ":")) continue;
      pos_ = at + op.size();
      Result<std::string_view> value = ReadValue();
      if (!value.ok()) return value.status();
      if (value->empty()) return Malformed(start, std::string(name) + std::string(op) + " has no value");
      Filter f;
      f.field = field;
      if (field == FilterField::kDate) {
        if (!IsPartialDate(*value)) return Malformed(start, "date needs a real YYYY, YYYY-MM or YYYY-MM-DD");
        const std::string v(*value), end = v + kSpanEnd;
        if (op == ":" || op == "=")
          f.date_from = v, f.date_before = end;
        else if (op == ">=")
          f.date_from = v;
        else if (op == ">")
          f.date_from = end;
        else if (op == "<=")
          f.date_before = end;
        else
          f.date_before = v;
      } else {
        f.value = FilterKey(*value);
        if (f.value.empty()) return Malformed(start, std::string(name) + ": has no letters or digits");
      }
      item.filters.push_back(std::move(f));
      return true;
    }
    return false;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

namespace {

// The distinct folded keys of the phrases of at least `min_terms` syllables.
std::vector<std::string> KeysOfPhrases(const std::vector<Clause>& clauses, size_t min_terms) {
  std::set<std::string> keys;
  for (const Clause& c : clauses)
    for (const Phrase& p : c.phrases)
      if (p.terms.size() >= min_terms)
        for (const QueryTerm& t : p.terms) keys.insert(t.folded);
  return {keys.begin(), keys.end()};
}

}  // namespace

std::vector<std::string> Query::Keys() const { return KeysOfPhrases(clauses, 1); }

std::vector<std::string> Query::PositionalKeys() const { return KeysOfPhrases(clauses, 2); }

std::vector<QueryTerm> Query::ScoringTerms() const {
  std::vector<QueryTerm> out;
  std::set<std::string> seen;
  for (const Clause& c : clauses) {
    if (c.excluded) continue;
    for (const Phrase& p : c.phrases)
      for (const QueryTerm& t : p.terms)
        if (seen.insert(t.exact).second) out.push_back(t);
  }
  return out;
}

Result<Query> ParseQuery(std::string_view text, const QueryLimits& limits) {
  if (text.size() > limits.max_bytes)
    return Status::InvalidField("query", "longer than " + std::to_string(limits.max_bytes) + " bytes");
  // Invalid bytes become U+FFFD (3 bytes each), so offsets past them shift;
  // a client sending invalid UTF-8 gets results, not a crash.
  SanitizeStats repaired;
  const std::string clean = SanitizeUtf8(text, &repaired);
  Result<Query> q = Parser(clean).Run();
  if (q.ok() && q->Keys().size() > limits.max_keys)
    return Status::InvalidField("query", "more than " + std::to_string(limits.max_keys) + " distinct words");
  return q;
}

}  // namespace bantin
