#include "platform/freespace.h"

#include <sys/statvfs.h>

namespace fi::platform {

std::optional<SpaceReport> free_space(const std::filesystem::path& dir,
                                      std::uint64_t threshold_bytes) {
    struct statvfs s {};
    if (::statvfs(dir.c_str(), &s) != 0)
        return std::nullopt;
    SpaceReport r;
    r.available_bytes = static_cast<std::uint64_t>(s.f_bavail) * s.f_frsize;
    r.low = r.available_bytes < threshold_bytes;
    if (r.low)
        r.warning = "Only " + std::to_string(r.available_bytes / (1024 * 1024)) +
                    " MB of storage left. Upload today's records and free space before taking "
                    "more photos.";
    return r;
}

} // namespace fi::platform
