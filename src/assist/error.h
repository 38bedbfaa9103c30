// Error: an expected failure in the assist layer (bad URL, unreachable host,
// unreadable file), carried as a value until the CLI or the site shows it.
#pragma once

#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace privascore::assist {

struct Error {
  std::string message;  // what went wrong, naming the offending value
  std::string hint;     // how to fix it; may be empty

  std::string to_string() const { return hint.empty() ? message : message + " (" + hint + ")"; }
};

template <typename T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(std::string message, std::string hint = {}) {
  return tl::unexpected<Error>(Error{std::move(message), std::move(hint)});
}

}  // namespace privascore::assist
