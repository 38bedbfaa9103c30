// privascore serve: the web site and JSON API over HTTP (src/server is the
// transport, src/web the site).
#include <malloc.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>

#include "assist_web/probe_page.h"
#include "cli/cli_common.h"
#include "cli/command.h"
#include "cli/data_status.h"
#include "cli/site_artifacts.h"
#include "config/config.h"
#include "editor_web/editor_app.h"
#include "server/http_server.h"
#include "server/listen_address.h"
#include "store/store.h"
#include "util/diagnostic.h"
#include "web/site.h"

namespace privascore {

namespace {

struct ServeOptions {
  CommonOptions common;  // --data only: what a new database is filled with
  std::string listen = "127.0.0.1:8080";
  std::string db = "var/privascore.db";
  std::string config = "privascore.toml";
  int threads = 2;
  std::string access_log = "-";
  bool log_ip = false;
  double request_timeout = 10;
  double keep_alive_timeout = 60;
  std::size_t max_connections = 10000;
  std::size_t max_connections_per_client = 128;
};

/// What the server serves and how the start line describes it.
struct ServedSite {
  web::Handler handler;
  std::string source;  // "database var/privascore.db"
  /// The kind of request whose handler may wait (server::ServerOptions::slow_kind).
  std::function<std::string(const web::Request&)> slow_kind;
};

/// The site to serve: the published record in the database at o.db
/// (created, and filled from --data or the bundled data, on first start),
/// with its artifacts (graphics, badges, feeds, open data), the editor under
/// /edit and the readers' report form, and the probe page. Prints what is
/// wrong and returns nullopt when something cannot be opened.
std::optional<ServedSite> open_site(const ServeOptions& o) {
  DiagnosticSink sink;
  auto configuration = config::load_config(o.config, sink);
  for (const auto& d : sink.items()) std::cerr << d.to_string() << "\n";
  if (!configuration) return std::nullopt;

  auto bundled = open_data(o.common.data);
  auto store = store::open_or_create(o.db, *bundled);
  if (!store) {
    print_error(store.error().message, store.error().hint);
    return std::nullopt;
  }
  auto loaded = store->load_catalogue();
  if (!loaded) {
    print_error(loaded.error().message, loaded.error().hint);
    return std::nullopt;
  }
  // The database is served as it is; say so when the data differs from it.
  if (auto note = data_status_line(*bundled, o.common.data, *loaded, o.db)) std::cerr << *note << std::endl;
  auto catalogue = std::make_shared<const Catalogue>(std::move(*loaded));

  configuration->site.reports = true;  // the editor below takes the report form's POST
  auto site = public_site(configuration->site, catalogue);
  if (!site) {
    print_error("the site cannot start: " + site.error().to_string());
    return std::nullopt;
  }

  assist::ProbePageOptions probe_options;
  probe_options.trusted_proxies = configuration->editor.trusted_proxies;
  editor::Editor::Options editor_options;
  editor_options.config = configuration->editor;
  editor_options.site = configuration->site;
  std::weak_ptr<web::Site> weak_site = *site;
  auto editor =
      editor::Editor::open(o.db, std::move(editor_options), [weak_site](std::shared_ptr<const Catalogue> published) {
        if (auto s = weak_site.lock()) s->set_catalogue(std::move(published));
      });
  if (!editor) {
    print_error("the editor cannot start: " + editor.error().to_string());
    return std::nullopt;
  }

  auto probe = assist::ProbePage::create(*site, std::move(probe_options));
  if (!probe) {
    print_error("the probe page cannot start: " + probe.error().to_string());
    return std::nullopt;
  }

  // One route table: the site's routes, the editor's and the probe page's.
  // The editor and the report form hash passwords and write to the
  // database; the probe waits for another server. Their routes name a slow
  // kind: each kind runs off the event loops, so the pages and the API never
  // wait behind them, and on a pool of its own, so a probe never delays the
  // editor.
  (*site)->mount(editor::routes(*editor));
  (*site)->mount(assist::routes(*probe));
  for (const std::string& problem : (*site)->router().problems()) print_error("route " + problem);
  web::Handler handler = web::make_site_handler(*site);
  auto slow_kind = [site = *site](const web::Request& request) { return site->slow_kind(request); };
  return ServedSite{std::move(handler), "database " + o.db, std::move(slow_kind)};
}

// A thousand idle connections need a thousand descriptors: take what the
// hard limit allows, and keep max_connections below it.
std::size_t raise_descriptor_limit(std::size_t wanted_connections) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return wanted_connections;
  if (limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
  }
  constexpr rlim_t k_reserved = 64;  // database, log, listening socket, ...
  if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur <= k_reserved) return wanted_connections;
  return std::min<std::size_t>(wanted_connections, static_cast<std::size_t>(limit.rlim_cur - k_reserved));
}

