#include "server/faultinjector.h"

#include "server/apierror.h"
#include "server/requestjson.h"

namespace fi::server {

namespace {

using json = nlohmann::json;

Error bad_rule(std::size_t i, std::string_view message, std::string_view field) {
    return Error::make(api_code::invalid,
                       "Fault rule " + std::to_string(i) + ": " + std::string(message),
                       "rules[" + std::to_string(i) + "]." + std::string(field));
}

std::optional<std::int64_t> int_member(const json& j, std::string_view name) {
    const json* m = member(j, name);
    if (!m || !m->is_number_integer())
        return std::nullopt;
    return m->get<std::int64_t>();
}

} // namespace

Status FaultInjector::set_script(const json& script) {
    const json* list = member(script, "rules");
    if (!list || !list->is_array())
        return Error::make(api_code::invalid, "A fault script is {\"rules\":[…]}.", "rules");
    std::vector<Rule> rules;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& r = (*list)[i];
        if (!r.is_object())
            return bad_rule(i, "must be an object", "");
        Rule rule;
        rule.source = r;
        rule.method = string_member(r, "method").value_or("");
        rule.path_text = string_member(r, "path").value_or("");
        try {
            rule.path = std::regex(rule.path_text, std::regex::ECMAScript);
        } catch (const std::regex_error&) {
            return bad_rule(i, "path is not a valid regular expression", "path");
        }
        const auto fault = string_member(r, "fault");
        using K = FaultAction::Kind;
        if (fault == "delay")
            rule.action.kind = K::delay;
        else if (fault == "status")
            rule.action.kind = K::status;
        else if (fault == "drop")
            rule.action.kind = K::drop;
        else if (fault == "drop_after_commit")
            rule.action.kind = K::drop_after_commit;
        else if (fault == "truncate")
            rule.action.kind = K::truncate;
        else if (fault == "malformed")
            rule.action.kind = K::malformed;
        else
            return bad_rule(i,
                            "fault must be delay, status, drop, drop_after_commit, truncate or "
                            "malformed",
                            "fault");
        rule.action.ms = int_member(r, "ms").value_or(0);
        rule.action.bytes = int_member(r, "bytes").value_or(0);
        rule.action.status = static_cast<int>(
            int_member(r, "status").value_or(rule.action.kind == K::malformed ? 200 : 503));
        rule.action.retry_after = int_member(r, "retry_after");
        rule.action.body = string_member(r, "body").value_or("html");
        rule.action.code = string_member(r, "code");
        if (rule.action.kind == K::malformed) {
            const std::string& b = rule.action.body;
            if (b != "html" && b != "truncated_json" && b != "deep_json" && b != "not_json" &&
                b != "empty")
                return bad_rule(
                    i, "body must be html, truncated_json, deep_json, not_json or empty", "body");
        }
        if (rule.action.ms < 0 || rule.action.ms > 600000)
            return bad_rule(i, "ms must be 0…600000", "ms");
        if (rule.action.bytes < 0)
            return bad_rule(i, "bytes must not be negative", "bytes");
        if (rule.action.status < 100 || rule.action.status > 599)
            return bad_rule(i, "status must be an HTTP status", "status");
        rule.skip = int_member(r, "skip").value_or(0);
        rule.times = int_member(r, "times").value_or(-1);
        rule.percent = static_cast<int>(int_member(r, "percent").value_or(100));
        if (rule.percent < 0 || rule.percent > 100)
            return bad_rule(i, "percent must be 0…100", "percent");
        rule.seed = static_cast<std::uint64_t>(int_member(r, "seed").value_or(1));
        rule.random.seed(rule.seed);
        rules.push_back(std::move(rule));
    }
    std::lock_guard lock(mutex_);
    rules_ = std::move(rules);
    return {};
}

void FaultInjector::clear() {
    std::lock_guard lock(mutex_);
    rules_.clear();
}

json FaultInjector::describe() const {
    std::lock_guard lock(mutex_);
    json out = json::array();
    for (const Rule& r : rules_) {
        json j = r.source;
        j["matched"] = r.matched;
        j["fired"] = r.fired;
        out.push_back(std::move(j));
    }
    return {{"rules", std::move(out)}};
}

std::optional<FaultAction> FaultInjector::pick(std::string_view method, std::string_view path) {
    std::lock_guard lock(mutex_);
    for (Rule& r : rules_) {
        if (!r.method.empty() && r.method != method)
            continue;
        if (!std::regex_search(path.begin(), path.end(), r.path))
            continue;
        ++r.matched;
        if (r.matched <= r.skip)
            continue;
        if (r.times >= 0 && r.fired >= r.times)
            continue;
        if (r.percent < 100 && static_cast<int>(r.random() % 100) >= r.percent)
            continue;
        ++r.fired;
        return r.action;
    }
    return std::nullopt;
}

std::string FaultInjector::malformed_body(std::string_view kind) {
    if (kind == "html")
        return "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
               "<body><h1>502 Bad Gateway</h1><p>The proxy could not reach the upstream "
               "server.</p></body></html>\n";
    if (kind == "truncated_json")
        return R"({"items":[{"id":"ODS-15","code":"15","title":"消耗臭氧层物质)";
    if (kind == "deep_json") // far deeper than any client should follow
        return std::string(100000, '[') + std::string(100000, ']');
    if (kind == "not_json")
        return "OK";
    return {};
}

} // namespace fi::server
