#include "services/workspace.h"

#include <string_view>

namespace fi::services {

/// assets/holidays.json as text, compiled in by services/CMakeLists.txt.
std::string_view shipped_holidays_json();

WorkCalendar shipped_calendar() {
    auto parsed = WorkCalendar::parse(shipped_holidays_json());
    // The file is checked by the tests (test_services); a broken one leaves Mon–Fri.
    return parsed ? std::move(parsed.value()) : WorkCalendar();
}

} // namespace fi::services
