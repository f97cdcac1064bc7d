#include "bantin/version.h"

namespace bantin {

// BANTIN_VERSION is defined by core/CMakeLists.txt from VERSION.
const char* version() { return BANTIN_VERSION; }

}  // namespace bantin
