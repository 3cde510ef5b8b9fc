#include "core/evidencechain.h"

#include "core/canonicaljson.h"
#include "core/sha256.h"

#include <algorithm>

namespace fi {

namespace {

using json = nlohmann::json;

bool is_lower_hex64(std::string_view s) {
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

Error bad_chain(std::string_view message, std::string_view field) {
    return Error::make("chain_broken", message, field);
}

Result<std::string> string_member(const json& chain, const char* name) {
    const auto it = chain.find(name);
    if (it == chain.end() || !it->is_string())
        return bad_chain(std::string("chain.") + name + " must be a string",
                         std::string("chain.") + name);
    return it->get<std::string>();
}

} // namespace

json ChainLink::to_json() const {
    return json{{"device_id", device_id}, {"seq", seq}, {"prev", prev}, {"hash", hash}};
}

Result<ChainLink> ChainLink::from_json(const json& chain) {
    if (!chain.is_object())
        return bad_chain("chain must be an object", "chain");
    ChainLink link;
    auto device = string_member(chain, "device_id");
    if (!device)
        return device.error();
    link.device_id = std::move(*device);
    const auto seq = chain.find("seq");
    if (seq == chain.end() || !seq->is_number_integer())
        return bad_chain("chain.seq must be an integer", "chain.seq");
    if (seq->is_number_unsigned() &&
        seq->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
        return bad_chain("chain.seq is out of range", "chain.seq");
    link.seq = seq->get<std::int64_t>();
    auto prev = string_member(chain, "prev");
    if (!prev)
        return prev.error();
    link.prev = std::move(*prev);
    auto hash = string_member(chain, "hash");
    if (!hash)
        return hash.error();
    link.hash = std::move(*hash);
    return link;
}

Result<std::string> chain_hash(std::string_view prev_hex, const json& record) {
    if (!is_lower_hex64(prev_hex))
        return bad_chain("chain.prev must be 64 lower-case hex digits", "chain.prev");
    if (!record.is_object())
        return bad_chain("a chained record must be a JSON object", {});
    Result<std::string> canonical = std::string();
    if (record.contains("chain")) {
        json copy = record;
        copy.erase("chain");
        canonical = canonical_json(copy);
    } else {
        canonical = canonical_json(record);
    }
    if (!canonical)
        return canonical.error();
    return Sha256().update(prev_hex).update(*canonical).finish_hex();
}

Result<ChainLink> next_link(const std::optional<ChainLink>& previous, std::string_view device_id,
                            const json& record) {
    if (device_id.empty())
        return bad_chain("the device id is empty", "chain.device_id");
    if (previous && previous->device_id != device_id)
        return bad_chain("the previous link belongs to device " + previous->device_id + ", not " +
                             std::string(device_id),
                         "chain.device_id");
    ChainLink link;
    link.device_id = std::string(device_id);
    link.seq = previous ? previous->seq + 1 : 1;
    link.prev = previous ? previous->hash : std::string(chain_genesis_prev);
    auto hash = chain_hash(link.prev, record);
    if (!hash)
        return hash.error();
    link.hash = std::move(*hash);
    return link;
}

std::string_view to_string(ChainBreak::Kind kind) {
    switch (kind) {
    case ChainBreak::Kind::malformed:
        return "malformed";
    case ChainBreak::Kind::wrong_device:
        return "wrong_device";
    case ChainBreak::Kind::wrong_seq:
        return "wrong_seq";
    case ChainBreak::Kind::wrong_prev:
        return "wrong_prev";
    case ChainBreak::Kind::wrong_hash:
        return "wrong_hash";
    }
    return "unknown";
}

ChainVerification verify_chain(std::span<const json> records,
                               const std::optional<ChainLink>& after) {
    std::optional<ChainLink> previous = after;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const json& record = records[i];
        std::string id;
        if (record.is_object())
            if (const auto it = record.find("id"); it != record.end() && it->is_string())
                id = it->get<std::string>();
        const std::string who =
            "record " + std::to_string(i + 1) + (id.empty() ? std::string() : " (" + id + ")");
        const auto broken = [&](ChainBreak::Kind kind, const std::string& why) {
            return ChainVerification{ChainBreak{kind, i, id, who + ": " + why}};
        };

        if (!record.is_object())
            return broken(ChainBreak::Kind::malformed, "is not a JSON object");
        const auto chain_it = record.find("chain");
        if (chain_it == record.end())
            return broken(ChainBreak::Kind::malformed, "has no chain member");
        auto link = ChainLink::from_json(*chain_it);
        if (!link)
            return broken(ChainBreak::Kind::malformed, link.error().message);

        const std::int64_t expected_seq = previous ? previous->seq + 1 : 1;
        const std::string expected_prev =
            previous ? previous->hash : std::string(chain_genesis_prev);
        if (previous && link->device_id != previous->device_id)
            return broken(ChainBreak::Kind::wrong_device, "belongs to device " + link->device_id +
                                                              ", the chain to " +
                                                              previous->device_id);
        if (link->seq != expected_seq)
            return broken(ChainBreak::Kind::wrong_seq,
                          "has seq " + std::to_string(link->seq) + ", expected " +
                              std::to_string(expected_seq) +
                              (link->seq > expected_seq ? " (a record is missing)" : ""));
        if (link->prev != expected_prev)
            return broken(ChainBreak::Kind::wrong_prev, "prev " + link->prev +
                                                            " is not the previous record's hash " +
                                                            expected_prev);
        auto hash = chain_hash(link->prev, record);
        if (!hash)
            return broken(ChainBreak::Kind::malformed, hash.error().message);
        if (*hash != link->hash)
            return broken(ChainBreak::Kind::wrong_hash,
                          "hash " + link->hash + " does not match its content (" + *hash +
                              "): it was changed after it was chained");
        previous = std::move(*link);
    }
    return ChainVerification{};
}

} // namespace fi
