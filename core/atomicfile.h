#pragma once

#include "core/result.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace fi {

/// Write `content` to `path` so that a crash leaves either the old or the new file:
/// write a sibling temporary, fsync it, rename it over `path`, fsync the directory.
/// The file gets mode 0600.
Status write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// fsync a directory so a rename inside it is durable.
Status sync_directory(const std::filesystem::path& dir);

/// The whole file, or nullopt if it does not exist or cannot be read.
std::optional<std::string> read_small_file(const std::filesystem::path& path);

} // namespace fi
