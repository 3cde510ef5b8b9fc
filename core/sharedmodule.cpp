#include "core/sharedmodule.h"

#include <dlfcn.h>
#include <map>
#include <mutex>

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

/// Opened modules by file name; a failed open is not remembered (a reinstall may fix it).
Result<void*> open_module(const std::string& file) {
    static std::mutex mutex;
    static std::map<std::string, void*> opened;
    std::lock_guard lock(mutex);
    if (auto it = opened.find(file); it != opened.end())
        return it->second;
    if (file.find('/') != std::string::npos)
        return unavailable(file, "a module is named by its file name only");
    dlerror();
    void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = dlerror();
        return unavailable(file, why ? why : "not found");
    }
    dlerror();
    auto* version = reinterpret_cast<const char* const*>(dlsym(handle, "fieldinspect_module_version"));
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
