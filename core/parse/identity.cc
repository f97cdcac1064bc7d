#include "bantin/parse/identity.h"

#include "bantin/digest.h"

namespace bantin {

std::string PageId(std::string_view raw, std::string_view source_id) {
  // The source first, then a separator no source id contains: "ab" + "c"
  // and "a" + "bc" hash apart.
  uint64_t h = Fnv1a64(source_id);
  h = Fnv1a64(std::string_view("\0", 1), h);
  return Hex64(Fnv1a64(raw, h));
}

std::string CopyId(const Bulletin& b) {
  // The text is already normalised (NFC, spaces collapsed) by parsing.
  // Captions stay out: a copy often keeps the text and drops the pictures.
  size_t bytes = b.title.size();
  uint64_t h = Fnv1a64(b.title);
  for (const Block& block : b.blocks) {
    if (block.kind == BlockKind::kCaption) continue;
    bytes += block.text.size();
    h = Fnv1a64("\x1e", h);
    h = Fnv1a64(block.text, h);
  }
  if (b.title.empty() || bytes < kMinCopyTextBytes) return "";
  return Hex64(h);
}

}  // namespace bantin
