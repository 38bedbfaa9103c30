#include "editor/editor_config.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "loader/toml_reader.h"

namespace privascore::editor {

std::optional<EditorConfig> parse_editor_config(std::string content, const std::string& file, DiagnosticSink& sink) {
  const int errors_before = sink.error_count();
  TomlDocument doc = TomlDocument::parse(std::move(content), file, sink);
  if (!doc.root()) return std::nullopt;
  EditorConfig config;
  TableReader root(*doc.root(), file, "the file", sink);
  root.table("editor", false, [&](TableReader& r) {
    if (auto v = r.boolean("secure_cookies", false)) config.secure_cookies = *v;
    if (auto v = r.string_array("trusted_proxies", false)) config.trusted_proxies = *v;
    if (auto v = r.string("open_data_dir", false)) config.open_data_dir = *v;
    auto positive = [&](const char* key, std::int64_t max, auto apply) {
      auto v = r.integer(key, false);
      if (!v) return;
      if (*v < 1 || *v > max) {
        r.sink().error(r.loc_of(key), std::string("`") + key + "` must be between 1 and " + std::to_string(max),
                       "for example " + std::string(key) + " = 30");
        return;
      }
      apply(*v);
    };
    positive("idle_timeout_minutes", 24 * 60, [&](std::int64_t v) { config.sessions.idle_timeout = v * 60; });
    positive("absolute_timeout_hours", 24 * 7, [&](std::int64_t v) { config.sessions.absolute_timeout = v * 3600; });
    positive("reports_per_hour", 10'000, [&](std::int64_t v) { config.reports_per_client = static_cast<int>(v); });
    r.finish({"secure_cookies", "trusted_proxies", "open_data_dir", "idle_timeout_minutes", "absolute_timeout_hours",
              "reports_per_hour"});
  });
  if (sink.error_count() > errors_before) return std::nullopt;
  return config;
}

std::optional<EditorConfig> load_editor_config(const std::string& path, DiagnosticSink& sink) {
  std::error_code ec;
  if (path.empty() || !std::filesystem::exists(path, ec)) return EditorConfig{};
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in) {
    sink.error(Loc{path, 0, 0}, "cannot read the configuration file", "check that the file is readable");
    return std::nullopt;
  }
  return parse_editor_config(content.str(), path, sink);
}

}  // namespace privascore::editor
