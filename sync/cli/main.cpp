// fieldinspect-cli: the command-line front end over core, sync and platform — the same code
// the app uses, scriptable without a terminal. See docs/cli.md.
#include "sync/cli/cliapp.h"

int main(int argc, char** argv) {
    return fi::cli::run(argc, argv);
}
