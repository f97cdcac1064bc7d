# bantin_library(TARGET PREFIX DIR SOURCES ... PUBLIC_HEADERS ... DEPS ... PRIVATE_DEPS ...)
#
# One layer, one static library. Its public headers are the only ones other
# targets can include, as "PREFIX/NAME.h" (e.g. "bantin/text/text.h"): they
# are linked into a staging folder of this target alone, which is its PUBLIC
# include directory, so a target that does not link the library cannot find
# its headers. Private headers stay beside the sources and are included by
# bare name ("ranking.h") from files of the same folder only. Installed, the
# public headers land in <prefix>/include/PREFIX/.
set(BANTIN_STAGE_ROOT ${CMAKE_BINARY_DIR}/include)
function(bantin_library target)
  cmake_parse_arguments(ARG "" "PREFIX" "SOURCES;PUBLIC_HEADERS;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(${target} STATIC ${ARG_SOURCES})
  set(stage ${BANTIN_STAGE_ROOT}/${target})
  file(REMOVE_RECURSE ${stage})
  file(MAKE_DIRECTORY ${stage}/${ARG_PREFIX})
  foreach(header ${ARG_PUBLIC_HEADERS})
    file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR}/${header} ${stage}/${ARG_PREFIX}/${header} SYMBOLIC)
  endforeach()
  target_include_directories(${target} PUBLIC $<BUILD_INTERFACE:${stage}> $<INSTALL_INTERFACE:include>)
  target_link_libraries(${target} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  if(NOT EMSCRIPTEN)
    target_compile_options(${target} PRIVATE -Wall -Wextra)
  endif()
  # What cmake/BantinInstall.cmake installs: bantin_text is bantin::text.
  string(REGEX REPLACE "^bantin_" "" export_name ${target})
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${export_name}
    BANTIN_PUBLIC_HEADERS "${ARG_PUBLIC_HEADERS}" BANTIN_HEADER_PREFIX ${ARG_PREFIX}
    BANTIN_SOURCE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
endfunction()
