// privascore import-wordpress: a draft category from the pages of the old
// site (WordPress REST API JSON), written as data files to a new folder.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli_common.h"
#include "cli/command.h"
#include "migrate/wordpress_draft.h"
#include "util/text.h"

namespace privascore {

namespace {

namespace fs = std::filesystem;

struct ImportWordPressOptions {
  std::vector<std::string> files;
  std::string english;
  std::string out;
  std::string category;
  std::vector<std::string> services;  // "ID=NAME"
};

constexpr std::uintmax_t k_max_page_bytes = 16u << 20;

std::optional<std::string> read_page_file(const std::string& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) {
    print_error("cannot read " + path + ": " + ec.message(), "give the JSON file the WordPress REST API served");
    return std::nullopt;
  }
  if (size > k_max_page_bytes) {
    print_error(path + " has " + std::to_string(size) + " bytes; a page is at most " +
                std::to_string(k_max_page_bytes) + " bytes");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    print_error("cannot read " + path);
    return std::nullopt;
  }
  return text.str();
}

/// Writes the files below a folder that must be new or empty; prints what
/// went wrong and returns false otherwise.
bool write_draft(const std::string& out, const std::vector<TomlFile>& files) {
  std::error_code ec;
  if (fs::exists(out, ec) && !(fs::is_directory(out, ec) && fs::is_empty(out, ec))) {
    print_error("the output folder " + out + " exists and is not empty; nothing was written",
                "give a new folder with --out (the draft is not data yet: keep it out of data/ until "
                "`privascore check --data` accepts it)");
    return false;
  }
  for (const TomlFile& file : files) {
    const fs::path path = fs::path(out) / file.path;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream stream(path, std::ios::binary | std::ios::trunc);
    stream << file.content;
    stream.close();
    if (ec || !stream) {
      print_error("cannot write " + path.string() + (ec ? ": " + ec.message() : std::string()));
      return false;
    }
  }
  return true;
}

int run_import_wordpress(const ImportWordPressOptions& o) {
  std::vector<std::string> paths = o.files;
  if (!o.english.empty()) paths.push_back(o.english);
  if (paths.empty() || paths.size() > 2) {
    print_error("give one page, or a German and an English page of the same edition",
                "privascore import-wordpress DE.json [--en EN.json] [--out DIR]");
    return k_exit_usage;
  }
  std::vector<migrate::WordPressPage> pages;
  for (const std::string& path : paths) {
    auto text = read_page_file(path);
    if (!text) return k_exit_failure;
    auto page = migrate::parse_wordpress_page(*text, path);
    if (!page) {
      print_error(page.error().message, page.error().hint);
      return k_exit_invalid_data;
    }
    if (path == o.english && page->lang != Lang::en) {
      print_error(path + " is given with --en but is a German page (language from " + page->lang_from + ")",
                  "pass the English page with --en, the German one without");
      return k_exit_invalid_data;
    }
    pages.push_back(std::move(*page));
  }
  migrate::DraftOptions options{o.category, {}};
  for (const std::string& service : o.services) {
    const std::size_t eq = service.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == service.size()) {
      print_error("--service " + service + ": give ID=NAME", "for example --service jitsi-meet=\"Jitsi Meet\"");
      return k_exit_usage;
    }
    options.services.push_back({service.substr(0, eq), service.substr(eq + 1)});
  }
  auto draft = migrate::propose_draft(pages, options);
  if (!draft) {
    print_error(draft.error().message, draft.error().hint);
    return k_exit_invalid_data;
  }
  std::cout << migrate::draft_summary(*draft);
  const auto files = migrate::draft_files(*draft);
  if (o.out.empty()) {
    std::cout << "nothing written: pass --out DIR to write the draft files\n";
    return k_exit_ok;
  }
  if (!write_draft(o.out, files)) return k_exit_failure;
  std::cout << "wrote:\n";
  for (const TomlFile& file : files) std::cout << "  " << (fs::path(o.out) / file.path).string() << "\n";
  std::cout << "next: fill in every `# TODO`, then `privascore check --data " << o.out << "`\n";
  return k_exit_ok;
}

}  // namespace

CommandSpec import_wordpress_command() {
  return {"import-wordpress",
          "Propose a draft category (methodology and edition files) from a page of the old WordPress site",
          [](CLI::App& app) -> CommandRunner {
            auto o = std::make_shared<ImportWordPressOptions>();
            app.add_option("FILE", o->files,
                           "The page as the WordPress REST API serves it (/wp-json/wp/v2/pages/ID), saved as JSON; "
                           "one page, or a German and an English one")
                ->expected(1, 2)
                ->check(CLI::ExistingFile);
            app.add_option("--en", o->english, "The English page of the same edition, to combine with a German FILE")
                ->check(CLI::ExistingFile);
            app.add_option("--out", o->out, "Write the draft files to this new (or empty) folder");
            app.add_option("--category", o->category, "The category id (default: derived from the page's name)")
                ->check([](const std::string& id) {
                  return is_valid_id(id) ? std::string() : "not an id: lowercase ASCII letters, digits and '-'";
                });
            app.add_option("--service", o->services,
                           "A rated service, ID=NAME (repeatable): an assessment with every rating unknown and "
                           "unverified, since the page shows the ratings only in an image");
            app.footer(
                "Prints what was mapped (title, date, summary, update notes, stated maximum, one feature per "
                "<p id=\"ANCHOR\"><strong>Name</strong>: text paragraph) and what was not, with the HTML fragment "
                "and why. The files are drafts: weights, levels, classes and services are not on the page and are "
                "`# TODO` lines. Exit 2 when a page cannot be read as such a page; nothing is written then.");
            return [o]() { return run_import_wordpress(*o); };
          }};
}

}  // namespace privascore
