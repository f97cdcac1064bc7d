#include "bantin/bulletin.h"

namespace bantin {

const char* BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kParagraph:
      return "BLOCK_KIND_PARAGRAPH";
    case BlockKind::kCaption:
      return "BLOCK_KIND_CAPTION";
    case BlockKind::kListItem:
      return "BLOCK_KIND_LIST_ITEM";
    case BlockKind::kHeading:
      return "BLOCK_KIND_HEADING";
    case BlockKind::kQuote:
      return "BLOCK_KIND_QUOTE";
    case BlockKind::kUnspecified:
      break;
  }
  return "BLOCK_KIND_UNSPECIFIED";
}

const char* LineRoleName(LineRole role) {
  switch (role) {
    case LineRole::kBlank:
      return "LINE_ROLE_BLANK";
    case LineRole::kTitle:
      return "LINE_ROLE_TITLE";
    case LineRole::kBody:
      return "LINE_ROLE_BODY";
    case LineRole::kPublication:
      return "LINE_ROLE_PUBLICATION";
    case LineRole::kPageClock:
      return "LINE_ROLE_PAGE_CLOCK";
    case LineRole::kNavigation:
      return "LINE_ROLE_NAVIGATION";
    case LineRole::kByline:
      return "LINE_ROLE_BYLINE";
    case LineRole::kCredit:
      return "LINE_ROLE_CREDIT";
    case LineRole::kRelated:
      return "LINE_ROLE_RELATED";
    case LineRole::kBoilerplate:
      return "LINE_ROLE_BOILERPLATE";
    case LineRole::kDuplicate:
      return "LINE_ROLE_DUPLICATE";
    case LineRole::kUnspecified:
      break;
  }
  return "LINE_ROLE_UNSPECIFIED";
}

}  // namespace bantin
