#pragma once

#include "core/result.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace fi {

/// Strict reading of one kind of interface object (a draw, a plan, a log entry): each member
/// present with its type, unknown members ignored; errors are code `invalid`, say what was
/// being read and name the field (`strata[2].k`). Never throws.
class FieldReader {
public:
    using json = nlohmann::json;

    explicit FieldReader(std::string what) : what_(std::move(what)) {}

    Error invalid(const std::string& field, const std::string& problem) const;

    Result<std::string> string(const json& v, const std::string& field) const;
    Result<std::int64_t> integer(const json& v, const std::string& field) const;
    Result<std::vector<std::string>> string_list(const json& v, const std::string& field) const;
    /// An object of lists of strings (`conflicts`, `teams`).
    Result<std::map<std::string, std::vector<std::string>>>
    list_map(const json& v, const std::string& field) const;

    /// Member `name` of `obj`, which must be there; `prefix` is the path to `obj` (`parties[1].`).
    Result<const json*> member(const json& obj, const char* name,
                               const std::string& prefix = {}) const;
    Result<std::string> string_member(const json& obj, const char* name,
                                      const std::string& prefix = {}) const;
    Result<std::int64_t> integer_member(const json& obj, const char* name,
                                        const std::string& prefix = {}) const;
    Result<std::vector<std::string>> string_list_member(const json& obj, const char* name,
                                                        const std::string& prefix = {}) const;
    /// A member that may be absent or null: nullptr then.
    static const json* optional_member(const json& obj, const char* name);

private:
    std::string what_;
};

} // namespace fi
