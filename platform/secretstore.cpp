#include "platform/secretstore.h"

#include "platform/tpm2secretstore.h"

#ifdef FI_HAVE_LIBSECRET
#include "platform/libsecretstore.h"
#endif

namespace fi::platform {

std::unique_ptr<SecretStore> system_secret_store() {
    if (auto tcti = Tpm2SecretStore::system_tcti())
        return std::make_unique<Tpm2SecretStore>(*tcti);
#ifdef FI_HAVE_LIBSECRET
    if (LibsecretStore::reachable())
        return std::make_unique<LibsecretStore>();
#endif
    return nullptr;
}

} // namespace fi::platform
