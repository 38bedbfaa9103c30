// StoreError and Result<T>: how the store reports an expected failure.
//
// Every operation of the store that can fail (a file that cannot be opened,
// a database newer than this binary, an edition that would change) returns
// Result<T>; nothing throws. The message says what went wrong and names the
// file, edition or version; the hint, when not empty, says how to fix it.
#pragma once

#include <string>
#include <tl/expected.hpp>
#include <utility>

namespace privascore::store {

struct StoreError {
  std::string message;
  std::string hint;

  /// "message" plus " (hint: …)" when there is a hint.
  std::string to_string() const { return hint.empty() ? message : message + " (hint: " + hint + ")"; }
};

template <class T>
using Result = tl::expected<T, StoreError>;

/// The failure value of a Result: `return fail("…", "…");`.
inline tl::unexpected<StoreError> fail(std::string message, std::string hint = {}) {
  return tl::unexpected<StoreError>(StoreError{std::move(message), std::move(hint)});
}

}  // namespace privascore::store
