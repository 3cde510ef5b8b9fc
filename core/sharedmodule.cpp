#include "core/sharedmodule.h"

#include <cstddef>
#include <dlfcn.h>
#include <map>
#include <mutex>
#include <unistd.h>
#include <vector>

#ifndef FI_MODULE_VERSION
#error "FI_MODULE_VERSION is the project's version (core/CMakeLists.txt)"
#endif

namespace fi {

namespace {

Error unavailable(const std::string& file, const std::string& why) {
    return Error::make("module_unavailable",
                       "A part of this app (" + file + ") could not be loaded: " + why +
                           ". Reinstall the app; nothing stored was changed.");
}

/// `file` in the first directory of the executable's own library search path that has it:
/// what the dynamic loader searches for the executable's libraries (LD_LIBRARY_PATH, then its
/// run path, then the system's directories), asked of the loader for the executable itself.
/// Not left to dlopen's search, which uses the run path of whichever object calls it — a
/// sanitizer's interceptor, not the app, in the sanitizer builds. Relative and empty entries
/// (the working directory) are skipped. "" when no directory has it.
std::string find_on_run_path(const std::string& file) {
    void* self = dlopen(nullptr, RTLD_NOW);
    if (!self)
        return {};
    Dl_serinfo size{};
    if (dlinfo(self, RTLD_DI_SERINFOSIZE, &size) != 0)
        return {};
    std::vector<std::max_align_t> buffer(size.dls_size / sizeof(std::max_align_t) + 1);
    auto* info = reinterpret_cast<Dl_serinfo*>(buffer.data());
    *info = size;
    if (dlinfo(self, RTLD_DI_SERINFO, info) != 0)
        return {};
    for (unsigned i = 0; i < info->dls_cnt; ++i) {
        const std::string dir = info->dls_serpath[i].dls_name;
        if (dir.empty() || dir.front() != '/')
            continue;
        const std::string path = dir + "/" + file;
        if (::access(path.c_str(), R_OK) == 0)
            return path;
    }
    return {};
}

/// Opened modules by file name; a failed open is not remembered (a reinstall may fix it).
Result<void*> open_module(const std::string& file) {
    static std::mutex mutex;
    static std::map<std::string, void*> opened;
    std::lock_guard lock(mutex);
    if (auto it = opened.find(file); it != opened.end())
        return it->second;
    if (file.find('/') != std::string::npos)
        return unavailable(file, "a module is named by its file name only");
    const auto path = find_on_run_path(file);
    if (path.empty())
        return unavailable(file, "it is not in the app's library directories");
    dlerror();
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = dlerror();
        return unavailable(file, why ? why : "it could not be opened");
    }
    dlerror();
    auto* version =
        reinterpret_cast<const char* const*>(dlsym(handle, "fieldinspect_module_version"));
    if (!version || !*version || std::string(*version) != FI_MODULE_VERSION) {
        dlclose(handle);
        return unavailable(file, std::string("it is from another build (version ") +
                                     (version && *version ? *version : "unknown") +
                                     ", this app is " FI_MODULE_VERSION ")");
    }
    opened.emplace(file, handle);
    return handle;
}

} // namespace

std::string module_file(const std::string& file) {
    if (file.empty() || file.find('/') != std::string::npos)
        return {};
    return find_on_run_path(file);
}

Result<void*> module_symbol(const std::string& file, const std::string& symbol) {
    auto handle = open_module(file);
    if (!handle)
        return handle.error();
    dlerror();
    void* address = dlsym(*handle, symbol.c_str());
    if (!address)
        return unavailable(file, "it has no " + symbol);
    return address;
}

} // namespace fi
