#include "server/apierror.h"

#include "core/rules.h"

#include <array>
#include <utility>

namespace fi::server {

int http_status_for(std::string_view code) {
    static constexpr std::array<std::pair<std::string_view, int>, 32> fixed{{
        {api_code::bad_request, 400},
        {api_code::invalid_credentials, 401},
        {api_code::unauthorized, 401},
        {api_code::token_expired, 401},
        {api_code::forbidden, 403},
        {api_code::not_team_leader, 403},
        {api_code::not_found, 404},
        {api_code::method_not_allowed, 405},
        {api_code::already_inspected, 409},
        {api_code::revoked, 409},
        {api_code::redraw_chain_exhausted, 409},
        {api_code::no_eligible_team, 409},
        {api_code::exclude_not_on_team, 422},
        {api_code::note_required, 422},
        {api_code::idempotency_conflict, 409},
        {api_code::offset_mismatch, 409},
        {api_code::too_large, 413},
        {api_code::unsupported_media_type, 415},
        {api_code::hash_mismatch, 422},
        {api_code::invalid, 422},
        {api_code::unsupported_encoding, 415},
        {api_code::chain_device_mismatch, 422},
        {api_code::chain_seq_out_of_range, 422},
        {api_code::already_corrected, 409},
        {api_code::confidential_ground_required, 422},
        {api_code::missing_signature, 422},
        {api_code::already_published, 409},
        {api_code::hold_decided, 409},
        {api_code::locked, 423},
        {api_code::internal, 500},
        {api_code::unavailable, 503},
        {store_error::busy, 503},
    }};
    for (const auto& [c, status] : fixed)
        if (c == code)
            return status;
    // The intake codes of central-api.md, as rules.h names them.
    for (std::string_view c :
         {rule_code::not_assigned, rule_code::assignment_revoked, rule_code::item_not_in_assignment,
          rule_code::no_legal_basis, rule_code::missing_answer, rule_code::fail_without_finding,
          rule_code::outcome_inconsistent, std::string_view("chain_broken")})
        if (c == code)
            return 422;
    return 500;
}

nlohmann::json error_body(const Error& error) {
    return {
        {"error",
         {{"code", error.code},
          {"message", error.message},
          {"field", error.field.empty() ? nlohmann::json(nullptr) : nlohmann::json(error.field)}}}};
}

} // namespace fi::server
