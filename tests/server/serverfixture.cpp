#include "serverfixture.h"

#include "core/atomicfile.h"
#include "core/date.h"
#include "core/draw.h"
#include "core/evidencechain.h"
#include "core/sha256.h"

#include <array>
#include <cstdio>
#include <openssl/rand.h>
#include <stdexcept>

namespace fi::test {

TestServer::TestServer(Setup setup) : offset_ms_(std::make_shared<std::atomic<std::int64_t>>(0)) {
    fi::server::ServerOptions o;
    o.data_dir = dir_.path() / "data";
    o.demo = setup.demo;
    o.assets_dir = FI_ASSETS_DIR;
    o.fault_injection = setup.fault_injection;
    o.kdf = fi::server::PasswordHasher::fastest_cost(); // not what these tests measure
    o.sessions = setup.sessions;
    o.threads = 24;
    auto offset = offset_ms_;
    o.clock = [offset] {
        return std::chrono::system_clock::now() + std::chrono::milliseconds(offset->load());
    };
    auto s = fi::server::Server::create(std::move(o));
    if (!s)
        throw std::runtime_error("server: " + s.error().message);
    server_ = std::move(*s);
    if (auto started = server_->start(); !started)
        throw std::runtime_error("server start: " + started.error().message);
}

TestServer::~TestServer() {
    server_->stop();
}

std::chrono::system_clock::time_point TestServer::now() const {
    return std::chrono::system_clock::now() + std::chrono::milliseconds(offset_ms_->load());
}

std::string Answer::header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

std::string Answer::code() const {
    const json j = json_body();
    if (!j.is_object() || !j.contains("error") || !j["error"].is_object() ||
        !j["error"].contains("code") || !j["error"]["code"].is_string())
        return {};
    return j["error"]["code"].get<std::string>();
}

namespace {

Answer to_answer(const httplib::Result& r) {
    Answer a;
    a.error = r.error();
    if (r) {
        a.ok = true;
        a.status = r->status;
        a.headers = r->headers;
        a.body = r->body;
    }
    return a;
}

httplib::Client client(int port) {
    httplib::Client c("127.0.0.1", port);
    c.set_connection_timeout(std::chrono::seconds(5));
    c.set_tcp_nodelay(true);
    c.set_read_timeout(std::chrono::seconds(30));
    c.set_write_timeout(std::chrono::seconds(30));
    return c;
}

std::string api(const std::string& path) {
    return "/api/v1" + path;
}

} // namespace

httplib::Headers Http::headers(const httplib::Headers& extra) const {
    httplib::Headers h = extra;
    if (!token_.empty())
        h.emplace("Authorization", "Bearer " + token_);
    return h;
}

Answer Http::get(const std::string& path, const httplib::Headers& extra) const {
    auto c = client(port_);
    return to_answer(c.Get(api(path), headers(extra)));
}

Answer Http::head(const std::string& path) const {
    auto c = client(port_);
    return to_answer(c.Head(api(path), headers({})));
}

Answer Http::del(const std::string& path) const {
    auto c = client(port_);
    return to_answer(c.Delete(api(path), headers({})));
}

Answer Http::post(const std::string& path, const std::string& body,
                  const httplib::Headers& extra) const {
    auto c = client(port_);
    return to_answer(c.Post(api(path), headers(extra), body, "application/json"));
}

Answer Http::patch(const std::string& path, const std::string& bytes, std::int64_t offset,
                   const std::string& content_type) const {
    auto c = client(port_);
    return to_answer(c.Patch(api(path), headers({{"Upload-Offset", std::to_string(offset)}}), bytes,
                             content_type));
}

Answer Http::raw(const std::string& method, const std::string& path,
                 const std::string& body) const {
    auto c = client(port_);
    if (method == "POST")
        return to_answer(c.Post(path, body, "application/json"));
    if (method == "DELETE")
        return to_answer(c.Delete(path));
    return to_answer(c.Get(path));
}

std::string random_uuid() {
    std::array<std::uint8_t, 16> b{};
    RAND_bytes(b.data(), static_cast<int>(b.size()));
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80);
    const std::string hex = to_hex(b);
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
           hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

std::string sign_in(int port, const std::string& username, const std::string& device_id) {
    const Answer a = Http(port).post(
        "/session",
        json{{"username", username}, {"password", "demo1234"}, {"device_id", device_id}});
    if (a.status != 200)
        throw std::runtime_error("sign in " + username + ": " + std::to_string(a.status) + " " +
                                 a.body + " " + httplib::to_string(a.error));
    return a.json_body()["token"].get<std::string>();
}

json demo_file(const std::string& name) {
    const auto text = read_small_file(std::filesystem::path(FI_ASSETS_DIR) / "demo" / name);
    if (!text)
        throw std::runtime_error("cannot read demo file " + name);
    return json::parse(*text);
}

const json& demo_catalogue() {
    static const json catalogue = demo_file("catalogue.json");
    return catalogue;
}

json Tablet::record(const json& assignment, const std::vector<std::string>& photos,
                    std::optional<std::chrono::system_clock::time_point> day_of) const {
    const auto t = day_of.value_or(std::chrono::system_clock::now());
    const bool onsite = assignment["mode"] == "onsite";
    json answers = json::array();
    for (const auto& item_id : assignment["item_ids"]) {
        for (const json& item : demo_catalogue()) {
            if (item["id"] != item_id)
                continue;
            for (const json& cp : item["checkpoints"]) {
                json value;
                const std::string kind = cp["kind"];
                if (kind == "pass_fail")
                    value = "pass";
                else if (kind == "number")
                    value = 3;
                else if (kind == "choice")
                    value = cp["choices"][0];
                else
                    value = "现场核查正常";
                answers.push_back({{"item_id", item_id},
                                   {"checkpoint_id", cp["id"]},
                                   {"value", value},
                                   {"note", ""}});
            }
        }
    }
    json present = json::array();
    for (const json& m : assignment["team"])
        if (m["role"] != "expert")
            present.push_back(m["inspector_id"]);
    json photo_list = json::array();
    for (const std::string& bytes : photos)
        photo_list.push_back({{"id", random_uuid()},
                              {"sha256", Sha256::hex(bytes)},
                              {"bytes", static_cast<std::int64_t>(bytes.size())},
                              {"mime", "image/jpeg"},
                              {"taken_at", china_timestamp(t)},
                              {"location", nullptr},
                              {"finding_id", nullptr},
                              {"source", "camera"}});
    return json{
        {"id", random_uuid()},
        {"assignment_id", assignment["id"]},
        {"assignment_revision", assignment["revision"]},
        {"inspection_day", china_date(t).to_string()},
        {"started_at", china_timestamp(t - std::chrono::minutes(40))},
        {"finished_at", china_timestamp(t)},
        {"clock",
         {{"device_started_at", china_timestamp(t - std::chrono::minutes(40))},
          {"offset_ms", -120},
          {"source", "server"}}},
        {"location", onsite ? json{{"lat_e6", 30391234}, {"lon_e6", 114894321}, {"accuracy_m", 8}}
                            : json(nullptr)},
        {"inspectors_present", present},
        {"offsite_method", onsite ? json(nullptr) : json("monitoring_data")},
        {"supersedes", nullptr},
        {"correction_reason", nullptr},
        {"answers", answers},
        {"findings", json::array()},
        {"outcome", "no_problem"},
        {"public_text", "未发现问题"},
        {"confidential", false},
        {"confidential_reason", nullptr},
        {"draw_verified", true},
        {"photos", photo_list}};
}

json Tablet::chain(json record) {
    std::optional<ChainLink> previous;
    if (seq_ > 0)
        previous = ChainLink{device_id_, seq_, "", last_hash_};
    auto link = next_link(previous, device_id_, record);
    if (!link)
        throw std::runtime_error("chain: " + link.error().message);
    seq_ = link->seq;
    last_hash_ = link->hash;
    record["chain"] = link->to_json();
    return record;
}

json Tablet::chain_at(json record, std::int64_t seq, const std::string& prev) const {
    auto hash = chain_hash(prev, record);
    if (!hash)
        throw std::runtime_error("chain: " + hash.error().message);
    record["chain"] = ChainLink{device_id_, seq, prev, *hash}.to_json();
    return record;
}

std::vector<json> assignments_of(const Http& http) {
    std::vector<json> out;
    std::string cursor;
    for (;;) {
        const Answer a =
            http.get("/assignments?limit=50" + (cursor.empty() ? "" : "&since=" + cursor));
        if (a.status != 200)
            throw std::runtime_error("assignments: " + a.body);
        const json page = a.json_body();
        for (const json& item : page["items"])
            out.push_back(item);
        cursor = page["next_cursor"].get<std::string>();
        if (!page["has_more"].get<bool>())
            return out;
    }
}

json led_assignment(const Http& http, const std::string& inspector_id, bool onsite,
                    const std::string& without) {
    for (const json& a : assignments_of(http)) {
        bool has_absent = false;
        for (const json& m : a["team"])
            has_absent = has_absent || (!without.empty() && m["inspector_id"] == without);
        if (a["status"] == "active" && a["team"][0]["inspector_id"] == inspector_id &&
            (a["mode"] == "onsite") == onsite && !has_absent)
            return a;
    }
    throw std::runtime_error("no assignment led by " + inspector_id);
}

json test_stratum(const std::string& category, std::optional<int> k, const std::string& mode,
                  json items) {
    json s = {
        {"category", category}, {"mode", mode}, {"item_ids", items}, {"expert_ids", json::array()}};
    if (k)
        s["k"] = *k;
    return s;
}

std::string party_seed(const std::string& plan_id, int party) {
    return fi::Sha256::hex("test seed of party " + std::to_string(party) + " for " + plan_id);
}

const std::array<std::string, 2> party_names = {"法制审核科", "驻局纪检监察组"};

json test_plan(const std::string& id, const std::string& unit, json strata, const std::string& from,
               const std::string& to) {
    json parties = json::array();
    for (int i = 0; i < 2; ++i)
        parties.push_back({{"name", party_names[i]},
                           {"seed_commitment", *fi::seed_commitment_for(party_seed(id, i))}});
    return {{"id", id},
            {"name", "测试计划 " + id},
            {"year", 2026},
            {"kind", "routine"},
            {"unit", unit},
            {"published_at",
             fi::china_timestamp(std::chrono::system_clock::now() - std::chrono::minutes(1))},
            {"window", {{"from", from}, {"to", to}}},
            {"strata", strata},
            {"draw",
             {{"id", "D-" + id},
              {"team_size", 2},
              {"conflicts", json::object()},
              {"parties", parties}}}};
}

fi::Result<fi::server::DrawResult> reveal_and_draw(fi::server::DrawService& draws,
                                                   const std::string& plan_id) {
    for (int i = 0; i < 2; ++i)
        if (auto r = draws.reveal_seed(plan_id, party_names[i], party_seed(plan_id, i)); !r)
            return r.error();
    return draws.run_draw(plan_id);
}

} // namespace fi::test
