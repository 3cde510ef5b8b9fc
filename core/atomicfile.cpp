#include "core/atomicfile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fi {

namespace {
Error io_error(std::string_view what, const std::filesystem::path& p) {
    const int err = errno;
    const bool full = err == ENOSPC || err == EDQUOT;
    return Error::make(full ? "disk_full" : "io",
                       std::string(what) + " " + p.string() + ": " + std::strerror(err) +
                           (full ? ". Free some storage space and try again."
                                 : ". Check the storage and its permissions."));
}
} // namespace

Status sync_directory(const std::filesystem::path& dir) {
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return io_error("cannot open directory", dir);
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0)
        return io_error("cannot sync directory", dir);
    return {};
}

Status write_file_atomically(const std::filesystem::path& path, std::string_view content) {
    auto tmp = path;
    tmp += ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return io_error("cannot create", tmp);
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            auto e = io_error("cannot write", tmp);
            ::close(fd);
            ::unlink(tmp.c_str());
            return e;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        auto e = io_error("cannot sync", tmp);
        ::close(fd);
        ::unlink(tmp.c_str());
        return e;
    }
    ::close(fd);
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        auto e = io_error("cannot replace", path);
        ::unlink(tmp.c_str());
        return e;
    }
    return sync_directory(path.parent_path());
}

std::optional<std::string> read_small_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace fi
