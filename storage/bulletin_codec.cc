#include "bantin/storage/bulletin_codec.h"

namespace bantin {

void ToProto(const Bulletin& in, v1::Bulletin* out) {
  out->Clear();
  out->set_id(in.id);
  out->set_title(in.title);
  out->set_date(in.date);
  out->set_date_inferred(in.date_inferred);
  out->set_time(in.time);
  ToProto(in.source, out->mutable_source());
  if (out->source().ByteSizeLong() == 0) out->clear_source();
  out->set_author(in.author);
  out->set_credit(in.credit);
  for (const Block& b : in.blocks) {
    v1::Block* pb = out->add_blocks();
    pb->set_kind(static_cast<v1::BlockKind>(b.kind));
    pb->set_text(b.text);
  }
  for (const std::string& r : in.related) out->add_related(r);
  for (const Person& p : in.people) {
    v1::Person* pp = out->add_people();
    pp->set_name(p.name);
    pp->set_role(p.role);
  }
  for (const std::string& w : in.warnings) out->add_warnings(w);
  for (const LineSpan& l : in.lines) {
    v1::LineSpan* pl = out->add_lines();
    pl->set_role(static_cast<v1::LineRole>(l.role));
    pl->set_begin(l.begin);
    pl->set_end(l.end);
  }
  out->set_url(in.url);
  out->set_page_date(in.page_date);
  out->set_parser_version(in.parser_version);
  const Confidence& c = in.confidence;
  if (c.title || c.date || c.source || c.author) {
    v1::FieldConfidence* pc = out->mutable_confidence();
    pc->set_title(static_cast<float>(c.title));
    pc->set_date(static_cast<float>(c.date));
    pc->set_source(static_cast<float>(c.source));
    pc->set_author(static_cast<float>(c.author));
  }
  for (const std::string& p : in.places) out->add_places(p);
  out->set_copy_id(in.copy_id);
}

void ToProto(const Source& in, v1::Source* out) {
  out->set_id(in.id);
  out->set_name(in.name);
  out->set_province(in.province);
  out->set_site(in.site);
}

Source FromProto(const v1::Source& in) { return {in.id(), in.name(), in.province(), in.site()}; }

Bulletin FromProto(const v1::Bulletin& in) {
  Bulletin out;
  out.id = in.id();
  out.title = in.title();
  out.date = in.date();
  out.date_inferred = in.date_inferred();
  out.time = in.time();
  out.source = FromProto(in.source());
  out.author = in.author();
  out.credit = in.credit();
  for (const v1::Block& b : in.blocks()) out.blocks.push_back({static_cast<BlockKind>(b.kind()), b.text()});
  out.related.assign(in.related().begin(), in.related().end());
  for (const v1::Person& p : in.people()) out.people.push_back({p.name(), p.role()});
  out.warnings.assign(in.warnings().begin(), in.warnings().end());
  for (const v1::LineSpan& l : in.lines()) out.lines.push_back({static_cast<LineRole>(l.role()), l.begin(), l.end()});
  out.url = in.url();
  out.page_date = in.page_date();
  out.parser_version = in.parser_version();
  // Confidences are written with two decimals; rounding undoes float storage.
  const auto two = [](float f) { return static_cast<double>(static_cast<long>(f * 100.0f + 0.5f)) / 100.0; };
  out.confidence = {two(in.confidence().title()), two(in.confidence().date()), two(in.confidence().source()),
                    two(in.confidence().author())};
  out.places.assign(in.places().begin(), in.places().end());
  out.copy_id = in.copy_id();
  return out;
}

void ToProto(const ParseHints& in, v1::ParseHints* out) {
  out->set_url(in.url);
  out->set_source_id(in.source_id);
  out->set_province(in.province);
  out->set_fetch_date(in.fetch_date);
}

ParseHints FromProto(const v1::ParseHints& in) { return {in.url(), in.source_id(), in.province(), in.fetch_date()}; }

void ToProto(const DamagedRecord& in, v1::DamagedRecord* out) {
  out->set_id(in.id);
  out->set_reason(in.reason);
}

void ToProto(const SearchHit& h, v1::SearchResult* r) {
  r->set_id(h.bulletin.id);
  r->set_title(h.bulletin.title);
  r->set_date(h.bulletin.date);
  r->set_author(h.bulletin.author);
  ToProto(h.bulletin.source, r->mutable_source());
  r->set_score(h.score);
  r->set_exact_terms(h.exact_terms);
  r->set_snippet(std::string(BodySnippet(h.snippets)));
  for (const CopyOf& copy : h.also_published_by) {
    v1::PublishedCopy* c = r->add_also_published_by();
    c->set_id(copy.id);
    ToProto(copy.source, c->mutable_source());
  }
  for (const Snippet& sn : h.snippets) {
    v1::Snippet* ps = r->add_snippets();
    ps->set_field(sn.field);
    ps->set_block(sn.block);
    ps->set_offset(sn.offset);
    ps->set_text(sn.text);
    for (const HighlightSpan& span : sn.highlights) {
      v1::Snippet::Highlight* hl = ps->add_highlights();
      hl->set_begin(span.begin);
      hl->set_end(span.end);
    }
  }
}

}  // namespace bantin
