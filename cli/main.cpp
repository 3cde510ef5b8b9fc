// fieldinspect-cli: the command-line front end over the application layer (services/) — the same code
// the app uses, scriptable without a terminal. See docs/cli.md.
#include "cli/cliapp.h"

int main(int argc, char** argv) {
    return fi::cli::run(argc, argv);
}
