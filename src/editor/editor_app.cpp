#include "editor/editor_app.h"

#include <atomic>
#include <iostream>
#include <mutex>
#include <vector>

#include "editor/credentials.h"
#include "editor/editor_pages.h"
#include "editor/editor_schema.h"
#include "editor/open_data.h"
#include "editor/request_origin.h"
#include "store/catalogue_reader.h"
#include "store/store.h"
#include "web/responses.h"

namespace privascore::editor {

namespace {

enum class Access {
  open,     // no session needed (login form, public report routes)
  session,  // a live session
};

struct Route {
  const char* method;
  const char* pattern;  // ":name" matches one segment
  Access access;
  web::Response (*handler)(Ctx&);
};

const Route k_routes[] = {
    {"GET", "/edit", Access::open, page_start},
    {"POST", "/edit/login", Access::open, do_login},
    {"POST", "/edit/logout", Access::session, do_logout},
    {"POST", "/edit/logout-everywhere", Access::session, do_logout_everywhere},
    {"GET", "/edit/drafts", Access::session, page_drafts},
    {"GET", "/edit/drafts/:id", Access::session, page_draft},
    {"POST", "/edit/drafts/:id/review", Access::session, do_review},
    {"POST", "/edit/drafts/:id/withdraw", Access::session, do_withdraw},
    {"GET", "/edit/audit", Access::session, page_audit},
    {"GET", "/edit/audit.json", Access::session, audit_json_export},
    {"GET", "/edit/corrections", Access::session, page_corrections},
    {"POST", "/edit/corrections/:id", Access::session, do_answer},
    {"GET", "/edit/c/:category", Access::session, page_category},
    {"GET", "/edit/c/:category/new-service", Access::session, page_new_service},
    {"POST", "/edit/c/:category/new-service", Access::session, save_new_service},
    {"GET", "/edit/c/:category/methodology", Access::session, page_methodology},
    {"POST", "/edit/c/:category/methodology", Access::session, save_methodology},
    {"GET", "/edit/c/:category/preview", Access::session, page_preview},
    {"GET", "/edit/c/:category/publish", Access::session, page_publish},
    {"POST", "/edit/c/:category/publish", Access::session, do_publish},
    {"GET", "/edit/c/:category/s/:service", Access::session, page_service},
    {"POST", "/edit/c/:category/s/:service/retire", Access::session, save_retire_service},
    {"GET", "/edit/c/:category/s/:service/new-variant", Access::session, page_new_variant},
    {"POST", "/edit/c/:category/s/:service/new-variant", Access::session, save_new_variant},
    {"POST", "/edit/c/:category/s/:service/v/:variant/retire", Access::session, save_retire_variant},
    {"GET", "/edit/c/:category/s/:service/r/:feature", Access::session, page_rating},
    {"POST", "/edit/c/:category/s/:service/r/:feature", Access::session, save_rating},
    {"POST", "/de/melden", Access::open, do_public_report},
    {"POST", "/en/report", Access::open, do_public_report},
    {"GET", "/de/meldungen/:category", Access::open, page_public_reports},
    {"GET", "/en/reports/:category", Access::open, page_public_reports},
};

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.empty() || path[0] != '/') return out;
  path.remove_prefix(1);
  for (;;) {
    const std::size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool match(std::string_view pattern, std::string_view path, std::map<std::string, std::string>* params) {
  const auto p = segments(pattern);
  const auto s = segments(path);
  if (p.size() != s.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (!p[i].empty() && p[i][0] == ':') {
      if (s[i].empty() || s[i].size() > 200) return false;
      found[std::string(p[i].substr(1))] = std::string(s[i]);
    } else if (p[i] != s[i]) {
      return false;
    }
  }
  if (params) *params = std::move(found);
  return true;
}

Lang negotiate(const web::Request& request, const Form& query) {
  if (auto lang = parse_lang(query.get("lang"))) return *lang;
  const std::string& path = request.path;
  if (path.rfind("/en/", 0) == 0) return Lang::en;
  if (path.rfind("/de/", 0) == 0) return Lang::de;
  // The first of de / en in Accept-Language; German when neither.
  const std::string& accept = request.header("accept-language");
  std::size_t best = std::string::npos;
  Lang lang = Lang::de;
  for (Lang candidate : {Lang::de, Lang::en}) {
    const std::size_t at = accept.find(lang_code(candidate));
    if (at != std::string::npos && at < best) {
      best = at;
      lang = candidate;
    }
  }
  return lang;
}

web::Response internal_error(const std::string& what) {
  std::cerr << "privascore: error: editor: " << what << "\n";
  web::Response r{500, {{"content-type", "text/plain; charset=utf-8"}}, "500 Internal Server Error\n"};
  private_headers(r);
  return r;
}

}  // namespace

// The editor's mutable state: the connection, the catalogue, the throttles.
class EditorState {
 public:
  EditorState(store::Store store, Editor::Options options, std::shared_ptr<const EditorAssets> assets,
              Editor::PublishedCallback on_published)
      : m_store(std::move(store)),
        m_options(std::move(options)),
        m_clock(m_options.clock ? m_options.clock : std::make_shared<SystemClock>()),
        m_assets(std::move(assets)),
        m_on_published(std::move(on_published)),
        m_throttle(*m_clock, ThrottlePolicy{}),
        m_report_limiter(*m_clock, m_options.config.reports_per_client, m_options.config.report_window),
        m_report_total(*m_clock, m_options.config.reports_total, m_options.config.report_window) {}

