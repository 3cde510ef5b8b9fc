#include "platform/uifont.h"

#include "core/sharedmodule.h"

#include <atomic>
#include <cstdlib>
#include <fontconfig/fontconfig.h>

namespace fi::platform {

namespace {

// Every Noto Sans CJK collection but the regular one is left out of this process's font set
// (an accepted glob wins over a rejected one). Fontconfig's own rule (90-synthetic.conf)
// then emboldens the regular face where bold is asked for.
constexpr char one_face[] = R"(<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <selectfont>
    <acceptfont><glob>*/NotoSansCJK-Regular.ttc</glob></acceptfont>
    <rejectfont><glob>*/NotoSansCJK-*.ttc</glob></rejectfont>
  </selectfont>
</fontconfig>
)";

std::atomic<bool> own_face_added{false};

} // namespace

void use_one_cjk_face() {
    if (std::getenv("FONTCONFIG_FILE"))
        return;                            // someone chose the configuration on purpose
    FcConfig* config = FcInitLoadConfig(); // the system's configuration, fonts not yet listed
    if (!config)
        return;
    const auto* xml = reinterpret_cast<const FcChar8*>(one_face);
    if (!FcConfigParseAndLoadFromMemory(config, xml, FcTrue) || !FcConfigBuildFonts(config)) {
        FcConfigDestroy(config); // the system's own configuration stays: two faces, no worse
        return;
    }
    const std::string own = module_file(interface_font_file);
    const bool added = !own.empty() && FcConfigAppFontAddFile(
                                           config, reinterpret_cast<const FcChar8*>(own.c_str()));
    if (!FcConfigSetCurrent(config)) {
        FcConfigDestroy(config);
        return;
    }
    // Otherwise it is the process's configuration from now on, for as long as it runs.
    own_face_added = added;
}

std::string interface_font_family() {
    return own_face_added ? "FieldInspect Sans SC" : "Noto Sans CJK SC";
}

} // namespace fi::platform
