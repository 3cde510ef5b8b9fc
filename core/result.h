#pragma once

#include "core/error.h"

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

namespace fi {

/// A value or an error (an Error unless said otherwise): errors callers must handle are
/// values, not exceptions. A small stand-in for C++23 std::expected.
template <class T, class E = Error> class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(E error) : v_(std::move(error)) {}

    bool ok() const noexcept { return v_.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<0>(v_);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(v_);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(v_));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const E& error() const {
        assert(!ok());
        return std::get<1>(v_);
    }

private:
    std::variant<T, E> v_;
};

/// Result of an operation that yields nothing but may fail.
template <class E> class [[nodiscard]] Result<void, E> {
public:
    Result() = default;
    Result(E error) : e_(std::move(error)) {}

    bool ok() const noexcept { return !e_.has_value(); }
    explicit operator bool() const noexcept { return ok(); }
    const E& error() const {
        assert(!ok());
        return *e_;
    }

private:
    std::optional<E> e_;
};

using Status = Result<void>;

} // namespace fi

/// Propagate an error from an expression yielding a Result; evaluates to nothing.
#define FI_TRY(expr)                                                                               \
    do {                                                                                           \
        auto&& fi_try_r_ = (expr);                                                                 \
        if (!fi_try_r_.ok())                                                                       \
            return fi_try_r_.error();                                                              \
    } while (false)
