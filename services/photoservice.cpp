#include "services/photoservice.h"

#include "core/date.h"
#include "core/metastore.h"
#include "core/recordstore.h"
#include "platform/photoimporter.h"
#include "services/workspace.h"

#include <functional>

namespace fi::services {

namespace {

using Import =
    std::function<Result<platform::ImportedPhoto>(platform::PhotoImporter&, const PhotoCapture&)>;

/// One import, whatever the picture's source: stamped with the trusted time and the place.
Result<PhotoRef> attach(Workspace& w, const Import& import,
                        const std::optional<std::string>& finding_id,
                        const std::optional<Location>& location, int longest_side_px,
                        std::string_view source) {
    auto db = w.store();
    if (!db)
        return db.error();
    platform::PhotoPolicy policy;
    policy.longest_side_px = longest_side_px;
    platform::PhotoImporter importer(**db, w.data_dir(), policy);
    // An import's own time (its EXIF) is not read yet: null says so (interface 1.1).
    const PhotoCapture capture{make_uuid_v4(), "image/jpeg", china_timestamp(w.now().time),
                               location,       finding_id,   std::string(source),
                               std::nullopt};
    auto imported = import(importer, capture);
    if (!imported)
        return imported.error();
    return imported->photo;
}

} // namespace

Result<PhotoRef> PhotoService::import_file(const std::string& record_id,
                                           const std::filesystem::path& file,
                                           const std::optional<std::string>& finding_id,
                                           int longest_side_px) {
    auto db = w_.store();
    if (!db)
        return db.error();
    auto stored = RecordStore(**db).load(record_id);
    if (!stored)
        return stored.error();
    const std::optional<Location> location = stored->record.location;
    return attach(
        w_,
        [&](platform::PhotoImporter& importer, const PhotoCapture& capture) {
            return importer.import_file(record_id, capture, file);
        },
        finding_id, location, longest_side_px, "import");
}

Result<PhotoRef> PhotoService::import_image(const std::string& record_id, const QImage& image,
                                            const std::optional<std::string>& finding_id,
                                            const std::optional<Location>& location,
                                            int longest_side_px) {
    return attach(
        w_,
        [&](platform::PhotoImporter& importer, const PhotoCapture& capture) {
            return importer.import_image(record_id, capture, image);
        },
        finding_id, location, longest_side_px, "camera");
}

Status PhotoService::remove(const std::string& record_id, const std::string& photo_id) {
    auto db = w_.store();
    if (!db)
        return db.error();
    return platform::PhotoImporter(**db, w_.data_dir()).remove(record_id, photo_id);
}

Result<QImage> PhotoService::thumbnail(const std::string& photo_id) {
    auto db = w_.store();
    if (!db)
        return db.error();
    return platform::PhotoImporter(**db, w_.data_dir()).thumbnail(photo_id);
}

Result<QImage> PhotoService::photo(const std::string& photo_id) {
    auto db = w_.store();
    if (!db)
        return db.error();
    return platform::PhotoImporter(**db, w_.data_dir()).load(photo_id);
}

} // namespace fi::services
