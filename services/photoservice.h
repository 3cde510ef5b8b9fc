#pragma once

#include "core/model.h"
#include "core/result.h"

#include <QImage>
#include <filesystem>
#include <optional>
#include <string>

namespace fi::services {

class Workspace;

/// Photos of a draft: brought in from a file or the camera through the photo importer
/// (decoded, oriented, scaled to `longest_side_px`, re-encoded without EXIF, hashed, stored
/// encrypted with a thumbnail; refused when the storage is nearly full), removed, and read
/// back for display.
class PhotoService {
public:
    explicit PhotoService(Workspace& w) : w_(w) {}

    /// 2048 px, or 3072 px for detail shots.
    static constexpr int default_side_px = 2048;

    /// A picture file (gallery, USB, the command line): where it was taken is not known from
    /// the device's position now, so it carries the record's place.
    Result<PhotoRef> import_file(const std::string& record_id, const std::filesystem::path& file,
                                 const std::optional<std::string>& finding_id,
                                 int longest_side_px = default_side_px);
    /// A picture the camera took just now, at `location` (the position now).
    Result<PhotoRef> import_image(const std::string& record_id, const QImage& image,
                                  const std::optional<std::string>& finding_id,
                                  const std::optional<Location>& location,
                                  int longest_side_px = default_side_px);
    Status remove(const std::string& record_id, const std::string& photo_id);
    Result<QImage> thumbnail(const std::string& photo_id);
    Result<QImage> photo(const std::string& photo_id);

private:
    Workspace& w_;
};

} // namespace fi::services
