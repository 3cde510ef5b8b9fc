#pragma once

// JSON for the domain model, exactly as ../shared/central-api.md spells it: the reference data
// the tablet pulls (catalogue, roster, assignments, and their pages) and the inspection record
// it uploads (`POST /inspections`). Decoders never throw: whatever arrives from the network or
// the store is read type by type, and anything the client cannot trust becomes an Error whose
// message names the item and the field.

#include "core/model.h"
#include "core/result.h"

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fi {

/// Error code of every decoding failure: the central system's 422 code for a body of the
/// wrong shape.
inline constexpr std::string_view model_json_invalid = "invalid";

/// Enum spellings of the interface. parse_* give nullopt for anything else (no guessing, no
/// case folding), so the caller can name the unknown string.
/// @{
std::string_view to_string(CheckpointKind kind);
std::string_view to_string(TargetCategory category);
std::string_view to_string(TeamRole role);
std::string_view to_string(AssignmentStatus status);
std::string_view to_string(InspectionMode mode);
std::string_view to_string(Outcome outcome);
std::string_view to_string(OffsiteMethod method);
std::string_view to_string(ConfidentialGround ground);

std::optional<CheckpointKind> parse_checkpoint_kind(std::string_view text);
std::optional<TargetCategory> parse_target_category(std::string_view text);
std::optional<TeamRole> parse_team_role(std::string_view text);
std::optional<AssignmentStatus> parse_assignment_status(std::string_view text);
std::optional<InspectionMode> parse_inspection_mode(std::string_view text);
std::optional<Outcome> parse_outcome(std::string_view text);
std::optional<OffsiteMethod> parse_offsite_method(std::string_view text);
std::optional<ConfidentialGround> parse_confidential_ground(std::string_view text);
/// @}

/// Decoders of single objects. Strict about what the client relies on, tolerant of the rest:
/// unknown members are ignored; members a rule or the record reads (ids, enums, numbers,
/// checkpoints, the team, the record's every member) must be present with their type;
/// descriptive text of reference data (a catalogue item's domain, a target's address…) may
/// be absent or null and then reads as empty. Integers must be JSON integers in range, never
/// fractions. Values a rule judges rather than a type (an empty `legal_basis`, a missing
/// `plan`, a malformed timestamp in a record) are decoded as they are, so that the rules can
/// say what is wrong to the person who can fix it.
/// @{

/// A `GET /catalogue` item. Refused: no checkpoints, duplicate checkpoint ids, an unknown
/// checkpoint kind, a `choice` checkpoint without choices.
Result<CatalogueItem> decode_catalogue_item(const nlohmann::json& json);
/// A `GET /inspectors` entry. `cert_no` absent or null: no certificate.
Result<Inspector> decode_inspector(const nlohmann::json& json);
/// A `GET /assignments` entry. Refused: unknown status, mode, category or role, a team
/// without exactly one leader, an inspector or an item listed twice. `plan` absent or null
/// reads as an empty plan (the rules then refuse to inspect: 无计划清单不检查).
Result<Assignment> decode_assignment(const nlohmann::json& json);
/// The `POST /inspections` body. A `chain` member, if present, is ignored here (see
/// evidencechain.h). `location`, `offsite_method`, `supersedes`, `correction_reason`,
/// `confidential_reason`, a photo's `location` and `finding_id`, and `outcome` (a draft's)
/// may be null or absent; every other member must be present. `confidential_ground` is read
/// only when `confidential` is true, and anything but one of its four names reads as none:
/// the rules then ask for it (`confidential_ground_required`, the central system's own code,
/// not `invalid`).
Result<InspectionRecord> decode_inspection_record(const nlohmann::json& json);
/// @}

/// Encoders: the interface's shapes, every member present (nulls as null), integers as JSON
/// integers. Each round-trips with its decoder. encode_inspection_record gives the upload
/// body without `chain`; its canonical JSON is what the evidence chain hashes. A record's
/// `confidential_ground` is written only while `confidential` is true.
/// @{
nlohmann::json encode_catalogue_item(const CatalogueItem& item);
nlohmann::json encode_inspector(const Inspector& inspector);
nlohmann::json encode_assignment(const Assignment& assignment);
nlohmann::json encode_inspection_record(const InspectionRecord& record);
/// @}

/// An item of a page that could not be read, and why. The rest of the page is unaffected.
struct RejectedItem {
    std::size_t index = 0; ///< position in the page's `items`
    std::string id;        ///< the item's `id` when it had a readable one
    Error error;
};

/// One answer of a list endpoint (`{"items":[…],"next_cursor":"…","has_more":bool}`), sorted
/// into the items that decoded, the ids removed centrally (`{"id":"…","deleted":true}`), and
/// the items refused.
template <class T> struct Page {
    std::vector<T> items;
    std::vector<std::size_t> positions; ///< items[k] is the answer's `items[positions[k]]`
    std::vector<std::string> deleted_ids;
    std::vector<RejectedItem> rejected;
    std::string next_cursor; ///< empty when the answer had none (only allowed without has_more)
    bool has_more = false;
};

/// Page decoders: item by item, so one bad item never spoils the rest. Only an answer that is
/// not a page at all (not an object, `items` not a list, `has_more` not a boolean, a cursor
/// that is not text, no cursor although `has_more`) is one Error.
/// @{
Result<Page<CatalogueItem>> decode_catalogue_page(const nlohmann::json& json);
Result<Page<Inspector>> decode_inspector_page(const nlohmann::json& json);
Result<Page<Assignment>> decode_assignment_page(const nlohmann::json& json);
/// @}

/// Look-ups by id into reference data: nullptr when unknown (or deleted). The pointer need
/// only stay valid for the call it was handed to.
/// @{
using CatalogueLookup = std::function<const CatalogueItem*(std::string_view id)>;
using RosterLookup = std::function<const Inspector*(std::string_view id)>;
/// Linear look-ups over a list; the list must outlive the returned function.
CatalogueLookup lookup_in(std::span<const CatalogueItem> items);
RosterLookup lookup_in(std::span<const Inspector> roster);
/// @}

/// Error code of cross_check_assignment.
inline constexpr std::string_view model_json_unknown_item = "unknown_item";

/// An assignment can only be inspected against items the catalogue holds (无事项清单不检查):
/// one Error (`unknown_item`, field `item_ids[i]`) per item id the catalogue does not know.
/// Empty: every item is known.
std::vector<Error> cross_check_assignment(const Assignment& assignment,
                                          const CatalogueLookup& catalogue);

} // namespace fi
