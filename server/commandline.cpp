#include "server/commandline.h"

#include "server/admincli.h"
#include "server/apierror.h"

#include <charconv>
#include <csignal>
#include <iostream>
#include <pthread.h>

namespace fi::server {

namespace {

Result<int> positive(const std::string& text, const std::string& what, int min) {
    int v = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size() || v < min)
        return Error::make(api_code::invalid,
                           what + " needs a number of at least " + std::to_string(min) + ", not '" +
                               text + "'.",
                           what);
    return v;
}

} // namespace

const char* CommandLine::usage() {
    return R"(usage: fieldinspect-server --data DIR --listen HOST:PORT [--demo] [--assets DIR]
                           [--tls-cert FILE --tls-key FILE] [--fault-injection]
                           [--kdf-memory-kib N] [--threads N]
       fieldinspect-server admin --data DIR COMMAND …   (fieldinspect-server admin help)
       fieldinspect-server --version

Serves the central system interface under /api/v1 and the public pages (no sign-in) under
/public/. PORT 0 picks a free port; the line "listening on URL" on standard output says which,
the next one "public pages at URL".

  --kdf-memory-kib N   memory of each new password hash (Argon2id, 3 passes; default 65536)
  --threads N          connections served at once (default 128)
)";
}

Result<ServerOptions> CommandLine::parse_serve(const std::vector<std::string>& args) {
    ServerOptions o;
    bool listen_given = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> Result<std::string> {
            if (i + 1 >= args.size())
                return Error::make(api_code::invalid, a + " needs a value.", a);
            return args[++i];
        };
        if (a == "--demo") {
            o.demo = true;
        } else if (a == "--fault-injection") {
            o.fault_injection = true;
        } else if (a == "--data" || a == "--assets" || a == "--tls-cert" || a == "--tls-key") {
            auto v = value();
            if (!v)
                return v.error();
            (a == "--data"       ? o.data_dir
             : a == "--assets"   ? o.assets_dir
             : a == "--tls-cert" ? o.tls_cert
                                 : o.tls_key) = *v;
        } else if (a == "--listen") {
            auto v = value();
            if (!v)
                return v.error();
            const auto colon = v->rfind(':');
            if (colon == std::string::npos || colon == 0)
                return Error::make(api_code::invalid, "--listen takes HOST:PORT.", a);
            std::string host = v->substr(0, colon);
            if (host.size() > 2 && host.front() == '[' && host.back() == ']')
                host = host.substr(1, host.size() - 2);
            auto port = positive(v->substr(colon + 1), "--listen port", 0);
            if (!port)
                return port.error();
            if (*port > 65535)
                return Error::make(api_code::invalid, "--listen port is at most 65535.", a);
            o.host = host;
            o.port = *port;
            listen_given = true;
        } else if (a == "--kdf-memory-kib" || a == "--threads") {
            auto v = value();
            if (!v)
                return v.error();
            auto n = positive(*v, a, a == "--threads" ? 1 : 8);
            if (!n)
                return n.error();
            if (a == "--threads")
                o.threads = static_cast<std::size_t>(*n);
            else
                o.kdf.memlimit_bytes = static_cast<std::size_t>(*n) * 1024;
        } else {
            return Error::make(api_code::invalid, "Unknown argument '" + a + "'.", a);
        }
    }
    if (o.data_dir.empty())
        return Error::make(api_code::invalid, "--data DIR is required.", "--data");
    if (!listen_given)
        return Error::make(api_code::invalid, "--listen HOST:PORT is required.", "--listen");
    return o;
}

int CommandLine::run(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && args[0] == "admin") {
        AdminCli admin(std::cin, std::cout, std::cerr);
        return admin.run(std::vector<std::string>(args.begin() + 1, args.end()));
    }
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
        std::cout << usage();
        return 0;
    }
    if (!args.empty() && args[0] == "--version") {
        std::cout << "fieldinspect-server " << FI_VERSION << "\n";
        return 0;
    }
    auto options = parse_serve(args);
    if (!options) {
        std::cerr << "fieldinspect-server: " << options.error().message << "\n" << usage();
        return 2;
    }
    // Block the stop signals before any thread starts, so every thread inherits the mask and
    // only the sigwait below receives them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    const std::string host = options->host;
    if (options->tls_cert.empty() && host != "127.0.0.1" && host != "::1" && host != "localhost")
        std::cerr << "fieldinspect-server: warning: plain HTTP on " << host
                  << ", which is not loopback; use --tls-cert and --tls-key outside a lab.\n";
    auto server = Server::create(std::move(*options));
    if (!server) {
        std::cerr << "fieldinspect-server: " << server.error().message << "\n";
        return 1;
    }
    if (auto s = (*server)->start(); !s) {
        std::cerr << "fieldinspect-server: " << s.error().message << "\n";
        return 1;
    }
    std::cout << "listening on " << (*server)->base_url() << std::endl;
    std::cout << "public pages at " << (*server)->public_url() << std::endl;
    int signal = 0;
    sigwait(&stop_signals, &signal);
    std::cerr << "fieldinspect-server: stopping\n";
    (*server)->stop();
    return 0;
}

} // namespace fi::server
