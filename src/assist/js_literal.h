// Reading JavaScript configuration files as data, never executing them.
//
// Jitsi Meet's config.js and OpenTalk's config.js are JavaScript. This reader
// understands the subset such files use for data: object and array literals,
// strings with escapes, numbers, booleans, null, undefined, comments,
// trailing commas and identifier keys, in two layouts: one big literal
// (`var config = { ... };`, `window.config = { ... }`, `const options = {
// ... }`, `export default { ... }`, stored as "default") and assignment
// statements (`config.hosts.domain = '...';`), applied in order so later
// assignments override earlier ones. String concatenation of literals and of
// variables already read as strings is evaluated ('conference.' + subdomain).
// Everything else (function calls, conditions, `if` blocks, references) is
// skipped: the key is listed in `expressions` with its source text and a
// note is added. Malformed input never fails: reading stops at the error and
// whatever was read before is kept (complete = false). Pure; thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace privascore::assist {

struct JsNote {
  std::size_t line = 0;
  std::string message;
};

/// A value that is an expression and was not evaluated.
struct JsExpression {
  std::size_t line = 0;
  std::string source;  // whitespace collapsed, at most 200 bytes
};

struct JsDocument {
  /// Every top-level variable read: "config" -> {...}, "interfaceConfig",
  /// "subdomain". `window.x` and `globalThis.x` are stored as "x".
  nlohmann::json globals = nlohmann::json::object();
  /// Paths ("config.hosts.muc") whose value is an expression.
  std::map<std::string, JsExpression> expressions;
  /// Line of every key set ("config.p2p.stunServers" -> 57).
  std::map<std::string, std::size_t> lines;
  std::vector<JsNote> notes;
  std::size_t literal_keys = 0;  // keys set inside object literals
  std::size_t assignments = 0;   // `a.b = value;` statements applied
  bool complete = true;          // false when reading stopped early

  /// The value at a dotted path ("config.e2ee.disabled"; array elements as
  /// "config.p2p.stunServers[0]"), or nullptr.
  const nlohmann::json* find(std::string_view path) const;
  /// 0 when unknown.
  std::size_t line_of(std::string_view path) const;
};

struct JsReadLimits {
  std::size_t max_depth = 64;
  std::size_t max_notes = 100;
  std::size_t max_tokens = 2'000'000;
};

JsDocument read_js_config(std::string_view source, const JsReadLimits& limits = {});

}  // namespace privascore::assist
