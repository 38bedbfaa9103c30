// EditorError and Outcome<T>: how the editorial workflow reports an
// expected failure, with the kind the HTTP layer turns into a status code
// (invalid 400, forbidden 403, not found 404, conflict 409, internal 500).
#pragma once

#include <string>
#include <utility>

#include <tl/expected.hpp>

#include "store/result.h"

namespace privascore::editor {

enum class ErrorKind { invalid, forbidden, not_found, conflict, internal };

struct EditorError {
  ErrorKind kind = ErrorKind::internal;
  std::string message;  // what is wrong, for the person who asked
  std::string hint;     // how to fix it; may be empty

  std::string to_string() const { return hint.empty() ? message : message + " (hint: " + hint + ")"; }
};

template <class T>
using Outcome = tl::expected<T, EditorError>;

inline tl::unexpected<EditorError> editor_fail(ErrorKind kind, std::string message, std::string hint = {}) {
  return tl::unexpected<EditorError>(EditorError{kind, std::move(message), std::move(hint)});
}

/// A database failure: internal.
inline tl::unexpected<EditorError> from_store(const store::StoreError& error) {
  return editor_fail(ErrorKind::internal, error.message, error.hint);
}

}  // namespace privascore::editor
