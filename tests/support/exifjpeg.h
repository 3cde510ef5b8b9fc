#pragma once

// JPEG files with an EXIF segment, made byte by byte for the tests of the EXIF reader and of
// photo import (no binary test data): a DateTimeOriginal and, when given, an
// OffsetTimeOriginal, in either byte order.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fi::test {

/// The APP1 `Exif` segment (marker included) holding IFD0 → Exif IFD → the times.
inline std::vector<std::uint8_t> exif_segment(const std::string& datetime_original,
                                              const std::optional<std::string>& offset,
                                              bool little_endian = true) {
    std::vector<std::uint8_t> t; // the TIFF block
    auto u16 = [&](std::uint32_t v) {
        if (little_endian) {
            t.push_back(static_cast<std::uint8_t>(v));
            t.push_back(static_cast<std::uint8_t>(v >> 8));
        } else {
            t.push_back(static_cast<std::uint8_t>(v >> 8));
            t.push_back(static_cast<std::uint8_t>(v));
        }
    };
    auto u32 = [&](std::uint32_t v) {
        if (little_endian) {
            u16(v & 0xFFFF);
            u16(v >> 16);
        } else {
            u16(v >> 16);
            u16(v & 0xFFFF);
        }
    };
    const std::uint16_t entries = offset ? 2 : 1;
    const std::uint32_t ifd0 = 8, exif_ifd = ifd0 + 2 + 12 + 4;
    const std::uint32_t data = exif_ifd + 2 + 12u * entries + 4;
    const std::uint32_t dt_len = static_cast<std::uint32_t>(datetime_original.size()) + 1;
    t.push_back(little_endian ? 'I' : 'M');
    t.push_back(little_endian ? 'I' : 'M');
    u16(42);
    u32(ifd0);
    u16(1); // IFD0: the Exif IFD pointer
    u16(0x8769);
    u16(4);
    u32(1);
    u32(exif_ifd);
    u32(0);
    u16(entries); // the Exif IFD
    u16(0x9003);
    u16(2);
    u32(dt_len);
    u32(data);
    if (offset) {
        u16(0x9011);
        u16(2);
        u32(static_cast<std::uint32_t>(offset->size()) + 1);
        u32(data + dt_len);
    }
    u32(0);
    for (char c : datetime_original)
        t.push_back(static_cast<std::uint8_t>(c));
    t.push_back(0);
    if (offset) {
        for (char c : *offset)
            t.push_back(static_cast<std::uint8_t>(c));
        t.push_back(0);
    }
    std::vector<std::uint8_t> seg{0xFF, 0xE1, 0, 0, 'E', 'x', 'i', 'f', 0, 0};
    seg.insert(seg.end(), t.begin(), t.end());
    const std::size_t length = seg.size() - 2;
    seg[2] = static_cast<std::uint8_t>(length >> 8);
    seg[3] = static_cast<std::uint8_t>(length);
    return seg;
}

/// `jpeg` (a whole file starting with SOI) with `segment` inserted right after its SOI.
inline std::vector<std::uint8_t> with_segment(std::vector<std::uint8_t> jpeg,
                                              const std::vector<std::uint8_t>& segment) {
    jpeg.insert(jpeg.begin() + 2, segment.begin(), segment.end());
    return jpeg;
}

/// A minimal JPEG head: SOI, the EXIF segment, EOI (enough for the reader, not a picture).
inline std::vector<std::uint8_t> exif_only_jpeg(const std::string& datetime_original,
                                                const std::optional<std::string>& offset,
                                                bool little_endian = true) {
    return with_segment({0xFF, 0xD8, 0xFF, 0xD9},
                        exif_segment(datetime_original, offset, little_endian));
}

} // namespace fi::test
