#pragma once

namespace fi::platform {

/// The text size the device's own accessibility setting asks for, as a factor (1.0 normal,
/// 1.3 for Android's "large" font size). Android keeps it in the configuration's `fontScale`,
/// which Qt 6.4 does not apply to pixel-sized fonts: it is read through JNI. A Linux desktop
/// has no such factor of its own: its text scaling (GNOME's text-scaling-factor, Xft.dpi,
/// KDE's forced font DPI) reaches Qt as the screen's device-pixel ratio, which scales every
/// size already, so this is 1.0 there. Never below 1.0.
double system_text_scale();

} // namespace fi::platform
