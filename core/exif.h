#pragma once

#include "core/model.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace fi {

/// When an imported JPEG says it was taken: EXIF `DateTimeOriginal` with its
/// `OffsetTimeOriginal` when the file has one.
struct ExifTakenAt {
    /// RFC 3339, seconds precision, with the file's offset or +08:00 (e.g.
    /// `2026-11-28T09:30:00+08:00`): the photo's `original_taken_at`.
    std::string rfc3339;
    /// The file gave no offset: its local time was read as UTC+08:00 (the regime's zone).
    bool offset_assumed = false;
};

/// A small strict EXIF reader for the one thing an import needs, made for damaged and hostile
/// files: it walks the JPEG's segments up to the image data, reads the APP1 `Exif` segment's
/// TIFF header (either byte order), IFD0 and the Exif IFD, and checks every offset, count and
/// type against the segment's bounds. Anything out of shape (a truncated segment, an offset
/// past the end, a loop of IFDs, a time that is not a real `YYYY:MM:DD HH:MM:SS`, an offset
/// that is not `±HH:MM`) gives nullopt: no time known, never a guess. `jpeg` may be just the
/// file's beginning; the EXIF segment is at most 64 KiB into it.
std::optional<ExifTakenAt> read_exif_taken_at(std::span<const std::uint8_t> jpeg);

/// How far into a JPEG read_exif_taken_at needs to look at most (segments before the image).
inline constexpr std::size_t exif_scan_bytes = std::size_t{256} * 1024;

/// What an imported photo's own time says against the record's day.
enum class ImportDay {
    not_import, ///< taken with the tablet's camera
    same_day,   ///< an import whose EXIF time falls on the inspection day (UTC+08:00)
    other_day,  ///< an import whose EXIF time is another day: not taken at this inspection
    unknown,    ///< an import whose file says nothing (readable) about when it was taken
};

/// The import mark of `photo` for a record of `inspection_day` (YYYY-MM-DD), judged in
/// UTC+08:00. A photo from before interface 1.1 (no source) counts as not imported.
ImportDay import_day(const PhotoRef& photo, std::string_view inspection_day);

} // namespace fi
