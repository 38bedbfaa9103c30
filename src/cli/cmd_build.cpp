// privascore build: the whole public site as static files.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/cli_common.h"
#include "cli/command.h"
#include "cli/site_build.h"
#include "config/config.h"
#include "publish/static_export.h"
#include "store/store.h"

namespace privascore {

CommandSpec build_command() {
  return {"build", "Write the whole public site (pages, API, graphics, feeds, open data) as static files",
          [](CLI::App& app) -> CommandRunner {
            struct Options {
              std::string out;
              std::string base_url;
              std::string config = "privascore.toml";
              std::string data;
              std::string db;
            };
            auto o = std::make_shared<Options>();
            app.add_option("OUT", o->out, "Folder to write; must be new, empty, or an earlier build")->required();
            app.add_option("--base-url", o->base_url,
                           "Public address of the site, e.g. https://example.org/privascore (needed for sitemap.xml "
                           "and absolute links in feeds; overrides base_url of the configuration)");
            app.add_option("--config", o->config,
                           "Configuration: site, operator, imprint, privacy (default privascore.toml, if present)");
            auto* data = app.add_option("--data", o->data, "Data directory (default: the data bundled in the binary)");
            app.add_option("--db", o->db, "Read the catalogue from this database instead")->excludes(data);
            app.footer(
                "Links between the files are relative, so the folder works from any sub-path of any web host. The "
                "files are written to a temporary folder next to OUT and renamed at the end; two builds of the "
                "same data are byte-identical.");
            return [o]() {
              auto base_url = config::normalise_base_url(o->base_url);
              if (!base_url) {
                print_error("--base-url `" + o->base_url + "` is not usable: " + base_url.error().message,
                            "for example --base-url https://example.org/privascore");
                return static_cast<int>(k_exit_usage);
              }
              DiagnosticSink sink;
              auto configuration = config::load_config(o->config, sink);
              for (const auto& d : sink.items()) std::cerr << d.to_string() << "\n";
              if (!configuration) return static_cast<int>(k_exit_invalid_data);
              if (!base_url->empty()) configuration->site.base_url = *base_url;
              // The target first: a folder that cannot take the export fails in
              // milliseconds, not after the whole site is rendered.
              if (auto usable = publish::check_export_target(o->out); !usable) {
                print_error(usable.error().message, usable.error().hint);
                return static_cast<int>(k_exit_failure);
              }
              std::shared_ptr<const Catalogue> catalogue;
              if (!o->db.empty()) {
                auto db = store::Store::open(o->db, store::Store::OpenMode::existing);
                if (!db) {
                  print_error(db.error().message, db.error().hint);
                  return static_cast<int>(k_exit_failure);
                }
                auto loaded = db->load_catalogue();
                if (!loaded) {
                  print_error(loaded.error().message, loaded.error().hint);
                  return static_cast<int>(k_exit_failure);
                }
                catalogue = std::make_shared<const Catalogue>(std::move(*loaded));
              } else {
                auto loaded = load_valid_catalogue(o->data);
                if (!loaded) return static_cast<int>(k_exit_invalid_data);
                catalogue = std::make_shared<const Catalogue>(std::move(*loaded));
              }
              if (catalogue->categories.empty()) {
                print_error("there is no category to publish in " +
                                (o->db.empty() ? (o->data.empty() ? std::string("the bundled data") : o->data) : o->db),
                            "point --data at a folder laid out as in docs/formats.md, or --db at a database");
                return static_cast<int>(k_exit_failure);
              }
              auto summary = build_static_site(catalogue, configuration->site, o->out);
              if (!summary) {
                print_error(summary.error().message, summary.error().hint);
                return static_cast<int>(k_exit_failure);
              }
              std::cout << "built " << o->out << ": " << summary->pages << " pages, " << summary->files << " files, "
                        << summary->bytes << " bytes";
              if (!summary->sitemap)
                std::cout << " (no sitemap.xml: it needs --base-url or base_url in the configuration)";
              std::cout << "\n";
              return static_cast<int>(k_exit_ok);
            };
          }};
}

}  // namespace privascore
