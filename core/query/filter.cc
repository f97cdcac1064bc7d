#include "bantin/query/filter.h"

#include "bantin/text/dates.h"

#include <array>
#include <cctype>

namespace bantin {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class FilterTranslator {
 public:
  explicit FilterTranslator(std::string_view text) : text_(text) {}

  Result<std::string> Run() {
    bool expect_restriction = true;  // false right after a restriction
    while (SkipSpaces()) {
      const size_t start = pos_;
      if (Keyword("AND") || Keyword("OR")) {
        if (expect_restriction) return Malformed(start, "AND/OR needs a restriction before it");
        if (text_[start] == 'O') out_ += " OR";
        expect_restriction = true;
        continue;
      }
      bool negated = false;
      if (Keyword("NOT")) {
        negated = true;
        SkipSpaces();
      } else if (text_[pos_] == '-') {
        negated = true;
        ++pos_;
      }
      if (Status s = Restriction(negated); !s.ok()) return s;
      expect_restriction = false;
    }
    if (expect_restriction && !out_.empty()) return Malformed(text_.size(), "a restriction must follow AND/OR");
    return out_;
  }

 private:
  bool SkipSpaces() {
    while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
    return pos_ < text_.size();
  }

  // Consumes `word` when it stands alone at pos_.
  bool Keyword(std::string_view word) {
    if (text_.compare(pos_, word.size(), word) != 0) return false;
    const size_t end = pos_ + word.size();
    if (end < text_.size() && !IsSpace(text_[end])) return false;
    pos_ = end;
    return true;
  }

  Status Malformed(size_t at, const std::string& what) const {
    return Status::InvalidField("filter", what + " (at byte " + std::to_string(at) + ")")
        .WithMetadata("offset", std::to_string(at));
  }

  Status Restriction(bool negated) {
    const size_t start = pos_;
    size_t end = pos_;
    while (end < text_.size() && (std::isalpha(static_cast<unsigned char>(text_[end])) || text_[end] == '_')) ++end;
    const std::string_view field = text_.substr(pos_, end - pos_);
    static constexpr std::array<std::string_view, 6> kFields = {"source", "province", "author",
                                                                "person", "place",    "date"};
    bool known = false;
    for (std::string_view f : kFields) known |= f == field;
    if (!known)
      return Malformed(start, field.empty() ? "expected a field name"
                                            : "unknown field \"" + std::string(field) +
                                                  "\" (source, province, author, person, place, date)");
    pos_ = end;
    SkipSpaces();
    std::string_view op;
    for (std::string_view candidate : {"!=", ">=", "<=", "=", ":", ">", "<"}) {
      if (text_.compare(pos_, candidate.size(), candidate) == 0) {
        op = candidate;
        break;
      }
    }
    if (op.empty()) return Malformed(pos_, "expected an operator after " + std::string(field));
    const bool is_date = field == "date";
    if (!is_date && op != "=" && op != ":" && op != "!=")
      return Malformed(pos_, std::string(field) + " takes only =, : and !=");
    pos_ += op.size();
    SkipSpaces();
    const size_t value_at = pos_;
    Result<std::string> value = Value();
    if (!value.ok()) return value.status();
    if (value->empty()) return Malformed(value_at, "expected a value after " + std::string(op));
    if (is_date && !IsPartialDate(*value)) return Malformed(value_at, "date needs a real YYYY, YYYY-MM or YYYY-MM-DD");
    if (op == "!=") negated = !negated, op = ":";
    if (op == "=") op = ":";
    if (!out_.empty()) out_ += ' ';
    if (negated) out_ += '-';
    out_ += std::string(field) + std::string(op);
    if (is_date)
      out_ += *value;
    else
      out_ += '"' + *value + '"';
    return Status::Ok();
  }

  // A quoted string (no escapes inside) or a bare word up to a space.
  Result<std::string> Value() {
    if (pos_ < text_.size() && text_[pos_] == '"') {
      const size_t close = text_.find('"', pos_ + 1);
      if (close == std::string_view::npos) return Malformed(pos_, "unterminated quote");
      std::string v(text_.substr(pos_ + 1, close - pos_ - 1));
      pos_ = close + 1;
      return v;
    }
    const size_t start = pos_;
    while (pos_ < text_.size() && !IsSpace(text_[pos_]) && text_[pos_] != '"') ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::string out_;
};

}  // namespace

Result<std::string> FilterToQuery(std::string_view filter) { return FilterTranslator(filter).Run(); }

namespace {

// A value inside a query clause: quoted, without the quotes it cannot hold.
std::string Quoted(std::string_view value) {
  std::string out = "\"";
  bool gap = false;
  for (const char c : value) {
    const bool blank = c == '"' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (blank) {
      gap = out.size() > 1;
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += c;
  }
  return out + '"';
}

std::string_view Trimmed(std::string_view s) {
  const size_t begin = s.find_first_not_of(" \t\n\r\f\v");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t\n\r\f\v") - begin + 1);
}

}  // namespace

Result<std::string> QueryWithFilters(std::string_view query, const FieldFilters& f) {
  if (Status s = CheckOptionalDate(f.from, "from"); !s.ok()) return s;
  if (Status s = CheckOptionalDate(f.to, "to"); !s.ok()) return s;
  std::string out(Trimmed(query));
  const auto add = [&out](const std::string& clause) {
    if (!out.empty()) out += ' ';
    out += clause;
  };
  if (!f.province.empty()) add("province:" + Quoted(f.province));
  if (!f.author.empty()) add("author:" + Quoted(f.author));
  if (!f.from.empty()) add("date>=" + f.from);
  if (!f.to.empty()) add("date<=" + f.to);
  return out;
}

}  // namespace bantin
