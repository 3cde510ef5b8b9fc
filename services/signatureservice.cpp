#include "services/signatureservice.h"

#include "core/answers.h"
#include "core/date.h"
#include "core/metastore.h"
#include "core/recordstore.h"
#include "services/errors.h"
#include "services/workspace.h"

#include <QByteArray>
#include <QImage>
#include <QXmlStreamReader>
#include <algorithm>
#include <array>

namespace fi::services {

namespace {

constexpr std::array<std::uint8_t, 8> png_magic{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

/// The draft to sign: on site (nobody of the unit signs an off-site record).
Result<StoredRecord> signable(RecordStore& records, const std::string& record_id) {
    auto stored = records.load(record_id);
    if (!stored)
        return stored.error();
    if (stored->record.offsite_method)
        return Error::make(service_error::not_signable,
                           "Record " + record_id +
                               " is an off-site inspection: nobody of the unit signs it.",
                           "signatures");
    return stored;
}

} // namespace

Result<std::string> SignatureService::image_type(std::span<const std::uint8_t> image) {
    if (static_cast<std::int64_t>(image.size()) > max_image_bytes)
        return Error::make("too_large",
                           "The signature image is " + std::to_string(image.size()) +
                               " bytes; at most 1 MiB is taken (a signature is strokes, not a "
                               "photo).",
                           "signatures");
    const QByteArray bytes(reinterpret_cast<const char*>(image.data()),
                           static_cast<qsizetype>(image.size()));
    if (image.size() >= png_magic.size() &&
        std::equal(png_magic.begin(), png_magic.end(), image.begin())) {
        QImage decoded;
        if (!decoded.loadFromData(bytes, "PNG") || decoded.isNull())
            return Error::make(service_error::invalid_signature,
                               "The signature file starts like a PNG but does not decode as one.",
                               "signatures");
        return std::string("image/png");
    }
    QXmlStreamReader xml(bytes);
    bool root_svg = false;
    bool seen_root = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && !seen_root) {
            seen_root = true;
            root_svg = xml.name() == QStringLiteral("svg");
        }
        // No document type: an SVG of strokes needs none, and entities could expand.
        if (xml.tokenType() == QXmlStreamReader::DTD)
            return Error::make(service_error::invalid_signature,
                               "The signature SVG declares a document type; draw it without one.",
                               "signatures");
    }
    if (xml.hasError() || !seen_root)
        return Error::make(service_error::invalid_signature,
                           "The signature file is neither a PNG nor a well-formed SVG (" +
                               xml.errorString().toStdString() + ").",
                           "signatures");
    if (!root_svg)
        return Error::make(service_error::invalid_signature,
                           "The signature file is XML but not an SVG image.", "signatures");
    return std::string("image/svg+xml");
}

Result<Signature> SignatureService::sign_inspector(const std::string& record_id,
                                                   const std::string& inspector_id,
                                                   std::span<const std::uint8_t> image) {
    SignatureCapture capture;
    capture.role = "inspector";
    capture.inspector_id = inspector_id;
    return add(record_id, std::move(capture), image);
}

Result<Signature> SignatureService::sign_representative(const std::string& record_id,
                                                        const std::string& name,
                                                        const std::string& position,
                                                        std::span<const std::uint8_t> image) {
    if (is_blank(name))
        return Error::make(service_error::not_signable,
                           "Give the name of the unit's person who signs.", "name");
    SignatureCapture capture;
    capture.role = "representative";
    capture.name = name;
    capture.position = position;
    return add(record_id, std::move(capture), image);
}

Result<Signature> SignatureService::add(const std::string& record_id, SignatureCapture capture,
                                        std::span<const std::uint8_t> image) {
    auto mime = image_type(image);
    if (!mime)
        return mime.error();
    auto db = w_.store();
    if (!db)
        return db.error();
    RecordStore records(**db);
    auto stored = signable(records, record_id);
    if (!stored)
        return stored.error();
    const auto& present = stored->record.inspectors_present;
    if (capture.role == "inspector" &&
        std::find(present.begin(), present.end(), capture.inspector_id) == present.end())
        return Error::make(service_error::not_signable,
                           "Inspector " + capture.inspector_id +
                               " is not listed as present on this record; only those present "
                               "sign it.",
                           "inspector_id");
    capture.id = make_uuid_v4();
    capture.mime = *mime;
    capture.signed_at = china_timestamp(w_.now().time);
    return records.add_signature(record_id, capture, image);
}

Result<Signature> SignatureService::record_refusal(const std::string& record_id,
                                                   const std::string& reason) {
    if (is_blank(reason))
        return Error::make(service_error::not_signable,
                           "Say why the representative refused to sign (a refusal needs its "
                           "reason).",
                           "reason");
    auto db = w_.store();
    if (!db)
        return db.error();
    RecordStore records(**db);
    auto stored = signable(records, record_id);
    if (!stored)
        return stored.error();
    return records.record_refusal(record_id, reason);
}

} // namespace fi::services
