// The module loader (core/sharedmodule.h) from the side of someone who would have the app run
// code of theirs: a path, a library of another build, a module that is not there.
#include "core/sharedmodule.h"

#include <doctest/doctest.h>

using namespace fi;

TEST_CASE("a module that is not installed is a clear error naming it, not a crash") {
    auto sym = module_symbol("libfieldinspect-nosuchmodule.so", "anything");
    REQUIRE_FALSE(sym);
    CHECK(sym.error().code == "module_unavailable");
    CHECK(sym.error().message.find("libfieldinspect-nosuchmodule.so") != std::string::npos);
}

TEST_CASE("a module is named by its file name: a path (a file beside the data, the working "
          "directory) is refused before anything is opened") {
    // libc is surely there, and would open: the refusal is the name's, not the file's.
    for (const char* path : {"/lib/x86_64-linux-gnu/libc.so.6", "./libfieldinspect-secretstores.so",
                             "../modules/libfieldinspect-secretstores.so"}) {
        CAPTURE(path);
        auto sym = module_symbol(path, "malloc");
        REQUIRE_FALSE(sym);
        CHECK(sym.error().code == "module_unavailable");
        CHECK(sym.error().message.find("file name only") != std::string::npos);
    }
}

TEST_CASE("a library on the search path that is not a module of this build is refused, its "
          "symbols never handed out") {
    // libsqlcipher is on the loader's path (core links it) and exports sqlite3_open, but no
    // fieldinspect_module_version.
    auto sym = module_symbol("libsqlcipher.so.0", "sqlite3_open");
    REQUIRE_FALSE(sym);
    CHECK(sym.error().code == "module_unavailable");
    CHECK(sym.error().message.find("another build") != std::string::npos);
}
