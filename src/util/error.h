// Error and Result<T>: how every layer above the loader reports an expected
// failure (a file that cannot be opened, a database newer than this binary,
// an unreachable host, a draft that conflicts, a link to a missing page).
//
// An Error is a plain value carried until a boundary shows it: the CLI
// prints it, the HTTP layer turns its kind into a status code (invalid 400,
// forbidden 403, not found 404, conflict 409, internal 500). The message
// says what went wrong and names the offending value; the hint, when not
// empty, says how to fix it; the location, when known, says where (a file
// with line and column, or a field of a form or document). Nothing throws.
// The loader keeps its own DiagnosticSink, which collects many problems.
#pragma once

#include <string>
#include <tl/expected.hpp>
#include <utility>

#include "util/diagnostic.h"

namespace privascore {

enum class ErrorKind { invalid, forbidden, not_found, conflict, internal };

struct Error {
  std::string message;  // what went wrong, naming the offending value
  std::string hint;     // how to fix it; may be empty
  ErrorKind kind = ErrorKind::invalid;
  Loc loc;            // where, when known (loc.file empty: unknown)
  std::string field;  // the field of a form or document it concerns; may be empty

  /// "file:line:column: " when located, "`field`: " when it names a field,
  /// then the message, then " (hint: …)" when there is a hint.
  std::string to_string() const {
    std::string out;
    if (!loc.file.empty()) out += loc.to_string() + ": ";
    if (!field.empty()) out += "`" + field + "`: ";
    out += message;
    if (!hint.empty()) out += " (hint: " + hint + ")";
    return out;
  }
};

template <class T>
using Result = tl::expected<T, Error>;

/// The failure value of a Result: `return fail("…", "…");`.
inline tl::unexpected<Error> fail(std::string message, std::string hint = {}) {
  return tl::unexpected<Error>(Error{std::move(message), std::move(hint)});
}

/// The same with a kind: `return fail(ErrorKind::not_found, "…", "…");`.
inline tl::unexpected<Error> fail(ErrorKind kind, std::string message, std::string hint = {}) {
  return tl::unexpected<Error>(Error{std::move(message), std::move(hint), kind});
}

/// The failure value of an error that is already an Error.
inline tl::unexpected<Error> fail(Error error) {
  return tl::unexpected<Error>(std::move(error));
}

/// The same error as another kind: a database failure the editor did not
/// expect is internal, `return fail(ErrorKind::internal, stored.error());`.
inline tl::unexpected<Error> fail(ErrorKind kind, Error error) {
  error.kind = kind;
  return tl::unexpected<Error>(std::move(error));
}

}  // namespace privascore
