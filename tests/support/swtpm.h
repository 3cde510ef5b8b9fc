#pragma once

#include <filesystem>
#include <string>
#include <sys/types.h>

namespace fi::test {

/// A software TPM 2.0 (`swtpm socket`) started by the test in its own state directory, on two
/// free loopback ports, stopped (SIGTERM, then waited for) when the object goes. Each instance
/// manufactures its own seeds, so two instances are two different devices.
class Swtpm {
public:
    /// Starts it; `state_dir` is created. Throws if it does not answer within a few seconds.
    explicit Swtpm(std::filesystem::path state_dir);
    ~Swtpm();
    Swtpm(const Swtpm&) = delete;
    Swtpm& operator=(const Swtpm&) = delete;

    /// The TSS TCTI configuration string (`swtpm:host=127.0.0.1,port=N`), for FI_TPM_TCTI.
    std::string tcti() const;
    /// `FI_TPM_TCTI=… TPM2TOOLS_TCTI=…`, to put before a command line.
    std::string env() const;
    /// Set the dictionary-attack lock-out (tpm2_dictionarylockout, empty lockout auth) as a
    /// device's provisioning would: `max_tries` wrong auths, then one per `interval_s`.
    void provision_lockout(int max_tries, int interval_s, int recovery_s) const;

    /// Whether `swtpm` and `tpm2_dictionarylockout` are installed (scripts/packages.txt).
    static bool available();

private:
    std::filesystem::path dir_;
    int port_ = 0;
    pid_t pid_ = -1;
};

} // namespace fi::test
