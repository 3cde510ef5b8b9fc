#include "core/exif.h"

#include "core/date.h"

#include <array>
#include <cstdio>

namespace fi {

namespace {

/// A bounds-checked view of the TIFF block of the EXIF segment in its byte order.
class Tiff {
public:
    Tiff(std::span<const std::uint8_t> bytes, bool little) : b_(bytes), little_(little) {}

    std::optional<std::uint16_t> u16(std::size_t at) const {
        if (at > b_.size() || b_.size() - at < 2)
            return std::nullopt;
        return little_ ? static_cast<std::uint16_t>(b_[at] | (b_[at + 1] << 8))
                       : static_cast<std::uint16_t>((b_[at] << 8) | b_[at + 1]);
    }
    std::optional<std::uint32_t> u32(std::size_t at) const {
        if (at > b_.size() || b_.size() - at < 4)
            return std::nullopt;
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const std::uint32_t byte = b_[at + static_cast<std::size_t>(little_ ? 3 - i : i)];
            v = (v << 8) | byte;
        }
        return v;
    }
    std::span<const std::uint8_t> bytes() const { return b_; }

private:
    std::span<const std::uint8_t> b_;
    bool little_;
};

struct Entry {
    std::uint16_t type = 0;
    std::uint32_t count = 0;
    std::size_t value_at = 0; ///< where the value is: in the entry (≤ 4 bytes) or at its offset
};

constexpr std::uint16_t type_ascii = 2;
constexpr std::uint16_t type_long = 4;
constexpr std::uint16_t tag_exif_ifd = 0x8769;
constexpr std::uint16_t tag_datetime_original = 0x9003;
constexpr std::uint16_t tag_offset_time_original = 0x9011;

/// The entry `tag` of the IFD at `ifd`, checked to lie inside the block.
std::optional<Entry> find_entry(const Tiff& t, std::size_t ifd, std::uint16_t tag) {
    const auto n = t.u16(ifd);
    if (!n)
        return std::nullopt;
    for (std::size_t i = 0; i < *n; ++i) {
        const std::size_t at = ifd + 2 + i * 12;
        const auto entry_tag = t.u16(at), type = t.u16(at + 2);
        const auto count = t.u32(at + 4), offset = t.u32(at + 8);
        if (!entry_tag || !type || !count || !offset)
            return std::nullopt; // the IFD runs past the block
        if (*entry_tag != tag)
            continue;
        const std::size_t unit = *type == type_long ? 4 : 1;
        if (*type != type_ascii && *type != type_long)
            return std::nullopt;
        const std::uint64_t size = std::uint64_t{*count} * unit;
        Entry e{*type, *count, size <= 4 ? at + 8 : std::size_t{*offset}};
        if (e.value_at > t.bytes().size() || t.bytes().size() - e.value_at < size)
            return std::nullopt;
        return e;
    }
    return std::nullopt;
}

/// An ASCII value of exactly `chars` characters (then its NUL, which EXIF requires but some
/// writers leave out).
std::optional<std::string_view> ascii(const Tiff& t, const Entry& e, std::size_t chars) {
    if (e.type != type_ascii || e.count < chars || e.count > chars + 1)
        return std::nullopt;
    const auto* p = reinterpret_cast<const char*>(t.bytes().data() + e.value_at);
    if (e.count == chars + 1 && p[chars] != '\0')
        return std::nullopt;
    return std::string_view(p, chars);
}

std::optional<int> digits(std::string_view s, std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = s[at + i];
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

/// `YYYY:MM:DD HH:MM:SS` as `YYYY-MM-DDTHH:MM:SS`, a real day and time only.
std::optional<std::string> exif_datetime(std::string_view s) {
    if (s.size() != 19 || s[4] != ':' || s[7] != ':' || s[10] != ' ' || s[13] != ':' ||
        s[16] != ':')
        return std::nullopt;
    const auto y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
    const auto h = digits(s, 11, 2), mi = digits(s, 14, 2), se = digits(s, 17, 2);
    if (!y || !mo || !d || !h || !mi || !se || *h > 23 || *mi > 59 || *se > 59)
        return std::nullopt;
    const Date day{*y, *mo, *d};
    if (!day.valid() || *y < 1900)
        return std::nullopt;
    std::array<char, 20> out{};
    std::snprintf(out.data(), out.size(), "%s-%s-%sT%s:%s:%s", std::string(s.substr(0, 4)).c_str(),
                  std::string(s.substr(5, 2)).c_str(), std::string(s.substr(8, 2)).c_str(),
                  std::string(s.substr(11, 2)).c_str(), std::string(s.substr(14, 2)).c_str(),
                  std::string(s.substr(17, 2)).c_str());
    return std::string(out.data());
}

/// `±HH:MM` within ±14:00.
std::optional<std::string_view> exif_offset(std::string_view s) {
    if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':')
        return std::nullopt;
    const auto h = digits(s, 1, 2), m = digits(s, 4, 2);
    if (!h || !m || *m > 59 || *h * 60 + *m > 14 * 60)
        return std::nullopt;
    return s;
}

std::optional<ExifTakenAt> from_tiff(std::span<const std::uint8_t> block) {
    if (block.size() < 8)
        return std::nullopt;
    bool little = false;
    if (block[0] == 'I' && block[1] == 'I')
        little = true;
    else if (!(block[0] == 'M' && block[1] == 'M'))
        return std::nullopt;
    const Tiff t(block, little);
    if (t.u16(2) != std::uint16_t{42})
        return std::nullopt;
    const auto ifd0 = t.u32(4);
    if (!ifd0)
        return std::nullopt;
    const auto pointer = find_entry(t, *ifd0, tag_exif_ifd);
    if (!pointer || pointer->type != type_long || pointer->count != 1)
        return std::nullopt;
    const auto exif_ifd = t.u32(pointer->value_at);
    if (!exif_ifd || *exif_ifd == *ifd0)
        return std::nullopt;
    const auto when = find_entry(t, *exif_ifd, tag_datetime_original);
    if (!when)
        return std::nullopt;
    const auto text = ascii(t, *when, 19);
    const auto local = text ? exif_datetime(*text) : std::nullopt;
    if (!local)
        return std::nullopt;
    ExifTakenAt out;
    if (const auto off = find_entry(t, *exif_ifd, tag_offset_time_original)) {
        const auto o = ascii(t, *off, 6);
        const auto offset = o ? exif_offset(*o) : std::nullopt;
        if (!offset)
            return std::nullopt; // an offset is given but unreadable: no time rather than a guess
        out.rfc3339 = *local + std::string(*offset);
    } else {
        out.rfc3339 = *local + "+08:00";
        out.offset_assumed = true;
    }
    if (!parse_rfc3339(out.rfc3339))
        return std::nullopt;
    return out;
}

} // namespace