  void set_catalogue(std::shared_ptr<const Catalogue> catalogue) {
    auto data = std::make_shared<const web::SiteData>(catalogue);
    std::lock_guard lock(m_catalogue_mutex);
    m_catalogue = std::move(catalogue);
    m_site_data = std::move(data);
  }
  std::pair<std::shared_ptr<const Catalogue>, std::shared_ptr<const web::SiteData>> snapshot() const {
    std::lock_guard lock(m_catalogue_mutex);
    return {m_catalogue, m_site_data};
  }

  web::Response handle(const web::Request& request);

 private:
  friend class Editor;
  store::Store m_store;
  Editor::Options m_options;
  std::shared_ptr<const Clock> m_clock;
  std::shared_ptr<const EditorAssets> m_assets;
  Editor::PublishedCallback m_on_published;
  LoginThrottle m_throttle;
  RateLimiter m_report_limiter;
  RateLimiter m_report_total;
  std::mutex m_db_mutex;
  mutable std::mutex m_catalogue_mutex;
  std::shared_ptr<const Catalogue> m_catalogue;
  std::shared_ptr<const web::SiteData> m_site_data;
};

web::Response EditorState::handle(const web::Request& request) {
  std::map<std::string, std::string> params;
  const Route* route = nullptr;
  bool path_known = false;
  for (const Route& r : k_routes) {
    if (!match(r.pattern, request.path, &params)) continue;
    path_known = true;
    if (request.method == r.method || (request.method == "HEAD" && std::string_view(r.method) == "GET")) {
      route = &r;
      break;
    }
  }
  std::shared_ptr<const EditorAssets> assets = m_assets;
  if (!assets) {
    // Development: templates and catalogs are read from disk on every request.
    auto files = web::Assets::from_directory(m_options.site.web_dir);
    if (!files) return internal_error(files.error().message);
    auto messages = web::Messages::load(*files);
    auto templates = web::Templates::load(*files);
    if (!messages || !templates) return internal_error(messages ? templates.error().message : messages.error().message);
    assets = std::make_shared<const EditorAssets>(
        EditorAssets{std::move(*files), std::move(*messages), std::move(*templates)});
  }
  auto [catalogue, site_data] = snapshot();
  std::unique_lock db_lock(m_db_mutex);
  Ctx ctx{request,
          db_lock,
          m_store.database(),
          catalogue,
          site_data,
          *assets,
          m_options.config,
          m_options.site,
          *m_clock,
          m_throttle,
          m_report_limiter,
          m_report_total,
          m_options.hooks,
          [this](std::shared_ptr<const Catalogue> published) {
            set_catalogue(published);
            if (m_on_published) m_on_published(std::move(published));
          }};
  ctx.query = Form::parse(request.query);
  ctx.lang = negotiate(request, ctx.query);
  if (!route) {
    if (path_known) {
      web::Response r = message_page(ctx, 405, ctx.t("edit_error_title"), ctx.t("edit_method_not_allowed"));
      r.set_header("allow", "GET, HEAD, POST");
      return r;
    }
    return message_page(ctx, 404, ctx.t("edit_not_found_title"), ctx.t("edit_not_found"));
  }
  ctx.params = std::move(params);
  if (request.method == "POST") ctx.form = Form::parse(request.body);

  // Public routes: no session, never a cookie.
  const bool editor_path = request.path == "/edit" || request.path.rfind("/edit/", 0) == 0;
  if (editor_path) {
    const std::string token = cookie_value(request, session_cookie_name(request, m_options.config));
    if (!token.empty()) {
      auto session = find_session(
          ctx.db, token, SessionPolicy{m_options.config.idle_timeout, m_options.config.absolute_timeout}, ctx.clock);
      if (!session) return internal_error(session.error().to_string());
      ctx.session = std::move(*session);
    }
  }
  if (route->access == Access::session) {
    if (!ctx.session) {
      if (request.method == "GET" || request.method == "HEAD") return see_other("/edit");
      return login_page(ctx, 401, ctx.t("edit_session_ended"));
    }
  }
  if (request.method == "POST") {
    if (!same_origin(request, m_options.config)) {
      return message_page(ctx, 403, ctx.t("edit_error_title"), ctx.t("edit_cross_site"));
    }
    if (route->access == Access::session && !constant_time_equal(ctx.form.get("csrf"), ctx.session->csrf_token)) {
      return message_page(ctx, 403, ctx.t("edit_error_title"), ctx.t("edit_csrf_failed"), ctx.t("edit_csrf_hint"));
    }
  }
  web::Response response = route->handler(ctx);
  if (editor_path) private_headers(response);
  return response;
}

// ---- Editor ----------------------------------------------------------------

Result<std::shared_ptr<Editor>> Editor::open(const std::string& db_path, Options options,
                                             PublishedCallback on_published) {
  if (!init_crypto()) return fail(ErrorKind::internal, "libsodium could not be initialised");
  auto store = store::Store::open(db_path, store::Store::OpenMode::existing);
  if (!store) return fail(store.error());
  auto migrated = migrate_editor(store->database());
  if (!migrated) return fail(migrated.error());
  auto catalogue = store::read_catalogue(store->database());
  if (!catalogue) return fail(catalogue.error());
  std::shared_ptr<const EditorAssets> assets;
  if (options.site.web_dir.empty()) {
    web::Assets files = web::Assets::embedded();
    auto messages = web::Messages::load(files);
    if (!messages) return fail("the editor's built-in catalogs are broken: " + messages.error().message);
    auto templates = web::Templates::load(files);
    if (!templates) return fail("the editor's built-in templates are broken: " + templates.error().message);
    assets = std::make_shared<const EditorAssets>(
        EditorAssets{std::move(files), std::move(*messages), std::move(*templates)});
  }
  auto shared = std::make_shared<const Catalogue>(std::move(*catalogue));
  const std::string open_data = options.config.open_data_dir;
  auto state =
      std::make_unique<EditorState>(std::move(*store), std::move(options), std::move(assets), std::move(on_published));
  state->set_catalogue(shared);
  if (!open_data.empty()) {
    auto synced = sync_open_data(*shared, open_data);
    if (!synced) return fail("cannot write the open data: " + synced.error().message, synced.error().hint);
    for (const std::string& problem : synced->problems)
      std::cerr << "privascore: warning: open data: " << problem << "\n";
  }
  return std::make_shared<Editor>(std::move(state));
}

Editor::Editor(std::unique_ptr<EditorState> state) : m_state(std::move(state)) {}
Editor::~Editor() = default;

bool Editor::handles(const web::Request& request) {
  const std::string& p = request.path;
  if (p == "/edit" || p.rfind("/edit/", 0) == 0) return true;
  if (p == "/de/melden" || p == "/en/report") return true;
  return p.rfind("/de/meldungen/", 0) == 0 || p.rfind("/en/reports/", 0) == 0;
}

web::Response Editor::handle(const web::Request& request) const {
  try {
    return m_state->handle(request);
  } catch (const std::exception& e) {
    return internal_error(request.method + " " + request.path + ": " + e.what());
  } catch (...) {
    return internal_error(request.method + " " + request.path + ": unknown exception");
  }
}

std::shared_ptr<const Catalogue> Editor::catalogue() const {
  return m_state->snapshot().first;
}

web::Handler compose_handler(std::shared_ptr<Editor> editor, web::Handler site) {
  return [editor = std::move(editor), site = std::move(site)](const web::Request& request) {
    if (Editor::handles(request)) return editor->handle(request);
    return site(request);
  };
}

}  // namespace privascore::editor
