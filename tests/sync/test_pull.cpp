// Pulls against the real reference server: every active assignment's team checked against
// its draw, whether this pull wrote the assignment or the store already held it.
#include "core/modeljson.h"
#include "core/statement.h"
#include "syncfixture.h"

#include <future>
#include <sqlite3.h>

using namespace fi;
using namespace fi::test;

TEST_CASE("a pull verifies every active team: those it wrote as written, the rest as stored") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    auto first = sync::Puller(t.db, t.client).pull_all(1); // one assignment a page
    REQUIRE_MESSAGE(first.ok(), (first.ok() ? "" : first.error().message));
    const auto held = t.assignments();
    REQUIRE(held.size() >= 2);
    CHECK(first->draws_verified == held.size());
    CHECK(first->draws_not_verified == 0);

    // A team changed in the store behind the central system's back: the next pull brings
    // nothing new, so it checks every team as stored, and the changed one shows.
    Assignment changed = held[0];
    auto member = std::find_if(changed.team.begin(), changed.team.end(),
                               [](const TeamMember& m) { return m.role != TeamRole::expert; });
    REQUIRE(member != changed.team.end());
    member->inspector_id = "not-drawn-inspector";
    REQUIRE(execute(t.db, "UPDATE assignments SET json = ?2 WHERE id = ?1", changed.id,
                    encode_assignment(changed).dump())
                .ok());
    auto second = sync::Puller(t.db, t.client).pull_all(1);
    REQUIRE(second.ok());
    CHECK(second->applied == 0);
    CHECK(second->draws_verified == held.size() - 1);
    CHECK(second->draws_not_verified == 1);
    bool named = false;
    for (const auto& m : second->messages)
        named = named || m.find("assignment " + changed.id) != std::string::npos;
    CHECK(named);
}

namespace {

/// Sends through the tablet's real transport and notes, for each assignments page asked for,
/// how many transactions the store had committed when the request was started and when its
/// answer was asked for.
class PageWatch final : public sync::Transport {
public:
    PageWatch(sync::Transport& inner, Database& db) : inner_(inner) {
        sqlite3_commit_hook(db.handle(), &PageWatch::on_commit, &commits_);
    }
    sync::HttpResponse perform(sync::HttpRequest rq) override {
        if (is_page(rq))
            ++performed;
        return inner_.perform(std::move(rq));
    }
    std::future<sync::HttpResponse> start(sync::HttpRequest rq) override {
        if (!is_page(rq))
            return inner_.start(std::move(rq));
        const std::size_t k = pages.size();
        pages.push_back({commits_, -1});
        return std::async(std::launch::deferred,
                          [this, k, f = inner_.start(std::move(rq))]() mutable {
                              pages[k].commits_at_answer = commits_;
                              return f.get();
                          });
    }
    struct Page {
        int commits_at_start, commits_at_answer;
    };
    std::vector<Page> pages;
    int performed = 0;

private:
    static bool is_page(const sync::HttpRequest& rq) {
        return rq.url.find("/assignments?") != std::string::npos;
    }
    static int on_commit(void* count) {
        ++*static_cast<int*>(count);
        return 0;
    }
    sync::Transport& inner_;
    int commits_ = 0;
};

} // namespace

TEST_CASE("the next page is on the network while the one before it is written") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    PageWatch watching(t.transport, t.db);
    sync::CentralClient client(watching, server.process.base_url());
    client.set_token(t.client.token());
    auto pulled = sync::Puller(t.db, client).pull_all(1); // one assignment a page
    REQUIRE_MESSAGE(pulled.ok(), (pulled.ok() ? "" : pulled.error().message));
    const auto held = t.assignments().size();
    REQUIRE(held >= 2);
    CHECK(pulled->applied >= held);
    CHECK(watching.performed == 0);
    // One page per assignment, and the last (empty, has_more false) when the count is exact.
    REQUIRE(watching.pages.size() >= held);
    for (std::size_t k = 1; k < watching.pages.size(); ++k) {
        CAPTURE(k);
        const auto& before = watching.pages[k - 1];
        const auto& page = watching.pages[k];
        // Started as soon as the page before it was answered, before that page was written;
        // answered after it was written (its one transaction).
        CHECK(page.commits_at_start == before.commits_at_answer);
        CHECK(page.commits_at_answer == before.commits_at_answer + 1);
    }
}
