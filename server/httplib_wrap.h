#pragma once

// The one place cpp-httplib is included. Its header is not clean under our warning flags
// (-Wconversion, -Wshadow, …), and it is a system library we do not fix: silence it here, so
// every file of ours keeps -Werror.
//
// Debian builds libcpp-httplib.so with OpenSSL, zlib and Brotli support, and those macros
// change the layout of its classes: a translation unit without them would not match the
// library (pkg-config's cpp-httplib Cflags define all three).
#if !defined(CPPHTTPLIB_OPENSSL_SUPPORT) || !defined(CPPHTTPLIB_ZLIB_SUPPORT) ||                   \
    !defined(CPPHTTPLIB_BROTLI_SUPPORT)
#error "Link PkgConfig::HTTPLIB (pkg-config cpp-httplib) so the library's feature macros match"
#endif

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wold-style-cast"
#include <httplib.h>
#pragma GCC diagnostic pop
