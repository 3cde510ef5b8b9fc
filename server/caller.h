#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fi::server {

/// Who sent a request: the signed-in user of a valid bearer token, and the device it was
/// issued to.
struct Caller {
    std::string username;
    std::optional<std::string> inspector_id;
    std::string name;
    std::string unit;
    std::vector<std::string> roles;
    std::string device_id;
    std::string token_hash;

    bool has_role(std::string_view role) const {
        return std::find(roles.begin(), roles.end(), role) != roles.end();
    }
};

} // namespace fi::server
