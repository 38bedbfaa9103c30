#include "editor_web/editor_app.h"
#include <nlohmann/json.hpp>

#include <atomic>
#include <iostream>
#include <mutex>
#include <vector>

#include "editor/credentials.h"
#include "editor/editor_schema.h"
#include "editor/open_data.h"
#include "editor_web/editor_pages.h"
#include "editor_web/request_origin.h"
#include "store/catalogue_reader.h"
#include "store/store.h"
#include "web/responses.h"
#include "web/router.h"

namespace privascore::editor {

namespace {

enum class Access {
  open,     // no session needed (login form, public report routes)
  session,  // a live session
};

struct Route {
  web::Methods methods;
  const char* pattern;  // web/router.h
  Access access;
  web::Response (*handler)(Ctx&);
};

// GET /edit/login: the login form lives at /edit (it posts here).
web::Response login_form(Ctx&) {
  return see_other("/edit");
}

using web::k_get;
using web::k_post;

const Route k_routes[] = {
    {k_get, "/edit", Access::open, page_start},
    {k_get, "/edit/login", Access::open, login_form},
    {k_post, "/edit/login", Access::open, do_login},
    {k_post, "/edit/logout", Access::session, do_logout},
    {k_post, "/edit/logout-everywhere", Access::session, do_logout_everywhere},
    {k_get, "/edit/drafts", Access::session, page_drafts},
    {k_get, "/edit/drafts/:id", Access::session, page_draft},
    {k_post, "/edit/drafts/:id/review", Access::session, do_review},
    {k_post, "/edit/drafts/:id/withdraw", Access::session, do_withdraw},
    {k_get, "/edit/audit", Access::session, page_audit},
    {k_get, "/edit/audit.json", Access::session, audit_json_export},
    {k_get, "/edit/corrections", Access::session, page_corrections},
    {k_post, "/edit/corrections/:id", Access::session, do_answer},
    {k_get, "/edit/c/:category", Access::session, page_category},
    {k_get, "/edit/c/:category/new-service", Access::session, page_new_service},
    {k_post, "/edit/c/:category/new-service", Access::session, save_new_service},
    {k_get, "/edit/c/:category/methodology", Access::session, page_methodology},
    {k_post, "/edit/c/:category/methodology", Access::session, save_methodology},
    {k_get, "/edit/c/:category/preview", Access::session, page_preview},
    {k_get, "/edit/c/:category/publish", Access::session, page_publish},
    {k_post, "/edit/c/:category/publish", Access::session, do_publish},
    {k_get, "/edit/c/:category/s/:service", Access::session, page_service},
    {k_post, "/edit/c/:category/s/:service/retire", Access::session, save_retire_service},
    {k_get, "/edit/c/:category/s/:service/new-variant", Access::session, page_new_variant},
    {k_post, "/edit/c/:category/s/:service/new-variant", Access::session, save_new_variant},
    {k_post, "/edit/c/:category/s/:service/v/:variant/retire", Access::session, save_retire_variant},
    {k_get, "/edit/c/:category/s/:service/r/:feature", Access::session, page_rating},
    {k_post, "/edit/c/:category/s/:service/r/:feature", Access::session, save_rating},
    {k_post, "/:lang/{report}", Access::open, do_public_report},
    {k_get, "/:lang/{reports}/:category", Access::open, page_public_reports},
};

// Paths below the editor's prefixes that no route takes: the editor's own
// 404 page (tag k_not_found).
constexpr int k_not_found = -1;
const char* const k_prefixes[] = {"/edit/*", "/:lang/{reports}/*"};

// The editor's table; the handler (for the site's table) is given by routes().
std::vector<web::Route> route_list(const web::RouteHandler& handler) {
  std::vector<web::Route> out;
  for (std::size_t i = 0; i < std::size(k_routes); ++i)
    out.push_back({k_routes[i].methods, k_routes[i].pattern, "editor", static_cast<int>(i), handler});
  for (const char* prefix : k_prefixes) out.push_back({web::k_any, prefix, "editor", k_not_found, handler});
  return out;
}

const web::Router& router() {
  static const web::Router r = [] {
    web::Router made;
    made.add(route_list({}));
    return made;
  }();
  return r;
}

Lang negotiate(const web::Request& request, const Form& query) {
  if (auto lang = parse_lang(query.get("lang"))) return *lang;
  return web::choose_language(request);
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
  const web::RouteMatch match = router().match(request.method, request.path);
  const Route* route =
      match.route && match.route->tag != k_not_found ? &k_routes[static_cast<std::size_t>(match.route->tag)] : nullptr;
  const bool path_known = match.path_route && match.path_route->tag != k_not_found;
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
      r.set_header("allow", std::string(match.allow));
      return r;
    }
    return message_page(ctx, 404, ctx.t("edit_not_found_title"), ctx.t("edit_not_found"));
  }
  for (std::size_t i = 0; i < match.param_count; ++i)
    ctx.params[std::string(match.params[i].name)] = std::string(match.params[i].value);
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
  return router().match(request.method, request.path).known_path();
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

std::vector<web::Route> routes(std::shared_ptr<Editor> editor) {
  return route_list([editor = std::move(editor)](const web::Request& request, const web::RouteMatch&) {
    return editor->handle(request);
  });
}

}  // namespace privascore::editor
