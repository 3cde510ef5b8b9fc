#pragma once

#include "core/evidencechain.h"
#include "core/model.h"
#include "core/result.h"
#include "server/caller.h"
#include "server/clock.h"
#include "server/inspectionstore.h"
#include "server/planstore.h"
#include "server/referencedatastore.h"

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fi::server {

class ServerDatabase;

/// The answer to an upload: 201 for a new record, 200 for a replay of one.
struct IntakeAnswer {
    int status = 201;
    nlohmann::json body;
};

/// Where a photo's upload stands.
struct PhotoState {
    std::int64_t offset = 0;
    std::int64_t length = 0;
    bool complete = false;
};

/// Inspection intake and photo bytes (central-api.md "Upload of an inspection", "Photo
/// bytes"). The rules are core's validate_for_intake — the same code the tablet ran before it
/// completed the record — after the server's own limits (413) and before the assignment-level
/// conflict (409 already_inspected). The Idempotency-Key is the record id: a replay with the
/// same canonical body answers 200 with the first answer, a different body 409.
///
/// Each device's evidence chain is checked as records arrive: it must be the session's device's
/// (422 chain_device_mismatch), its seq at most max_seq_ahead past the highest accepted (422
/// chain_seq_out_of_range); a record must hash to its `chain.hash` and agree with its received
/// neighbours (else 422 chain_broken); a seq beyond the next expected one is accepted and the
/// missing range recorded as a gap for the administrator (`admin chain-gaps`).
///
/// Interface 1.1 besides: photos say where they come from (`source`), a confidential result
/// its ground, a correction supersedes the head of its assignment's chain of corrections (409
/// already_corrected otherwise), and the answer carries `flags` — what the server does not
/// believe (a day that is not the start's, times in the future, outside the window, a device
/// clock, far from the target, imported photos). A flag never refuses a record: it is kept and
/// listed for review (`admin review`).
///
/// Photo bytes are written to the photo's file and fsync'd, then counted in its row (committed,
/// synchronous=FULL), before a PATCH is answered, so every acknowledged byte survives a crash or
/// kill; at the declared length the bytes are hashed: a match completes the photo, a mismatch
/// discards them (offset 0, 422). Uploads of one photo take turns (photo_locks_).
class IntakeService {
public:
    static constexpr std::size_t max_body_bytes = std::size_t{1024} * 1024;
    static constexpr std::size_t max_chunk_bytes = std::size_t{8} * 1024 * 1024;
    /// How far past a device's highest accepted seq a record may be (central-api.md 1.1).
    static constexpr std::int64_t max_seq_ahead = 1000;
    // `in_future` (in_future_tolerance, core/timeflags.h) and `far_from_target`
    // (far_from_target_m, core/place.h) are judged by the rules the tablet completes with.

    /// Records are checked against `plans` (the assignment) and `reference` (catalogue,
    /// roster) and stored in `inspections`, each upload in one transaction of `database`.
    IntakeService(ServerDatabase& database, InspectionStore& inspections, PlanStore& plans,
                  ReferenceDataStore& reference, Clock clock)
        : database_(database), inspections_(inspections), plans_(plans), reference_(reference),
          clock_(std::move(clock)) {}

    /// `POST /inspections`.
    Result<IntakeAnswer> submit(const Caller& caller,
                                const std::optional<std::string>& idempotency_key,
                                std::string_view body);
    /// `HEAD /photos/{id}`: not_found unless an inspection the caller may see declared it.
    Result<PhotoState> photo_state(const Caller& caller, std::string_view photo_id);
    /// `PATCH /photos/{id}`.
    Result<PhotoState> append(const Caller& caller, std::string_view photo_id,
                              const std::optional<std::string>& upload_offset,
                              std::string_view content_type, std::string_view bytes);

private:
    /// A record judged and ready to store: its row, declared photos and chain link, the answer.
    struct Judged {
        InspectionRecord record;
        ChainLink link;
        InspectionRow row;
        std::vector<PhotoRow> photos;
        nlohmann::json reply;
    };
    /// Every check of an upload, outside the write transaction (submit).
    Result<Judged> judge(const Caller& caller, const nlohmann::json& body, std::string_view text,
                         const std::string& body_sha);
    Result<PhotoRow> visible_photo(const Caller& caller, std::string_view photo_id);
    Result<nlohmann::json> replay_answer(const InspectionRow& row);

    ServerDatabase& database_;
    InspectionStore& inspections_;
    PlanStore& plans_;
    ReferenceDataStore& reference_;
    Clock clock_;
    /// One photo's uploads in turn, by its id's hash (others proceed in parallel).
    std::array<std::mutex, 64> photo_locks_;
};

} // namespace fi::server
