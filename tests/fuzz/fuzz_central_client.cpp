// Fuzz target: every reply the central API client reads (sync/centralclient.h). The input is
// one HTTP answer as `curl -i` shows it (status line, headers, blank line, body); a transport
// that replays it stands in for the network, and every call of the client is made against
// it: sign-in, device, time, calendar, pages, draw, re-draw, upload receipt, photo offset and
// patch, sign-out, and the error shape of any status that is not success.

#include "core/date.h"
#include "core/draw.h"
#include "core/modeljson.h"
#include "core/workcalendar.h"
#include "fuzzsupport.h"
#include "sync/centralclient.h"
#include "sync/jsonguard.h"

#include <cctype>
#include <string>

namespace {

using fi::sync::HttpRequest;
using fi::sync::HttpResponse;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

/// `HTTP/1.1 200 OK` + headers + body; without a status line the whole input is a 200 body.
HttpResponse response_of(std::string_view text) {
    HttpResponse r;
    r.status = 200;
    if (text.substr(0, 5) != "HTTP/") {
        r.body = std::string(text);
        return r;
    }
    std::size_t pos = 0;
    bool first = true;
    while (pos < text.size()) {
        auto eol = text.find('\n', pos);
        if (eol == std::string_view::npos)
            eol = text.size();
        const auto line = trim(text.substr(pos, eol - pos));
        pos = eol + 1;
        if (first) {
            first = false;
            const auto space = line.find(' ');
            long status = 0;
            for (std::size_t i = space + 1;
                 space != std::string_view::npos && i < line.size() && i < space + 4 &&
                 std::isdigit(static_cast<unsigned char>(line[i]));
                 ++i)
                status = status * 10 + (line[i] - '0');
            r.status = status;
            continue;
        }
        if (line.empty())
            break;
        const auto colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        std::string name(trim(line.substr(0, colon)));
        for (auto& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        r.headers[name] = std::string(trim(line.substr(colon + 1)));
    }
    if (pos < text.size())
        r.body = std::string(text.substr(pos));
    return r;
}

/// Answers every request with the same response.
class ReplayTransport : public fi::sync::Transport {
public:
    explicit ReplayTransport(HttpResponse response) : response_(std::move(response)) {}
    HttpResponse perform(HttpRequest request) override {
        if (request.on_progress)
            request.on_progress(static_cast<std::int64_t>(request.body.size()),
                                static_cast<std::int64_t>(request.body.size()));
        return response_;
    }

private:
    HttpResponse response_;
};

template <class T> void check_failure(const fi::sync::ApiResult<T>& result) {
    if (result)
        return;
    // Whatever came back, the caller gets a code and a sentence to show.
    FI_FUZZ_CHECK(!result.error().code.empty());
    FI_FUZZ_CHECK(!result.error().message.empty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const HttpResponse response = response_of(fi::fuzz::text_of(data, size));
    ReplayTransport transport(response);
    fi::sync::CentralClient client(transport, "https://central.example/api/v1/");

    auto session = client.sign_in("li.wei", "secret", "4b1c2d3e-0000-4000-8000-000000000001");
    check_failure(session);
    if (session)
        FI_FUZZ_CHECK(client.token() == session->token && !session->token.empty());

    check_failure(client.device());

    auto now = client.server_time();
    check_failure(now);
    if (now)
        if (auto t = fi::parse_rfc3339(*now))
            (void)fi::china_timestamp(*t);

    auto calendar = client.calendar();
    check_failure(calendar);
    if (calendar)
        (void)fi::WorkCalendar::from_json(*calendar);

    auto page = client.page("assignments", std::string("c\x01/&?"), 500);
    check_failure(page);
    if (page) {
        (void)fi::decode_catalogue_page(page->json);
        (void)fi::decode_inspector_page(page->json);
        (void)fi::decode_assignment_page(page->json);
    }

    auto draw = client.draw("D-2026Q4-03");
    check_failure(draw);
    if (draw)
        if (auto decoded = fi::decode_draw(*draw))
            (void)fi::verify_draw(*decoded);

    check_failure(client.redraw("A-2026Q4-0012", "conflict", "", {"I-044"}));

    // The receipt must name the record uploaded: take the id the answer names, so that the
    // success path is reached as well as the refusal.
    std::string record_id = "00000000-0000-4000-8000-000000000000";
    if (auto body = fi::sync::parse_untrusted_json(response.body))
        if (body->is_object() && body->contains("id") && (*body)["id"].is_string())
            record_id = (*body)["id"].get<std::string>();
    auto receipt = client.post_inspection(record_id, "{}");
    check_failure(receipt);
    if (receipt)
        FI_FUZZ_CHECK(receipt->id == record_id && !receipt->received_at.empty());

    auto offset = client.photo_offset("p1");
    check_failure(offset);
    if (offset)
        FI_FUZZ_CHECK(offset->offset >= 0 && offset->offset <= offset->length);
    auto patch = client.photo_patch("p1", 0, std::string(4, 'x'));
    check_failure(patch);
    if (patch)
        FI_FUZZ_CHECK(patch->offset == 4);

    (void)client.sign_out();
    (void)client.last_server_date();
    return 0;
}
