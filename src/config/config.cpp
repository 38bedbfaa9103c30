#include "config/config.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "loader/toml_reader.h"

namespace privascore::config {

namespace {

const std::vector<std::string> k_tables = {"site", "operator", "imprint", "privacy", "editor"};

void read_site(TableReader& root, SiteConfig& site) {
  root.table("site", false, [&](TableReader& r) {
    if (auto url = r.string("base_url", false)) {
      auto normal = normalise_base_url(*url);
      if (normal) {
        site.base_url = *normal;
      } else {
        r.sink().error(r.loc_of("base_url"), "`base_url` is not usable: \"" + *url + "\": " + normal.error().message,
                       "write the site's public address, e.g. base_url = \"https://example.org/privascore\"");
      }
    }
    r.finish({"base_url"});
  });
  root.table("operator", false, [&](TableReader& r) {
    site.operator_name = r.string("name", true).value_or("");
    site.address = r.string("address", false).value_or("");
    site.email = r.string("email", true).value_or("");
    if (!site.email.empty() &&
        (site.email.find('@') == std::string::npos || site.email.find_first_of(" \t\n<>\"") != std::string::npos)) {
      r.sink().error(r.loc_of("email"), "`email` is not an e-mail address: \"" + site.email + "\"",
                     "write the address readers can write to, e.g. email = \"kontakt@example.org\"");
    }
    r.finish({"name", "address", "email"});
  });
  auto read_text = [&](const char* key, Text& out) {
    root.table(key, false, [&](TableReader& r) {
      out.de = r.string("de", true).value_or("");
      out.en = r.string("en", true).value_or("");
      r.finish({"de", "en"});
    });
  };
  read_text("imprint", site.imprint);
  read_text("privacy", site.privacy);
}

void read_editor(TableReader& root, EditorConfig& editor) {
  root.table("editor", false, [&](TableReader& r) {
    if (auto v = r.boolean("secure_cookies", false)) editor.secure_cookies = *v;
    if (auto v = r.string_array("trusted_proxies", false)) editor.trusted_proxies = *v;
    if (auto v = r.string("open_data_dir", false)) editor.open_data_dir = *v;
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
    positive("idle_timeout_minutes", 24 * 60, [&](std::int64_t v) { editor.idle_timeout = v * 60; });
    positive("absolute_timeout_hours", 24 * 7, [&](std::int64_t v) { editor.absolute_timeout = v * 3600; });
    positive("reports_per_hour", 10'000, [&](std::int64_t v) { editor.reports_per_client = static_cast<int>(v); });
    r.finish({"secure_cookies", "trusted_proxies", "open_data_dir", "idle_timeout_minutes", "absolute_timeout_hours",
              "reports_per_hour"});
  });
}

}  // namespace

Result<std::string> normalise_base_url(std::string_view url) {
  std::string value(url);
  if (value.empty()) return value;
  if (value.rfind("https://", 0) != 0 && value.rfind("http://", 0) != 0)
    return fail("it must start with https:// or http://");
  if (value.find_first_of("?#\"'<> \t\n") != std::string::npos)
    return fail("it must not contain a query, fragment, quote or space");
  const std::size_t host = value.find("://") + 3;
  if (host == value.size() || value[host] == '/') return fail("it must name a host");
  while (!value.empty() && value.back() == '/') value.pop_back();
  return value;
}

std::optional<Config> parse_config(std::string content, const std::string& file, DiagnosticSink& sink) {
  const int errors_before = sink.error_count();
  TomlDocument doc = TomlDocument::parse(std::move(content), file, sink);
  if (!doc.root()) return std::nullopt;
  Config config;
  TableReader root(*doc.root(), file, "the configuration", sink);
  read_site(root, config.site);
  read_editor(root, config.editor);
  root.finish(k_tables);
  if (sink.error_count() > errors_before) return std::nullopt;
  return config;
}

std::optional<Config> load_config(const std::string& path, DiagnosticSink& sink) {
  Config config;
  std::error_code ec;
  if (!path.empty() && std::filesystem::exists(path, ec)) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) {
      sink.error(Loc{path, 0, 0}, "cannot read the configuration file", "check that the file is readable");
      return std::nullopt;
    }
    auto parsed = parse_config(content.str(), path, sink);
    if (!parsed) return std::nullopt;
    config = std::move(*parsed);
  }
  if (const char* dir = std::getenv("PRIVASCORE_WEB_DIR"); dir && *dir) config.site.web_dir = dir;
  return config;
}

}  // namespace privascore::config
