#include "web/site.h"

#include <charconv>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "web/api.h"
#include "web/assets.h"
#include "web/messages.h"
#include "web/method_pages.h"
#include "web/pages.h"
#include "web/query.h"
#include "web/responses.h"
#include "web/router.h"
#include "web/site_data.h"
#include "web/templates.h"
#include "web/urls.h"

namespace privascore::web {

// The assets, catalogs and templates the site renders with.
class SiteAssets {
 public:
  static Result<std::shared_ptr<const SiteAssets>> load(Assets assets) {
    auto messages = Messages::load(assets);
    if (!messages) return tl::unexpected(messages.error());
    auto templates = Templates::load(assets);
    if (!templates) return tl::unexpected(templates.error());
    return std::make_shared<const SiteAssets>(
        SiteAssets{std::move(assets), std::move(*messages), std::move(*templates)});
  }

  Assets assets;
  Messages messages;
  Templates templates;
};

// One published state: the scored data and the pages rendered from it.
class SiteState {
 public:
  SiteState(std::shared_ptr<const Catalogue> catalogue, const ArtifactFactory& artifacts) : data(catalogue) {
    if (artifacts) {
      ArtifactSet set = artifacts(std::move(catalogue));
      artifact_lookup = std::move(set.lookup);
      artifact_paths = std::move(set.paths);
    }
  }

  std::optional<Response> cached(const std::string& key) const {
    std::lock_guard lock(m_mutex);
    auto it = m_cache.find(key);
    if (it == m_cache.end()) return std::nullopt;
    return it->second;
  }
  void store(const std::string& key, const Response& response) const {
    std::lock_guard lock(m_mutex);
    if (m_cache.size() < k_max_entries) m_cache.emplace(key, response);
  }

  std::size_t size() const {
    std::lock_guard lock(m_mutex);
    return m_cache.size();
  }

  SiteData data;
  ArtifactLookup artifact_lookup;                            // empty: no artifacts
  std::function<std::vector<std::string>()> artifact_paths;  // empty: none listed

 private:
  // Bounded: page keys ignore the query, API keys only exist for valid
  // parameters, so the set of keys is finite; the bound is a safety net.
  static constexpr std::size_t k_max_entries = 4096;
  mutable std::mutex m_mutex;
  mutable std::unordered_map<std::string, Response> m_cache;
};

namespace {

// A response from the cache as the caller takes it: the shared body itself
// for the server, a copy in Response::body for everyone else.
Response for_caller(Response response, const Request& request) {
  if (response.shared_body && !request.takes_shared_body) {
    response.body = *response.shared_body;
    response.shared_body.reset();
  }
  return response;
}

// What a route handler gets: the request, the matched path segments and
// the environment to render in.
struct Ctx {
  const Request& request;
  const SiteState& state;
  const SiteAssets& assets;
  const config::SiteConfig& config;
  Lang lang = Lang::de;
  std::string category;
  std::string date;
  std::string service;
  std::string version;
  std::string id;
  std::string asset;

