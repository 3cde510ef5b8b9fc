#include "support/tempdir.h"

#include "core/atomicfile.h"
#include "core/sha256.h"

#include <cstdlib>
#include <stdexcept>

namespace fi::test {

TempDir::TempDir() {
    auto tmpl = (std::filesystem::temp_directory_path() / "fi-test-XXXXXX").string();
    if (!::mkdtemp(tmpl.data()))
        throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::string file_bytes(const std::filesystem::path& p) {
    return read_small_file(p).value_or("");
}

std::string file_sha256(const std::filesystem::path& p) {
    return Sha256::hex(file_bytes(p));
}

} // namespace fi::test
