// The module libfieldinspect-secretstores.so (platform/secretstore.cpp): the TPM 2.0 store with
// tpm2-tss, and the Secret Service store with libsecret and GLib, opened when the device has one.
#include "core/sharedmodule.h"
#include "platform/tpm2secretstore.h"

#ifdef FI_HAVE_LIBSECRET
#include "platform/libsecretstore.h"
#endif

#include <string_view>

FI_MODULE_EXPORT const char* const fieldinspect_module_version = FI_MODULE_VERSION;

/// A new store of the kind named as SecretStore::name() says it; nullptr for a kind this build
/// lacks.
FI_MODULE_EXPORT fi::platform::SecretStore* fieldinspect_secret_store(const char* name,
                                                                      const char* tcti) {
    const std::string_view kind = name;
    if (kind == "tpm2")
        return new fi::platform::Tpm2SecretStore(tcti);
#ifdef FI_HAVE_LIBSECRET
    if (kind == "secret-service")
        return new fi::platform::LibsecretStore();
#endif
    return nullptr;
}
