#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace fi::platform {

/// Free storage where the data lives, checked before capture and sync.
struct SpaceReport {
    std::uint64_t available_bytes = 0;
    bool low = false;    ///< under the warning threshold
    std::string warning; ///< what to tell the user when low, empty otherwise
};

/// Below this the app warns loudly: photos and the WAL need room to land.
inline constexpr std::uint64_t low_space_bytes = 500ULL * 1024 * 1024;

/// Space available to this user on the filesystem holding `dir` (statvfs f_bavail), or
/// nullopt if the directory cannot be examined.
std::optional<SpaceReport> free_space(const std::filesystem::path& dir,
                                      std::uint64_t threshold_bytes = low_space_bytes);

} // namespace fi::platform
