#pragma once

#include "core/result.h"

#include <cstdint>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace fi::server {

/// What to do to one request (docs/server.md "Fault injection").
struct FaultAction {
    enum class Kind {
        delay,             ///< wait `ms`, then answer normally
        status,            ///< answer `status` (503, 429, …) with `Retry-After`, not handled
        drop,              ///< close the connection without handling or answering
        drop_after_commit, ///< handle (and commit), then close without answering
        truncate,          ///< handle, answer, but close after `bytes` bytes of the body
        malformed,         ///< answer `status` with a broken body labelled JSON, not handled
    };
    Kind kind = Kind::delay;
    std::int64_t ms = 0;
    std::int64_t bytes = 0;
    int status = 503;
    std::optional<std::int64_t> retry_after; ///< seconds
    std::string body = "html"; ///< malformed: html | truncated_json | deep_json | not_json | empty
    std::optional<std::string> code; ///< status: the error body's code (default by status)
};

/// Test-only faults, scripted at run time through `POST /_test/faults` (which exists only when
/// the server runs with `--fault-injection`). A script is a list of rules; for each request the
/// first rule that matches (method, path regex) and fires (after `skip` matches, at most
/// `times`, with `percent` probability from its own seeded generator, so a run repeats) gives
/// the action.
class FaultInjector {
public:
    /// Replace the script: `{"rules":[{…}, …]}`. Refused (`invalid`) as a whole if a rule is
    /// malformed.
    Status set_script(const nlohmann::json& script);
    void clear();
    /// The rules with how often each matched and fired.
    nlohmann::json describe() const;
    /// The action for a request, if a rule fires.
    std::optional<FaultAction> pick(std::string_view method, std::string_view path);

    /// The body of a malformed answer.
    static std::string malformed_body(std::string_view kind);

private:
    struct Rule {
        std::string method; ///< empty: any
        std::string path_text;
        std::regex path;
        FaultAction action;
        std::int64_t skip = 0;
        std::int64_t times = -1; ///< -1: unlimited
        int percent = 100;
        std::uint64_t seed = 1;
        std::mt19937_64 random;
        std::int64_t matched = 0;
        std::int64_t fired = 0;
        nlohmann::json source;
    };

    mutable std::mutex mutex_;
    std::vector<Rule> rules_;
};

} // namespace fi::server
