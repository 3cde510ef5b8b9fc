#include "platform/pinkdf.h"

#include "platform/sodiuminit.h"

#include <sodium.h>

namespace fi::platform {

KdfParams PinKdf::default_params() {
    return KdfParams{5, 128ULL * 1024 * 1024};
}

bool PinKdf::below(const KdfParams& params, const KdfParams& floor) {
    return params.opslimit < floor.opslimit || params.memlimit_bytes < floor.memlimit_bytes;
}

bool PinKdf::valid(const KdfParams& p) {
    // Upper bounds keep a hostile file from asking for terabytes; 4 GiB and 100 passes are
    // far above anything a tablet will be set to.
    return p.opslimit >= crypto_pwhash_OPSLIMIT_MIN && p.opslimit <= 100 &&
           p.memlimit_bytes >= crypto_pwhash_MEMLIMIT_MIN &&
           p.memlimit_bytes <= 4ULL * 1024 * 1024 * 1024;
}

PinKdf::Salt PinKdf::random_salt() {
    sodium_init_once();
    Salt s{};
    randombytes_buf(s.data(), s.size());
    return s;
}

Result<SecretKey> PinKdf::derive(std::string_view pin, const Salt& salt, const KdfParams& params) {
    sodium_init_once();
    if (!valid(params))
        return Error::make("key_file_damaged",
                           "The key file asks for PIN-derivation settings this app does not "
                           "accept. Sign in online to recover the device.");
    std::array<std::uint8_t, SecretKey::size_bytes> out{};
    if (crypto_pwhash(out.data(), out.size(), pin.data(), pin.size(), salt.data(), params.opslimit,
                      static_cast<std::size_t>(params.memlimit_bytes),
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error::make("out_of_memory",
                           "Not enough memory to check the PIN. Close other apps and try again.");
    SecretKey key(out);
    sodium_memzero(out.data(), out.size());
    return key;
}

std::chrono::milliseconds PinKdf::measure(const KdfParams& params) {
    const auto salt = random_salt();
    const auto start = std::chrono::steady_clock::now();
    auto key = derive("000000", salt, params);
    (void)key;
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                 start);
}

} // namespace fi::platform
