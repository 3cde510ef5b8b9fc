#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace fi::server {

/// The public pages as HTML for people (Chinese, `lang="zh-CN"`, readable on a phone, printable):
/// each page is rendered from its JSON twin (PublicSite) and nothing else, so the page shows what
/// the twin says. Every text taken from the twin goes through `escape`. The pages carry no inline
/// script or style: one style sheet (`/public/site.css`) and, on the draw page, the script that
/// recomputes the draw (`/public/drawcheck.js`), both served by the server itself.
class PublicPages {
public:
    /// `path` is the page's own path (its JSON twin is `path?format=json`).
    /// @{
    static std::string plans(const nlohmann::json& twin, std::string_view path);
    static std::string plan(const nlohmann::json& twin, std::string_view path);
    static std::string draw(const nlohmann::json& twin, std::string_view path);
    static std::string redraws(const nlohmann::json& twin, std::string_view path);
    static std::string results(const nlohmann::json& twin, std::string_view path);
    /// @}
    /// A page for an unknown plan or a draw that has not run (served with 404).
    static std::string not_found(std::string_view message);

    /// `&`, `<`, `>`, `"` and `'` as character references.
    static std::string escape(std::string_view text);
    /// The page around `body`: head, header with the site's links, footer with the JSON twin.
    static std::string layout(std::string_view title, std::string_view body, std::string_view path,
                              bool with_script = false);
};

} // namespace fi::server
