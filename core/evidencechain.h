#pragma once

#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace fi {

/// `prev` of a device's first record.
inline constexpr std::string_view chain_genesis_prev =
    "0000000000000000000000000000000000000000000000000000000000000000";

/// The `chain` member of an uploaded inspection: this record's place in its device's chain.
struct ChainLink {
    std::string device_id;
    std::int64_t seq = 0;
    std::string prev;
    std::string hash;

    nlohmann::json to_json() const;
    /// Strict reading of a `chain` object (each member present with its type).
    static Result<ChainLink> from_json(const nlohmann::json& chain);

    friend bool operator==(const ChainLink&, const ChainLink&) = default;
};

/// The per-device hash chain over completed inspection records. The central system uses it to
/// notice a record that never arrived; the tablet uses it to prove its records were not
/// altered after completion.
/// @{

/// SHA-256 (lower-case hex) of the 64 ASCII hex characters of `prev_hex` followed by the
/// canonical JSON of `record` without its `chain` member (removed first if present).
/// `prev_hex` must be 64 lower-case hex digits; `record` must be an object that canonical_json
/// accepts.
Result<std::string> chain_hash(std::string_view prev_hex, const nlohmann::json& record);

/// The link for `record` following `previous` (none: the device's first record, seq 1 and
/// the genesis prev). `previous` must belong to `device_id`.
Result<ChainLink> next_link(const std::optional<ChainLink>& previous, std::string_view device_id,
                            const nlohmann::json& record);

/// Where and why a chain stops being trustworthy.
struct ChainBreak {
    enum class Kind {
        malformed,    ///< no usable `chain` member, or a record canonical JSON refuses
        wrong_device, ///< a record of another device in the middle of this one's chain
        wrong_seq,    ///< seq is not one more than the previous record's
        wrong_prev,   ///< prev is not the previous record's hash
        wrong_hash,   ///< hash does not match the record: it was altered after chaining
    };
    Kind kind = Kind::malformed;
    std::size_t index = 0; ///< position in the list given to verify_chain
    std::string record_id; ///< the record's `id`, if it has one
    std::string message;
};

/// Outcome of verify_chain: ok, or the first break.
struct ChainVerification {
    std::optional<ChainBreak> first_break;
    bool ok() const { return !first_break.has_value(); }
};

/// Check records (each with its `chain` member) in chain order. With no `after`, the list must
/// start at the device's first record (seq 1, genesis prev); with `after`, the first record
/// must follow that link (to verify a tail of the chain).
ChainVerification verify_chain(std::span<const nlohmann::json> records,
                               const std::optional<ChainLink>& after = std::nullopt);

std::string_view to_string(ChainBreak::Kind kind);
/// @}

} // namespace fi
