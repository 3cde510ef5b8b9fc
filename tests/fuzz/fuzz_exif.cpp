// Fuzz target: the EXIF reader of photo imports (core/exif.h) on any bytes a file may hold.
// Whatever it reads must be a time the rest of the app can parse; nothing may read past the
// input (the sanitizers of the fuzz preset watch that).

#include "core/date.h"
#include "core/exif.h"
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto t = fi::read_exif_taken_at(std::span<const std::uint8_t>(data, size));
    if (t) {
        FI_FUZZ_CHECK(fi::parse_rfc3339(t->rfc3339).ok());
        FI_FUZZ_CHECK(!t->offset_assumed || t->rfc3339.ends_with("+08:00"));
        fi::PhotoRef p;
        p.source = "import";
        p.original_taken_at = t->rfc3339;
        FI_FUZZ_CHECK(fi::import_day(p, "2026-11-28") != fi::ImportDay::unknown);
    }
    return 0;
}
