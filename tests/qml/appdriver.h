#pragma once

// What the end-to-end tests share: the real app's window driven as a user does (taps, keys,
// pages by object name) and what the reference server says it received.

#include "qml/application.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QString>
#include <QTemporaryDir>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fi::app {
class AssignmentListModel;
class ChecklistModel;
class ChecklistController;
class CompletionController;
class OpenRecord;
} // namespace fi::app

namespace fi::test {

class ServerProcess;

/// The PIN every end-to-end tablet is set up with.
inline const QString e2e_pin = QStringLiteral("246813");

/// What an end-to-end test starts with: Qt Quick as the app renders offscreen (software, the
/// Material style), and the reference server with its demo data in `central`.
std::unique_ptr<ServerProcess> start_e2e(const QTemporaryDir& central);

/// The app on a fresh data directory against `server`, in `language`, its position replayed
/// from the demo's NMEA walk.
app::AppOptions e2e_options(const QString& data, const std::string& server,
                            const QString& language = QStringLiteral("zh_CN"));

/// The same, signed in as `user` (password demo1234, PIN e2e_pin) without the screens, as
/// `--user`, `--password-file` and `--pin-file` do.
app::AppOptions e2e_signed_in(const QString& data, const std::string& server, const QString& user,
                              const QString& language = QStringLiteral("zh_CN"));

/// The first assignment of `mode` (onsite | offsite) on Today; empty when there is none.
QString first_assignment(const app::AssignmentListModel& list, const QString& mode);

/// Lines of `fieldinspect-server admin --data DIR inspections`: every record the central
/// system holds, with its photo progress.
std::vector<std::string> central_inspections(const std::filesystem::path& central_dir);

/// The app's window and the pages in it, found by object name.
class AppDriver {
public:
    explicit AppDriver(app::Application& app) : app_(app) {}

    QQuickWindow* window() const { return app_.window(); }

    QQuickItem* page() const { return window()->property("currentPage").value<QQuickItem*>(); }
    QString page_name() const;
    bool page_ready() const;
    /// A page transition is running.
    bool stack_busy() const;
    /// Wait until `name` is the current page, shows its data and stands still (no transition).
    bool wait_page(const QString& name, int ms = 15000) const;

    /// A visible item by object name: on the current page first (a page leaving in a
    /// transition is still visible), then anywhere in the window (popups, the app bar).
    QQuickItem* find(const QString& name) const;
    static QQuickItem* find_in(QQuickItem* root, const QString& name);
    QQuickItem* wait_find(const QString& name, int ms = 5000) const;

    /// Tap an item in its middle, as a finger would.
    bool tap(QQuickItem* item) const;
    bool tap(const QString& name) const { return tap(wait_find(name)); }
    /// Scroll the page (its Flickable) until `item` is in the middle of what it shows, unless
    /// it is in view already.
    void reveal(QQuickItem* item) const;

    /// Type at the end of a text field found by object name (its TextField child for
    /// FiTextField).
    bool type(const QString& name, const QString& text) const;
    /// Key presses into the focused item (QTest::keyClicks is for widgets only).
    void keys(const QString& text) const;

    /// Save the window as FI_SCREENSHOT_DIR/name.png.
    void screenshot(const QString& name) const;

    /// Wait until a popup (dialog, menu) of the current page is fully open.
    bool wait_popup(const QString& name, int ms = 5000) const;

    template <class T> T* object(const QString& name) const {
        return page() ? page()->findChild<T*>(name) : nullptr;
    }

    /// Wait for Today and its assignments after the first pull; null if they do not come.
    app::AssignmentListModel* wait_today() const;
    /// Today: tap the card of `assignment_id` (scrolled to) and wait for its Target page.
    bool open_assignment(app::AssignmentListModel& list, const QString& assignment_id) const;

    /// The Checklist page: bring `row` to the middle of the list, clear of the item's header
    /// held at the top (it keeps its taps).
    void show_row(int row) const;
    /// Answer the checkpoint in `row` through its own editor: `pass_fail` ("answer_pass",
    /// "answer_fail") on a pass/fail checkpoint, 12, the first choice or a text otherwise.
    bool answer_row(const app::ChecklistModel& model, int row,
                    const QString& pass_fail = QStringLiteral("answer_pass")) const;

    /// The record the page on screen shows (the Checklist, Photos and Complete pages share
    /// one), and the page's own controller: the Checklist page's, the Complete page's.
    app::OpenRecord* shown_record() const;
    app::ChecklistController* shown_checklist() const;
    app::CompletionController* shown_completion() const;

    /// On the Complete page of an on-site record: everyone who signs draws on the signature
    /// pad (the representative as `representative`), each kept; `shot` the dialog, once.
    bool sign_all(app::CompletionController& completion, const QString& representative,
                  const QString& shot = {}) const;

    /// From the Checklist page: the Complete page, `outcome` chosen, signed when on site
    /// (sign_all), completed and confirmed. Takes the screenshot `shot` of the Complete page
    /// before completing when not empty.
    bool complete(const QString& outcome, const QString& shot = {}) const;

    /// The Sync page through the app bar, until nothing is left to send.
    bool upload(int ms = 30000) const;

    /// Tap the app bar's back button until `name` is shown (at most `taps` times).
    bool back_to(const QString& name, int taps = 8) const;

    /// In the open start dialog: every certified team member other than the user ticked
    /// present.
    bool tick_team_present() const;

    /// Lock from the menu, then unlock with e2e_pin.
    bool lock_and_unlock() const;

private:
    app::Application& app_;
};

} // namespace fi::test
