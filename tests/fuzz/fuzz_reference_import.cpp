// Fuzz target: the reference-data importer (core/referencestore.h) on a real encrypted store.
// The input is up to four answers separated by NUL bytes (which valid JSON never holds),
// applied in pull order: a catalogue page, a roster page, an assignment page, a draw. Then
// everything is read back the way the app reads it. The store is created once per process
// and emptied after each input, so every input starts from the same empty store.

#include "core/database.h"
#include "core/referencestore.h"
#include "core/store.h"
#include "fuzzsupport.h"
#include "sync/jsonguard.h"

#include <filesystem>
#include <optional>
#include <string>
#include <system_error>
#include <unistd.h>

namespace {

/// The store and the scratch directory it lives in, removed at exit.
struct Scratch {
    std::filesystem::path dir;
    std::optional<fi::Database> db;

    Scratch() {
        std::error_code ec;
        // tmpfs when there is one: the store syncs every transaction.
        std::filesystem::path base = "/dev/shm";
        if (!std::filesystem::is_directory(base, ec))
            base = std::filesystem::temp_directory_path();
        dir = base / ("fi-fuzz-import-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir, ec);
        std::filesystem::create_directories(dir);
        std::array<std::uint8_t, fi::SecretKey::size_bytes> bytes{};
        bytes.fill(0x5a);
        auto opened = fi::open_store(dir / "fuzz.db", fi::SecretKey(bytes),
                                     {fi::OpenOptions::Mode::create_if_missing});
        if (!opened) {
            std::fprintf(stderr, "cannot open the scratch store: %s\n",
                         opened.error().message.c_str());
            std::abort();
        }
        db.emplace(std::move(opened.value()));
        // The fuzzer needs speed, not durability: nothing here outlives the process.
        (void)db->exec("PRAGMA synchronous=OFF");
    }
    ~Scratch() {
        db.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }

    void empty() {
        const auto done = db->exec("DELETE FROM catalogue_items; DELETE FROM inspectors; "
                                   "DELETE FROM assignments; DELETE FROM draws; "
                                   "DELETE FROM sync_cursors; DELETE FROM rejected_items;");
        FI_FUZZ_CHECK(done.ok());
    }
};

Scratch& scratch() {
    static Scratch s;
    return s;
}

void check_report(const fi::Result<fi::PageReport>& report) {
    // Bad input is a decoding error; anything else would be the store failing.
    if (!report)
        FI_FUZZ_CHECK(report.error().code == fi::model_json_invalid);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = fi::fuzz::text_of(data, size);
    Scratch& s = scratch();
    fi::ReferenceStore refs(*s.db);

    std::size_t start = 0;
    for (int part = 0; part < 4 && start <= text.size(); ++part) {
        const auto end = std::min(text.find('\0', start), text.size());
        auto json = fi::sync::parse_untrusted_json(text.substr(start, end - start));
        start = end + 1;
        if (!json)
            continue;
        switch (part) {
        case 0:
            check_report(refs.apply_catalogue_page(*json));
            break;
        case 1:
            check_report(refs.apply_inspector_page(*json));
            break;
        case 2:
            check_report(refs.apply_assignment_page(*json));
            break;
        default:
            if (auto stored = refs.store_draw(*json)) {
                auto again = refs.draw(stored->draw.id);
                FI_FUZZ_CHECK(again.ok() && again->has_value());
                FI_FUZZ_CHECK((*again)->draw == stored->draw);
            }
        }
    }

    // Read back: whatever was admitted must load again.
    for (const char* endpoint : {"catalogue", "inspectors", "assignments"})
        FI_FUZZ_CHECK(refs.cursor(endpoint).ok());
    auto assignments = refs.assignments(/*include_revoked=*/true);
    FI_FUZZ_CHECK(assignments.ok());
    for (const auto& a : *assignments) {
        FI_FUZZ_CHECK(refs.assignment(a.id).ok());
        FI_FUZZ_CHECK(refs.verify_team(a).ok());
        FI_FUZZ_CHECK(refs.rule_context(a.id).ok());
        for (const auto& item : a.item_ids)
            FI_FUZZ_CHECK(refs.catalogue_item(item).ok());
        for (const auto& member : a.team)
            FI_FUZZ_CHECK(refs.inspector(member.inspector_id).ok());
    }
    s.empty();
    return 0;
}
