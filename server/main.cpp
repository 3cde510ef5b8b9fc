// fieldinspect-server: the reference central system (docs/server.md). Everything lives in
// server_lib; this file only hands over the command line.
#include "server/commandline.h"

int main(int argc, char** argv) {
    return fi::server::CommandLine::run(argc, argv);
}
