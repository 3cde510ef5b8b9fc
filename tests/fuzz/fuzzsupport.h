#pragma once

// Helpers shared by the fuzz targets (docs/fuzzing.md). Each target defines
// LLVMFuzzerTestOneInput; libFuzzer drives it in the fuzz preset, replay_main.cpp replays the
// seed corpus through it in ordinary builds.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

namespace fi::fuzz {

/// The bytes libFuzzer hands over, as text.
inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// A property every input must keep: report it and abort, so libFuzzer saves the input.
[[noreturn]] inline void property_failed(const char* what, const char* file, int line) {
    std::fprintf(stderr, "fuzz property violated at %s:%d: %s\n", file, line, what);
    std::abort();
}

} // namespace fi::fuzz

#define FI_FUZZ_CHECK(condition)                                                                   \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::fi::fuzz::property_failed(#condition, __FILE__, __LINE__);                           \
    } while (false)

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
