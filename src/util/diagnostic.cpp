#include "util/diagnostic.h"

namespace privascore {

std::string Loc::to_string() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  return out;
}

std::string Diagnostic::to_string() const {
  std::string out = loc.to_string();
  out += severity == Severity::error ? ": error: " : ": warning: ";
  out += message;
  if (!hint.empty()) out += "\n  hint: " + hint;
  return out;
}

void DiagnosticSink::error(const Loc& loc, std::string message, std::string hint) {
  m_items.push_back({loc, Severity::error, std::move(message), std::move(hint)});
  ++m_errors;
}

void DiagnosticSink::warning(const Loc& loc, std::string message, std::string hint) {
  m_items.push_back({loc, Severity::warning, std::move(message), std::move(hint)});
}

}  // namespace privascore
