// The interface's one CJK face (platform/uifont.h): after use_one_cjk_face() this process's
// font configuration holds only the regular Noto Sans CJK collection, and a bold request is
// answered by it, emboldened, where the system's configuration would open the bold file.
#include "platform/uifont.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <fontconfig/fontconfig.h>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace {

/// The files that hold the family in `config` (nullptr: the current configuration).
std::set<std::string> files_of(FcConfig* config, const char* family) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcObjectSet* objects = FcObjectSetBuild(FC_FILE, nullptr);
    FcFontSet* fonts = FcFontList(config, pattern, objects);
    std::set<std::string> out;
    for (int i = 0; fonts && i < fonts->nfont; ++i) {
        FcChar8* file = nullptr;
        if (FcPatternGetString(fonts->fonts[i], FC_FILE, 0, &file) == FcResultMatch)
            out.insert(reinterpret_cast<const char*>(file));
    }
    if (fonts)
        FcFontSetDestroy(fonts);
    FcObjectSetDestroy(objects);
    FcPatternDestroy(pattern);
    return out;
}

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

/// The code points of a UTF-8 text at or above U+0080.
std::set<FcChar32> non_ascii(const std::string& text) {
    std::set<FcChar32> out;
    const auto* p = reinterpret_cast<const FcChar8*>(text.data());
    int left = static_cast<int>(text.size());
    while (left > 0) {
        FcChar32 c = 0;
        const int n = FcUtf8ToUcs4(p, &c, left);
        if (n <= 0)
            FAIL("not UTF-8");
        if (c >= 0x80)
            out.insert(c);
        p += n;
        left -= n;
    }
    return out;
}

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The file the current configuration draws `c` from when the interface's family asks for it
/// in `style` (fontconfig's own sort: the family first, then its fallbacks), and whether that
/// face is emboldened.
std::pair<std::string, bool> drawn_from(FcChar32 c, const char* style = "regular") {
    const std::string name = fi::platform::interface_font_family() + ":" + style;
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(name.c_str()));
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcFontSet* sorted = FcFontSort(nullptr, pattern, FcFalse, nullptr, &result);
    std::pair<std::string, bool> out;
    for (int i = 0; sorted && i < sorted->nfont && out.first.empty(); ++i) {
        FcCharSet* charset = nullptr;
        if (FcPatternGetCharSet(sorted->fonts[i], FC_CHARSET, 0, &charset) != FcResultMatch ||
            !FcCharSetHasChar(charset, c))
            continue;
        FcPattern* face = FcFontRenderPrepare(nullptr, pattern, sorted->fonts[i]);
        FcChar8* file = nullptr;
        FcBool embolden = FcFalse;
        if (FcPatternGetString(face, FC_FILE, 0, &file) == FcResultMatch)
            out.first = reinterpret_cast<const char*>(file);
        FcPatternGetBool(face, FC_EMBOLDEN, 0, &embolden);
        out.second = embolden == FcTrue;
        FcPatternDestroy(face);
    }
    if (sorted)
        FcFontSetDestroy(sorted);
    FcPatternDestroy(pattern);
    return out;
}

} // namespace

TEST_CASE("the interface keeps one CJK face: bold is the regular face emboldened") {
    constexpr const char* family = "Noto Sans CJK SC";
    FcConfig* system = FcInitLoadConfigAndFonts();
    REQUIRE(system);
    const auto before = files_of(system, family);
    FcConfigDestroy(system);
    // scripts/packages.txt installs fonts-noto-cjk: the regular and the bold collection.
    REQUIRE(before.size() >= 2);

    fi::platform::use_one_cjk_face();

    const auto after = files_of(nullptr, family);
    REQUIRE(after.size() == 1);
    CHECK(ends_with(*after.begin(), "/NotoSansCJK-Regular.ttc"));
    CHECK(before.count(*after.begin()) == 1);
    // Other families keep every face they had.
    FcConfig* again = FcInitLoadConfigAndFonts();
    CHECK(files_of(nullptr, "DejaVu Sans") == files_of(again, "DejaVu Sans"));
    FcConfigDestroy(again);

    // What a bold label asks for: the regular file, emboldened by fontconfig's own rule.
    FcPattern* bold = FcNameParse(reinterpret_cast<const FcChar8*>("Noto Sans CJK SC:bold"));
    FcConfigSubstitute(nullptr, bold, FcMatchPattern);
    FcDefaultSubstitute(bold);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, bold, &result);
    REQUIRE(match);
    FcChar8* file = nullptr;
    REQUIRE(FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch);
    CHECK(ends_with(reinterpret_cast<const char*>(file), "/NotoSansCJK-Regular.ttc"));
    FcBool embolden = FcFalse;
    CHECK(FcPatternGetBool(match, FC_EMBOLDEN, 0, &embolden) == FcResultMatch);
    CHECK(embolden == FcTrue);
    FcPatternDestroy(match);
    FcPatternDestroy(bold);
}

TEST_CASE("the interface's own CJK face draws every character of the interface and the demo "
          "data, and a rare one still comes from the system's collection") {
    fi::platform::use_one_cjk_face();
    // Cut at build time beside the modules (platform/CMakeLists.txt), found on the run path.
    REQUIRE(fi::platform::interface_font_family() == "FieldInspect Sans SC");
    const std::string own = std::string("/") + fi::platform::interface_font_file;

    std::set<FcChar32> used;
    const std::filesystem::path assets = FI_ASSETS_DIR;
    for (const auto* file : {"translations/fieldinspect_zh_CN.ts", "demo/targets.json",
                             "demo/inspectors.json", "demo/plan.json", "demo/catalogue.json"})
        used.merge(non_ascii(read_all(assets / file)));
    // The demo's targets have names outside GB 2312 (璟, 芃): the cut must not stop there.
    REQUIRE(used.count(0x749F) == 1);
    REQUIRE(used.count(0x8283) == 1);
    REQUIRE(used.size() > 1000);
    std::set<FcChar32> elsewhere;
    for (const FcChar32 c : used)
        if (!ends_with(drawn_from(c).first, own))
            elsewhere.insert(c);
    // Emoji-like symbols are no CJK face's: only those may come from another file.
    for (const FcChar32 c : elsewhere)
        CHECK_MESSAGE(c >= 0x1F000, "U+" << std::hex << c << " is not in the interface's face");

    // Bold: the same face, emboldened.
    const auto bold = drawn_from(0x4ECA, "bold"); // 今
    CHECK(ends_with(bold.first, own));
    CHECK(bold.second);

    // 龑 (U+9F91, in a few people's names) is in neither table, so not in the cut: drawn from
    // the system's regular collection, not left as a box.
    const auto rare = drawn_from(0x9F91);
    CHECK_MESSAGE(ends_with(rare.first, "/NotoSansCJK-Regular.ttc"), rare.first);
}
