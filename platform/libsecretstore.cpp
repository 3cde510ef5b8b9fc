#include "platform/libsecretstore.h"

#include "core/sha256.h"

#include <cstdlib>
#include <libsecret/secret.h>

namespace fi::platform {

namespace {

const SecretSchema* schema() {
    static const SecretSchema s = [] {
        SecretSchema v{};
        v.name = "org.fieldinspect.DeviceSecret";
        v.flags = SECRET_SCHEMA_NONE;
        v.attributes[0] = {"id", SECRET_SCHEMA_ATTRIBUTE_STRING};
        return v; // the zeroed entry after the last attribute ends the list
    }();
    return &s;
}

Error unavailable(GError* error) {
    std::string why = error && error->message ? error->message : "no answer";
    if (error)
        g_error_free(error);
    return Error::make("secret_store_unavailable",
                       "The system keyring could not be used (" + why +
                           "). Unlock the desktop session's keyring and try again; the PIN was "
                           "not checked and no attempt was counted.");
}

} // namespace

Result<std::string> LibsecretStore::store(std::string_view id, const SecretKey& secret,
                                          const SecretKey* /*auth*/) {
    const std::string key_id(id);
    std::string hex = to_hex(std::span<const std::uint8_t>(secret.data(), SecretKey::size_bytes));
    GError* error = nullptr;
    const gboolean ok = secret_password_store_sync(schema(), SECRET_COLLECTION_DEFAULT,
                                                   "fieldinspect device secret", hex.c_str(),
                                                   nullptr, &error, "id", key_id.c_str(), nullptr);
    wipe(hex);
    if (!ok)
        return unavailable(error);
    return key_id;
}

Result<SecretKey> LibsecretStore::load(std::string_view id, const SecretKey* /*auth*/) {
    const std::string key_id(id);
    GError* error = nullptr;
    gchar* found =
        secret_password_lookup_sync(schema(), nullptr, &error, "id", key_id.c_str(), nullptr);
    if (error)
        return unavailable(error);
    if (!found)
        return Error::make("not_found",
                           "The system keyring no longer holds this tablet's device secret, so "
                           "the PIN alone cannot unlock it. Sign in online and use the "
                           "recovery code.");
    SecretKey key = SecretKey::from_hex(found);
    secret_password_free(found); // clears the memory before freeing it
    if (key.is_zero())
        return Error::make("key_file_damaged",
                           "The device secret in the system keyring is damaged. Sign in online "
                           "and use the recovery code.");
    return key;
}

Status LibsecretStore::remove(std::string_view id) {
    const std::string key_id(id);
    GError* error = nullptr;
    secret_password_clear_sync(schema(), nullptr, &error, "id", key_id.c_str(), nullptr);
    if (error)
        return unavailable(error);
    return {};
}

} // namespace fi::platform
