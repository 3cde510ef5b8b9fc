#pragma once

#include "core/result.h"
#include "core/statistics.h"

#include <filesystem>

namespace fi::platform {

/// The quarterly table (监管情况统计表) as an A4 PDF: Chinese labels first, English beside
/// them; a figure the tablet cannot know reads "本机无法得知 (not known on this tablet)".
/// Needs a QGuiApplication (ensure_gui_application).
Status write_statistics_pdf(const QuarterStatistics& stats, const std::filesystem::path& path);

} // namespace fi::platform
