#include "platform/keyfile.h"

#include "core/atomicfile.h"
#include "core/sha256.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

namespace fi::platform {

namespace {

using nlohmann::json;

constexpr std::string_view format_name = "fieldinspect-key";

Error damaged(const std::filesystem::path& p, std::string_view why) {
    return Error::make("key_file_damaged",
                       "The key file " + p.string() + " is damaged (" + std::string(why) +
                           "). It has been left as it is; sign in online and use the recovery "
                           "code, or contact support.");
}

std::string hex(std::span<const std::uint8_t> bytes) {
    return to_hex(bytes);
}

/// Hex to bytes; nullopt unless the text is exactly `expected` bytes (0: any length).
std::optional<std::vector<std::uint8_t>> unhex(const std::string& text, std::size_t expected = 0) {
    std::vector<std::uint8_t> out(text.size() / 2);
    std::size_t len = 0;
    if (text.size() % 2 != 0 ||
        sodium_hex2bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, nullptr) !=
            0 ||
        len != out.size() || (expected != 0 && len != expected))
        return std::nullopt;
    return out;
}

template <std::size_t N>
bool unhex_into(const json& j, const char* name, std::array<std::uint8_t, N>& out) {
    auto bytes = unhex(j.at(name).get<std::string>(), N);
    if (!bytes)
        return false;
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return true;
}

json wrap_json(const WrappedKey& w) {
    return json{{"nonce", hex(w.nonce)}, {"ciphertext", hex(w.ciphertext)}};
}

bool wrap_from(const json& j, WrappedKey& w) {
    if (!unhex_into(j, "nonce", w.nonce))
        return false;
    auto ct = unhex(j.at("ciphertext").get<std::string>(),
                    SecretKey::size_bytes + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    if (!ct)
        return false;
    w.ciphertext = std::move(*ct);
    return true;
}

} // namespace

std::filesystem::path KeyFile::path_for(const std::filesystem::path& database) {
    auto p = database;
    p += ".key";
    return p;
}

std::string KeyFile::associated_data() const {
    std::string ad = std::string(format_name) + "|" + std::to_string(version) + "|argon2id13|" +
                     std::to_string(kdf.opslimit) + "|" + std::to_string(kdf.memlimit_bytes) + "|" +
                     hex(salt) + "|" + owner + "|" + device_secret_store + "|" +
                     device_secret_id.value_or("");
    if (version >= 2)
        ad += std::string("|") + (passphrase ? "passphrase" : "pin") + "|" +
              state_secret_id.value_or("");
    return ad;
}

std::string KeyFile::state_text() const {
    std::string s = associated_data() + "|failures=" + std::to_string(failures) +
                    "|locked=" + (locked ? "1" : "0");
    if (not_before)
        s += "|not_before=" + not_before->boot_id + "/" +
             std::to_string(not_before->boottime.count());
    return s;
}

Status KeyFile::save(const std::filesystem::path& path) const {
    json j;
    j["format"] = format_name;
    j["version"] = version;
    j["owner"] = owner;
    j["secret"] = passphrase ? "passphrase" : "pin";
    j["kdf"] = json{{"alg", "argon2id13"},
                    {"opslimit", kdf.opslimit},
                    {"memlimit_bytes", kdf.memlimit_bytes},
                    {"salt", hex(salt)}};
    j["device_secret"] =
        device_secret_id ? json{{"store", device_secret_store}, {"id", *device_secret_id}} : json();
    if (version >= 2) {
        j["state_secret"] = state_secret_id ? json(*state_secret_id) : json();
        j["state_mac"] = state_mac ? json(*state_mac) : json();
    }
    j["wrapped_key"] = wrap_json(wrapped);
    j["pending_key"] = pending ? wrap_json(*pending) : json();
    if (recovery) {
        json r{{"public_key", hex(recovery->public_key)}, {"sealed", hex(recovery->sealed)}};
        r["pending_sealed"] =
            recovery->pending_sealed.empty() ? json() : json(hex(recovery->pending_sealed));
        j["recovery"] = r;
    } else {
        j["recovery"] = json();
    }
    j["failures"] = failures;
    j["locked"] = locked;
    j["retry_not_before"] = not_before ? json{{"boot_id", not_before->boot_id},
                                              {"boottime_ms", not_before->boottime.count()}}
                                       : json();
    return write_file_atomically(path, j.dump(1) + "\n");
}

Result<KeyFile> KeyFile::load(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return Error::make("not_found", "There is no key file at " + path.string() +
                                            ". Set up this tablet first.");
    const auto text = read_small_file(path);
    if (!text)
        return Error::make("io", "Cannot read the key file " + path.string() +
                                     ". Check the storage and its permissions.");
    KeyFile f;
    try {
        const json j = json::parse(*text);
        if (j.at("format").get<std::string>() != format_name)
            return damaged(path, "not a fieldinspect key file");
        f.version = j.at("version").get<int>();
        if (f.version > format_version)
            return Error::make("newer_key_file",
                               "The key file " + path.string() +
                                   " was written by a newer version of the app. Update the app.");
        if (f.version < 1)
            return damaged(path, "unknown format version");
        f.owner = j.at("owner").get<std::string>();
        if (f.version >= 2) {
            const auto kind = j.at("secret").get<std::string>();
            if (kind != "pin" && kind != "passphrase")
                return damaged(path, "unknown kind of secret");
            f.passphrase = kind == "passphrase";
            if (const json& ss = j.at("state_secret"); !ss.is_null())
                f.state_secret_id = ss.get<std::string>();
            if (const json& mac = j.at("state_mac"); !mac.is_null())
                f.state_mac = mac.get<std::string>();
        }
        const json& kdf = j.at("kdf");
        if (kdf.at("alg").get<std::string>() != "argon2id13")
            return damaged(path, "unknown key derivation");
        f.kdf.opslimit = kdf.at("opslimit").get<std::uint64_t>();
        f.kdf.memlimit_bytes = kdf.at("memlimit_bytes").get<std::uint64_t>();
        if (!PinKdf::valid(f.kdf))
            return damaged(path, "key derivation settings out of range");
        if (!unhex_into(kdf, "salt", f.salt))
            return damaged(path, "bad salt");
        if (const json& ds = j.at("device_secret"); !ds.is_null()) {
            f.device_secret_store = ds.at("store").get<std::string>();
            f.device_secret_id = ds.at("id").get<std::string>();
        }
        if (!wrap_from(j.at("wrapped_key"), f.wrapped))
            return damaged(path, "bad wrapped key");
        if (const json& p = j.at("pending_key"); !p.is_null()) {
            f.pending.emplace();
            if (!wrap_from(p, *f.pending))
                return damaged(path, "bad pending key");
        }
        if (const json& r = j.at("recovery"); !r.is_null()) {
            RecoverySeal seal;
            if (!unhex_into(r, "public_key", seal.public_key))
                return damaged(path, "bad recovery key");
            auto sealed = unhex(r.at("sealed").get<std::string>());
            if (!sealed)
                return damaged(path, "bad recovery seal");
            seal.sealed = std::move(*sealed);
            if (const json& ps = r.at("pending_sealed"); !ps.is_null()) {
                auto pending = unhex(ps.get<std::string>());
                if (!pending)
                    return damaged(path, "bad pending recovery seal");
                seal.pending_sealed = std::move(*pending);
            }
            f.recovery = std::move(seal);
        }
        f.failures = j.at("failures").get<int>();
        f.locked = j.at("locked").get<bool>();
        if (f.failures < 0)
            return damaged(path, "negative failure count");
        if (const json& nb = j.at("retry_not_before"); !nb.is_null())
            f.not_before =
                RetryGate{nb.at("boot_id").get<std::string>(),
                          std::chrono::milliseconds(nb.at("boottime_ms").get<std::int64_t>())};
    } catch (const json::exception& e) {
        return damaged(path, e.what());
    }
    return f;
}

} // namespace fi::platform
