#include "platform/secretstore.h"

#include "core/sharedmodule.h"
#include "platform/libsecretstore.h"
#include "platform/tpm2secretstore.h"

#include <cstdlib>
#include <filesystem>

namespace fi::platform {

// The stores themselves live in the module libfieldinspect-secretstores.so (secretstoremodule.cpp)
// with the TPM and GLib stacks under them; whether one is there is decided here, without them.

std::optional<std::string> Tpm2SecretStore::system_tcti() {
    for (const char* var : {"FI_TPM_TCTI", "TPM2TOOLS_TCTI"})
        if (const char* v = std::getenv(var); v && *v)
            return std::string(v);
    std::error_code ec;
    if (std::filesystem::exists("/dev/tpmrm0", ec))
        return std::string("device:/dev/tpmrm0");
    return std::nullopt;
}

bool LibsecretStore::reachable() {
    if (const char* bus = std::getenv("DBUS_SESSION_BUS_ADDRESS"); bus && *bus)
        return true;
    // systemd user sessions put the bus at $XDG_RUNTIME_DIR/bus without exporting the variable.
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    std::error_code ec;
    return runtime && *runtime &&
           std::filesystem::exists(std::filesystem::path(runtime) / "bus", ec);
}

namespace {

/// The store the device has, when its module cannot be opened: the same name and kind, and
/// every call refused as `secret_store_unavailable` with the loader's words. Never a silent
/// fallback to a weaker store: nothing is checked, nothing counted, nothing stored.
class UnavailableStore final : public SecretStore {
public:
    UnavailableStore(std::string name, bool hardware, std::string why)
        : name_(std::move(name)), hardware_(hardware), why_(std::move(why)) {}

    std::string name() const override { return name_; }
    bool hardware_backed() const override { return hardware_; }
    Result<std::string> store(std::string_view, const SecretKey&, const SecretKey*) override {
        return refused();
    }
    Result<SecretKey> load(std::string_view, const SecretKey*) override { return refused(); }
    Status remove(std::string_view) override { return refused(); }

private:
    Error refused() const { return Error::make("secret_store_unavailable", why_); }

    std::string name_;
    bool hardware_;
    std::string why_;
};

std::unique_ptr<SecretStore> from_module(const std::string& name, bool hardware,
                                         const std::string& tcti) {
    auto make = module_symbol("libfieldinspect-secretstores.so", "fieldinspect_secret_store");
    if (!make)
        return std::make_unique<UnavailableStore>(name, hardware, make.error().message);
    using Make = SecretStore* (*)(const char* name, const char* tcti);
    std::unique_ptr<SecretStore> store(reinterpret_cast<Make>(*make)(name.c_str(), tcti.c_str()));
    if (!store)
        return std::make_unique<UnavailableStore>(
            name, hardware, "This build of the app has no " + name + " secret store.");
    return store;
}

} // namespace

std::unique_ptr<SecretStore> system_secret_store() {
    if (auto tcti = Tpm2SecretStore::system_tcti())
        return from_module("tpm2", true, *tcti);
#ifdef FI_HAVE_LIBSECRET // else the PIN-wrapped key file (mode 0600) is the only wrap
    if (LibsecretStore::reachable())
        return from_module("secret-service", false, {});
#endif
    return nullptr;
}

} // namespace fi::platform
