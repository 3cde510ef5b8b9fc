#include "server/intakeservice.h"

#include "core/canonicaljson.h"
#include "core/date.h"
#include "core/evidencechain.h"
#include "core/modeljson.h"
#include "core/place.h"
#include "core/rules.h"
#include "core/sha256.h"
#include "core/timeflags.h"
#include "server/apierror.h"
#include "server/cpugate.h"
#include "server/requestjson.h"
#include "server/serverdatabase.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <set>
#include <vector>

namespace fi::server {

namespace {

using json = nlohmann::json;

Error too_large(std::string_view message, std::string_view field = {}) {
    return Error::make(api_code::too_large, message, field);
}

/// The limits of central-api.md that can be judged on the raw JSON, before its shape is.
Status check_limits(const json& body) {
    FI_TRY(check_text_lengths(body, max_text_chars));
    if (const json* photos = member(body, "photos"); photos && photos->is_array()) {
        if (photos->size() > max_photos)
            return too_large("The record declares " + std::to_string(photos->size()) +
                                 " photos; at most " + std::to_string(max_photos) +
                                 " are accepted per inspection.",
                             "photos");
        for (std::size_t i = 0; i < photos->size(); ++i)
            if (const json* bytes = member((*photos)[i], "bytes");
                bytes && bytes->is_number_integer() && bytes->get<std::int64_t>() > max_photo_bytes)
                return too_large("A photo of " + std::to_string(bytes->get<std::int64_t>()) +
                                     " bytes is over the 25 MiB limit.",
                                 "photos[" + std::to_string(i) + "].bytes");
    }
    return {};
}

/// central-api.md 1.1: where each photo comes from. The core model keeps neither member, so
/// they are judged on the JSON. Returns whether any photo is an import.
Result<bool> check_photo_provenance(const json& body) {
    bool imported = false;
    const json* photos = member(body, "photos");
    if (!photos || !photos->is_array())
        return false;
    for (std::size_t i = 0; i < photos->size(); ++i) {
        const std::string which = "photos[" + std::to_string(i) + "]";
        const auto source = string_member((*photos)[i], "source");
        if (!source || (*source != "camera" && *source != "import"))
            return Error::make(api_code::invalid,
                               which + " needs \"source\": \"camera\" or \"import\" (where the "
                                       "photo comes from).",
                               "photos");
        if (*source == "camera")
            continue;
        imported = true;
        const json* original = member((*photos)[i], "original_taken_at");
        if (!original ||
            !(original->is_null() ||
              (original->is_string() && parse_rfc3339(original->get<std::string>()).ok())))
            return Error::make(api_code::invalid,
                               which + " is imported: it needs \"original_taken_at\", the time "
                                       "its file says it was taken (RFC 3339), or null.",
                               "photos");
    }
    return imported;
}

/// central-api.md 1.1: a confidential result names its legal ground.
Status check_confidential_ground(const json& body) {
    const json* confidential = member(body, "confidential");
    if (!confidential || !confidential->is_boolean() || !confidential->get<bool>())
        return {};
    const auto ground = string_member(body, "confidential_ground");
    if (!ground || !parse_confidential_ground(*ground))
        return Error::make(api_code::confidential_ground_required,
                           "A confidential result needs confidential_ground: state_secret, "
                           "national_security, public_safety or other_law.",
                           "confidential_ground");
    return {};
}

/// central-api.md 1.1: a device's chain is the session's device's, and its seq lies at most
/// max_seq_ahead past the highest accepted — so no record can open a gap of 9·10^18 against
/// another tablet, and no seq arithmetic below can overflow.
Status check_chain_owner(InspectionStore& inspections, const Caller& caller,
                         const ChainLink& link) {
    if (link.device_id != caller.device_id)
        return Error::make(api_code::chain_device_mismatch,
                           "chain.device_id is not the device this session signed in from: a "
                           "device chains its own records only.",
                           "chain.device_id");
    if (link.seq < 1)
        return Error::make("chain_broken", "chain.seq starts at 1.", "chain.seq");
    auto max = inspections.max_chain_seq(link.device_id);
    if (!max)
        return max.error();
    // Both are ≥ 0 here, so the difference cannot overflow.
    if (link.seq - std::max<std::int64_t>(*max, 0) > IntakeService::max_seq_ahead)
        return Error::make(api_code::chain_seq_out_of_range,
                           "chain.seq " + std::to_string(link.seq) + " is more than " +
                               std::to_string(IntakeService::max_seq_ahead) +
                               " past this device's highest accepted record (" +
                               std::to_string(*max) + ").",
                           "chain.seq");
    return {};
}

/// The chain link's own part: in range, and the hash of this record after its prev.
Status check_chain_hash(const json& body, const ChainLink& link) {
    std::int64_t before_seq = 0;
    std::int64_t after_seq = 0;
    if (link.seq < 1 || __builtin_sub_overflow(link.seq, 1, &before_seq) ||
        __builtin_add_overflow(link.seq, 1, &after_seq))
        return Error::make("chain_broken", "chain.seq starts at 1.", "chain.seq");
    auto hash = chain_hash(link.prev, body);
    if (!hash)
        return Error::make("chain_broken", hash.error().message, "chain.prev");
    if (*hash != link.hash)
        return Error::make("chain_broken",
                           "chain.hash is not the hash of this record: it was changed after it "
                           "was chained.",
                           "chain.hash");
    if (link.seq == 1 && link.prev != chain_genesis_prev)
        return Error::make("chain_broken", "The first record of a device has the zero prev.",
                           "chain.prev");
    return {};
}

/// The chain link against its received neighbours (after check_chain_hash: the seq is in range,
/// the neighbours' seqs cannot overflow). Returns the first seq of a gap this record reveals (0:
/// none). Index reads only: the same work whatever the device sent before.
Result<std::int64_t> check_chain_neighbours(InspectionStore& inspections, const ChainLink& link) {
    auto same = inspections.find_chain_link(link.device_id, link.seq);
    if (!same)
        return same.error();
    if (*same)
        return Error::make("chain_broken",
                           "Record " + (*same)->inspection_id + " already holds seq " +
                               std::to_string(link.seq) + " of this device.",
                           "chain.seq");
    auto before = inspections.find_chain_link(link.device_id, link.seq - 1);
    if (!before)
        return before.error();
    if (*before && (*before)->hash != link.prev)
        return Error::make("chain_broken",
                           "chain.prev is not the hash of the device's record " +
                               std::to_string(link.seq - 1) + ".",
                           "chain.prev");
    auto after = inspections.find_chain_link(link.device_id, link.seq + 1);
    if (!after)
        return after.error();
    if (*after && (*after)->prev != link.hash)
        return Error::make("chain_broken",
                           "The device's record " + std::to_string(link.seq + 1) +
                               " does not follow this one.",
                           "chain.hash");
    auto max = inspections.max_chain_seq(link.device_id);
    if (!max)
        return max.error();
    std::int64_t next = 0;
    if (__builtin_add_overflow(*max, 1, &next))
        return Error::make(api_code::chain_seq_out_of_range, "This device's chain is full.",
                           "chain.seq");
    return link.seq > next ? next : 0;
}

/// One chain of corrections per assignment: a first record only while none is accepted, a
/// correction only of the newest. By the index of the assignment's records (its first and
/// newest id), never their bodies, so the check costs the same after six hundred corrections.
Status check_correction(InspectionStore& inspections, const InspectionRecord& record) {
    auto head = inspections.correction_head(record.assignment_id);
    if (!head)
        return head.error();
    if (record.supersedes) {
        auto found = inspections.is_inspection_of(*record.supersedes, record.assignment_id);
        if (!found)
            return found.error();
        if (!*found || !head->newest)
            return Error::make(api_code::invalid,
                               "supersedes must name a record of the same assignment that was "
                               "accepted.",
                               "supersedes");
        // One chain of corrections: each supersedes the newest, never an older one.
        if (*head->newest != *record.supersedes)
            return Error::make(api_code::already_corrected,
                               "Record " + *record.supersedes + " was corrected already by " +
                                   *head->newest +
                                   ". A correction supersedes the newest record of its "
                                   "assignment: correct that one instead.",
                               "supersedes");
    } else if (head->first) {
        return Error::make(api_code::already_inspected,
                           "Assignment " + record.assignment_id +
                               " already has an accepted inspection (" + *head->first +
                               "). To change it, send a correction that supersedes it.",
                           "assignment_id");
    }
    return {};
}

/// The photos and signature images a record declares, none of their bytes yet; an id another
/// record declared already is refused.
Result<std::vector<PhotoRow>> declared_photos(InspectionStore& inspections,
                                              const InspectionRecord& record) {
    std::vector<PhotoRow> photos;
    // One image: refused when another record declared its id already.
    const auto declare = [&](const std::string& id, const std::string& sha256, std::int64_t bytes,
                             const std::string& what, const std::string& field) -> Status {
        auto clash = inspections.find_photo(id);
        if (!clash)
            return clash.error();
        if (*clash)
            return Error::make(api_code::invalid,
                               what + " id " + id + " belongs to another record already.", field);
        photos.push_back(PhotoRow{id, record.id, sha256, bytes, 0, false, std::nullopt});
        return {};
    };
    for (std::size_t i = 0; i < record.photos.size(); ++i) {
        const PhotoRef& p = record.photos[i];
        FI_TRY(declare(p.id, p.sha256, p.bytes, "Photo", "photos[" + std::to_string(i) + "].id"));
    }
    // Signature images go up like photos (HEAD/PATCH /photos/{id}, the same limits and hash
    // check) and count for completeness like them.
    const auto& signatures = record.signatures.value_or(std::vector<Signature>{});
    for (std::size_t i = 0; i < signatures.size(); ++i) {
        const Signature& g = signatures[i];
        if (!g.refused)
            FI_TRY(declare(g.id, g.sha256, g.bytes, "Signature",
                           "signatures[" + std::to_string(i) + "].id"));
    }
    return photos;
}

/// A target's `position` {lat_e6, lon_e6}, when it carries one.
std::optional<Position> position_of(const json& target) {
    const json* p = member(target, "position");
    if (!p)
        return std::nullopt;
    const json* lat = member(*p, "lat_e6");
    const json* lon = member(*p, "lon_e6");
    if (!lat || !lon || !lat->is_number_integer() || !lon->is_number_integer())
        return std::nullopt;
    return Position{lat->get<std::int64_t>(), lon->get<std::int64_t>()};
}

/// The interface 1.1 flags of an accepted record: what the server does not believe. None of
/// them refuses the record.
json flags_of(const InspectionRecord& record, const Assignment* assignment,
              const std::optional<Position>& target_position, bool imported_photo,
              std::chrono::system_clock::time_point received) {
    json flags = json::array();
    // The times as the tablet judged them before completing (core's rule, received standing
    // for its now); without an assignment there is no window to be outside of.
    for (const Problem& p :
         check_time_flags(record, assignment ? *assignment : Assignment{}, received))
        flags.push_back(p.code);
    if (record.clock.source == "device")
        flags.push_back("device_clock");
    if (assignment && assignment->mode == InspectionMode::onsite && record.location &&
        target_position && distance_m(*record.location, *target_position) > far_from_target_m)
        flags.push_back("far_from_target");
    if (imported_photo)
        flags.push_back("imported_photo");
    return flags;
}

std::vector<std::string> team_of(const Assignment& a) {
    std::vector<std::string> out;
    for (const TeamMember& m : a.team)
        out.push_back(m.inspector_id);
    return out;
}

} // namespace

Result<json> IntakeService::replay_answer(const InspectionRow& row) {
    json answer = json::parse(row.answer);
    auto photos = inspections_.photos_of(row.id);
    if (!photos)
        return photos.error();
    json missing = json::array();
    for (const PhotoRow& p : *photos)
        if (!p.complete)
            missing.push_back(p.id);
    answer["photos_missing"] = std::move(missing);
    return answer;
}

Result<IntakeService::Judged> IntakeService::judge(const Caller& caller, const json& body,
                                                   std::string_view text,
                                                   const std::string& body_sha) {
    // The record is judged outside the write transaction — decoding, the chain hash, the
    // reference data and the rules, in the order their errors take precedence — so that other
    // tablets' uploads are not held up by this one's work. What other uploads can change
    // meanwhile (the device's chain, the assignment's correction head, the photo ids, this id)
    // is judged here and again inside the transaction, which alone decides.
    FI_TRY(check_limits(body));
    auto record = decode_inspection_record(body);
    if (!record)
        return Error::make(api_code::invalid, record.error().message, record.error().field);
    auto imported_photo = check_photo_provenance(body);
    if (!imported_photo)
        return imported_photo.error();
    FI_TRY(check_confidential_ground(body));
    const json* chain = member(body, "chain");
    auto link = ChainLink::from_json(chain ? *chain : json());
    if (!link)
        return link.error();
    FI_TRY(check_chain_owner(inspections_, caller, *link));
    FI_TRY(check_chain_hash(body, *link));
    if (auto neighbours = check_chain_neighbours(inspections_, *link); !neighbours)
        return neighbours.error();

    // The reference data the rules read, as the server holds it now.
    std::optional<Assignment> assignment;
    std::optional<Position> target_position;
    auto assignment_row = plans_.find_assignment(record->assignment_id);
    if (!assignment_row)
        return assignment_row.error();
    if (*assignment_row) {
        const json assignment_json = json::parse((*assignment_row)->body);
        auto decoded = decode_assignment(assignment_json);
        if (!decoded)
            return Error::make(api_code::internal, decoded.error().message);
        assignment = std::move(*decoded);
        if (const json* target = member(assignment_json, "target"))
            target_position = position_of(*target);
        if (!target_position) { // the register's entry, extra members kept
            auto target = reference_.find_target(assignment->target.id);
            if (!target)
                return target.error();
            if (*target)
                target_position = position_of(json::parse(**target, nullptr, false));
        }
    }
    std::set<std::string> item_ids;
    if (assignment)
        item_ids.insert(assignment->item_ids.begin(), assignment->item_ids.end());
    for (const Answer& a : record->answers)
        item_ids.insert(a.item_id);
    for (const Finding& f : record->findings)
        item_ids.insert(f.item_id);
    std::vector<CatalogueItem> items;
    for (const std::string& id : item_ids) {
        auto row = reference_.find_feed_item(Feed::catalogue, id);
        if (!row)
            return row.error();
        if (*row)
            if (auto item = decode_catalogue_item(json::parse((*row)->body, nullptr, false)))
                items.push_back(std::move(*item));
    }
    std::set<std::string> people(record->inspectors_present.begin(),
                                 record->inspectors_present.end());
    if (assignment)
        for (const std::string& id : team_of(*assignment))
            people.insert(id);
    std::vector<Inspector> roster;
    for (const std::string& id : people) {
        auto row = reference_.find_feed_item(Feed::inspectors, id);
        if (!row)
            return row.error();
        if (*row)
            if (auto inspector = decode_inspector(json::parse((*row)->body, nullptr, false)))
                roster.push_back(std::move(*inspector));
    }
    if (auto problem = validate_for_intake(*record, assignment ? &*assignment : nullptr,
                                           lookup_in(std::span<const CatalogueItem>(items)),
                                           lookup_in(std::span<const Inspector>(roster)),
                                           caller.inspector_id.value_or("")))
        return Error::make(problem->code, problem->message, problem->field);
    FI_TRY(check_correction(inspections_, *record));
    auto photos = declared_photos(inspections_, *record);
    if (!photos)
        return photos.error();

    const auto now = clock_();
    const auto day = Date::parse(record->inspection_day);
    const bool late = day && china_date(now) > *day;
    json missing = json::array();
    for (const PhotoRow& p : *photos)
        missing.push_back(p.id);
    json flags = flags_of(*record, assignment ? &*assignment : nullptr, target_position,
                          *imported_photo, now);
    json reply = {{"id", record->id},
                  {"received_at", china_timestamp(now)},
                  {"late", late},
                  {"flags", flags},
                  {"photos_missing", std::move(missing)}};

    Judged out;
    InspectionRow& row = out.row;
    row.id = record->id;
    row.assignment_id = record->assignment_id;
    row.target_id = assignment ? assignment->target.id : std::string();
    row.username = caller.username;
    row.device_id = caller.device_id;
    row.received_at = reply["received_at"].get<std::string>();
    row.inspection_day = record->inspection_day;
    row.outcome = record->outcome ? std::string(to_string(*record->outcome)) : std::string();
    row.supersedes = record->supersedes;
    row.body = text;
    row.body_sha256 = body_sha;
    row.answer = reply.dump();
    row.late = late;
    row.flags = flags.dump();
    out.record = std::move(*record);
    out.link = std::move(*link);
    out.photos = std::move(*photos);
    out.reply = std::move(reply);
    return out;
}

Result<IntakeAnswer> IntakeService::submit(const Caller& caller,
                                           const std::optional<std::string>& key,
                                           std::string_view text) {
    if (text.size() > max_body_bytes)
        return too_large("The inspection body is " + std::to_string(text.size()) +
                         " bytes; at most 1 MiB is accepted.");
    if (!key || key->empty())
        return Error::make(api_code::invalid,
                           "The Idempotency-Key header (the record id) is missing.",
                           "Idempotency-Key");
    // Decoding and judging the record are CPU work of the bulk kind (CpuGate): a sign-in's
    // hash goes first. Left before the write transaction, which waits for the disk.
    std::optional<CpuGate::Section> cpu;
    cpu.emplace(CpuGate::process(), CpuGate::Urgency::bulk);
    auto parsed = parse_request_json(text);
    if (!parsed)
        return parsed.error();
    const json& body = *parsed;
    if (!body.is_object())
        return Error::make(api_code::invalid, "The body must be a JSON object.");
    if (string_member(body, "id") != *key)
        return Error::make(api_code::invalid, "The Idempotency-Key must be the record's id.",
                           "Idempotency-Key");
    auto canonical = canonical_json(body);
    if (!canonical)
        return Error::make(api_code::invalid, canonical.error().message, canonical.error().field);
    const std::string body_sha = Sha256::hex(*canonical);

    // A replay (same id, same content) answers what the first upload was answered.
    auto replay = [&](const InspectionRow& earlier) -> Result<IntakeAnswer> {
        if (earlier.body_sha256 != body_sha)
            return Error::make(api_code::idempotency_conflict,
                               "A different record was already sent under this id. A completed "
                               "record never changes: send a correction with a new id instead.",
                               "Idempotency-Key");
        auto answer = replay_answer(earlier);
        if (!answer)
            return answer.error();
        return IntakeAnswer{200, std::move(*answer)};
    };
    auto earlier = inspections_.find_inspection(*key);
    if (!earlier)
        return earlier.error();
    if (*earlier)
        return replay(**earlier);

    // A check may have failed because the same upload, sent twice at once, was stored
    // meanwhile (already_inspected, chain_broken): that one is answered as the replay it is.
    auto judged = judge(caller, body, text, body_sha);
    if (!judged) {
        auto stored = inspections_.find_inspection(*key);
        if (!stored)
            return stored.error();
        if (*stored)
            return replay(**stored);
        return judged.error();
    }
    const InspectionRecord* record = &judged->record;
    const ChainLink* link = &judged->link;
    const std::vector<PhotoRow>* photos = &judged->photos;
    const InspectionRow& row = judged->row;
    const json& reply = judged->reply;
    cpu.reset();

    // The write: short, index reads and inserts only.
    std::optional<IntakeAnswer> answer;
    if (const Status tx = database_.transaction([&]() -> Status {
            auto raced = inspections_.find_inspection(*key);
            if (!raced)
                return raced.error();
            if (*raced) { // the same upload, sent twice at once: the first one stored it
                auto replayed = replay(**raced);
                if (!replayed)
                    return replayed.error();
                answer = std::move(*replayed);
                return {};
            }
            FI_TRY(check_chain_owner(inspections_, caller, *link));
            auto gap_from = check_chain_neighbours(inspections_, *link);
            if (!gap_from)
                return gap_from.error();
            FI_TRY(check_correction(inspections_, *record));
            if (auto again = declared_photos(inspections_, *record); !again)
                return again.error();
            FI_TRY(inspections_.put_inspection(row, *photos));
            FI_TRY(inspections_.put_chain_link(
                ChainLinkRow{link->device_id, link->seq, link->prev, link->hash, record->id}));
            if (*gap_from > 0)
                FI_TRY(inspections_.put_chain_gap(ChainGapRow{
                    0, link->device_id, *gap_from, link->seq - 1, row.received_at, record->id}));
            answer = IntakeAnswer{201, reply};
            return {};
        });
        !tx)
        return tx.error();
    return std::move(*answer);
}

Result<PhotoRow> IntakeService::visible_photo(const Caller& caller, std::string_view photo_id) {
    const Error not_found = Error::make(
        api_code::not_found, "No inspection you may see declared photo " + std::string(photo_id) +
                                 ". Upload its inspection first.");
    auto photo = inspections_.find_photo(photo_id);
    if (!photo)
        return photo.error();
    if (!*photo)
        return not_found;
    auto inspection = inspections_.find_inspection((*photo)->inspection_id);
    if (!inspection)
        return inspection.error();
    if (!*inspection)
        return not_found;
    if ((*inspection)->username == caller.username)
        return **photo;
    // A team member signed in elsewhere may finish the upload too.
    auto assignment = plans_.find_assignment((*inspection)->assignment_id);
    if (!assignment)
        return assignment.error();
    if (*assignment && caller.inspector_id &&
        std::find((*assignment)->team.begin(), (*assignment)->team.end(), *caller.inspector_id) !=
            (*assignment)->team.end())
        return **photo;
    return not_found;
}

Result<PhotoState> IntakeService::photo_state(const Caller& caller, std::string_view photo_id) {
    auto photo = visible_photo(caller, photo_id);
    if (!photo)
        return photo.error();
    return PhotoState{photo->received, photo->length, photo->complete};
}

Result<PhotoState> IntakeService::append(const Caller& caller, std::string_view photo_id,
                                         const std::optional<std::string>& upload_offset,
                                         std::string_view content_type, std::string_view bytes) {
    const std::string_view media = content_type.substr(0, content_type.find(';'));
    if (media != "application/offset+octet-stream")
        return Error::make(api_code::unsupported_media_type,
                           "Photo bytes are sent as application/offset+octet-stream.",
                           "Content-Type");
    std::int64_t offset = -1;
    if (upload_offset) {
        const char* first = upload_offset->data();
        const char* last = first + upload_offset->size();
        const auto r = std::from_chars(first, last, offset);
        if (r.ec != std::errc() || r.ptr != last || first == last)
            offset = -1;
    }
    if (offset < 0)
        return Error::make(api_code::invalid, "Upload-Offset must be a whole number of bytes.",
                           "Upload-Offset");
    if (bytes.size() > max_chunk_bytes)
        return too_large("A chunk is at most 8 MiB.");

    // One upload of a photo at a time (a tablet's retry, a team member finishing it): its file
    // and its row move together. Everything slow — hashing, the file's write and fsync — happens
    // here, outside the write transaction; the transaction only counts the bytes.
    std::lock_guard one_photo(
        photo_locks_[std::hash<std::string_view>{}(photo_id) % photo_locks_.size()]);
    auto photo = visible_photo(caller, photo_id);
    if (!photo)
        return photo.error();
    if (photo->complete && offset == photo->length && bytes.empty())
        return PhotoState{photo->length, photo->length, true}; // a repeated last answer
    if (photo->complete || offset != photo->received)
        return Error::make(api_code::offset_mismatch,
                           "The server holds " + std::to_string(photo->received) +
                               " bytes of this photo. Ask HEAD for the offset and resume from "
                               "there.",
                           "Upload-Offset");
    const auto size = static_cast<std::int64_t>(bytes.size());
    if (offset + size > photo->length)
        return too_large("The photo was declared with " + std::to_string(photo->length) +
                             " bytes; this chunk goes beyond that.",
                         "Upload-Offset");
    // On disk before it is counted: a crash in between leaves bytes past `received` that count
    // for nothing (InspectionStore).
    if (size > 0)
        FI_TRY(inspections_.write_photo_bytes(
            photo->id, offset,
            std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size())));
    const std::int64_t received = offset + size;
    // At the last byte, the hash: of this request's bytes for a photo sent in one piece (as the
    // tablet sends one of up to 8 MiB), else of the file as written.
    std::optional<std::string> hash;
    if (received == photo->length) {
        const CpuGate::Section cpu(CpuGate::process(), CpuGate::Urgency::bulk);
        auto h = offset == 0 ? Result<std::string>(Sha256::hex(bytes))
                             : inspections_.photo_file_sha256(photo->id, received);
        if (!h)
            return h.error();
        hash = std::move(*h);
    }
    const bool mismatch = hash && *hash != photo->sha256;
    if (const Status tx = database_.transaction([&]() -> Status {
            if (size > 0)
                FI_TRY(inspections_.advance_photo(photo->id, offset, size));
            if (mismatch)
                return inspections_.reset_photo(photo->id); // committed: the bytes count no more
            if (hash)
                return inspections_.complete_photo(photo->id, china_timestamp(clock_()));
            return {};
        });
        !tx)
        return tx.error();
    if (mismatch)
        return Error::make(api_code::hash_mismatch,
                           "The photo's bytes do not hash to the SHA-256 its inspection declared; "
                           "they were discarded. Send the photo again from offset 0.",
                           "sha256");
    return PhotoState{received, photo->length, hash.has_value()};
}

} // namespace fi::server
