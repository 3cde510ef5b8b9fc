#pragma once

namespace fi::platform {

/// Keep one face of the interface's CJK family (Noto Sans CJK) and let bold be drawn from it,
/// as on Android, whose system has only the regular CJK face. On a Linux desktop with both
/// files installed, each weight used maps a ~20 MB font collection of its own: the bold one
/// was 8 MiB of the app's memory and one more face opened before Today's first frame
/// (issue 21). Fontconfig (Linux) only: it must run before the first QGuiApplication, and it
/// does nothing when FONTCONFIG_FILE chooses another configuration or the family's faces are
/// not installed. Other faces and families (Latin, the serif CJK, fallbacks) are untouched.
void use_one_cjk_face();

} // namespace fi::platform
