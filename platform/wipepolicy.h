#pragma once

#include "core/result.h"

#include <filesystem>
#include <string>

namespace fi::platform {

class KeyVault;

/// Whether a wipe may run, and if not, why (for the user).
struct WipeDecision {
    bool allowed = false;
    std::string reason; ///< empty when allowed
};

/// Carries out a wipe ordered by the central system (`GET /device` → `"wipe":true`) without
/// ever erasing unsent evidence silently: it runs when nothing is left to upload, or when the
/// user has confirmed that the unsent records may go (the interface's "asks the user").
/// The erase is cryptographic first — the device secret and the key file go before the store
/// — so an interruption after the first step already leaves nothing readable.
class WipePolicy {
public:
    static WipeDecision decide(int unsent_records, bool user_confirmed);

    /// Decide, then erase: the vault's key material (KeyVault::destroy), then the store and
    /// every file beside it that belongs to it (`<store>`, `-wal`, `-shm`, `-journal`,
    /// `.keycheck`, re-key and temporary leftovers). The caller closes every connection to the
    /// store first. Refuses with `unsent_records` and changes nothing when not allowed.
    static Status wipe(KeyVault& vault, int unsent_records, bool user_confirmed);
};

} // namespace fi::platform
