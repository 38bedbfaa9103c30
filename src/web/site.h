// Site: the public web site and JSON API as a pure function from a Request
// to a Response. The HTTP transport (src/server) calls it through a Handler;
// tests call handle() directly.
//
// One dispatch table (site.cpp) maps paths to pages, the API and the
// static assets. Every response carries the security headers and never a
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

#include <tl/expected.hpp>

#include "config/config.h"
#include "model/model.h"
#include "web/http.h"

namespace privascore::web {

class SiteState;
class SiteAssets;

/// Files the site serves besides its pages (graphics, badges, feeds, open
/// data: publish::Artifacts), looked up by decoded path; nullopt when path
/// is none of them. A response may carry its own Content-Security-Policy
/// (an embeddable page), which the site then keeps.
using ArtifactLookup = std::function<std::optional<Response>(std::string_view path)>;
/// Makes the lookup for one catalogue; called whenever the catalogue is set.
using ArtifactFactory = std::function<ArtifactLookup(std::shared_ptr<const Catalogue>)>;

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
  /// current catalogue and every later one). Artifact paths are looked up
  /// before the page routes, so "/de/videokonferenz/grafik.svg" is the
  /// graphic, not a service. Call before serving or from one thread.
  void set_artifacts(ArtifactFactory factory);
  std::shared_ptr<const Catalogue> catalogue() const;

  const config::SiteConfig& config() const { return m_config; }

  Site(config::SiteConfig config, std::shared_ptr<const SiteAssets> assets, std::shared_ptr<const Catalogue> catalogue);
  ~Site();

 private:
  Response dispatch(const Request& request, const SiteState& state, const SiteAssets& assets) const;

  config::SiteConfig m_config;
  std::shared_ptr<const SiteAssets> m_assets;  // null in development mode
  std::atomic<std::shared_ptr<const SiteState>> m_state;
  ArtifactFactory m_artifacts;
};

/// The handler the server calls.
Handler make_site_handler(std::shared_ptr<Site> site);

}  // namespace privascore::web
