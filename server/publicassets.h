#pragma once

#include <optional>
#include <string_view>

namespace fi::server {

/// One static file of the public pages.
struct PublicAsset {
    std::string_view content_type;
    std::string_view body;
};

/// The public pages' static files (`server/public/`: the style sheet and the draw check's
/// script), compiled into the server (server/CMakeLists.txt makes publicassets.cpp from
/// publicassets.cpp.in), so an installed server needs no file beside its binary and serves
/// exactly the script that was reviewed.
class PublicAssets {
public:
    /// `site.css` or `drawcheck.js`; none for any other name.
    static std::optional<PublicAsset> find(std::string_view name);
};

} // namespace fi::server
