#pragma once

#include <filesystem>
#include <string>

namespace fi::test {

/// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
public:
    TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

/// SHA-256 of a file's bytes, hex.
std::string file_sha256(const std::filesystem::path& p);
/// All bytes of a file.
std::string file_bytes(const std::filesystem::path& p);

} // namespace fi::test
