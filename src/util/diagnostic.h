// Diagnostic: one problem found in user input, with where it is and how to fix it.
//
// Loaders and validators collect diagnostics instead of stopping at the first
// problem, so a user sees every mistake in one run. A diagnostic is a plain
// value; it never throws. Not thread-safe to share a DiagnosticSink between
// threads.
#pragma once

#include <string>
#include <vector>

namespace privascore {

/// A position in a source file. line and column are 1-based; 0 means unknown.
struct Loc {
  std::string file;
  int line = 0;
  int column = 0;

  std::string to_string() const;
};

enum class Severity { error, warning };

struct Diagnostic {
  Loc loc;
  Severity severity = Severity::error;
  std::string message;  // what is wrong
  std::string hint;     // how to fix it; may be empty

  /// "file:line:col: error: message" plus an indented "hint:" line.
  std::string to_string() const;
};

/// Collects diagnostics in the order they were found.
class DiagnosticSink {
 public:
  void error(const Loc& loc, std::string message, std::string hint = {});
  void warning(const Loc& loc, std::string message, std::string hint = {});

  bool has_errors() const { return m_errors > 0; }
  int error_count() const { return m_errors; }
  int warning_count() const { return static_cast<int>(m_items.size()) - m_errors; }
  const std::vector<Diagnostic>& items() const { return m_items; }

 private:
  std::vector<Diagnostic> m_items;
  int m_errors = 0;
};

}  // namespace privascore
