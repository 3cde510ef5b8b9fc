#include "qml/usermessages.h"

#include "core/recorddocument.h"
#include "core/timeflags.h"
#include "platform/keyvault.h"
#include "qml/applayer.h"

#include <iterator>
#include <string_view>

namespace fi::app {

namespace {

/// What a message carries beside its fixed words.
enum class Words { fixed, with_english, with_code, with_code_and_english };

struct Message {
    std::string_view code;
    const char* text; ///< English source, translated in the "UserMessages" context
    Words words;
};

/// Every error code a user can meet, with what happened and what to do: the one table the
/// front end keeps (the codes are core's, platform's, the services' and the central
/// system's). A code this table does not know shows its English sentence.
constexpr Message errors[] = {
    {"record_purged",
     QT_TRANSLATE_NOOP("UserMessages",
                       "This record is no longer on this tablet: the central system received it "
                       "and it was removed after the retention period. The central system "
                       "keeps it; this tablet keeps only its receipt."),
     Words::fixed},
    {platform::key_error::wrong_pin,
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "Wrong PIN. Try again. After 10 wrong PINs the tablet locks until you sign in "
         "online."),
     Words::fixed},
    {platform::key_error::retry_later,
     QT_TRANSLATE_NOOP("UserMessages",
                       "Too many wrong PINs. Wait until the countdown ends, then try again."),
     Words::fixed},
    {platform::key_error::locked_out,
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "This tablet locked itself after 10 wrong PINs. Connect to the network and sign "
         "in with your account to unlock it. Your records are kept."),
     Words::fixed},
    {platform::key_error::weak_pin,
     QT_TRANSLATE_NOOP("UserMessages",
                       "This PIN is too short. Choose a PIN of at least 6 characters."),
     Words::fixed},
    {platform::key_error::not_confirmed,
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "This tablet belongs to another inspector. Sign in with the account that set "
         "it up."),
     Words::fixed},
    {service_error::not_signable,
     QT_TRANSLATE_NOOP("UserMessages", "This signature cannot be taken: %1"), Words::with_english},
    {service_error::invalid_signature,
     QT_TRANSLATE_NOOP("UserMessages",
                       "The signature could not be kept (%1). Clear the pad and sign again."),
     Words::with_english},
    {service_error::not_owner,
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "This tablet belongs to another inspector. Sign in with the account that set "
         "it up."),
     Words::fixed},
    {platform::key_error::already_set_up,
     QT_TRANSLATE_NOOP("UserMessages", "This tablet is already set up. Unlock it with your PIN."),
     Words::fixed},
    {platform::key_error::key_file_damaged,
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "The key file of this tablet is damaged. Do not reset the tablet; contact your "
         "administrator."),
     Words::fixed},
    {platform::key_error::weak_passphrase,
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "This tablet has no security chip the app can use, so a PIN is not enough. Choose a "
         "passphrase of at least 12 characters mixing three kinds (lower-case letters, capitals, "
         "digits, other signs), or of at least 20 characters mixing two."),
     Words::fixed},
    {platform::key_error::key_file_tampered,
     QT_TRANSLATE_NOOP("UserMessages",
                       "The key file of this tablet was changed outside the app. The tablet stays "
                       "locked: connect to the network and sign in with your account, or use the "
                       "recovery code. Your records are kept."),
     Words::fixed},
    {platform::key_error::wrong_device,
     QT_TRANSLATE_NOOP("UserMessages",
                       "This data was set up on another device's security chip and cannot be "
                       "opened on this tablet. Ask your administrator to set this tablet up; "
                       "uploaded records are safe on the central system."),
     Words::fixed},
    {platform::key_error::device_locked_out,
     QT_TRANSLATE_NOOP("UserMessages",
                       "The security chip refuses PIN checks for now after too many wrong PINs. "
                       "Wait a while and try again; no attempt was counted."),
     Words::fixed},
    {service_error::locked,
     QT_TRANSLATE_NOOP("UserMessages", "The data on this tablet is locked. Enter your PIN."),
     Words::fixed},
    {service_error::no_session,
     QT_TRANSLATE_NOOP("UserMessages", "Sign in online first, then choose a PIN."), Words::fixed},
    {service_error::no_server,
     QT_TRANSLATE_NOOP("UserMessages", "Enter the central system's address (for example "
                                       "https://central.example/api/v1) and try again."),
     Words::fixed},
    {service_error::sign_in,
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "Your session with the central system has ended. Sign in again; nothing on the "
         "tablet was lost."),
     Words::fixed},
    {std::string_view("unauthorized"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "Your session with the central system has ended. Sign in again; nothing on the "
         "tablet was lost."),
     Words::fixed},
    {service_error::not_found,
     QT_TRANSLATE_NOOP("UserMessages",
                       "This item is no longer on the tablet. Go back to Today and pull the latest "
                       "assignments."),
     Words::fixed},
    {std::string_view("invalid_credentials"),
     QT_TRANSLATE_NOOP("UserMessages",
                       "The user name or the password is wrong. Check both and try again."),
     Words::fixed},
    {std::string_view("locked"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "This account is locked after too many wrong passwords. Wait 15 minutes or ask "
         "your administrator to unlock it."),
     Words::fixed},
    {std::string_view("network_resolve"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "The central system cannot be reached. Check the network connection. Your work "
         "is kept on the tablet and is sent as soon as the network is back."),
     Words::fixed},
    {std::string_view("network_connect"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "The central system cannot be reached. Check the network connection. Your work "
         "is kept on the tablet and is sent as soon as the network is back."),
     Words::fixed},
    {std::string_view("network_timeout"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "The central system cannot be reached. Check the network connection. Your work "
         "is kept on the tablet and is sent as soon as the network is back."),
     Words::fixed},
    {std::string_view("network_connection"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "The central system cannot be reached. Check the network connection. Your work "
         "is kept on the tablet and is sent as soon as the network is back."),
     Words::fixed},
    {std::string_view("network_other"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "The central system cannot be reached. Check the network connection. Your work "
         "is kept on the tablet and is sent as soon as the network is back."),
     Words::fixed},
    {std::string_view("network"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "The central system cannot be reached. Check the network connection. Your work "
         "is kept on the tablet and is sent as soon as the network is back."),
     Words::fixed},
    {std::string_view("network_tls"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "The central system's certificate was refused, so nothing was sent. Check the "
         "server settings (CA file or key pin) with your administrator."),
     Words::fixed},
    {std::string_view("network_refused_url"),
     QT_TRANSLATE_NOOP("UserMessages",
                       "This server address is not allowed. Use an https:// address (http:// only "
                       "for a test server on this computer)."),
     Words::fixed},
    {std::string_view("network_too_large"),
     QT_TRANSLATE_NOOP("UserMessages",
                       "The central system's answer was too large to accept. Tell your "
                       "administrator."),
     Words::fixed},
    {std::string_view("network_cancelled"),
     QT_TRANSLATE_NOOP("UserMessages", "The request was cancelled. Try again."), Words::fixed},
    {std::string_view("not_team_leader"),
     QT_TRANSLATE_NOOP("UserMessages",
                       "Only the team leader of this assignment can ask for a new draw."),
     Words::fixed},
    {std::string_view("revoked"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "This assignment was revoked by a re-draw. Pull the latest assignments and use "
         "the new one."),
     Words::fixed},
    {rule_code::assignment_revoked,
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "This assignment was revoked by a re-draw. Pull the latest assignments and use "
         "the new one."),
     Words::fixed},
    {std::string_view("already_inspected"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "An inspection of this assignment was already recorded, so this is no longer "
         "possible."),
     Words::fixed},
    {std::string_view("already_corrected"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "The record this correction corrects was already corrected by another version (on "
         "another tablet, perhaps). This correction is kept here but the central system will "
         "not take it: open the assignment's newest version and correct that one."),
     Words::fixed},
    {service_error::not_chain_head,
     QT_TRANSLATE_NOOP("UserMessages",
                       "This version was already corrected. Open the newest version and correct "
                       "that one."),
     Words::fixed},
    {service_error::not_correctable,
     QT_TRANSLATE_NOOP("UserMessages",
                       "Only a completed record that the central system did not refuse can be "
                       "corrected."),
     Words::fixed},
    {std::string_view("low_space"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "The photo was not imported: the tablet is almost full. Upload your records, "
         "free some space, then try again."),
     Words::fixed},
    {std::string_view("not_an_image"),
     QT_TRANSLATE_NOOP("UserMessages",
                       "This file is not a picture the app can read. Choose a JPEG or PNG photo."),
     Words::fixed},
    {document_error::not_completed,
     QT_TRANSLATE_NOOP("UserMessages",
                       "Only a completed record has an inspection record. Complete it first."),
     Words::fixed},
    {document_error::not_found,
     QT_TRANSLATE_NOOP("UserMessages",
                       "This record is not on the tablet. Go back to Today and open it again."),
     Words::fixed},
    {std::string_view("pdf_failed"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "The PDF could not be made (%1). Try again; if it keeps failing, contact your "
         "administrator."),
     Words::with_english},
    {std::string_view("qr_failed"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "The PDF could not be made (%1). Try again; if it keeps failing, contact your "
         "administrator."),
     Words::with_english},
    {store_error::io,
     QT_TRANSLATE_NOOP("UserMessages",
                       "A file could not be written: %1 Check the free storage and try again."),
     Words::with_english},
    {std::string_view("camera_unavailable"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "No camera is available on this device. Import a photo from a file instead."),
     Words::fixed},
    {store_error::wrong_key,
     QT_TRANSLATE_NOOP("UserMessages",
                       "The data on this tablet could not be opened (%1). Do not reset the tablet; "
                       "contact your administrator."),
     Words::with_code},
    {store_error::damaged,
     QT_TRANSLATE_NOOP("UserMessages",
                       "The data on this tablet could not be opened (%1). Do not reset the tablet; "
                       "contact your administrator."),
     Words::with_code},
    {store_error::newer_schema,
     QT_TRANSLATE_NOOP("UserMessages",
                       "The data on this tablet could not be opened (%1). Do not reset the tablet; "
                       "contact your administrator."),
     Words::with_code},
    {store_error::insecure,
     QT_TRANSLATE_NOOP("UserMessages",
                       "The data on this tablet could not be opened (%1). Do not reset the tablet; "
                       "contact your administrator."),
     Words::with_code},
    {store_error::disk_full,
     QT_TRANSLATE_NOOP("UserMessages",
                       "The tablet's storage is full. Free some space; nothing was lost."),
     Words::fixed},
    {std::string_view("too_large"),
     QT_TRANSLATE_NOOP("UserMessages",
                       "The central system refused the record as too large (texts up to 4,000 "
                       "characters, photos up to 25 MiB, at most 200 photos)."),
     Words::fixed},
    {std::string_view("idempotency_conflict"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "The central system refused this record (%1): %2 Keep the tablet as it is and "
         "contact your administrator."),
     Words::with_code_and_english},
    {std::string_view("chain_broken"),
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "The central system refused this record (%1): %2 Keep the tablet as it is and "
         "contact your administrator."),
     Words::with_code_and_english},
};

