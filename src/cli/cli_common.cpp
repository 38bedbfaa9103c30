#include "cli/cli_common.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "loader/loader.h"
#include "resources/resources.h"
#include "util/text.h"

namespace privascore {

void CommonOptions::add_to(CLI::App& app, bool with_output) {
  app.add_option("--data", data, "Data directory (default: the data bundled in the binary)");
  if (!with_output) return;
  app.add_option("--lang", lang, "Language of the output: de or en (default: from $LANG, else en)")
      ->check(CLI::IsMember({"de", "en"}));
  app.add_option("--color", colour, "Colour the output: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

Lang CommonOptions::language() const {
  if (auto l = parse_lang(lang)) return *l;
  const char* env = std::getenv("LANG");
  if (env && std::string(env).rfind("de", 0) == 0) return Lang::de;
  return Lang::en;
}

TextStyle CommonOptions::style() const {
  TextStyle style;
  if (colour == "always")
    style.colour = true;
  else if (colour == "never")
    style.colour = false;
  else
    style.colour = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR") && std::getenv("TERM") &&
                   std::string(std::getenv("TERM")) != "dumb";
  return style;
}

std::unique_ptr<FileSource> open_data(const std::string& dir) {
  if (!dir.empty()) return std::make_unique<DiskSource>(dir);
  auto source = std::make_unique<MemorySource>("<bundled>");
  for (const auto& file : resources::files("data")) source->add(std::string(file.path), std::string(file.content));
  return source;
}

std::optional<Catalogue> load_valid_catalogue(const std::string& dir, bool print_warnings) {
  auto source = open_data(dir);
  DiagnosticSink sink;
  Catalogue catalogue = load_catalogue(*source, sink);
  if (sink.has_errors() || print_warnings) {
    for (const auto& d : sink.items()) {
      if (d.severity == Severity::error || print_warnings) std::cerr << d.to_string() << "\n";
    }
  }
  if (sink.has_errors()) {
    std::cerr << "privascore: " << sink.error_count() << " error(s) in the data; run `privascore check"
              << (dir.empty() ? std::string() : " --data " + dir) << "` for details\n";
    return std::nullopt;
  }
  return catalogue;
}

const Category* require_category(const Catalogue& catalogue, const std::string& id) {
  if (const Category* c = catalogue.category(id)) return c;
  std::string close = closest_match(id, catalogue.category_ids());
  print_error("no category `" + id + "`",
              close.empty() ? "categories: " + join(catalogue.category_ids(), ", ") : "did you mean `" + close + "`?");
  return nullptr;
}

const Edition* require_edition(const Category& category, const std::string& spec) {
  if (const Edition* e = category.find_edition(spec)) return e;
  std::vector<std::string> dates;
  for (const auto& e : category.editions) dates.push_back(e.date.to_string());
  print_error("category `" + category.id + "` has no edition `" + spec + "`",
              dates.empty() ? "it has no editions yet" : "editions: " + join(dates, ", ") + ", or latest");
  return nullptr;
}

void print_error(const std::string& message, const std::string& hint) {
  std::cerr << "privascore: error: " << message << "\n";
  if (!hint.empty()) std::cerr << "  hint: " << hint << "\n";
}

Date today() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return Date{utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday};
}

}  // namespace privascore
