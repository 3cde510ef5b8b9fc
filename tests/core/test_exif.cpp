#include "core/date.h"
#include "core/exif.h"
#include "support/exifjpeg.h"

#include <doctest/doctest.h>

using fi::test::exif_only_jpeg;

TEST_CASE("exif: DateTimeOriginal with its offset, in either byte order") {
    for (bool little : {true, false}) {
        CAPTURE(little);
        const auto jpeg = exif_only_jpeg("2026:11:28 09:30:05", std::string("+05:30"), little);
        const auto t = fi::read_exif_taken_at(jpeg);
        REQUIRE(t);
        CHECK(t->rfc3339 == "2026-11-28T09:30:05+05:30");
        CHECK_FALSE(t->offset_assumed);
    }
}

TEST_CASE("exif: without an offset the local time is read as UTC+08:00, and says so") {
    const auto t = fi::read_exif_taken_at(exif_only_jpeg("2025:02:28 23:59:59", std::nullopt));
    REQUIRE(t);
    CHECK(t->rfc3339 == "2025-02-28T23:59:59+08:00");
    CHECK(t->offset_assumed);
}

TEST_CASE("exif: nothing out of shape is guessed") {
    for (const char* bad : {"2026:02:30 09:30:00", "2026:11:28 24:00:00", "0000:00:00 00:00:00",
                            "    :  :     :  :  ", "2026-11-28 09:30:00", "2026:11:28T09:30:00"}) {
        CAPTURE(bad);
        CHECK_FALSE(fi::read_exif_taken_at(exif_only_jpeg(bad, std::nullopt)));
    }
    // An offset given but unreadable: no time rather than a wrong one.
    CHECK_FALSE(fi::read_exif_taken_at(exif_only_jpeg("2026:11:28 09:30:00", "+8:00 ")));
    CHECK_FALSE(fi::read_exif_taken_at(exif_only_jpeg("2026:11:28 09:30:00", "+15:00")));
    // No EXIF at all, not a JPEG, nothing.
    CHECK_FALSE(fi::read_exif_taken_at(std::vector<std::uint8_t>{0xFF, 0xD8, 0xFF, 0xD9}));
    CHECK_FALSE(fi::read_exif_taken_at(std::vector<std::uint8_t>{'G', 'I', 'F', '8'}));
    CHECK_FALSE(fi::read_exif_taken_at(std::vector<std::uint8_t>{}));
}

TEST_CASE("exif: every truncation and every flipped byte of a good file is safe") {
    const auto good = exif_only_jpeg("2026:11:28 09:30:05", std::string("+08:00"));
    for (std::size_t n = 0; n < good.size(); ++n) {
        const std::vector<std::uint8_t> cut(good.begin(), good.begin() + static_cast<long>(n));
        // Cut before the end of the segment: the segment no longer fits, so nothing is read.
        if (n < good.size() - 2)
            CHECK_FALSE(fi::read_exif_taken_at(cut));
    }
    int readable = 0;
    for (std::size_t i = 0; i < good.size(); ++i)
        for (std::uint8_t v : {std::uint8_t{0x00}, std::uint8_t{0xFF}, std::uint8_t{0x7F}}) {
            auto bent = good;
            bent[i] = v;
            if (const auto t = fi::read_exif_taken_at(bent)) {
                ++readable;
                CHECK(fi::parse_rfc3339(t->rfc3339).ok());
            }
        }
    CHECK(readable > 0); // bytes the reader does not look at change nothing
}

TEST_CASE("exif: an import is marked when its own day is not the inspection day") {
    fi::PhotoRef p;
    CHECK(fi::import_day(p, "2026-11-28") == fi::ImportDay::not_import);
    p.source = "camera";
    CHECK(fi::import_day(p, "2026-11-28") == fi::ImportDay::not_import);
    p.source = "import";
    CHECK(fi::import_day(p, "2026-11-28") == fi::ImportDay::unknown);
    p.original_taken_at = "2026-11-28T23:59:59+08:00";
    CHECK(fi::import_day(p, "2026-11-28") == fi::ImportDay::same_day);
    // 17:00 in UTC+00:00 is 01:00 the next day in UTC+08:00.
    p.original_taken_at = "2026-11-28T17:00:00+00:00";
    CHECK(fi::import_day(p, "2026-11-28") == fi::ImportDay::other_day);
    p.original_taken_at = "2025-06-01T10:00:00+08:00";
    CHECK(fi::import_day(p, "2026-11-28") == fi::ImportDay::other_day);
}
