// Artifacts: every generated file the site serves besides its pages, at
// stable paths, as a pure function of the catalogue:
//
//   /de/videokonferenz/grafik.svg|png|pdf          comparison graphic, latest edition
//   /en/video-conferencing/2024-08-29/graphic.svg  … of an earlier edition
//   /og/de/video-conferencing.png|svg              1200 x 630 link-preview card (latest)
//   /og/de/video-conferencing/2024-08-29.png|svg   … of an edition
//   /badge/de/video-conferencing/zoom.svg          badge of a service (latest)
//   /badge/de/video-conferencing/2024-08-29/zoom.svg
//   /feeds/de.atom  /feeds/de/video-conferencing.atom
//   /data/README.md
//   /data/video-conferencing/2024-10-29.csv|json|de.md|en.md
//   /data/toml/video-conferencing/methodology/v1.toml
//   /data/toml/video-conferencing/editions/2024-10-29/edition.toml
//   /data/toml/video-conferencing/editions/2024-10-29/services/zoom.toml
//   /embed/de/video-conferencing                   embeddable ranking (HTML, frameable)
//   /embed/embed.css                               its stylesheet
//
// PNGs are rendered at twice the SVG's size. Each artifact is generated on
// first request and kept for the lifetime of the object, so a site keeps
// one Artifacts per catalogue version. Thread-safe: get() may be called
// from many threads; an artifact may be generated twice by a race, never
// served half-made.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "publish/site_links.h"

namespace privascore::publish {

struct Artifact {
  std::string content_type;
  std::string body;
  /// "public, max-age=…": artifacts of a dated edition change only with
  /// the software; the "latest" ones change with every new edition.
  std::string cache_control;
  /// The Content-Security-Policy this artifact needs instead of the site's
  /// default; "" = the site's default (embed pages may be framed).
  std::string content_security_policy;
};

/// An artifact whose bytes stay in the cache of Artifacts: body shares
/// ownership with the cached entry, so handing it out copies nothing.
struct SharedArtifact {
  std::string content_type;
  std::shared_ptr<const std::string> body;
  std::string cache_control;  // as in Artifact
  std::string content_security_policy;
};

enum class GraphicFormat { svg, png, pdf };

class Artifacts {
 public:
  /// links names the site's pages (for feeds); the catalogue must be valid
  /// (loaded without errors).
  Artifacts(std::shared_ptr<const Catalogue> catalogue, SiteLinks links);
  ~Artifacts();

  /// The artifact at path (decoded, no query); nullopt when no artifact
  /// lives there. An artifact that fails to render (a PNG when librsvg
  /// cannot parse the SVG, which would be a bug) is a 500 for the caller:
  /// it gets a text/plain artifact with the reason and an empty cache
  /// policy.
  std::optional<Artifact> get(std::string_view path) const;
  /// The same without copying the bytes (what the server sends).
  std::optional<SharedArtifact> get_shared(std::string_view path) const;

  /// Every artifact path, sorted.
  std::vector<std::string> paths() const;

  /// Whether path names an artifact (without generating it).
  bool contains(std::string_view path) const;

  // Paths of the artifacts, for pages to link to. date nullptr = latest.
  static std::string graphic_path(Lang lang, const Category& category, const Date* date, GraphicFormat format);
  static std::string card_path(Lang lang, const Category& category, const Date* date);
  static std::string badge_path(Lang lang, const Category& category, const Date* date, std::string_view service);
  static std::string site_feed_path(Lang lang);
  static std::string category_feed_path(Lang lang, const Category& category);
  static std::string data_path(const Category& category, const Date& date, std::string_view extension);
  static std::string embed_path(Lang lang, const Category& category);

 private:
  struct Spec;
  Artifact generate(const Spec& spec) const;

  std::shared_ptr<const Catalogue> m_catalogue;
  SiteLinks m_links;
  std::map<std::string, std::shared_ptr<const Spec>, std::less<>> m_index;
  mutable std::mutex m_mutex;
  mutable std::map<std::string, std::shared_ptr<const Artifact>, std::less<>> m_cache;
};

}  // namespace privascore::publish
