// fieldinspect-cli: the command-line front end over the application layer (services/) — the same
// code the app uses, scriptable without a terminal. See docs/cli.md.
#include "cli/cliapp.h"
#include "platform/processhardening.h"

#include <cstring>
#include <iostream>

int main(int argc, char** argv) {
    fi::platform::deny_core_dumps(); // release builds: no core file with the PIN or the key
    // The version is the project's (CMake's project(VERSION)), as the app and the server say.
    if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
        std::cout << "fieldinspect-cli " << FI_VERSION << "\n";
        return 0;
    }
    return fi::cli::run(argc, argv);
}