/// Every problem the completion rules can raise (core/rules.h), as the Complete page lists
/// them.
constexpr Message problems[] = {
    {rule_code::missing_answer,
     QT_TRANSLATE_NOOP("UserMessages", "A required checkpoint has no answer. Answer it."),
     Words::fixed},
    {rule_code::fail_without_finding,
     QT_TRANSLATE_NOOP("UserMessages",
                       "A failed checkpoint has no finding. Describe what is wrong."),
     Words::fixed},
    {rule_code::finding_description_required,
     QT_TRANSLATE_NOOP("UserMessages", "A finding has no description. Describe what is wrong."),
     Words::fixed},
    {rule_code::photo_required,
     QT_TRANSLATE_NOOP("UserMessages",
                       "A failed checkpoint needs photo evidence. Take or import a photo for its "
                       "finding."),
     Words::fixed},
    {rule_code::photo_not_declared,
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "A finding cites a photo that is not part of the record. Take the photo again."),
     Words::fixed},
    {rule_code::too_many_photos,
     QT_TRANSLATE_NOOP("UserMessages", "A record may hold at most 200 photos. Delete some."),
     Words::fixed},
    {rule_code::photo_too_large,
     QT_TRANSLATE_NOOP("UserMessages",
                       "A photo is larger than 25 MiB. Delete it and take it again."),
     Words::fixed},
    {rule_code::text_too_long,
     QT_TRANSLATE_NOOP("UserMessages", "A text is longer than 4,000 characters. Shorten it."),
     Words::fixed},
    {rule_code::missing_signature,
     QT_TRANSLATE_NOOP("UserMessages",
                       "Signatures are missing or out of place. Each inspector present signs; the "
                       "inspected unit's representative signs too, or you record their refusal "
                       "with the reason."),
     Words::fixed},
    {rule_code::outcome_required,
     QT_TRANSLATE_NOOP("UserMessages", "Choose the outcome of the inspection."), Words::fixed},
    {rule_code::outcome_inconsistent,
     QT_TRANSLATE_NOOP("UserMessages",
                       "A checkpoint failed, so the outcome cannot be \"no problem found\". Choose "
                       "\"rectification ordered\" or \"case opened\"."),
     Words::fixed},
    {rule_code::confidential_reason_required,
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "A result kept from publication needs its reason. Give the reason, or publish "
         "the result."),
     Words::fixed},
    {rule_code::confidential_ground_required,
     QT_TRANSLATE_NOOP("UserMessages",
                       "A result kept from publication needs its legal ground: a state secret, "
                       "national security, public safety, or another case the law excludes from "
                       "publication. Choose the ground, or publish the result."),
     Words::fixed},
    {rule_code::too_few_certified_present,
     QT_TRANSLATE_NOOP("UserMessages",
                       "An on-site inspection needs at least two officers of the team with an "
                       "enforcement certificate marked present. Experts do not count."),
     Words::fixed},
    {rule_code::location_required,
     QT_TRANSLATE_NOOP("UserMessages",
                       "The place of the on-site inspection is missing. Allow location access and "
                       "wait for a position fix."),
     Words::fixed},
    {time_flag::day_mismatch,
     QT_TRANSLATE_NOOP("UserMessages",
                       "The inspection day is not the day the inspection started. The central "
                       "system would flag this record, so it cannot be completed: record the "
                       "inspection on the day it takes place."),
     Words::fixed},
    {time_flag::in_future,
     QT_TRANSLATE_NOOP("UserMessages",
                       "The record's times lie in the future of the tablet's trusted time. The "
                       "central system would flag this record, so it cannot be completed: sync "
                       "with the central system so the tablet knows the time, then try again."),
     Words::fixed},
    {time_flag::outside_window,
     QT_TRANSLATE_NOOP("UserMessages",
                       "The inspection day is outside the assignment's window. The central "
                       "system would flag this record, so it cannot be completed: this "
                       "assignment can only be inspected within its window."),
     Words::fixed},
    {rule_code::offsite_method_required,
     QT_TRANSLATE_NOOP("UserMessages", "Choose how the off-site inspection was done."),
     Words::fixed},
    {rule_code::offsite_method_not_allowed,
     QT_TRANSLATE_NOOP("UserMessages", "An on-site inspection has no off-site method. Remove it."),
     Words::fixed},
    {rule_code::not_assigned,
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "Someone marked present is not on the drawn team, or you are not on it. Only "
         "the drawn team may inspect."),
     Words::fixed},
    {rule_code::assignment_revoked,
     QT_TRANSLATE_NOOP("UserMessages",
                       "This assignment was revoked by a re-draw; it can no longer be inspected."),
     Words::fixed},
    {rule_code::no_plan,
     QT_TRANSLATE_NOOP("UserMessages",
                       "This assignment names no plan, so it must not be inspected (no plan, no "
                       "inspection)."),
     Words::fixed},
    {rule_code::no_items,
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "An item of this inspection is not in the catalogue or not in the assignment. "
         "Pull the latest data; if it stays, contact your administrator."),
     Words::fixed},
    {rule_code::unknown_item,
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "An item of this inspection is not in the catalogue or not in the assignment. "
         "Pull the latest data; if it stays, contact your administrator."),
     Words::fixed},
    {rule_code::item_not_in_assignment,
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "An item of this inspection is not in the catalogue or not in the assignment. "
         "Pull the latest data; if it stays, contact your administrator."),
     Words::fixed},
    {rule_code::no_legal_basis,
     QT_TRANSLATE_NOOP(
         "UserMessages",
         "An item has no legal basis, so it must not be inspected (no legal basis, no "
         "inspection). Contact your administrator."),
     Words::fixed},
    {rule_code::correction_reason_required,
     QT_TRANSLATE_NOOP("UserMessages", "A correction needs the record it corrects and its reason."),
     Words::fixed},
    {rule_code::supersedes_required,
     QT_TRANSLATE_NOOP("UserMessages", "A correction needs the record it corrects and its reason."),
     Words::fixed},
};

const Message* message_for(const Message* begin, const Message* end, std::string_view code) {
    for (const Message* m = begin; m != end; ++m)
        if (m->code == code)
            return m;
    return nullptr;
}

} // namespace

QString UserMessages::error(const Error& e) {
    return error(QString::fromStdString(e.code), QString::fromStdString(e.message));
}

QString UserMessages::error(const QString& code, const QString& english) {
    const std::string c = code.toStdString();
    if (const Message* m = message_for(std::begin(errors), std::end(errors), c)) {
        const QString text = tr(m->text);
        switch (m->words) {
        case Words::fixed:
            return text;
        case Words::with_english:
            return text.arg(english);
        case Words::with_code:
            return text.arg(code);
        case Words::with_code_and_english:
            return text.arg(code, english);
        }
    }
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
    if (const Message* m = message_for(std::begin(problems), std::end(problems), p.code))
        return tr(m->text);
    return tr("This value is not valid: %1").arg(QString::fromStdString(p.message));
}

} // namespace fi::app
