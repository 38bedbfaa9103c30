// EditorConfig: what the operator configures for the editor, read from the
// [editor] table of privascore.toml (other tables belong to other parts):
//
//   [editor]
//   secure_cookies = true            # Secure cookies even when the proxy does not say https
//   trusted_proxies = ["127.0.0.1"]  # whose X-Forwarded-Proto / -For are believed
//   open_data_dir = "var/open-data"  # where each publication writes its TOML files ("" = none)
//   idle_timeout_minutes = 30
//   absolute_timeout_hours = 12
//   reports_per_hour = 5             # reports one client may send per hour
//
// Documented in docs/operations.md. Plain value.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "editor/sessions.h"
#include "editor/throttle.h"
#include "util/diagnostic.h"

namespace privascore::editor {

struct EditorConfig {
  bool secure_cookies = false;
  std::vector<std::string> trusted_proxies;
  std::string open_data_dir = "var/open-data";
  SessionPolicy sessions;
  ThrottlePolicy throttle;
  int reports_per_client = 5;         // per report_window
  std::int64_t report_window = 3600;  // seconds
  int reports_total = 200;            // from all clients together, per report_window
};

/// Parses the [editor] table of a privascore.toml. Problems go to the sink
/// with file:line:column; nullopt when there are errors.
std::optional<EditorConfig> parse_editor_config(std::string content, const std::string& file, DiagnosticSink& sink);

/// The configuration from the file at path when it exists, the defaults
/// otherwise; nullopt when the file has errors (in the sink).
std::optional<EditorConfig> load_editor_config(const std::string& path, DiagnosticSink& sink);

}  // namespace privascore::editor
