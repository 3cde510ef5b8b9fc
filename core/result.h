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

#define FI_CONCAT_INNER_(a, b) a##b
#define FI_CONCAT_(a, b) FI_CONCAT_INNER_(a, b)
// `name` is a declarator, not an expression: it cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define FI_TRY_WITH_(expr, name)                                                                   \
    do {                                                                                           \
        auto&& name = (expr);                                                                      \
        if (!name.ok())                                                                            \
            return name.error();                                                                   \
    } while (false)
// NOLINTEND(bugprone-macro-parentheses)

/// Propagate an error from an expression yielding a Result; evaluates to nothing. Each use
/// has its own variable name, so FI_TRY may nest (inside a lambda in its own argument).
#define FI_TRY(expr) FI_TRY_WITH_(expr, FI_CONCAT_(fi_try_r_, __COUNTER__))
