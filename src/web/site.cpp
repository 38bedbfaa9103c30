#include "web/site.h"

#include <charconv>
#include <iostream>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "web/api.h"
#include "web/assets.h"
#include "web/messages.h"
#include "web/method_pages.h"
#include "web/pages.h"
#include "web/responses.h"
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
    if (artifacts) artifact_lookup = artifacts(std::move(catalogue));
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

  SiteData data;
  ArtifactLookup artifact_lookup;  // empty: no artifacts

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

// The reader's language from Accept-Language: the best-weighted of de and
// en, German when neither is asked for.
Lang negotiate_language(const std::string& header) {
  Lang best = Lang::de;
  double best_q = 0.0;
  std::string_view rest(header);
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    double q = 1.0;
    if (const std::size_t semi = item.find(';'); semi != std::string_view::npos) {
      std::string_view params = item.substr(semi + 1);
      item = item.substr(0, semi);
      if (const std::size_t qpos = params.find("q="); qpos != std::string_view::npos) {
        const std::string_view number = params.substr(qpos + 2);
        // A malformed weight counts as "not acceptable".
        if (std::from_chars(number.data(), number.data() + number.size(), q).ec != std::errc()) q = 0.0;
      }
    }
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    const std::string_view primary = item.substr(0, item.find('-'));
    std::optional<Lang> lang;
    if (primary.size() == 2 && (primary[0] | 0x20) == 'd' && (primary[1] | 0x20) == 'e') lang = Lang::de;
    if (primary.size() == 2 && (primary[0] | 0x20) == 'e' && (primary[1] | 0x20) == 'n') lang = Lang::en;
    if (lang && q > best_q) {
      best = *lang;
      best_q = q;
    }
  }
  return best;
}

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

enum class Kind { page, api, asset };

struct Route {
  std::string_view pattern;  // segments; ":name" matches one segment
  Kind kind;
  bool cacheable;
  Response (*handler)(const Ctx&);
};

// The dispatch table. Order matters: the first match wins, so fixed words
// come before the segments they would otherwise match.
const Route k_routes[] = {
    {"/", Kind::page, false, route_root},
    {"/:lang/", Kind::page, true, route_home},
    {"/de/impressum", Kind::page, true, route_imprint},
    {"/en/imprint", Kind::page, true, route_imprint},
    {"/de/datenschutz", Kind::page, true, route_privacy},
    {"/en/privacy", Kind::page, true, route_privacy},
    {"/favicon.ico", Kind::asset, false, route_favicon},
    {"/static/:asset", Kind::asset, true, route_static},
    {"/api/v1/categories", Kind::api, true, route_api_categories},
    {"/api/v1/categories/:id", Kind::api, true, route_api_category},
    {"/api/v1/categories/:id/editions", Kind::api, true, route_api_editions},
    {"/api/v1/categories/:id/scores", Kind::api, true, route_api_scores},
    {"/api/v1/categories/:id/services/:service", Kind::api, true, route_api_service},
    {"/api/v1/categories/:id/diff", Kind::api, true, route_api_diff},
    // Personal weights depend on the query: never cached (the set of weightings is large).
    {"/api/v1/categories/:id/personal", Kind::api, false, route_api_personal},
    {"/api/v1/categories/:id/robustness", Kind::api, true, route_api_robustness},
    {"/:lang/:category", Kind::page, true, route_category},
    {"/de/:category/methodik", Kind::page, true, route_methodology},
    {"/en/:category/methodology", Kind::page, true, route_methodology},
    {"/de/:category/methodik/:version", Kind::page, true, route_methodology_version},
    {"/en/:category/methodology/:version", Kind::page, true, route_methodology_version},
    {"/de/:category/aenderungen", Kind::page, true, route_changelog},
    {"/en/:category/changelog", Kind::page, true, route_changelog},
    {"/de/:category/persoenlich", Kind::page, false, route_personal},
    {"/en/:category/personal", Kind::page, false, route_personal},
    {"/:lang/:category/:date", Kind::page, true, route_edition},
    {"/:lang/:category/:service", Kind::page, true, route_service},
    {"/:lang/:category/:date/:service", Kind::page, true, route_service_edition},
};

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.empty() || path[0] != '/') return out;
  path.remove_prefix(1);
  while (true) {
    const std::size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool is_version(std::string_view s) {
  if (s.size() < 2 || s.size() > 6 || s[0] != 'v') return false;
  for (char c : s.substr(1))
    if (c < '0' || c > '9') return false;
  return s[1] != '0';
}

// Matches path against a route's pattern, filling ctx's parameters.
bool match(const Route& route, const std::vector<std::string_view>& segments, Ctx& ctx) {
  const std::vector<std::string_view> pattern = split_path(route.pattern);
  if (pattern.size() != segments.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::string_view p = pattern[i];
    const std::string_view s = segments[i];
    if (p.empty() || p[0] != ':') {
      if (p != s) return false;
      continue;
    }
    if (s.empty()) return false;
    if (p == ":lang") {
      if (s != "de" && s != "en") return false;
    } else if (p == ":date") {
      if (!Date::parse(s)) return false;
    } else if (p == ":version") {
      if (!is_version(s)) return false;
    }
  }
  // Matched: take the values.
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::string_view p = pattern[i];
    const std::string value(segments[i]);
    if (p == ":category") ctx.category = value;
    if (p == ":date") ctx.date = value;
    if (p == ":service") ctx.service = value;
    if (p == ":version") ctx.version = value;
    if (p == ":id") ctx.id = value;
    if (p == ":asset") ctx.asset = value;
  }
  if (!segments.empty() && (segments[0] == "de" || segments[0] == "en")) {
    ctx.lang = segments[0] == "de" ? Lang::de : Lang::en;
  }
  return true;
}

