#include "core/fieldreader.h"

#include <limits>

namespace fi {

Error FieldReader::invalid(const std::string& field, const std::string& problem) const {
    return Error::make("invalid", what_ + ": \"" + field + "\" " + problem, field);
}

Result<std::string> FieldReader::string(const json& v, const std::string& field) const {
    if (!v.is_string())
        return invalid(field, "must be a string");
    return v.get<std::string>();
}

Result<std::int64_t> FieldReader::integer(const json& v, const std::string& field) const {
    if (!v.is_number_integer())
        return invalid(field, "must be an integer");
    if (v.is_number_unsigned() &&
        v.get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return invalid(field, "is out of range");
    return v.get<std::int64_t>();
}

Result<std::vector<std::string>> FieldReader::string_list(const json& v,
                                                          const std::string& field) const {
    if (!v.is_array())
        return invalid(field, "must be a list of strings");
    std::vector<std::string> out;
    out.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        auto s = string(v[i], field + "[" + std::to_string(i) + "]");
        if (!s)
            return s.error();
        out.push_back(std::move(*s));
    }
    return out;
}

Result<std::map<std::string, std::vector<std::string>>>
FieldReader::list_map(const json& v, const std::string& field) const {
    if (!v.is_object())
        return invalid(field, "must be an object of lists of strings");
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& [key, value] : v.items()) {
        auto list = string_list(value, field + "." + key);
        if (!list)
            return list.error();
        out.emplace(key, std::move(*list));
    }
    return out;
}

Result<const FieldReader::json*> FieldReader::member(const json& obj, const char* name,
                                                     const std::string& prefix) const {
    const auto it = obj.find(name);
    if (it == obj.end())
        return invalid(prefix + name, "is missing");
    return &*it;
}

Result<std::string> FieldReader::string_member(const json& obj, const char* name,
                                               const std::string& prefix) const {
    auto m = member(obj, name, prefix);
    if (!m)
        return m.error();
    return string(**m, prefix + name);
}

Result<std::int64_t> FieldReader::integer_member(const json& obj, const char* name,
                                                 const std::string& prefix) const {
    auto m = member(obj, name, prefix);
    if (!m)
        return m.error();
    return integer(**m, prefix + name);
}

Result<std::vector<std::string>> FieldReader::string_list_member(const json& obj, const char* name,
                                                                 const std::string& prefix) const {
    auto m = member(obj, name, prefix);
    if (!m)
        return m.error();
    return string_list(**m, prefix + name);
}

const FieldReader::json* FieldReader::optional_member(const json& obj, const char* name) {
    const auto it = obj.find(name);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
}

} // namespace fi
