#include "platform/wipepolicy.h"

#include "core/atomicfile.h"
#include "platform/keyvault.h"

#include <vector>

namespace fi::platform {

WipeDecision WipePolicy::decide(int unsent_records, bool user_confirmed) {
    if (unsent_records < 0)
        return {false, "The number of unsent records is unknown; nothing was erased."};
    if (unsent_records == 0 || user_confirmed)
        return {true, {}};
    return {false, "The central system asked to erase this tablet, but " +
                       std::to_string(unsent_records) +
                       (unsent_records == 1 ? " record has" : " records have") +
                       " not been uploaded yet. Connect to the network so they can be sent "
                       "first, or confirm that they may be erased. Nothing was erased."};
}

Status WipePolicy::wipe(KeyVault& vault, int unsent_records, bool user_confirmed) {
    const auto decision = decide(unsent_records, user_confirmed);
    if (!decision.allowed)
        return Error::make("unsent_records", decision.reason);

    Status result = vault.destroy();

    const auto& db = vault.database();
    const auto dir = db.parent_path().empty() ? std::filesystem::path(".") : db.parent_path();
    const std::string stem = db.filename().string();
    // Every file named after the store is the store's: the database, its WAL and shared
    // memory, journal, key check, key file, re-key copy and atomic-write temporaries.
    std::vector<std::filesystem::path> doomed;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().filename().string().rfind(stem, 0) == 0)
            doomed.push_back(entry.path());
    if (ec)
        return Error::make("io", "Cannot list " + dir.string() + ": " + ec.message() +
                                     ". The keys are erased; delete the folder by hand.");
    for (const auto& p : doomed) {
        std::error_code rm;
        std::filesystem::remove(p, rm);
        if (rm && result)
            result = Error::make("io", "Cannot delete " + p.string() + ": " + rm.message() +
                                           ". The keys are erased, so its content is "
                                           "unreadable; delete it by hand.");
    }
    if (auto st = sync_directory(dir); !st && result)
        result = st;
    return result;
}

} // namespace fi::platform
