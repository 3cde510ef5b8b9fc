// Fuzz target: the time and calendar answers (`GET /time`, `GET /calendar`): RFC 3339 and
// date parsing (core/date.h) and the working-day calendar (core/workcalendar.h), with the
// arithmetic the app does on them.

#include "core/date.h"
#include "core/workcalendar.h"
#include "fuzzsupport.h"
#include "sync/jsonguard.h"

#include <chrono>

namespace {

void check_time(std::string_view text) {
    auto t = fi::parse_rfc3339(text);
    if (!t)
        return;
    // What we write reads back as the same instant (to the millisecond written).
    const std::string written = fi::china_timestamp(*t);
    auto back = fi::parse_rfc3339(written);
    FI_FUZZ_CHECK(back.ok());
    FI_FUZZ_CHECK(*back == std::chrono::floor<std::chrono::milliseconds>(*t));
    FI_FUZZ_CHECK(fi::china_date(*t).valid());
}

void check_date(std::string_view text) {
    auto d = fi::Date::parse(text);
    if (!d)
        return;
    FI_FUZZ_CHECK(d->valid() && d->to_string() == text);
    FI_FUZZ_CHECK(fi::Date::from_days(d->days_since_epoch()) == *d);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = fi::fuzz::text_of(data, size);
    check_time(text);
    check_date(text);

    auto json = fi::sync::parse_untrusted_json(text);
    if (!json)
        return 0;
    if (json->is_object())
        if (auto now = json->find("now"); now != json->end() && now->is_string())
            check_time(now->get<std::string>());

    auto calendar = fi::WorkCalendar::from_json(*json);
    if (!calendar)
        return 0;
    fi::WorkCalendar shipped;
    shipped.merge(*calendar);
    FI_FUZZ_CHECK(shipped.years() == calendar->years());
    std::size_t checked = 0;
    for (const int year : calendar->years()) {
        if (++checked > 3)
            break;
        FI_FUZZ_CHECK(calendar->covers(year));
        const fi::Date first{year, 1, 1};
        const auto deadline = calendar->publication_deadline(first);
        FI_FUZZ_CHECK(deadline.date > first);
        const auto back = calendar->add_working_days(deadline.date, -20);
        FI_FUZZ_CHECK(back.date <= first);
        (void)calendar->is_working_day(first);
    }
    return 0;
}
