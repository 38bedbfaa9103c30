// Site: the public web site and JSON API as a pure function from a Request
// to a Response. The HTTP transport (src/server) calls it through a Handler;
// tests call handle() directly.
//
// One route table (site.cpp, matched by web/router.h) maps paths to pages,
// the API and the static assets; the parts above web (the editor, the
// probe page) mount their routes into the same table, so `privascore
// serve` answers every path from one router. Every response carries the security headers and never a
// cookie; 200 responses carry a strong ETag and If-None-Match gives 304.
// HEAD is answered like GET, body included: the transport sends only the
// headers (and the Content-Length of the body).
//
// Thread safety: handle() may be called from many threads at once. The
// catalogue can be replaced at any time with set_catalogue(); a request sees
// either the old or the new state, never a mix. Rendered pages are cached
// per state.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "config/config.h"
#include "model/model.h"
#include "web/http.h"
#include "web/router.h"

namespace privascore::web {

class SiteState;
class SiteAssets;

/// Files the site serves besides its pages (graphics, badges, feeds, open
/// data: publish::Artifacts), looked up by decoded path; nullopt when path
/// is none of them. A response may carry its own Content-Security-Policy
/// (an embeddable page), which the site then keeps.
using ArtifactLookup = std::function<std::optional<Response>(std::string_view path)>;
/// The artifacts of one catalogue: the lookup, and every path it answers
/// (for Site::paths(); may be empty).
struct ArtifactSet {
  ArtifactSet(ArtifactLookup l = {}, std::function<std::vector<std::string>()> p = {})
      : lookup(std::move(l)), paths(std::move(p)) {}
  ArtifactLookup lookup;
  std::function<std::vector<std::string>()> paths;
};
/// Makes the artifacts for one catalogue; called whenever the catalogue is set.
using ArtifactFactory = std::function<ArtifactSet(std::shared_ptr<const Catalogue>)>;

/// A path the site answers with 200 (Site::paths()).
struct SitePath {
  enum class Kind { page, api, asset, artifact };
  std::string path;
  Kind kind = Kind::page;
  /// The query that picks the document, when the bare path does not answer
  /// for it (a service only an older edition rates: "edition=DATE").
  std::string query;
};

class Site {
 public:
  /// A site over the catalogue with the assets compiled into the binary, or
  /// read from config.web_dir on every request when it is set (development:
  /// edit a template or the stylesheet and reload). The error says what is
  /// wrong with the assets (a template that does not parse, a broken i18n
  /// catalog).
  static Result<std::shared_ptr<Site>> create(config::SiteConfig config, std::shared_ptr<const Catalogue> catalogue);

  /// Answers one request. Never throws: a bug becomes a 500 page.
  Response handle(const Request& request) const;

  /// Replaces the catalogue (an editor published); scores the new one
  /// before the swap, so requests never wait for it.
  void set_catalogue(std::shared_ptr<const Catalogue> catalogue);

  /// Serves artifacts next to the pages from now on (rebuilt for the
  /// current catalogue and every later one). No route pattern matches an
  /// artifact path ("grafik.svg" is no slug; router_test.cpp checks every
  /// one), so they are looked up when no route matches. Call before serving
  /// or from one thread.
  void set_artifacts(ArtifactFactory factory);

  /// Adds routes of a part above web (the editor, the probe page) to the
  /// site's table. Their handlers answer for themselves, 405 included
  /// (web/router.h); the site adds nothing to their responses. A path no
  /// route matches stays the site's (its 404 page). Call before serving.
  void mount(std::vector<Route> routes);
  /// The slow kind of request's route (Route::slow_kind; "" = answered on
  /// the event loop), for server::ServerOptions::slow_kind.
  std::string slow_kind(const Request& request) const;
  bool is_slow(const Request& request) const { return !slow_kind(request).empty(); }
  /// The route table: the site's routes and the mounted ones.
  const Router& router() const { return m_router; }

  /// Every path of the public site that answers GET with 200 for the
  /// current catalogue, derived from the route table and the data: the
  /// pages in both languages, the API documents (without query), the
  /// static assets (by their hashed names) and the artifacts. Redirect
  /// aliases (/favicon.ico) are left out. The static export crawls from
  /// the pages and artifacts, so a page with a route is never forgotten.
  /// Empty when the development assets cannot be read.
  std::vector<SitePath> paths() const;
  std::shared_ptr<const Catalogue> catalogue() const;
  /// How many responses the current state's cache holds (for tests).
  std::size_t cached_responses() const;

  const config::SiteConfig& config() const { return m_config; }

  Site(config::SiteConfig config, std::shared_ptr<const SiteAssets> assets, std::shared_ptr<const Catalogue> catalogue);
  ~Site();

 private:
  Response dispatch(const Request& request, const RouteMatch& match, const SiteState& state,
                    const SiteAssets& assets) const;

  config::SiteConfig m_config;
  Router m_router;
  std::shared_ptr<const SiteAssets> m_assets;  // null in development mode
  std::atomic<std::shared_ptr<const SiteState>> m_state;
  ArtifactFactory m_artifacts;
};

/// The handler the server calls.
Handler make_site_handler(std::shared_ptr<Site> site);

}  // namespace privascore::web
