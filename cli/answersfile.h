#pragma once

#include "core/model.h"
#include "core/result.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace fi::cli {

/// A photo the answers file names, for the photo service to import.
struct PhotoPlan {
    std::filesystem::path file;            ///< resolved against the answers file's folder
    std::optional<std::string> finding_id; ///< the finding it is evidence for
    bool detail = false;                   ///< 3072 px instead of 2048
};

/// A signature the answers file gives (interface 1.1): an inspector present, the unit's
/// representative, or the representative's refusal with its reason. The image is a file
/// (PNG or SVG) or the SVG text itself; the signature service checks it.
struct SignaturePlan {
    std::string role; ///< inspector | representative | refused
    std::string inspector_id;
    std::string name;
    std::string position;
    std::string reason;
    std::optional<std::filesystem::path> file; ///< resolved against the answers file's folder
    std::string svg;                           ///< the image given inline
};

/// The command line's answers file (docs/cli.md): its format, read onto a draft and written
/// as a skeleton. Only the format lives here; what an answer does to the record (core's
/// set_answer) and every rule are asked of core, as the app asks them.
class AnswersFile {
public:
    /// Apply the file to `record`: who was present, where or how, every answer (an answer the
    /// file leaves out or gives as null is cleared), the findings (given `ref` names for the
    /// photos to point at), the outcome with its fixed public text, confidentiality (with its
    /// reason and legal ground; the ground is kept only for a confidential result). Returns
    /// the photos to import. A malformed file is refused with what is wrong, and `record` is
    /// then unchanged.
    static Result<std::vector<PhotoPlan>>
    apply(const nlohmann::json& file, const std::filesystem::path& base, InspectionRecord& record);

    /// The file's `signatures` (none when it has no such member), checked for form before the
    /// draft is touched; a malformed entry is refused saying which.
    static Result<std::vector<SignaturePlan>> signatures(const nlohmann::json& file,
                                                         const std::filesystem::path& base);

    /// A file to fill in for an assignment: every checkpoint of every item, unanswered, with
    /// its kind, whether it is required and its choices beside it (`_help`, ignored when
    /// read), the team members who count as present, and the place or method to give.
    static nlohmann::json skeleton(const Assignment& assignment,
                                   const std::vector<CatalogueItem>& items);
};

} // namespace fi::cli
