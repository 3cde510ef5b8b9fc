#pragma once

#include "core/migrator.h"

#include <span>

namespace fi {

/// The tablet store's schema, every version since the first. Append only: a released step
/// is never edited (tests migrate from each earlier version).
std::span<const Migration> store_schema();

} // namespace fi
