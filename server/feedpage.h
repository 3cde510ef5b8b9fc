#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace fi::server {

/// One entry of a paged list: its place in the change order and its body (JSON text), or a
/// tombstone.
struct FeedRow {
    std::int64_t seq = 0;
    std::string id;
    bool deleted = false;
    std::string body;
};

/// A page of a list served with cursors (reference lists, a caller's assignments).
struct FeedPage {
    std::vector<FeedRow> rows;
    bool has_more = false;
};

} // namespace fi::server
