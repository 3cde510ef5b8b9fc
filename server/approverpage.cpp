#include "server/approverpage.h"

#include "core/date.h"
#include "core/metastore.h"
#include "core/modeljson.h"
#include "core/recorddocument.h"
#include "core/sha256.h"
#include "server/apierror.h"
#include "server/bureaureport.h"
#include "server/caller.h"
#include "server/httplib_wrap.h"
#include "server/publicationservice.h"
#include "server/publicpages.h"
#include "server/sessionservice.h"

#include <array>
#include <cstdint>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <stdexcept>

namespace fi::server {

namespace {

using json = nlohmann::json;

std::string e(std::string_view text) {
    return PublicPages::escape(text);
}

bool over_tls(const httplib::Request& req) {
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
    return req.ssl != nullptr;
#else
    (void)req;
    return false;
#endif
}

/// A cookie of this page: never readable by script, never sent from another site, only to
/// `/approve/`, only over TLS when the server speaks it.
std::string cookie_header(std::string_view name, std::string_view value, bool tls,
                          std::string_view max_age = {}) {
    std::string c = std::string(name) + "=" + std::string(value) +
                    "; Path=/approve/; HttpOnly; SameSite=Strict";
    if (!max_age.empty())
        c += "; Max-Age=" + std::string(max_age);
    if (tls)
        c += "; Secure";
    return c;
}

bool same_secret(std::string_view a, std::string_view b) {
    return !a.empty() && a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string random_hex() {
    std::array<std::uint8_t, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        throw std::runtime_error("RAND_bytes failed");
    return to_hex(bytes);
}

/// Headers of every answer of this page: no script at all, forms only to this server, never
/// framed, never cached.
void add_headers(Reply& r) {
    r.content_type = "text/html; charset=utf-8";
    r.headers.emplace_back("Cache-Control", "no-store");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    r.headers.emplace_back("Referrer-Policy", "no-referrer");
    r.headers.emplace_back("Content-Security-Policy",
                           "default-src 'none'; style-src 'self'; img-src 'self'; "
                           "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
}

std::string layout(std::string_view title, std::string_view body) {
    return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"robots\" content=\"noindex\">\n<title>" +
           e(title) +
           " · 检查结果公开审批</title>\n<link rel=\"stylesheet\" href=\"/public/site.css\">\n"
           "</head>\n<body>\n<header class=\"site\"><p class=\"site-name\">检查结果公开审批"
           "（审批人）</p><nav><a href=\"/public/\">公示网站</a></nav></header>\n<main>\n" +
           std::string(body) + "\n</main>\n</body>\n</html>\n";
}

Reply page(int status, std::string_view title, std::string_view body) {
    Reply r;
    r.status = status;
    r.body = layout(title, body);
    add_headers(r);
    return r;
}

Reply see_other(std::string_view location) {
    Reply r = Reply::empty(303);
    r.headers.emplace_back("Location", std::string(location));
    add_headers(r);
    r.content_type = "text/plain";
    return r;
}

std::string message_html(std::string_view message) {
    return message.empty() ? std::string()
                           : "<p class=\"notice\" role=\"alert\">" + e(message) + "</p>\n";
}

std::string ground_label(std::string_view ground) {
    const auto g = parse_confidential_ground(ground);
    return g ? std::string(confidential_ground_name(*g)) : std::string(ground);
}

std::string hold_label(std::string_view hold) {
    if (hold == "approved")
        return "已同意不予公开";
    if (hold == "refused")
        return "已不同意（到期公开）";
    return "待审批";
}

std::string url_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (std::array<std::uint8_t, 1> byte{};
                   c == '%' && i + 2 < text.size() && from_hex(text.substr(i + 1, 2), byte)) {
            out += static_cast<char>(byte[0]);
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

struct ApproverPage::Signed {
    Caller caller;
    std::string token;
    bool tls = false;
};

std::string ApproverPage::csrf_for(std::string_view session_token) {
    return Sha256::hex("fieldinspect approve-page csrf\n" + std::string(session_token));
}

std::map<std::string, std::string> ApproverPage::parse_form(std::string_view body) {
    std::map<std::string, std::string> out;
    while (!body.empty()) {
        const std::size_t amp = body.find('&');
        const std::string_view pair = body.substr(0, amp);
        body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
        if (pair.empty())
            continue;
        const std::size_t eq = pair.find('=');
        const std::string name = url_decode(pair.substr(0, eq));
        const std::string value =
            eq == std::string_view::npos ? std::string() : url_decode(pair.substr(eq + 1));
        out.try_emplace(name, value);
    }
    return out;
}

std::optional<std::string> ApproverPage::cookie(const httplib::Request& req,
                                                std::string_view name) {
    const std::size_t count = req.get_header_value_count("Cookie");
    for (std::size_t n = 0; n < count; ++n) {
        const std::string header = req.get_header_value("Cookie", n);
        std::string_view all = header;
        while (!all.empty()) {
            const std::size_t semi = all.find(';');
            std::string_view part = all.substr(0, semi);
            all = semi == std::string_view::npos ? std::string_view() : all.substr(semi + 1);
            while (!part.empty() && part.front() == ' ')
                part.remove_prefix(1);
            const std::size_t eq = part.find('=');
            if (eq != std::string_view::npos && part.substr(0, eq) == name)
                return std::string(part.substr(eq + 1));
        }
    }
    return std::nullopt;
}

std::optional<ApproverPage::Signed> ApproverPage::signed_in(const httplib::Request& req) {
    const auto token = cookie(req, session_cookie);
    if (!token || token->empty() || token->size() > 256)
        return std::nullopt;
    auto caller = sessions_.authenticate("Bearer " + *token);
    if (!caller)
        return std::nullopt;
    return Signed{std::move(*caller), *token, over_tls(req)};
}

Reply ApproverPage::login_form(int status, std::string_view message, bool tls) {
    const std::string nonce = random_hex();
    const std::string body =
        "<h1>审批人登录</h1>\n" + std::string(message_html(message)) +
        "<p>保密（不予公开）申请须由具有审批人角色、且不属于该检查组、也不是上传人的用户审批。"
        "</p>\n<form method=\"post\" action=\"/approve/login\" class=\"login\">"
        "<input type=\"hidden\" name=\"csrf\" value=\"" +
        nonce +
        "\"><p><label>用户名 <input name=\"username\" autocomplete=\"username\" required></label>"
        "</p><p><label>密码 <input name=\"password\" type=\"password\" "
        "autocomplete=\"current-password\" required></label></p>"
        "<p><button type=\"submit\" name=\"go\" value=\"login\">登录</button></p></form>";
    Reply r = page(status, "审批人登录", body);
    r.headers.emplace_back("Set-Cookie", cookie_header(login_cookie, nonce, tls, "1800"));
    return r;
}

Reply ApproverPage::holds_page(const Signed& who, int status, std::string_view message) {
    auto all = publication_.entries();
    if (!all)
        return page(http_status_for(all.error().code), "出错",
                    "<h1>出错</h1>" + message_html(all.error().message));
    const std::string csrf = csrf_for(who.token);
    std::string rows;
    for (const PublicationEntry& h : *all) {
        if (!h.confidential || h.hold != "pending" || h.is_public)
            continue;
        const bool own =
            PublicationService::involved(h, who.caller.username, who.caller.inspector_id);
        std::string action;
        if (own) {
            action = "<span class=\"sub\">您是该记录的检查人员或上传人，不能审批</span>";
        } else {
            action = "<form method=\"post\" action=\"/approve/holds/" + e(h.record_id) +
                     "\"><input type=\"hidden\" name=\"csrf\" value=\"" + csrf +
                     "\"><label>意见 <input name=\"reason\" maxlength=\"1000\"></label> "
                     "<button type=\"submit\" name=\"decision\" value=\"approve\">同意不予公开"
                     "</button> <button type=\"submit\" name=\"decision\" value=\"refuse\">"
                     "不同意（到期公开）</button></form>";
        }
        rows += "<tr id=\"hold-" + e(h.record_id) + "\"><td>" + e(h.target_name) +
                "<div class=\"sub\"><code>" + e(h.target_id) + "</code></div></td><td>" +
                e(h.inspection_day) + "</td><td>" + e(h.deadline.to_string()) + "</td><td>" +
                e(ground_label(h.ground)) + "<div class=\"sub\">" + e(h.confidential_reason) +
                "</div></td><td>" + e(h.uploaded_by) + "</td><td>" + action + "</td></tr>\n";
    }
    if (rows.empty())
        rows = "<tr><td colspan=\"6\">没有待审批的保密申请。</td></tr>";

    std::string decided;
    for (const PublicationEntry& h : *all)
        if (h.confidential && h.hold != "pending")
            decided += "<tr><td>" + e(h.target_name) + "</td><td>" + e(h.inspection_day) +
                       "</td><td>" + e(ground_label(h.ground)) + "</td><td>" +
                       e(hold_label(h.hold)) + "</td><td>" + e(h.hold_by) + "</td></tr>\n";
    if (decided.empty())
        decided = "<tr><td colspan=\"5\">尚无。</td></tr>";

    const PublicationCounts c = PublicationService::counts(*all);
    const Date today = publication_.today();
    std::string reports;
    for (const ReportDue& d : BureauReport::due_dates(today.y))
        reports += "<tr><td>" + e(d.name) + "</td><td>" + e(d.title) + "</td><td>" +
                   e(d.due.to_string()) + (today > d.due ? "（已过）" : "") + "</td></tr>\n";

    const std::string body =
        "<h1>保密（不予公开）申请</h1>\n" + message_html(message) + "<p>已登录：" +
        e(who.caller.name.empty() ? who.caller.username : who.caller.name) + "（" +
        e(who.caller.username) +
        "）。</p>\n<form method=\"post\" action=\"/approve/logout\"><input type=\"hidden\" "
        "name=\"csrf\" value=\"" +
        csrf +
        "\"><button type=\"submit\">退出登录</button></form>\n"
        "<p>未审批或不同意的申请，到公开期限当日照常公开；同意后以“不予公开”及理由类别公示。"
        "决定不可更改。</p>\n<table class=\"holds\"><thead><tr><th>检查对象</th><th>检查日期"
        "</th><th>公开期限</th><th>理由类别</th><th>上传人</th><th>审批</th></tr></thead>"
        "<tbody>\n" +
        rows +
        "</tbody></table>\n<h2>已审批</h2>\n<table class=\"decided\"><thead><tr><th>检查对象"
        "</th><th>检查日期</th><th>理由类别</th><th>决定</th><th>审批人</th></tr></thead>"
        "<tbody>\n" +
        decided + "</tbody></table>\n<h2>检查结果公开情况（截至 " + e(today.to_string()) +
        "）</h2>\n<table class=\"counts\"><tbody>"
        "<tr><th>已公开</th><td id=\"count-published\">" +
        std::to_string(c.published) + "</td></tr><tr><th>其中按期</th><td id=\"count-on-time\">" +
        std::to_string(c.on_time) + "</td></tr><tr><th>其中逾期</th><td id=\"count-late\">" +
        std::to_string(c.late) + "</td></tr><tr><th>待公开</th><td id=\"count-due\">" +
        std::to_string(c.due) + "</td></tr><tr><th>不予公开</th><td id=\"count-withheld\">" +
        std::to_string(c.withheld) + "</td></tr><tr><th>待审批</th><td id=\"count-pending\">" +
        std::to_string(c.holds_pending) + "</td></tr></tbody></table>\n<h2>报送期限（" +
        std::to_string(today.y) +
        " 年）</h2>\n<table class=\"reports\"><thead><tr><th>报表</th><th>名称</th><th>报送期限"
        "</th></tr></thead><tbody>\n" +
        reports + "</tbody></table>";
    return page(status, "保密申请审批", body);
}

Reply ApproverPage::show(const httplib::Request& req) {
    const auto who = signed_in(req);
    if (!who)
        return login_form(200, "", over_tls(req));
    if (!who->caller.has_role("approver"))
        return page(403, "无权审批",
                    "<h1>无权审批</h1><p>此页面仅供具有审批人角色的用户使用。</p>");
    return holds_page(*who, 200, "");
}

Reply ApproverPage::sign_in(const httplib::Request& req) {
    const bool tls = over_tls(req);
    const auto form = parse_form(req.body);
    const auto field = [&](const char* name) {
        const auto it = form.find(name);
        return it == form.end() ? std::string() : it->second;
    };
    const auto nonce = cookie(req, login_cookie);
    if (!nonce || !same_secret(*nonce, field("csrf")))
        return login_form(403, "登录表单已失效（缺少或不符的表单令牌），请重新登录。", tls);
    auto answer = sessions_.sign_in(json{{"username", field("username")},
                                         {"password", field("password")},
                                         {"device_id", make_uuid_v4()}});
    if (!answer) {
        const std::string code = answer.error().code;
        return login_form(http_status_for(code),
                          code == api_code::locked ? "尝试次数过多，账户已暂时锁定，请稍后再试。"
                                                   : "用户名或密码错误。",
                          tls);
    }
    const std::string token = (*answer)["token"].get<std::string>();
    auto caller = sessions_.authenticate("Bearer " + token);
    if (!caller)
        return login_form(http_status_for(caller.error().code), caller.error().message, tls);
    if (!caller->has_role("approver")) {
        // No cookie for someone this page has nothing for: the session ends at once.
        (void)sessions_.sign_out(*caller);
        return page(403, "无权审批",
                    "<h1>无权审批</h1><p>此页面仅供具有审批人角色的用户使用。</p>");
    }
    Reply r = see_other("/approve/");
    r.headers.emplace_back("Set-Cookie", cookie_header(session_cookie, token, tls));
    r.headers.emplace_back("Set-Cookie", cookie_header(login_cookie, "", tls, "0"));
    return r;
}

Reply ApproverPage::decide(const httplib::Request& req) {
    const auto who = signed_in(req);
    if (!who)
        return login_form(401, "请先登录。", over_tls(req));
    const auto form = parse_form(req.body);
    const auto field = [&](const char* name) {
        const auto it = form.find(name);
        return it == form.end() ? std::string() : it->second;
    };
    if (!same_secret(csrf_for(who->token), field("csrf")))
        return page(403, "表单令牌无效",
                    "<h1>表单令牌无效</h1><p>请求未附带本页的表单令牌，未作处理。请从"
                    "<a href=\"/approve/\">审批页面</a>重新操作。</p>");
    if (!who->caller.has_role("approver"))
        return page(403, "无权审批",
                    "<h1>无权审批</h1><p>此页面仅供具有审批人角色的用户使用。</p>");
    const std::string decision = field("decision");
    if (decision != "approve" && decision != "refuse")
        return holds_page(*who, 422, "请选择“同意”或“不同意”。");
    const std::string reason = field("reason");
    if (reason.size() > 4000)
        return holds_page(*who, 422, "意见过长（最多 4000 字节）。");
    const std::string record = req.matches.size() > 1 ? req.matches[1].str() : std::string();
    auto done =
        publication_.decide_hold(record, who->caller.username, decision == "approve", reason);
    if (!done)
        return holds_page(*who, http_status_for(done.error().code),
                          "未能审批：" + done.error().message);
    return see_other("/approve/");
}

Reply ApproverPage::sign_out(const httplib::Request& req) {
    const auto who = signed_in(req);
    if (!who)
        return see_other("/approve/");
    if (!same_secret(csrf_for(who->token), parse_form(req.body)["csrf"]))
        return page(403, "表单令牌无效", "<h1>表单令牌无效</h1><p>未作处理。</p>");
    (void)sessions_.sign_out(who->caller);
    Reply r = see_other("/approve/");
    r.headers.emplace_back("Set-Cookie", cookie_header(session_cookie, "", who->tls, "0"));
    return r;
}

} // namespace fi::server
