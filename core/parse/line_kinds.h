// Recognisers for the kinds of lines a crawled news page is made of, by shape
// and vocabulary, never by any one site's wording. Each looks at one line;
// the parser (parser.cc) decides using neighbours and position.
#ifndef BANTIN_PARSE_LINE_KINDS_H_
#define BANTIN_PARSE_LINE_KINDS_H_

#include <string>
#include <string_view>

#include "lines.h"

namespace bantin {

// Any letter at all: a line without one is a number, a separator or symbols.
bool HasLetter(std::string_view text);

// Counters, polls, share buttons, licence, address, phone and contact lines,
// copyright and "cite the source" notices, bare numbers and symbols.
// `in_body`: the line sits between paragraphs, where only lines that are
// little more than chrome count.
bool IsBoilerplate(const Line& line, bool in_body);

// "Tags", "Từ khóa:", "Thẻ" alone on a line: the label of the article's
// keyword list, whose items follow one per line.
bool IsTagLabel(const Line& line);

// Skip links, breadcrumbs ("Trang chủ » …"), "Go top", menu crumbs.
bool IsNavigation(const Line& line);

// "Bài viết khác:", "Tin liên quan", "Tin đã đưa", "Xem thêm" and the like.
bool IsRelatedHeading(const Line& line);

// A weekday and a date with little else: the site's clock (fetch day).
bool IsPageClock(const Line& line);

// A publication stamp: "Đăng ngày: …", "Cập nhật …", "(26.07.2019 14:14)",
// an ISO time stamp, or a date-and-time line with a view counter.
bool IsPublicationLine(const Line& line);

// A short line shaped like a personal name or initials: "MAI CHI",
// "Ngọc Diễm", "TN", "Kăn Sương". No digits, no final period.
bool LooksLikeName(const Line& line);

// "Tin, ảnh: X", "Tác giả: X", "Bài và ảnh: X": returns X, or "".
std::string BylineAfterLabel(const Line& line);

// "Theo Ngọc Trinh (Báo Bình Định)": the writer and, in `outlet`, the outlet
// the article was taken from; "Theo Vân Anh" alone names the writer too
// (a person's name, two words or more, no outlet's). Returns "" when the
// line is not of that form.
std::string BylineAfterTheo(const Line& line, std::string* outlet);

// "Thiên Lý/VOV - TP.HCM", "Theo Anh Trang/Báo Quảng Nam": a name, a slash
// and the outlet it wrote for; or a name and its source in parentheses,
// "Ca Tiếu (theo online-tech-tips)", "Linh Vũ(Vietnam+)". The name ("" when
// the line is not this), and the outlet or source in `outlet`.
std::string BylineWithOutlet(const Line& line, std::string* outlet);

// "Theo Báo X", "Nguồn: chinhphu.vn": a source credit line.
bool IsSourceCredit(const Line& line);

// A header or footer line that names the publisher, its owner or its
// address ("Cơ quan chủ quản: UBND tỉnh …", "Địa chỉ: …", "© Báo …"): the
// contact labels of a footer and the words of ownership. The places such a
// line names are the publisher's; menus, tags and related titles name
// places too, but as topics.
bool NamesPublisher(const Line& line);

// "Ảnh: N.H", "(Ảnh minh họa)": a photo credit line; also an image's
// numbered alt text kept as a line ("<headline> - Ảnh 1.").
bool IsPhotoCredit(const Line& line);

// "Ảnh minh họa.": a note that the picture only illustrates the story. As
// the text the markup sets under a picture it is that picture's caption.
bool IsIllustrationNote(const Line& line);

// The line starts with an enumerator: "Một là,", "Thứ hai,", "1.", "a)",
// "- ", "+ ", "• ".
bool StartsWithEnumerator(const Line& line);

}  // namespace bantin

#endif  // BANTIN_PARSE_LINE_KINDS_H_
