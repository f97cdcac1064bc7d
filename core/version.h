// The library's version, from the project's VERSION file (the one place it
// is written): what an embedding program links against, at run time.
#ifndef BANTIN_VERSION_H_
#define BANTIN_VERSION_H_

namespace bantin {

// "MAJOR.MINOR.PATCH", e.g. "0.1.0".
const char* version();

}  // namespace bantin

#endif  // BANTIN_VERSION_H_
