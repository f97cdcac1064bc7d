# cmake --install build --prefix P: what an embedding program builds against.
#
#   P/include/bantin/...           public headers only (each library's own)
#   P/lib/libbantin_*.a            the core's layers, html/, embed/, storage
#   P/lib/libbantin.so.0.1         the C API (capi/), SONAME libbantin.so.0.1
#   P/lib/cmake/bantin/            find_package(bantin CONFIG): bantin::core,
#                                  bantin::html, bantin::c; COMPONENTS storage
#                                  adds bantin::storage (RocksDB, protobuf)
#   P/lib/pkgconfig/bantin.pc      the C API for pkg-config
#   P/lib/pythonX.Y/site-packages/bantin   the Python module (python/)
#
# Paths under P are fixed ("lib", not a multiarch directory) so the files
# that point at each other (bantin.pc, the Python module) can do so
# relatively: the tree can be moved.
include(CMakePackageConfigHelpers)
set(BANTIN_LIBDIR lib)
set(BANTIN_CMAKE_DIR ${BANTIN_LIBDIR}/cmake/bantin)

# Public headers of a library, as it declared them (cmake/BantinLibrary.cmake).
function(bantin_install_headers target)
  get_target_property(headers ${target} BANTIN_PUBLIC_HEADERS)
  get_target_property(prefix ${target} BANTIN_HEADER_PREFIX)
  get_target_property(dir ${target} BANTIN_SOURCE_DIR)
  foreach(header ${headers})
    install(FILES ${dir}/${header} DESTINATION include/${prefix} COMPONENT dev)
  endforeach()
endfunction()

set(BANTIN_CORE_LIBRARIES bantin_base bantin_text bantin_parse bantin_json bantin_index bantin_query bantin_search
                          bantin_html bantin_embed)
foreach(target ${BANTIN_CORE_LIBRARIES} bantin_storage)
  bantin_install_headers(${target})
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/capi/bantin.h DESTINATION include/bantin)
# bulletin_codec.h maps bulletins to the generated messages of bantin.proto.
install(FILES ${PROJECT_BINARY_DIR}/proto/bantin/v1/bantin.pb.h ${PROJECT_BINARY_DIR}/proto/bantin/v1/bantin.grpc.pb.h
        DESTINATION include/bantin/v1)

install(TARGETS ${BANTIN_CORE_LIBRARIES} bantin_core bantin_c EXPORT bantinTargets
        ARCHIVE DESTINATION ${BANTIN_LIBDIR} LIBRARY DESTINATION ${BANTIN_LIBDIR})
install(EXPORT bantinTargets NAMESPACE bantin:: DESTINATION ${BANTIN_CMAKE_DIR})
install(TARGETS bantin_storage bantin_proto EXPORT bantinStorageTargets ARCHIVE DESTINATION ${BANTIN_LIBDIR})
install(EXPORT bantinStorageTargets NAMESPACE bantin:: DESTINATION ${BANTIN_CMAKE_DIR})

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/bantinConfig.cmake.in
  ${PROJECT_BINARY_DIR}/package/bantinConfig.cmake INSTALL_DESTINATION ${BANTIN_CMAKE_DIR})
# 0.x: a minor version may break what a consumer compiled against.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/package/bantinConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/package/bantinConfig.cmake ${PROJECT_BINARY_DIR}/package/bantinConfigVersion.cmake
        DESTINATION ${BANTIN_CMAKE_DIR})

configure_file(${CMAKE_CURRENT_LIST_DIR}/bantin.pc.in ${PROJECT_BINARY_DIR}/package/bantin.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/package/bantin.pc DESTINATION ${BANTIN_LIBDIR}/pkgconfig)

# The Python module: python/bantin, the gRPC stubs generated from
# proto/ (bantin.v1), and where libbantin.so is relative to it.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(BANTIN_PYTHON_DIR ${BANTIN_LIBDIR}/python${Python3_VERSION_MAJOR}.${Python3_VERSION_MINOR}/site-packages)
file(RELATIVE_PATH BANTIN_PYTHON_TO_LIB /P/${BANTIN_PYTHON_DIR}/bantin /P/${BANTIN_LIBDIR})
string(REGEX REPLACE "/$" "" BANTIN_PYTHON_TO_LIB ${BANTIN_PYTHON_TO_LIB})
get_target_property(c_name bantin_c OUTPUT_NAME)
get_target_property(c_soversion bantin_c SOVERSION)
set(BANTIN_PYTHON_LIBRARY ${BANTIN_PYTHON_TO_LIB}/lib${c_name}.so.${c_soversion})
set(py_gen ${PROJECT_BINARY_DIR}/python)
configure_file(${PROJECT_SOURCE_DIR}/python/bantin/_location.py.in ${py_gen}/_location.py @ONLY)
find_program(BANTIN_GRPC_PYTHON_PLUGIN grpc_python_plugin REQUIRED)
add_custom_command(
  OUTPUT ${py_gen}/bantin/v1/bantin_pb2.py ${py_gen}/bantin/v1/bantin_pb2_grpc.py
  COMMAND ${CMAKE_COMMAND} -E make_directory ${py_gen}
  COMMAND protobuf::protoc --proto_path=${PROJECT_SOURCE_DIR}/proto --python_out=${py_gen} --grpc_out=${py_gen}
          --plugin=protoc-gen-grpc=${BANTIN_GRPC_PYTHON_PLUGIN} ${PROJECT_SOURCE_DIR}/proto/bantin/v1/bantin.proto
  DEPENDS ${PROJECT_SOURCE_DIR}/proto/bantin/v1/bantin.proto
  COMMENT "Generating Python from bantin.proto")
add_custom_target(bantin_python_stubs ALL DEPENDS ${py_gen}/bantin/v1/bantin_pb2.py)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/python/bantin DESTINATION ${BANTIN_PYTHON_DIR}
        PATTERN "*.in" EXCLUDE PATTERN "__pycache__" EXCLUDE)
install(FILES ${py_gen}/_location.py DESTINATION ${BANTIN_PYTHON_DIR}/bantin)
install(FILES ${py_gen}/bantin/v1/bantin_pb2.py ${py_gen}/bantin/v1/bantin_pb2_grpc.py
        DESTINATION ${BANTIN_PYTHON_DIR}/bantin/v1)