  PageEnv env() const { return PageEnv{state.data, config, assets.assets, assets.messages, assets.templates, lang}; }
  const SiteData& data() const { return state.data; }
};

Response not_found(const Ctx& ctx) {
  return not_found_page(ctx.env(), ctx.request.path);
}

// Resolves the category segment. Returns the category, or sets *redirect to
// the canonical URL (another language's slug or the id was used), or
// neither (unknown).
const CategoryView* resolve_category(const Ctx& ctx, std::optional<Response>* redirect) {
  bool canonical = true;
  const CategoryView* c = ctx.data().by_slug(ctx.lang, ctx.category, &canonical);
  if (c && !canonical) {
    std::string path = ctx.request.path;
    const std::string prefix = "/" + std::string(lang_code(ctx.lang)) + "/" + ctx.category;
    path = category_path(ctx.lang, *c) + path.substr(prefix.size());
    *redirect = redirect_response(path, true);
    return nullptr;
  }
  return c;
}

#define RESOLVE_CATEGORY(ctx, name)                             \
  std::optional<Response> redirect_;                            \
  const CategoryView* name = resolve_category(ctx, &redirect_); \
  if (redirect_) return std::move(*redirect_);                  \
  if (!name) return not_found(ctx)

Response route_root(const Ctx& ctx) {
  Response r = redirect_response(home_path(negotiate_language(ctx.request.header("accept-language"))), false);
  r.set_header("vary", "Accept-Language");
  return r;
}

Response route_home(const Ctx& ctx) {
  return home_page(ctx.env());
}
Response route_imprint(const Ctx& ctx) {
  return imprint_page(ctx.env());
}
Response route_privacy(const Ctx& ctx) {
  return privacy_page(ctx.env());
}

Response route_category(const Ctx& ctx) {
  RESOLVE_CATEGORY(ctx, c);
  return category_page(ctx.env(), *c, *c->latest(), false);
}

const EditionScore* edition_by_date(const CategoryView& c, const std::string& text) {
  auto date = Date::parse(text);
  if (!date) return nullptr;
  for (const auto& s : c.scores)
    if (s.edition->date == *date) return &s;
  return nullptr;
}

Response route_edition(const Ctx& ctx) {
  RESOLVE_CATEGORY(ctx, c);
  const EditionScore* score = edition_by_date(*c, ctx.date);
  if (!score) return not_found(ctx);
  return category_page(ctx.env(), *c, *score, true);
}

Response route_service(const Ctx& ctx) {
  RESOLVE_CATEGORY(ctx, c);
  if (const ServiceScore* s = c->latest()->service(ctx.service)) {
    return service_page(ctx.env(), *c, *c->latest(), *s, false);
  }
  // A service that left: its most recent edition.
  for (auto it = c->scores.rbegin(); it != c->scores.rend(); ++it) {
    if (it->service(ctx.service)) {
      return redirect_response(service_edition_path(ctx.lang, *c, it->edition->date, ctx.service), false);
    }
  }
  return not_found(ctx);
}

Response route_service_edition(const Ctx& ctx) {
  RESOLVE_CATEGORY(ctx, c);
  const EditionScore* score = edition_by_date(*c, ctx.date);
  if (!score) return not_found(ctx);
  const ServiceScore* s = score->service(ctx.service);
  if (!s) return not_found(ctx);
  return service_page(ctx.env(), *c, *score, *s, true);
}

Response route_methodology(const Ctx& ctx) {
  RESOLVE_CATEGORY(ctx, c);
  return methodology_page(ctx.env(), *c, *c->methodology, false);
}

Response route_methodology_version(const Ctx& ctx) {
  RESOLVE_CATEGORY(ctx, c);
  int version = 0;
  for (char ch : ctx.version.substr(1)) version = version * 10 + (ch - '0');
  const Methodology* m = c->category->methodology(version);
  if (!m) return not_found(ctx);
  return methodology_page(ctx.env(), *c, *m, true);
}

Response route_changelog(const Ctx& ctx) {
  RESOLVE_CATEGORY(ctx, c);
  return changelog_page(ctx.env(), *c);
}

Response route_api_categories(const Ctx& ctx) {
  return api_categories(ctx.data(), ctx.request.query);
}
Response route_api_category(const Ctx& ctx) {
  return api_category(ctx.data(), ctx.id, ctx.request.query);
}
Response route_api_editions(const Ctx& ctx) {
  return api_editions(ctx.data(), ctx.id, ctx.request.query);
}
Response route_api_scores(const Ctx& ctx) {
  return api_scores(ctx.data(), ctx.id, ctx.request.query);
}
Response route_api_service(const Ctx& ctx) {
  return api_service(ctx.data(), ctx.id, ctx.service, ctx.request.query);
}
Response route_api_diff(const Ctx& ctx) {
  return api_diff(ctx.data(), ctx.id, ctx.request.query);
}
Response route_api_personal(const Ctx& ctx) {
  return api_personal(ctx.data(), ctx.id, ctx.request.query);
}
Response route_api_robustness(const Ctx& ctx) {
  return api_robustness(ctx.data(), ctx.id, ctx.request.query);
}
Response route_personal(const Ctx& ctx) {
  RESOLVE_CATEGORY(ctx, c);
  return personal_page(ctx.env(), *c, ctx.request.query);
}

Response route_static(const Ctx& ctx) {
  auto file = ctx.assets.assets.find_static(ctx.asset);
  if (!file) return not_found(ctx);
  Response r;
  r.set_header("content-type", file->content_type);
  r.set_header("cache-control", file->exact ? "public, max-age=31536000, immutable" : "no-cache");
  r.body = *file->content;
  return r;
}

Response route_favicon(const Ctx& ctx) {
  return redirect_response(ctx.assets.assets.static_url("favicon.svg"), true);
}

// What a listed path is for (Site::paths()).
using Lister = void (*)(const SiteData& data, const SiteAssets& assets, Lang lang, std::vector<SitePath>& out);

enum class Kind { page, api, asset };

struct SiteRoute {
  std::string_view pattern;  // web/router.h
  Kind kind;
  bool cacheable;
  Response (*handler)(const Ctx&);
  // Lists the route's paths for a catalogue, per language when the pattern
  // starts with :lang; nullptr for a route that is no document of its own
  // (a redirect alias) or depends on the query only.
  Lister list;
};

void add_page(std::vector<SitePath>& out, std::string path) {
  out.push_back({std::move(path), SitePath::Kind::page});
}
void add_api(std::vector<SitePath>& out, std::string path) {
  out.push_back({std::move(path), SitePath::Kind::api});
}

void list_root(const SiteData&, const SiteAssets&, Lang, std::vector<SitePath>& out) {
  add_page(out, "/");
}
void list_home(const SiteData&, const SiteAssets&, Lang lang, std::vector<SitePath>& out) {
  add_page(out, home_path(lang));
}
// A page whose pattern has no parameter but :lang: its own path in each
// language (Site::paths() expands the pattern).
void list_self(const SiteData&, const SiteAssets&, Lang, std::vector<SitePath>&) {}
void list_static(const SiteData&, const SiteAssets& assets, Lang, std::vector<SitePath>& out) {
  for (const std::string& file : assets.assets.paths()) {
    if (file.rfind("static/", 0) != 0 || file.find('/', 7) != std::string::npos) continue;
    out.push_back({assets.assets.static_url(file.substr(7)), SitePath::Kind::asset});
  }
}
void list_api_categories(const SiteData&, const SiteAssets&, Lang, std::vector<SitePath>& out) {
  add_api(out, "/api/v1/categories");
}
// /api/v1/categories/<id><suffix> for every category.
template <const char* suffix>
void list_api_per_category(const SiteData& data, const SiteAssets&, Lang, std::vector<SitePath>& out) {
  for (const auto& view : data.categories()) add_api(out, "/api/v1/categories/" + view.category->id + suffix);
}
constexpr char k_none[] = "";
constexpr char k_editions[] = "/editions";
constexpr char k_scores[] = "/scores";
constexpr char k_personal[] = "/personal";
constexpr char k_robustness[] = "/robustness";
// Every service of any edition: the bare path for the services of the
// latest edition, ?edition=DATE (its last edition) for a service only an
// older edition rates, whose bare path does not answer.
void list_api_service(const SiteData& data, const SiteAssets&, Lang, std::vector<SitePath>& out) {
  for (const auto& view : data.categories()) {
    std::map<std::string, std::string> last_edition;  // id -> date of its last edition
    for (const auto& score : view.scores)
      for (const auto& s : score.services) last_edition[s.assessment->id] = score.edition->date.to_string();
    const std::string latest = view.latest()->edition->date.to_string();
    for (const auto& [id, date] : last_edition) {
      SitePath p{"/api/v1/categories/" + view.category->id + "/services/" + id, SitePath::Kind::api, {}};
      if (date != latest) p.query = "edition=" + date;
      out.push_back(std::move(p));
    }
  }
}
// The diff of the latest edition against the one before: only a category
// with two editions has one.
void list_api_diff(const SiteData& data, const SiteAssets&, Lang, std::vector<SitePath>& out) {
  for (const auto& view : data.categories())
    if (view.scores.size() >= 2) add_api(out, "/api/v1/categories/" + view.category->id + "/diff");
}
void list_category(const SiteData& data, const SiteAssets&, Lang lang, std::vector<SitePath>& out) {
  for (const auto& view : data.categories()) add_page(out, category_path(lang, view));
}
void list_methodology(const SiteData& data, const SiteAssets&, Lang lang, std::vector<SitePath>& out) {
  for (const auto& view : data.categories()) add_page(out, methodology_path(lang, view));
}
void list_methodology_version(const SiteData& data, const SiteAssets&, Lang lang, std::vector<SitePath>& out) {
  for (const auto& view : data.categories())
    for (const auto& [version, m] : view.category->methodologies) add_page(out, methodology_path(lang, view, version));
}
void list_changelog(const SiteData& data, const SiteAssets&, Lang lang, std::vector<SitePath>& out) {
  for (const auto& view : data.categories()) add_page(out, changelog_path(lang, view));
}
void list_personal(const SiteData& data, const SiteAssets&, Lang lang, std::vector<SitePath>& out) {
  for (const auto& view : data.categories()) add_page(out, personal_path(lang, view));
}
void list_edition(const SiteData& data, const SiteAssets&, Lang lang, std::vector<SitePath>& out) {
  for (const auto& view : data.categories())
    for (const auto& score : view.scores) add_page(out, edition_path(lang, view, score.edition->date));
}
void list_service(const SiteData& data, const SiteAssets&, Lang lang, std::vector<SitePath>& out) {
  for (const auto& view : data.categories())
    if (const EditionScore* latest = view.latest())
      for (const auto& s : latest->services) add_page(out, service_path(lang, view, s.assessment->id));
}
void list_service_edition(const SiteData& data, const SiteAssets&, Lang lang, std::vector<SitePath>& out) {
  for (const auto& view : data.categories())
    for (const auto& score : view.scores)
      for (const auto& s : score.services)
        add_page(out, service_edition_path(lang, view, score.edition->date, s.assessment->id));
}

// The site's routes. Which one answers a path is decided by the router's
// rule (the most specific pattern), not by the order here.
const SiteRoute k_routes[] = {
    {"/", Kind::page, false, route_root, list_root},
    {"/:lang/", Kind::page, true, route_home, list_home},
    {"/:lang/{imprint}", Kind::page, true, route_imprint, list_self},
    {"/:lang/{privacy}", Kind::page, true, route_privacy, list_self},
    {"/favicon.ico", Kind::asset, false, route_favicon, nullptr},
    {"/static/:asset", Kind::asset, true, route_static, list_static},
    {"/api/v1/categories", Kind::api, true, route_api_categories, list_api_categories},
    {"/api/v1/categories/:id", Kind::api, true, route_api_category, list_api_per_category<k_none>},
    {"/api/v1/categories/:id/editions", Kind::api, true, route_api_editions, list_api_per_category<k_editions>},
    {"/api/v1/categories/:id/scores", Kind::api, true, route_api_scores, list_api_per_category<k_scores>},
    {"/api/v1/categories/:id/services/:service", Kind::api, true, route_api_service, list_api_service},
    {"/api/v1/categories/:id/diff", Kind::api, true, route_api_diff, list_api_diff},
    // Personal weights depend on the query: never cached (the set of weightings is large).
    {"/api/v1/categories/:id/personal", Kind::api, false, route_api_personal, list_api_per_category<k_personal>},
    {"/api/v1/categories/:id/robustness", Kind::api, true, route_api_robustness, list_api_per_category<k_robustness>},
    {"/:lang/:category", Kind::page, true, route_category, list_category},
    {"/:lang/:category/{methodology}", Kind::page, true, route_methodology, list_methodology},
    {"/:lang/:category/{methodology}/:version", Kind::page, true, route_methodology_version, list_methodology_version},
    {"/:lang/:category/{changelog}", Kind::page, true, route_changelog, list_changelog},
    {"/:lang/:category/{personal}", Kind::page, false, route_personal, list_personal},
    {"/:lang/:category/:date", Kind::page, true, route_edition, list_edition},
    {"/:lang/:category/:service", Kind::page, true, route_service, list_service},
    {"/:lang/:category/:date/:service", Kind::page, true, route_service_edition, list_service_edition},
};

void take_params(const RouteMatch& match, Ctx& ctx) {
  for (std::size_t i = 0; i < match.param_count; ++i) {
    const auto& [name, value] = match.params[i];
    if (name == "category") ctx.category = value;
    if (name == "date") ctx.date = value;
    if (name == "service") ctx.service = value;
    if (name == "version") ctx.version = value;
    if (name == "id") ctx.id = value;
    if (name == "asset") ctx.asset = value;
  }
}

Response internal_error(const std::string& what) {
  std::cerr << "privascore: error: site: " << what << "\n";
  return Response{500,
                  {{"content-type", "text/plain; charset=utf-8"}, {"cache-control", "no-store"}},
                  "500 Internal Server Error\n"};
}

}  // namespace

Result<std::shared_ptr<Site>> Site::create(config::SiteConfig config, std::shared_ptr<const Catalogue> catalogue) {
  std::shared_ptr<const SiteAssets> assets;
  if (config.web_dir.empty()) {
    auto loaded = SiteAssets::load(Assets::embedded());
    if (!loaded) return fail("the site's built-in assets are broken: " + loaded.error().message, loaded.error().hint);
    assets = *loaded;
  } else {
    auto files = Assets::from_directory(config.web_dir);
    if (!files) return tl::unexpected(files.error());
    auto loaded = SiteAssets::load(std::move(*files));
    if (!loaded) return tl::unexpected(loaded.error());
    assets = nullptr;  // development: reloaded on every request
  }
  return std::make_shared<Site>(std::move(config), std::move(assets), std::move(catalogue));
}

Site::Site(config::SiteConfig config, std::shared_ptr<const SiteAssets> assets,
           std::shared_ptr<const Catalogue> catalogue)
    : m_config(std::move(config)),
      m_assets(std::move(assets)),
      m_state(std::make_shared<const SiteState>(std::move(catalogue), ArtifactFactory{})) {
  for (std::size_t i = 0; i < std::size(k_routes); ++i) {
    const SiteRoute& r = k_routes[i];
    m_router.add(
        Route{r.kind == Kind::api ? k_get | k_options : k_get, std::string(r.pattern), "", static_cast<int>(i), {}});
  }
}

Site::~Site() = default;

void Site::set_catalogue(std::shared_ptr<const Catalogue> catalogue) {
  m_state.store(std::make_shared<const SiteState>(std::move(catalogue), m_artifacts));
}

void Site::set_artifacts(ArtifactFactory factory) {
  m_artifacts = std::move(factory);
  set_catalogue(catalogue());
}

std::shared_ptr<const Catalogue> Site::catalogue() const {
  // SiteData keeps its catalogue; hand out a pointer that shares ownership
  // with the state, so the catalogue lives as long as the caller needs it.
  std::shared_ptr<const SiteState> state = m_state.load();
  return std::shared_ptr<const Catalogue>(state, &state->data.catalogue());
}

std::size_t Site::cached_responses() const {
  return m_state.load()->size();
}

Response Site::handle(const Request& request) const {
  const RouteMatch match = m_router.match(request.method, request.path);
  // A route another part handed down answers for itself (headers, errors).
  if (match.path_route && match.path_route->handler) return match.path_route->handler(request, match);
  Response response;
  try {
    std::shared_ptr<const SiteState> state = m_state.load();
    std::shared_ptr<const SiteAssets> assets = m_assets;
    if (!assets) {
      auto files = Assets::from_directory(m_config.web_dir);
      auto loaded = files ? SiteAssets::load(std::move(*files)) : tl::unexpected(files.error());
      if (!loaded) {
        response = internal_error(loaded.error().message);
        response.body += loaded.error().message + "\n";
      } else {
        assets = *loaded;
      }
    }
    if (assets) response = dispatch(request, match, *state, *assets);
  } catch (const std::exception& e) {
    response = internal_error(std::string(request.method) + " " + request.path + ": " + e.what());
  } catch (...) {
    response = internal_error(std::string(request.method) + " " + request.path + ": unknown exception");
  }
  with_security_headers(response);
  return response;
}

Response Site::dispatch(const Request& request, const RouteMatch& match, const SiteState& state,
                        const SiteAssets& assets) const {
  Ctx ctx{request, state, assets, m_config};
  const std::string& path = request.path;
  const bool api = path.rfind("/api/", 0) == 0;
  ctx.lang = choose_language(request);

  if (!match.path_route) {
    // Artifact paths are data, not patterns; no route matches one
    // (router_test.cpp checks it), so they are looked up only here.
    if (state.artifact_lookup && (request.method == "GET" || request.method == "HEAD")) {
      // Cached with its ETag, which would otherwise hash a 450 KB PNG per
      // request; the body stays shared with the artifacts' own cache.
      const std::string artifact_key = "artifact " + path;
      std::optional<Response> artifact = state.cached(artifact_key);
      if (!artifact) {
        artifact = state.artifact_lookup(path);
        if (artifact && artifact->status == 200) {
          with_etag(*artifact);
          if (!artifact->shared_body) {
            artifact->shared_body = std::make_shared<const std::string>(std::move(artifact->body));
            artifact->body.clear();
          }
          state.store(artifact_key, *artifact);
        }
      }
      if (artifact) {
        if (not_modified(request, *artifact)) return not_modified_response(*artifact);
        return for_caller(std::move(*artifact), request);
      }
    }
    // "/de" → "/de/", "/de/videokonferenz/" → "/de/videokonferenz".
    const bool trailing = path.size() > 1 && path.back() == '/';
    const std::string other = trailing ? path.substr(0, path.size() - 1) : path + "/";
    if (!api && (request.method == "GET" || request.method == "HEAD") && m_router.match("GET", other).path_route) {
      return redirect_response(other, true);
    }
    return api ? api_not_found(path) : not_found(ctx);
  }
  const SiteRoute& route = k_routes[match.path_route->tag];
  if (request.method == "OPTIONS" && route.kind == Kind::api) return preflight_response();
  if (request.method != "GET" && request.method != "HEAD") return method_not_allowed(route.kind == Kind::api);
  take_params(match, ctx);

  const bool cacheable = route.cacheable && m_assets != nullptr;
  const std::string key = route.kind == Kind::api ? path + "?" + canonical_query(request.query) : path;
  std::optional<Response> cached = cacheable ? state.cached(key) : std::nullopt;
  Response response;
  if (cached) {
    response = std::move(*cached);
  } else {
    response = route.handler(ctx);
    if (response.status == 200) {
      if (response.header("cache-control").empty()) response.set_header("cache-control", "no-cache");
      with_etag(response);
      with_security_headers(response);
      if (cacheable) {
        // The cache and every response taken from it share one body.
        response.shared_body = std::make_shared<const std::string>(std::move(response.body));
        response.body.clear();
        state.store(key, response);
      }
    }
  }
  if (not_modified(request, response)) return not_modified_response(response);
  return for_caller(std::move(response), request);
}

void Site::mount(std::vector<Route> routes) {
  m_router.add(std::move(routes));
}

std::string Site::slow_kind(const Request& request) const {
  const RouteMatch match = m_router.match(request.method, request.path);
  return match.path_route ? match.path_route->slow_kind : std::string();
}

std::vector<SitePath> Site::paths() const {
  std::shared_ptr<const SiteState> state = m_state.load();
  std::shared_ptr<const SiteAssets> assets = m_assets;
  if (!assets) {
    auto files = Assets::from_directory(m_config.web_dir);
    auto loaded = files ? SiteAssets::load(std::move(*files)) : tl::unexpected(files.error());
    if (!loaded) return {};
    assets = *loaded;
  }
  std::vector<SitePath> out;
  const std::vector<Router::Expanded> expanded = m_router.expanded();
  for (std::size_t i = 0; i < std::size(k_routes); ++i) {
    const SiteRoute& route = k_routes[i];
    if (!route.list) continue;
    if (route.list == list_self) {
      for (const Router::Expanded& e : expanded) {
        if (e.route != i) continue;  // the site's routes come first, in table order
        std::string path;
        for (const std::string& segment : e.segments) path += "/" + segment;
        add_page(out, std::move(path));
      }
      continue;
    }
    if (route.pattern.rfind("/:lang/", 0) != 0) {
      route.list(state->data, *assets, Lang::de, out);
      continue;
    }
    for (Lang lang : {Lang::de, Lang::en}) route.list(state->data, *assets, lang, out);
  }
  if (state->artifact_paths)
    for (std::string& path : state->artifact_paths()) out.push_back({std::move(path), SitePath::Kind::artifact});
  return out;
}

Handler make_site_handler(std::shared_ptr<Site> site) {
  return [site = std::move(site)](const Request& request) { return site->handle(request); };
}

}  // namespace privascore::web
