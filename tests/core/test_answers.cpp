// What an answer means, decided once in core (core/answers.h): the app's checklist, its
// progress badge, the completion rules and the command line all ask these functions.
#include "core/answers.h"
#include "core/rules.h"

#include <doctest/doctest.h>

using namespace fi;

namespace {

Checkpoint cp(std::string id, CheckpointKind kind, bool required) {
    Checkpoint c;
    c.id = std::move(id);
    c.text = "检查点 " + c.id;
    c.kind = kind;
    c.required = required;
    return c;
}

std::vector<CatalogueItem> items() {
    CatalogueItem a;
    a.id = "A";
    a.legal_basis = {"《环境保护法》第二十四条"};
    a.checkpoints = {cp("A-1", CheckpointKind::pass_fail, true),
                     cp("A-2", CheckpointKind::text, true),
                     cp("A-3", CheckpointKind::number, false)};
    CatalogueItem b; // no legal basis: nothing of it is asked
    b.id = "B";
    b.legal_basis = {"　"};
    b.checkpoints = {cp("B-1", CheckpointKind::pass_fail, true)};
    return {a, b};
}

} // namespace

TEST_CASE("answers: blanks are ASCII white space, U+3000 and U+00A0, and nothing else") {
    CHECK(is_blank(""));
    CHECK(is_blank(" \t\r\n"));
    CHECK(is_blank("\xE3\x80\x80"));          // ideographic space
    CHECK(is_blank("\xC2\xA0 \xE3\x80\x80")); // no-break space with others
    CHECK_FALSE(is_blank("无"));
    CHECK_FALSE(is_blank(" a "));
    CHECK_FALSE(is_blank("\xC2")); // a cut sequence is not a blank
}

TEST_CASE("answers: a text of blanks is unanswered for the badge and for completion alike") {
    const auto list = items();
    InspectionRecord r;
    r.answers = {{"A", "A-1", std::string("pass"), ""}, {"A", "A-2", std::string("\xC2\xA0"), ""}};
    const Checkpoint& text = list[0].checkpoints[1];
    CHECK_FALSE(is_answered(text, find_answer(r, "A", "A-2")));
    CHECK(checklist_progress(r, list).required_answered == 1);
    CHECK(checklist_progress(r, list).required_total == 2); // B's checkpoint is not counted

    // The completion rule says the same of the same answer.
    Assignment a;
    a.id = "X";
    a.item_ids = {"A"};
    a.plan.id = "P";
    r.assignment_id = "X";
    CatalogueLookup catalogue = [&](std::string_view id) -> const CatalogueItem* {
        for (const auto& i : list)
            if (i.id == id)
                return &i;
        return nullptr;
    };
    const auto problems = check_completeness(r, a, catalogue);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "missing_answer");

    r.answers[1].value = std::string("已备案");
    CHECK(is_answered(text, find_answer(r, "A", "A-2")));
    CHECK(checklist_progress(r, list).required_answered == 2);
    CHECK(check_completeness(r, a, catalogue).empty());
}

TEST_CASE("answers: a fail turned pass drops its empty finding, keeps a described one") {
    InspectionRecord r;
    CHECK(set_answer(r, "A", "A-1", AnswerValue(std::string("fail"))));
    r.findings.push_back({"f-empty", "A", "A-1", "\xE3\x80\x80", {}});
    r.findings.push_back({"f-other", "A", "A-3", "", {}});
    CHECK(set_answer(r, "A", "A-1", AnswerValue(std::string("pass"))));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].id == "f-other"); // another checkpoint's finding is not touched

    CHECK(set_answer(r, "A", "A-1", AnswerValue(std::string("fail"))));
    r.findings.push_back({"f-described", "A", "A-1", "配额台账缺失", {}});
    r.findings.push_back({"f-photo", "A", "A-1", "", {"p-1"}});
    CHECK(set_answer(r, "A", "A-1", std::nullopt)); // cleared
    CHECK(r.findings.size() == 3); // a description or a photo is the inspector's work: kept
    CHECK(find_answer(r, "A", "A-1") == nullptr);
}

