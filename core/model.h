#pragma once

// The domain model: reference data the central system publishes (catalogue, roster,
// assignments) and the inspection record the tablet produces. Field names follow
// ../shared/central-api.md so that encoding is a direct mapping. Plain values, no behaviour:
// rules live in rules.h, JSON in modeljson.h, storage in recordstore.h / referencestore.h.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace fi {

enum class CheckpointKind { pass_fail, number, text, choice };

struct Checkpoint {
    std::string id;
    std::string text;
    CheckpointKind kind = CheckpointKind::pass_fail;
    bool required = false;
    bool photo_on_fail = false;
    std::optional<std::string> unit;  ///< for `number`
    std::vector<std::string> choices; ///< for `choice`
};

/// 抽查事项: one inspection item of the catalogue.
struct CatalogueItem {
    std::string id;
    std::string code;
    std::string domain;
    std::string title;
    std::vector<std::string> legal_basis; ///< empty means it must not be inspected
    std::string target_type;
    std::string initiating_dept;
    std::vector<std::string> cooperating_depts;
    std::string responsible_office;
    int version = 0;
    std::vector<Checkpoint> checkpoints;
};

/// 检查人员: one entry of the roster. Third-party experts hold no certificate.
struct Inspector {
    std::string id;
    std::string name;
    std::string unit;
    std::optional<std::string> cert_no;
    std::string position;
    std::vector<std::string> expertise;
    bool third_party = false;
};

struct Plan {
    std::string id;
    std::string name;
    int year = 0;
    std::string kind; ///< routine | enforcement | special | joint
    std::string unit;
};

enum class TargetCategory { key, general, special }; ///< 重点 / 一般 / 特殊

struct TargetTags {
    std::string permit_class;
    std::string supervision_type;
    std::vector<std::string> pollutants;
    std::optional<std::string> weather_grade;
    std::optional<std::string> credit_rating;
};

/// A known place in the interface's integer degrees × 10^6 (a target's `position`).
struct Position {
    std::int64_t lat_e6 = 0;
    std::int64_t lon_e6 = 0;
};

/// 抽查对象: the company or unit inspected.
struct Target {
    std::string id;
    std::string name;
    std::string credit_code;
    std::string address;
    std::string legal_rep;
    std::string district;
    TargetCategory category = TargetCategory::general;
    TargetTags tags;
    /// Interface 1.1: where the target is, when the central system knows it.
    std::optional<Position> position = std::nullopt;
};

enum class TeamRole { leader, member, expert };

struct TeamMember {
    std::string inspector_id;
    TeamRole role = TeamRole::member;
};

enum class AssignmentStatus { active, revoked };
enum class InspectionMode { onsite, offsite };

/// What the central system drew for this device's user: one target, its items, its team.
struct Assignment {
    std::string id;
    int revision = 0;
    AssignmentStatus status = AssignmentStatus::active;
    Plan plan;
    Target target;
    std::vector<std::string> item_ids;
    InspectionMode mode = InspectionMode::onsite;
    std::vector<TeamMember> team; ///< leader first, then members in draw order, then experts
    std::vector<std::string> joint_departments;
    std::string window_from; ///< YYYY-MM-DD
    std::string window_to;   ///< YYYY-MM-DD
    std::string draw_id;
};

struct Location {
    std::int64_t lat_e6 = 0;
    std::int64_t lon_e6 = 0;
    std::int64_t accuracy_m = 0;
};

struct ClockInfo {
    std::string device_started_at; ///< RFC 3339, +08:00
    std::int64_t offset_ms = 0;
    std::string source = "server"; ///< server | device
};

/// An answer's value: "pass" / "fail" / "na", free text, a choice, or an integer.
using AnswerValue = std::variant<std::string, std::int64_t>;

struct Answer {
    std::string item_id;
    std::string checkpoint_id;
    AnswerValue value;
    std::string note;
};

struct Finding {
    std::string id;
    std::string item_id;
    std::string checkpoint_id;
    std::string description;
    std::vector<std::string> photo_ids;
};

struct PhotoRef {
    std::string id;
    std::string sha256;
    std::int64_t bytes = 0;
    std::string mime;
    std::string taken_at;
    std::optional<Location> location;
    std::optional<std::string> finding_id;
    /// Interface 1.1: "camera" (taken in the app) or "import" (a file brought in), and for an
    /// import the time its file says it was taken (none when it says nothing). A record kept
    /// before 1.1 has no source and is encoded as it was (its chain hash stays true).
    std::optional<std::string> source = std::nullopt;
    std::optional<std::string> original_taken_at = std::nullopt;
};

/// Interface 1.1: a signature on an on-site record (现场检查笔录), or the inspected unit's
/// refusal to sign. `role` is "inspector" (then `inspector_id`, one of `inspectors_present`)
/// or "representative" (the unit's person in charge: `name` and `position`, or `refused` with
/// a `reason`). A signed entry is an image (PNG or SVG of the strokes) kept like a photo under
/// `id`: its bytes travel like a photo's and its SHA-256 sits in the record body, so the
/// evidence chain covers it.
struct Signature {
    std::string role; ///< inspector | representative
    std::string inspector_id;
    std::string name;
    std::string position;
    bool refused = false;
    std::string reason;
    std::string id;
    std::string sha256;
    std::int64_t bytes = 0;
    std::string mime; ///< image/png | image/svg+xml
    std::string signed_at;
};

enum class Outcome { no_problem, rectification_ordered, case_opened };
enum class OffsiteMethod { monitoring_data, drone, document_review };
/// Interface 1.1: the legal ground on which a result is kept from publication
/// (涉及保密、国家安全、公共安全可不予公开; 法律明确不予公开的情形).
enum class ConfidentialGround { state_secret, national_security, public_safety, other_law };

/// The inspection record as uploaded (`POST /inspections`), without its chain.
struct InspectionRecord {
    std::string id;
    std::string assignment_id;
    int assignment_revision = 0;
    std::string inspection_day; ///< YYYY-MM-DD in UTC+08:00
    std::string started_at;
    std::string finished_at;
    ClockInfo clock;
    std::optional<Location> location;
    std::vector<std::string> inspectors_present;
    std::optional<OffsiteMethod> offsite_method;
    std::optional<std::string> supersedes;
    std::optional<std::string> correction_reason;
    std::vector<Answer> answers;
    std::vector<Finding> findings;
    std::optional<Outcome> outcome; ///< unset while a draft
    std::string public_text;
    bool confidential = false;
    std::optional<std::string> confidential_reason;
    /// Interface 1.1: a confidential result names its ground; encoded only while
    /// `confidential` is true, so a public record's body (and its chain hash) is as before.
    std::optional<ConfidentialGround> confidential_ground = std::nullopt;
    bool draw_verified = false;
    std::vector<PhotoRef> photos;
    /// Interface 1.1: one entry per inspector present and one for the representative on site,
    /// `[]` off site. Absent (nullopt) in a record made before signatures: such a record is
    /// encoded exactly as it was, so its chain hash stays true.
    std::optional<std::vector<Signature>> signatures = std::nullopt;
};

} // namespace fi