const Route* find_route(std::string_view path, Ctx& ctx) {
  const std::vector<std::string_view> segments = split_path(path);
  for (const Route& route : k_routes)
    if (match(route, segments, ctx)) return &route;
  return nullptr;
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
      m_state(std::make_shared<const SiteState>(std::move(catalogue), ArtifactFactory{})) {}

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

Response Site::handle(const Request& request) const {
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
    if (assets) response = dispatch(request, *state, *assets);
  } catch (const std::exception& e) {
    response = internal_error(std::string(request.method) + " " + request.path + ": " + e.what());
  } catch (...) {
    response = internal_error(std::string(request.method) + " " + request.path + ": unknown exception");
  }
  with_security_headers(response);
  return response;
}

Response Site::dispatch(const Request& request, const SiteState& state, const SiteAssets& assets) const {
  Ctx ctx{request, state, assets, m_config};
  const std::string& path = request.path;
  const bool api = path.rfind("/api/", 0) == 0;
  if (path.size() >= 4 && path[0] == '/' && path[3] == '/' &&
      (path.compare(1, 2, "de") == 0 || path.compare(1, 2, "en") == 0))
    ctx.lang = path[1] == 'd' ? Lang::de : Lang::en;
  else
    ctx.lang = negotiate_language(request.header("accept-language"));

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

  const Route* route = find_route(path, ctx);
  if (!route) {
    // "/de" → "/de/", "/de/videokonferenz/" → "/de/videokonferenz".
    Ctx probe = ctx;
    const bool trailing = path.size() > 1 && path.back() == '/';
    const std::string other = trailing ? path.substr(0, path.size() - 1) : path + "/";
    if (!api && find_route(other, probe) && (request.method == "GET" || request.method == "HEAD")) {
      return redirect_response(other, true);
    }
    return api ? api_not_found(path) : not_found(ctx);
  }
  if (request.method == "OPTIONS" && route->kind == Kind::api) return preflight_response();
  if (request.method != "GET" && request.method != "HEAD") return method_not_allowed(route->kind == Kind::api);

  const bool cacheable = route->cacheable && m_assets != nullptr;
  const std::string key = route->kind == Kind::api ? path + "?" + request.query : path;
  std::optional<Response> cached = cacheable ? state.cached(key) : std::nullopt;
  Response response;
  if (cached) {
    response = std::move(*cached);
  } else {
    response = route->handler(ctx);
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

Handler make_site_handler(std::shared_ptr<Site> site) {
  return [site = std::move(site)](const Request& request) { return site->handle(request); };
}

}  // namespace privascore::web
