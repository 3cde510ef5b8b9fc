#pragma once

#include <string>

namespace fi::platform {

/// The interface's type: one CJK face, and bold drawn from it, as on Android, whose system has
/// only the regular CJK face. Fontconfig (Linux) only; it must run before the first
/// QGuiApplication.
///
/// - The face is the app's own cut of Noto Sans CJK SC, "FieldInspect Sans SC"
///   (assets/fonts/subset_cjk.py): the Chinese the interface and its data use, about 4 MB
///   against the collection's 19 MB, so a screen of Chinese touches a fifth of the pages
///   (issue 21: 10 MiB of Today's memory was the collection's). It lies beside the modules
///   and is looked for only there (core/sharedmodule.h), and added to this process's fonts.
/// - The system's regular Noto Sans CJK collection stays, for a character outside the cut (a
///   rare character in a company's name): fontconfig's fallback draws it from there. Its bold
///   collection is left out of this process's fonts: each weight used mapped a collection of
///   its own (8 MiB of the app's memory), and fontconfig's own rule emboldens the regular
///   face where bold is asked for.
///
/// Does nothing when FONTCONFIG_FILE chooses another configuration. Other families (Latin,
/// the serif CJK, fallbacks) are untouched.
void use_one_cjk_face();

/// The family the interface sets its text in: "FieldInspect Sans SC" once use_one_cjk_face()
/// has added it, else the system's "Noto Sans CJK SC".
std::string interface_font_family();

/// The app's face's file name, beside the modules.
inline constexpr char interface_font_file[] = "FieldInspectSansSC-Regular.otf";

} // namespace fi::platform
