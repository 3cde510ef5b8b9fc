#pragma once

// A small, valid world for store tests: one catalogue item, a team of two officers and an
// expert, one on-site assignment whose team is the first worked draw of the shared vectors,
// and a record that passes every rule.

#include "core/recordstore.h"
#include "core/referencestore.h"
#include "core/statement.h"
#include "core/store.h"
#include "support/tempdir.h"

#include <doctest/doctest.h>
#include <fstream>

namespace fi::test {

using nlohmann::json;
inline const std::string device = "d7c5a3b1-1111-4222-8333-944455556666";

inline json catalogue_item_json() {
    return json::parse(R"js({"id":"ODS-15","code":"15","domain":"ODS","title":"配额检查",
      "legal_basis":["《消耗臭氧层物质管理条例》"],"target_type":"HCFCs使用企业",
      "initiating_dept":"市生态环境局","cooperating_depts":["市商务局"],
      "responsible_office":"大气环境科","version":3,
      "checkpoints":[
        {"id":"ODS-15-1","text":"是否取得年度配额","kind":"pass_fail","required":true,"photo_on_fail":true},
        {"id":"ODS-15-2","text":"实际使用量(吨)","kind":"number","required":true,"unit":"吨"},
        {"id":"ODS-15-4","text":"使用用途","kind":"choice","choices":["制冷","发泡"],"required":true}]})js");
}

inline json inspector_json(const std::string& id, bool certified, bool third_party = false) {
    return {{"id", id},
            {"name", "测试" + id},
            {"unit", "市生态环境综合执法支队"},
            {"cert_no", certified ? json("鄂环执字第" + id + "号") : json(nullptr)},
            {"position", "执法人员"},
            {"expertise", json::array({"大气"})},
            {"third_party", third_party}};
}

/// The first worked draw of the shared vectors: T-001 drew I-04 (leader) and I-02.
inline json draw_json() {
    std::ifstream in(FI_TEST_DATA_DIR "/draw-vectors.json");
    const json all = json::parse(in);
    return all.at("vectors").at(0);
}

inline json assignment_json(int revision = 1, const std::string& status = "active") {
    json a = json::parse(R"js({"id":"A-1","revision":1,"status":"active",
      "plan":{"id":"P-TEST","name":"测试计划","year":2026,"kind":"routine","unit":"支队"},
      "target":{"id":"T-001","name":"鄂州市测试化工有限公司","credit_code":"91420700MA4XXXXXXX",
        "address":"鄂城区测试路1号","legal_rep":"测试人","district":"鄂城区","category":"key",
        "tags":{"permit_class":"重点管理","supervision_type":"重点排污单位","pollutants":["废气"],
                "weather_grade":null,"credit_rating":null}},
      "item_ids":["ODS-15"],"mode":"onsite",
      "team":[{"inspector_id":"I-04","role":"leader"},{"inspector_id":"I-02","role":"member"},
              {"inspector_id":"X-201","role":"expert"}],
      "joint_departments":["市商务局"],"window":{"from":"2026-10-01","to":"2026-12-31"},
      "draw_id":"D-TEST-1"})js");
    a["revision"] = revision;
    a["status"] = status;
    return a;
}

inline json page(json items, const std::string& cursor = "c1") {
    return {{"items", std::move(items)}, {"next_cursor", cursor}, {"has_more", false}};
}

/// A record that passes every rule on the fixture's assignment A-1.
inline InspectionRecord fixture_record(const std::string& id) {
    InspectionRecord r;
    r.id = id;
    r.assignment_id = "A-1";
    r.assignment_revision = 1;
    r.inspection_day = "2026-11-28";
    r.started_at = "2026-11-28T09:30:00.000+08:00";
    r.finished_at = "2026-11-28T10:05:12.345+08:00";
    r.clock = {"2026-11-28T09:30:01.520+08:00", -1520, "server"};
    r.location = Location{30391234, 114894321, 8};
    r.inspectors_present = {"I-04", "I-02"};
    r.answers = {{"ODS-15", "ODS-15-1", std::string("pass"), ""},
                 {"ODS-15", "ODS-15-2", std::int64_t{12}, "台账核对"},
                 {"ODS-15", "ODS-15-4", std::string("制冷"), ""}};
    r.outcome = Outcome::no_problem;
    r.public_text = "未发现问题";
    return r;
}

struct Fixture {
    fi::test::TempDir dir;
    Database db;
    ReferenceStore refs;
    RecordStore records;

    Fixture() : db(open()), refs(db), records(db) {
        REQUIRE(refs.apply_catalogue_page(page(json::array({catalogue_item_json()}))).ok());
        REQUIRE(refs.apply_inspector_page(page(json::array({inspector_json("I-04", true),
                                                            inspector_json("I-02", true),
                                                            inspector_json("X-201", false, true)})))
                    .ok());
        REQUIRE(refs.apply_assignment_page(page(json::array({assignment_json()}))).ok());
        REQUIRE(refs.store_draw(draw_json()).ok());
    }
    Database open() {
        OpenOptions o;
        o.mode = OpenOptions::Mode::create_if_missing;
        auto d = open_store(dir / "fi.db", SecretKey::random(), o);
        REQUIRE(d.ok());
        return std::move(d.value());
    }

    /// A complete, valid on-site record except for what a case removes.
    InspectionRecord record(const std::string& id) { return fixture_record(id); }

    PhotoRef add_photo(const std::string& record_id, const std::string& photo_id,
                       std::optional<std::string> finding, std::size_t n = 70000) {
        std::vector<std::uint8_t> bytes(n);
        for (std::size_t i = 0; i < n; ++i)
            bytes[i] = static_cast<std::uint8_t>(i * 7 + photo_id.size());
        std::size_t off = 0;
        auto ref = records.add_photo(
            record_id,
            PhotoCapture{photo_id, "image/jpeg", "2026-11-28T09:41:07.000+08:00", std::nullopt,
                         finding},
            static_cast<std::int64_t>(n), [&](std::span<std::uint8_t> buf) -> Result<std::size_t> {
                const auto k = std::min(buf.size(), bytes.size() - off);
                std::copy_n(bytes.data() + off, k, buf.data());
                off += k;
                return k;
            });
        REQUIRE_MESSAGE(ref.ok(), (ref.ok() ? "" : ref.error().message));
        return ref.value();
    }

    std::string outbox_state(const std::string& id) {
        auto st = db.prepare("SELECT state FROM outbox WHERE record_id = ?1");
        REQUIRE(st.ok());
        st->bind_all(id);
        return st->step().value() ? st->column_string(0) : "";
    }
};

} // namespace fi::test