TEST_CASE("answers: a fail clears the outcome no_problem, an unchanged answer changes nothing") {
    InspectionRecord r;
    r.outcome = Outcome::no_problem;
    r.public_text = std::string(public_text_for(Outcome::no_problem));
    CHECK(set_answer(r, "A", "A-1", AnswerValue(std::string("pass"))));
    CHECK(r.outcome == Outcome::no_problem);
    r.answers[0].note = "现场查看";
    CHECK_FALSE(set_answer(r, "A", "A-1", AnswerValue(std::string("pass"))));
    CHECK(set_answer(r, "A", "A-1", AnswerValue(std::string("fail"))));
    CHECK_FALSE(r.outcome.has_value());
    CHECK(r.public_text.empty());
    CHECK(r.answers[0].note == "现场查看"); // the note survives a changed value
    CHECK(checklist_progress(r, items()).fails == 1);

    r.outcome = Outcome::rectification_ordered; // other outcomes stay
    CHECK(set_answer(r, "A", "A-3", AnswerValue(std::int64_t{7})));
    CHECK(r.outcome == Outcome::rectification_ordered);
}

TEST_CASE("answers: legal basis is any non-blank entry") {
    const auto list = items();
    CHECK(has_legal_basis(list[0]));
    CHECK_FALSE(has_legal_basis(list[1]));
    CatalogueItem none;
    CHECK_FALSE(has_legal_basis(none));
    CHECK(find_checkpoint(list, "A", "A-2") == &list[0].checkpoints[1]);
    CHECK(find_checkpoint(list, "B", "A-2") == nullptr);
}

TEST_CASE("answers: publishing a confidential result after all clears its reason and ground") {
    InspectionRecord r;
    CHECK_FALSE(set_confidential(r, false));
    CHECK(set_confidential(r, true));
    r.confidential_reason = "涉及正在查处的案件";
    r.confidential_ground = ConfidentialGround::other_law;
    CHECK_FALSE(set_confidential(r, true)); // unchanged: the reason and ground stay
    CHECK(r.confidential_ground == ConfidentialGround::other_law);
    CHECK(set_confidential(r, false));
    CHECK_FALSE(r.confidential);
    CHECK_FALSE(r.confidential_reason.has_value());
    CHECK_FALSE(r.confidential_ground.has_value());
}

TEST_CASE("answers: the next unanswered checkpoint is the next required one, wrapping round") {
    CatalogueItem c;
    c.id = "C";
    c.legal_basis = {"《大气污染防治法》第二十条"};
    c.checkpoints = {cp("C-1", CheckpointKind::pass_fail, true),
                     cp("C-2", CheckpointKind::choice, true)};
    auto list = items(); // A: A-1, A-2 (text), A-3 optional; B: no legal basis
    list.push_back(c);
    InspectionRecord r;

    // From the start, the first required checkpoint; B is never proposed.
    CHECK(next_unanswered(r, list) == CheckpointRef{"A", "A-1"});
    // After one, the next required one: an optional checkpoint is skipped.
    CHECK(next_unanswered(r, list, CheckpointRef{"A", "A-2"}) == CheckpointRef{"C", "C-1"});
    CHECK(next_unanswered(r, list, CheckpointRef{"A", "A-3"}) == CheckpointRef{"C", "C-1"});
    // From the last one, round to the start; an unknown place counts as the start.
    CHECK(next_unanswered(r, list, CheckpointRef{"C", "C-2"}) == CheckpointRef{"A", "A-1"});
    CHECK(next_unanswered(r, list, CheckpointRef{"B", "B-1"}) == CheckpointRef{"A", "A-1"});

    // Answered ones are passed over; a text of blanks is still unanswered (is_answered).
    r.answers = {{"A", "A-1", std::string("pass"), ""},
                 {"A", "A-2", std::string("\xE3\x80\x80"), ""},
                 {"C", "C-1", std::string("fail"), ""}};
    CHECK(next_unanswered(r, list) == CheckpointRef{"A", "A-2"});
    CHECK(next_unanswered(r, list, CheckpointRef{"A", "A-2"}) == CheckpointRef{"C", "C-2"});
    // The one it starts after comes last.
    r.answers.push_back({"C", "C-2", std::string("x"), ""});
    CHECK(next_unanswered(r, list, CheckpointRef{"A", "A-2"}) == CheckpointRef{"A", "A-2"});

    // Everything required answered: nowhere to go, as the progress says.
    r.answers[1].value = std::string("有");
    CHECK_FALSE(next_unanswered(r, list).has_value());
    CHECK(checklist_progress(r, list).required_answered ==
          checklist_progress(r, list).required_total);
}
