#include "web/site_config.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "loader/toml_reader.h"

namespace privascore::web {

std::optional<SiteConfig> parse_site_config(std::string content, const std::string& file, DiagnosticSink& sink) {
  const int errors_before = sink.error_count();
  TomlDocument doc = TomlDocument::parse(std::move(content), file, sink);
  if (!doc.root()) return std::nullopt;
  SiteConfig config;
  TableReader root(*doc.root(), file, "the file", sink);
  root.table("site", false, [&](TableReader& r) {
    if (auto url = r.url("base_url", false)) {
      std::string value = *url;
      while (!value.empty() && value.back() == '/') value.pop_back();
      config.base_url = value;
    }
    r.finish({"base_url"});
  });
  root.table("operator", false, [&](TableReader& r) {
    config.operator_name = r.string("name", true).value_or("");
    config.address = r.string("address", false).value_or("");
    config.email = r.string("email", true).value_or("");
    if (!config.email.empty() &&
        (config.email.find('@') == std::string::npos || config.email.find_first_of(" \t\n<>\"") != std::string::npos)) {
      r.sink().error(r.loc_of("email"), "`email` is not an e-mail address: \"" + config.email + "\"",
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
  read_text("imprint", config.imprint);
  read_text("privacy", config.privacy);
  if (sink.error_count() > errors_before) return std::nullopt;
  return config;
}

std::optional<SiteConfig> load_site_config(const std::string& path, DiagnosticSink& sink) {
  SiteConfig config;
  std::error_code ec;
  if (!path.empty() && std::filesystem::exists(path, ec)) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) {
      sink.error(Loc{path, 0, 0}, "cannot read the configuration file", "check that the file is readable");
      return std::nullopt;
    }
    auto parsed = parse_site_config(content.str(), path, sink);
    if (!parsed) return std::nullopt;
    config = std::move(*parsed);
  }
  if (const char* dir = std::getenv("PRIVASCORE_WEB_DIR"); dir && *dir) config.web_dir = dir;
  return config;
}

}  // namespace privascore::web
