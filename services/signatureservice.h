#pragma once

#include "core/model.h"
#include "core/result.h"

#include <cstdint>
#include <span>
#include <string>

namespace fi {
struct SignatureCapture;
}

namespace fi::services {

class Workspace;

/// Signatures of an on-site record (interface 1.1, 现场检查笔录): each inspector present and
/// the inspected unit's representative sign before the record is completed, or the inspector
/// records the representative's refusal with a reason. The image (PNG, or SVG of the strokes)
/// is checked, stamped with the trusted time and kept encrypted in the store beside the
/// photos; its SHA-256 goes into the record, so the evidence chain covers it. Written once:
/// the app's signature pad and `fieldinspect-cli sign` both come here.
class SignatureService {
public:
    explicit SignatureService(Workspace& w) : w_(w) {}

    /// A signature image is small: strokes, not a photo.
    static constexpr std::int64_t max_image_bytes = std::int64_t{1024} * 1024;

    /// The image's type from its bytes: "image/png" for a PNG that decodes, "image/svg+xml"
    /// for well-formed XML whose root is `svg`; else `invalid_signature` saying what it is
    /// not, or `too_large` beyond max_image_bytes.
    static Result<std::string> image_type(std::span<const std::uint8_t> image);

    /// An inspector present signs (again: the earlier signature is replaced).
    Result<Signature> sign_inspector(const std::string& record_id, const std::string& inspector_id,
                                     std::span<const std::uint8_t> image);
    /// The inspected unit's representative signs, with name and position.
    Result<Signature> sign_representative(const std::string& record_id, const std::string& name,
                                          const std::string& position,
                                          std::span<const std::uint8_t> image);
    /// The representative refused to sign; the reason is required.
    Result<Signature> record_refusal(const std::string& record_id, const std::string& reason);

private:
    /// The image checked, the record signable (and an inspector present on it), the capture
    /// stamped with an id and the trusted time, then kept.
    Result<Signature> add(const std::string& record_id, SignatureCapture capture,
                          std::span<const std::uint8_t> image);

    Workspace& w_;
};

} // namespace fi::services
