// The two identities of a parsed page.
//
// PageId says which record a page is: a hash of the page's raw bytes as
// fetched and of its publisher's source id. The same page re-sent gets the
// same id; the same bytes from two publishers are two records; two different
// pages are two records however alike the parser reads them, because the
// parse does not enter the hash. A hash can still collide: storage verifies
// the bytes before it treats two pages as one (storage/README.md, Identity).
//
// CopyId says which article a record carries: copies of one article that
// several publishers print share it, so search can fold them into one hit
// that names every publisher. It hashes the normalised title and body text,
// and is empty for an article too short for two equal texts to mean one
// article (a headline with a line of text, an empty page).
#ifndef BANTIN_PARSE_IDENTITY_H_
#define BANTIN_PARSE_IDENTITY_H_

#include <string>
#include <string_view>

#include "bantin/bulletin.h"

namespace bantin {

// 16 hex digits.
std::string PageId(std::string_view raw, std::string_view source_id);

// 16 hex digits, or "" for an article without enough text to tell.
std::string CopyId(const Bulletin& bulletin);

// Bodies shorter than this (bytes of title and text blocks) get no CopyId.
inline constexpr size_t kMinCopyTextBytes = 400;

}  // namespace bantin

#endif  // BANTIN_PARSE_IDENTITY_H_