std::optional<ExifTakenAt> read_exif_taken_at(std::span<const std::uint8_t> jpeg) {
    if (jpeg.size() < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        return std::nullopt;
    std::size_t at = 2;
    while (at + 4 <= jpeg.size()) {
        if (jpeg[at] != 0xFF)
            return std::nullopt;
        const std::uint8_t marker = jpeg[at + 1];
        if (marker == 0xFF) { // fill byte
            ++at;
            continue;
        }
        if (marker == 0xDA || marker == 0xD9) // the image data (or its end): no EXIF before it
            return std::nullopt;
        const std::size_t length = (std::size_t{jpeg[at + 2]} << 8) | jpeg[at + 3];
        if (length < 2 || jpeg.size() - at - 2 < length)
            return std::nullopt;
        const auto body = jpeg.subspan(at + 4, length - 2);
        static constexpr std::array<std::uint8_t, 6> exif_header{'E', 'x', 'i', 'f', 0, 0};
        if (marker == 0xE1 && body.size() >= exif_header.size() &&
            std::equal(exif_header.begin(), exif_header.end(), body.begin()))
            return from_tiff(body.subspan(exif_header.size()));
        at += 2 + length;
    }
    return std::nullopt;
}

ImportDay import_day(const PhotoRef& photo, std::string_view inspection_day) {
    if (photo.source != std::optional<std::string>("import"))
        return ImportDay::not_import;
    if (!photo.original_taken_at)
        return ImportDay::unknown;
    const auto taken = parse_rfc3339(*photo.original_taken_at);
    const auto day = Date::parse(inspection_day);
    if (!taken || !day)
        return ImportDay::unknown;
    return china_date(*taken) == *day ? ImportDay::same_day : ImportDay::other_day;
}

} // namespace fi
