// The interface's one CJK face (platform/uifont.h): after use_one_cjk_face() this process's
// font configuration holds only the regular Noto Sans CJK collection, and a bold request is
// answered by it, emboldened, where the system's configuration would open the bold file.
#include "platform/uifont.h"

#include <doctest/doctest.h>
#include <fontconfig/fontconfig.h>
#include <set>
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
