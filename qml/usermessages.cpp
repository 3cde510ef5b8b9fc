#include "qml/usermessages.h"

#include "core/recorddocument.h"
#include "platform/keyvault.h"
#include "qml/applayer.h"

namespace fi::app {

QString UserMessages::error(const Error& e) {
    return error(QString::fromStdString(e.code), QString::fromStdString(e.message));
}

QString UserMessages::error(const QString& code, const QString& english) {
    namespace ke = platform::key_error;
    const std::string c = code.toStdString();
    if (c == ke::wrong_pin)
        return tr("Wrong PIN. Try again. After 10 wrong PINs the tablet locks until you sign in "
                  "online.");
    if (c == ke::retry_later)
        return tr("Too many wrong PINs. Wait until the countdown ends, then try again.");
    if (c == ke::locked_out)
        return tr("This tablet locked itself after 10 wrong PINs. Connect to the network and sign "
                  "in with your account to unlock it. Your records are kept.");
    if (c == ke::weak_pin)
        return tr("This PIN is too short. Choose a PIN of at least 6 characters.");
    if (c == ke::not_confirmed || c == service_error::not_owner)
        return tr("This tablet belongs to another inspector. Sign in with the account that set "
                  "it up.");
    if (c == ke::already_set_up)
        return tr("This tablet is already set up. Unlock it with your PIN.");
    if (c == ke::key_file_damaged)
        return tr("The key file of this tablet is damaged. Do not reset the tablet; contact your "
                  "administrator.");
    if (c == service_error::locked)
        return tr("The data on this tablet is locked. Enter your PIN.");
    if (c == service_error::no_session)
        return tr("Sign in online first, then choose a PIN.");
    if (c == service_error::no_server)
        return tr("Enter the central system's address (for example "
                  "https://central.example/api/v1) and try again.");
    if (c == service_error::sign_in || c == "unauthorized")
        return tr("Your session with the central system has ended. Sign in again; nothing on the "
                  "tablet was lost.");
    if (c == service_error::not_found)
        return tr("This item is no longer on the tablet. Go back to Today and pull the latest "
                  "assignments.");
    if (c == "invalid_credentials")
        return tr("The user name or the password is wrong. Check both and try again.");
    if (c == "locked")
        return tr("This account is locked after too many wrong passwords. Wait 15 minutes or ask "
                  "your administrator to unlock it.");
    if (c == "network_resolve" || c == "network_connect" || c == "network_timeout" ||
        c == "network_connection" || c == "network_other" || c == "network")
        return tr("The central system cannot be reached. Check the network connection. Your work "
                  "is kept on the tablet and is sent as soon as the network is back.");
    if (c == "network_tls")
        return tr("The central system's certificate was refused, so nothing was sent. Check the "
                  "server settings (CA file or key pin) with your administrator.");
    if (c == "network_refused_url")
        return tr("This server address is not allowed. Use an https:// address (http:// only "
                  "for a test server on this computer).");
    if (c == "network_too_large")
        return tr("The central system's answer was too large to accept. Tell your "
                  "administrator.");
    if (c == "network_cancelled")
        return tr("The request was cancelled. Try again.");
    if (c == "not_team_leader")
        return tr("Only the team leader of this assignment can ask for a new draw.");
    if (c == "revoked" || c == rule_code::assignment_revoked)
        return tr("This assignment was revoked by a re-draw. Pull the latest assignments and use "
                  "the new one.");
    if (c == "already_inspected")
        return tr("An inspection of this assignment was already recorded, so this is no longer "
                  "possible.");
    if (c == "low_space")
        return tr("The photo was not imported: the tablet is almost full. Upload your records, "
                  "free some space, then try again.");
    if (c == "not_an_image")
        return tr("This file is not a picture the app can read. Choose a JPEG or PNG photo.");
    if (c == document_error::not_completed)
        return tr("Only a completed record has an inspection record. Complete it first.");
    if (c == document_error::not_found)
        return tr("This record is not on the tablet. Go back to Today and open it again.");
    if (c == "pdf_failed" || c == "qr_failed")
        return tr("The PDF could not be made (%1). Try again; if it keeps failing, contact your "
                  "administrator.")
            .arg(english);
    if (c == store_error::io)
        return tr("A file could not be written: %1 Check the free storage and try again.")
            .arg(english);
    if (c == "camera_unavailable")
        return tr("No camera is available on this device. Import a photo from a file instead.");
    if (c == store_error::wrong_key || c == store_error::damaged ||
        c == store_error::newer_schema || c == store_error::insecure)
        return tr("The data on this tablet could not be opened (%1). Do not reset the tablet; "
                  "contact your administrator.")
            .arg(code);
    if (c == store_error::disk_full)
        return tr("The tablet's storage is full. Free some space; nothing was lost.");
    if (c == "too_large")
        return tr("The central system refused the record as too large (texts up to 4,000 "
                  "characters, photos up to 25 MiB, at most 200 photos).");
    if (c == "idempotency_conflict" || c == "chain_broken")
        return tr("The central system refused this record (%1): %2 Keep the tablet as it is and "
                  "contact your administrator.")
            .arg(code, english);
    if (english.isEmpty())
        return tr("Something went wrong (%1). Try again; if it keeps happening, contact your "
                  "administrator.")
            .arg(code);
    return tr("Something went wrong: %1 Try again; if it keeps happening, contact your "
              "administrator.")
        .arg(english);
}

QString UserMessages::time(const std::string& rfc3339) {
    if (rfc3339.size() < 16)
        return QString::fromStdString(rfc3339);
    return QString::fromStdString(rfc3339.substr(0, 10) + " " + rfc3339.substr(11, 5));
}

QString UserMessages::problem(const Problem& p) {
    namespace rc = rule_code;
    const std::string& c = p.code;
    if (c == rc::missing_answer)
        return tr("A required checkpoint has no answer. Answer it.");
    if (c == rc::fail_without_finding)
        return tr("A failed checkpoint has no finding. Describe what is wrong.");
    if (c == rc::finding_description_required)
        return tr("A finding has no description. Describe what is wrong.");
    if (c == rc::photo_required)
        return tr("A failed checkpoint needs photo evidence. Take or import a photo for its "
                  "finding.");
    if (c == rc::photo_not_declared)
        return tr("A finding cites a photo that is not part of the record. Take the photo again.");
    if (c == rc::too_many_photos)
        return tr("A record may hold at most 200 photos. Delete some.");
    if (c == rc::photo_too_large)
        return tr("A photo is larger than 25 MiB. Delete it and take it again.");
    if (c == rc::text_too_long)
        return tr("A text is longer than 4,000 characters. Shorten it.");
    if (c == rc::outcome_required)
        return tr("Choose the outcome of the inspection.");
    if (c == rc::outcome_inconsistent)
        return tr("A checkpoint failed, so the outcome cannot be \"no problem found\". Choose "
                  "\"rectification ordered\" or \"case opened\".");
    if (c == rc::confidential_reason_required)
        return tr("A result kept from publication needs its reason. Give the reason, or publish "
                  "the result.");
    if (c == rc::too_few_certified_present)
        return tr("An on-site inspection needs at least two officers of the team with an "
                  "enforcement certificate marked present. Experts do not count.");
    if (c == rc::location_required)
        return tr("The place of the on-site inspection is missing. Allow location access and "
                  "wait for a position fix.");
    if (c == rc::offsite_method_required)
        return tr("Choose how the off-site inspection was done.");
    if (c == rc::offsite_method_not_allowed)
        return tr("An on-site inspection has no off-site method. Remove it.");
    if (c == rc::not_assigned)
        return tr("Someone marked present is not on the drawn team, or you are not on it. Only "
                  "the drawn team may inspect.");
    if (c == rc::assignment_revoked)
        return tr("This assignment was revoked by a re-draw; it can no longer be inspected.");
    if (c == rc::no_plan)
        return tr("This assignment names no plan, so it must not be inspected (no plan, no "
                  "inspection).");
    if (c == rc::no_items || c == rc::unknown_item || c == rc::item_not_in_assignment)
        return tr("An item of this inspection is not in the catalogue or not in the assignment. "
                  "Pull the latest data; if it stays, contact your administrator.");
    if (c == rc::no_legal_basis)
        return tr("An item has no legal basis, so it must not be inspected (no legal basis, no "
                  "inspection). Contact your administrator.");
    if (c == rc::correction_reason_required || c == rc::supersedes_required)
        return tr("A correction needs the record it corrects and its reason.");
    return tr("This value is not valid: %1").arg(QString::fromStdString(p.message));
}

} // namespace fi::app
