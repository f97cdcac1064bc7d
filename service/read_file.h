// A whole file's bytes; NotFound naming the path when it cannot be read.
#ifndef BANTIN_SERVICE_READ_FILE_H_
#define BANTIN_SERVICE_READ_FILE_H_

#include <string>

#include "bantin/status.h"

namespace bantin {

Result<std::string> ReadWholeFile(const std::string& path);

}  // namespace bantin

#endif  // BANTIN_SERVICE_READ_FILE_H_