std::chrono::milliseconds to_milliseconds(double seconds) {
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

// glibc hands freed memory back to the kernel eagerly and serves larger
// blocks with mmap: under load every response then pays page faults for
// memory it just gave back. Keeping freed memory for reuse raised the
// category page from 32,000 to 47,000 requests/s (bench/http, see
// docs/performance.md); resident memory stays at the working set's peak.
void keep_freed_memory() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
}

int run_serve(const ServeOptions& o) {
  keep_freed_memory();
  auto listen = server::parse_listen_address(o.listen);
  if (!listen) {
    print_error(listen.error().to_string());
    return k_exit_usage;
  }
  std::FILE* access_log = stderr;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> access_file(nullptr, &std::fclose);
  if (o.access_log == "off") {
    access_log = nullptr;
  } else if (o.access_log != "-") {
    access_file.reset(std::fopen(o.access_log.c_str(), "a"));
    if (!access_file) {
      print_error("cannot open the access log `" + o.access_log + "`: " + std::strerror(errno),
                  "give a writable file, `-` for standard error or `off`");
      return k_exit_failure;
    }
    access_log = access_file.get();
  }

  auto site = open_site(o);
  if (!site) return k_exit_invalid_data;

  server::ServerOptions options;
  options.listen = *listen;
  options.threads = o.threads;
  options.request_timeout = to_milliseconds(o.request_timeout);
  options.body_timeout = options.request_timeout;
  options.keep_alive_timeout = to_milliseconds(o.keep_alive_timeout);
  options.max_connections = raise_descriptor_limit(o.max_connections);
  options.access_log = access_log;
  options.error_log = stderr;
  options.log_ip = o.log_ip;
  options.max_connections_per_client = o.max_connections_per_client;
  options.slow_kind = std::move(site->slow_kind);
  options.slow_pools = {{"editor", 4, 64}, {"probe", 2, 4}};
  server::HttpServer http(std::move(site->handler), options);
  if (auto listening = http.listen(); !listening) {
    print_error(listening.error().to_string(), "choose another address with --listen, e.g. --listen 127.0.0.1:8081");
    return k_exit_failure;
  }
  std::cout << "privascore: serving " << http.local_address().url() << " (" << site->source << ")" << std::endl;
  http.run();
  return k_exit_ok;
}

}  // namespace

CommandSpec serve_command() {
  return {
      "serve", "Serve the web site and the JSON API over HTTP (stop with Ctrl-C or SIGTERM)",
      [](CLI::App& app) -> CommandRunner {
        auto o = std::make_shared<ServeOptions>();
        o->common.add_to(app, /*with_output=*/false);
        app.add_option("--listen", o->listen,
                       "Address to listen on: HOST:PORT or [IPv6]:PORT (default 127.0.0.1:8080)");
        app.add_option("--db", o->db, "Database file (default var/privascore.db)");
        app.add_option("--config", o->config,
                       "Configuration: site, operator, imprint, privacy, editor (default privascore.toml, if present)");
        app.add_option("--threads", o->threads, "Event loops, one thread each, serving pages and the API (default 2)")
            ->check(CLI::Range(1, 64));
        app.add_option("--access-log", o->access_log, "Access log file, `-` for standard error (default) or `off`");
        app.add_flag("--log-ip", o->log_ip, "Write client IP addresses into the access log (off by default)");
        app.add_option("--request-timeout", o->request_timeout,
                       "Seconds a client has to send the request headers, and again its body (default 10)")
            ->check(CLI::Range(0.1, 3600.0));
        app.add_option("--keep-alive-timeout", o->keep_alive_timeout,
                       "Seconds an idle keep-alive connection stays open (default 60)")
            ->check(CLI::Range(0.1, 3600.0));
        app.add_option("--max-connections", o->max_connections,
                       "Connections served at once; more wait in the queue (default 10000)")
            ->check(CLI::Range(1, 1000000));
        app.add_option("--max-connections-per-client", o->max_connections_per_client,
                       "Connections one client address (IPv6: /64) may hold; 0: no limit, e.g. behind a "
                       "proxy (default 128)");
        return [o]() { return run_serve(*o); };
      }};
}

}  // namespace privascore
