# Finds cpp-httplib and defines the imported target `dynafake_deps::httplib`.
# Sets DYNAFAKE_HTTPLIB_FOUND to TRUE or FALSE.
#
# Only dynafake's HTTP tests use it, as a client that is not ours; the
# library itself (dynafake::http, dynafake-server) links no HTTP library:
# Debian's cpp-httplib is a compiled library built with OpenSSL, zlib and
# brotli, which a loopback fake must not load (issue 14: start-up cost).
#
# cpp-httplib reaches us in three shapes:
#   1. upstream's CMake package (httplibConfig.cmake, target httplib::httplib),
#      e.g. from vcpkg, Conan, or a source install;
#   2. Debian/Ubuntu's libcpp-httplib-dev: /usr/include/httplib.h built in
#      "compiled" mode (declarations only) plus libcpp-httplib.so and a
#      cpp-httplib.pc whose Cflags carry -DCPPHTTPLIB_OPENSSL_SUPPORT etc.
#      (no CMake package). The header must be compiled with the same defines
#      as the library, so we take them from pkg-config;
#   3. a bare header-only httplib.h on the include path.
# Quiet throughout: dynafake::http is an optional part.

set(DYNAFAKE_HTTPLIB_FOUND FALSE)
if(TARGET dynafake_deps::httplib)
  set(DYNAFAKE_HTTPLIB_FOUND TRUE)
  return()
endif()

set(_dynafake_httplib "")

# 1. Upstream's package.
if(NOT TARGET httplib::httplib)
  find_package(httplib CONFIG QUIET)
endif()
if(TARGET httplib::httplib)
  set(_dynafake_httplib httplib::httplib)
endif()

# 2. pkg-config (Debian's package).
if(NOT _dynafake_httplib)
  find_package(PkgConfig QUIET)
  if(PKG_CONFIG_FOUND)
    pkg_check_modules(DYNAFAKE_PC_HTTPLIB QUIET IMPORTED_TARGET GLOBAL cpp-httplib)
    if(TARGET PkgConfig::DYNAFAKE_PC_HTTPLIB)
      set(_dynafake_httplib PkgConfig::DYNAFAKE_PC_HTTPLIB)
    endif()
  endif()
endif()

# 3. The bare header (plus Debian's library if it is there without pkg-config).
if(NOT _dynafake_httplib)
  find_path(DYNAFAKE_HTTPLIB_INCLUDE_DIR httplib.h)
  find_library(DYNAFAKE_HTTPLIB_LIBRARY NAMES cpp-httplib)
  mark_as_advanced(DYNAFAKE_HTTPLIB_INCLUDE_DIR DYNAFAKE_HTTPLIB_LIBRARY)
  if(DYNAFAKE_HTTPLIB_INCLUDE_DIR)
    find_package(Threads QUIET)
    add_library(dynafake_deps::httplib_header INTERFACE IMPORTED GLOBAL)
    set_target_properties(dynafake_deps::httplib_header PROPERTIES
      INTERFACE_INCLUDE_DIRECTORIES "${DYNAFAKE_HTTPLIB_INCLUDE_DIR}")
    if(DYNAFAKE_HTTPLIB_LIBRARY)
      set_property(TARGET dynafake_deps::httplib_header APPEND PROPERTY
        INTERFACE_LINK_LIBRARIES "${DYNAFAKE_HTTPLIB_LIBRARY}")
    endif()
    if(TARGET Threads::Threads)
      set_property(TARGET dynafake_deps::httplib_header APPEND PROPERTY
        INTERFACE_LINK_LIBRARIES Threads::Threads)
    endif()
    set(_dynafake_httplib dynafake_deps::httplib_header)
  endif()
endif()

if(_dynafake_httplib)
  add_library(dynafake_deps::httplib INTERFACE IMPORTED GLOBAL)
  set_target_properties(dynafake_deps::httplib PROPERTIES INTERFACE_LINK_LIBRARIES "${_dynafake_httplib}")
  set(DYNAFAKE_HTTPLIB_FOUND TRUE)
endif()
unset(_dynafake_httplib)
