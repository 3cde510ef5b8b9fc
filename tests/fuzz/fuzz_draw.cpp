// Fuzz target: the draw verifier (core/draw.h) over a `GET /draws/{id}` answer: decode, the
// round trip of its encoder, recompute and verify, and check an assignment's team against it.

#include "core/draw.h"
#include "fuzzsupport.h"
#include "sync/jsonguard.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto parsed = fi::sync::parse_untrusted_json(fi::fuzz::text_of(data, size));
    if (!parsed)
        return 0;
    auto draw = fi::decode_draw(*parsed);
    if (!draw)
        return 0;

    const nlohmann::json once = fi::encode_draw(*draw);
    (void)once.dump();
    auto back = fi::decode_draw(once);
    FI_FUZZ_CHECK(back.ok());
    FI_FUZZ_CHECK(*back == *draw);

    (void)fi::seed_commitment_for(draw->seed);
    const fi::DrawVerification verification = fi::verify_draw(*draw);
    FI_FUZZ_CHECK(verification.verified() == (verification.step == fi::DrawStep::verified));
    FI_FUZZ_CHECK(verification.verified() || !verification.message.empty());

    auto outcome = fi::compute_draw(*draw);
    if (verification.verified()) {
        // A verified draw is one whose recomputation gives exactly what it claims.
        FI_FUZZ_CHECK(outcome.ok());
        FI_FUZZ_CHECK(outcome->selected == draw->selected);
        FI_FUZZ_CHECK(outcome->teams == draw->teams);
    }

    // The assignment check: a claimed team (as published), and one that cannot match.
    std::size_t checked = 0;
    for (const auto& [target, team] : draw->teams) {
        if (++checked > 4)
            break;
        const auto same = fi::verify_assignment_team(*draw, target, team);
        FI_FUZZ_CHECK(same.verified() == verification.verified());
        std::vector<std::string> other = team;
        other.push_back("\x01not-drawn");
        FI_FUZZ_CHECK(!fi::verify_assignment_team(*draw, target, other).verified());
    }
    (void)fi::verify_assignment_team(*draw, "\x01no-such-target", {});
    return 0;
}
