#include "publish/artifacts.h"
#include <nlohmann/json.hpp>

#include "publish/badge.h"
#include "publish/category_pdf.h"
#include "publish/embed.h"
#include "publish/feed.h"
#include "publish/graphic.h"
#include "publish/open_data.h"
#include "publish/raster.h"
#include "scoring/scoring.h"

namespace privascore::publish {

namespace {

constexpr const char* k_cache_latest = "public, max-age=300";
constexpr const char* k_cache_edition = "public, max-age=86400";
constexpr double k_png_scale = 2.0;

const Lang k_langs[] = {Lang::de, Lang::en};

std::string lang_prefix(Lang lang) {
  return std::string("/") + lang_code(lang);
}

std::string graphic_word(Lang lang) {
  return std::string(path_word(PathWord::graphic, lang));
}

const char* extension(GraphicFormat format) {
  switch (format) {
    case GraphicFormat::svg: return "svg";
    case GraphicFormat::png: return "png";
    case GraphicFormat::pdf: return "pdf";
  }
  return "svg";
}

}  // namespace

struct Artifacts::Spec {
  enum class Kind {
    graphic,
    card,
    badge,
    site_feed,
    category_feed,
    csv,
    json,
    markdown,
    edition_toml,
    methodology_toml,
    readme,
    embed_page,
    embed_css,
  };
  Kind kind;
  Lang lang = Lang::en;
  const Category* category = nullptr;
  const Edition* edition = nullptr;  // the edition shown (latest resolved)
  bool latest = false;
  GraphicFormat format = GraphicFormat::svg;
  std::string service;  // badge: service id; edition_toml: the file's relative path
  int methodology = 0;  // methodology_toml
  std::string path;
  std::string cache_key;  // latest artifacts share the bytes of their dated twin
};

std::string Artifacts::graphic_path(Lang lang, const Category& category, const Date* date, GraphicFormat format) {
  std::string p = lang_prefix(lang) + "/" + category_slug(category, lang) + "/";
  if (date) p += date->to_string() + "/";
  return p + graphic_word(lang) + "." + extension(format);
}

std::string Artifacts::card_path(Lang lang, const Category& category, const Date* date) {
  std::string p = "/og" + lang_prefix(lang) + "/" + category.id;
  if (date) p += "/" + date->to_string();
  return p + ".png";
}

std::string Artifacts::badge_path(Lang lang, const Category& category, const Date* date, std::string_view service) {
  std::string p = "/badge" + lang_prefix(lang) + "/" + category.id + "/";
  if (date) p += date->to_string() + "/";
  return p + std::string(service) + ".svg";
}

std::string Artifacts::site_feed_path(Lang lang) {
  return "/feeds" + lang_prefix(lang) + ".atom";
}

std::string Artifacts::category_feed_path(Lang lang, const Category& category) {
  return "/feeds" + lang_prefix(lang) + "/" + category.id + ".atom";
}

std::string Artifacts::data_path(const Category& category, const Date& date, std::string_view ext) {
  return "/data/" + category.id + "/" + date.to_string() + "." + std::string(ext);
}

std::string Artifacts::embed_path(Lang lang, const Category& category) {
  return "/embed" + lang_prefix(lang) + "/" + category.id;
}

Artifacts::Artifacts(std::shared_ptr<const Catalogue> catalogue, SiteLinks links)
    : m_catalogue(std::move(catalogue)), m_links(std::move(links)) {
  using Kind = Spec::Kind;
  auto add = [&](Spec spec) {
    if (spec.cache_key.empty()) spec.cache_key = spec.path;
    auto shared = std::make_shared<Spec>(std::move(spec));
    m_index.emplace(shared->path, shared);
  };
  add({.kind = Kind::readme, .path = "/data/README.md"});
  add({.kind = Kind::embed_css, .path = k_embed_css_path});
  for (Lang lang : k_langs) add({.kind = Kind::site_feed, .lang = lang, .path = site_feed_path(lang)});

  for (const Category& c : m_catalogue->categories) {
    for (Lang lang : k_langs)
      add({.kind = Kind::category_feed, .lang = lang, .category = &c, .path = category_feed_path(lang, c)});
    for (const auto& [version, m] : c.methodologies) {
      add({.kind = Kind::methodology_toml,
           .category = &c,
           .methodology = version,
           .path = "/data/toml/" + c.id + "/methodology/v" + std::to_string(version) + ".toml"});
    }
    const Edition* latest = nullptr;
    for (const Edition& e : c.editions)
      if (c.methodology(e.methodology)) latest = &e;
    for (const Edition& e : c.editions) {
      if (!c.methodology(e.methodology)) continue;
      const std::string dir = "/data/toml/" + c.id + "/editions/" + e.date.to_string() + "/";
      add({.kind = Kind::edition_toml,
           .category = &c,
           .edition = &e,
           .service = "edition.toml",
           .path = dir + "edition.toml"});
      for (const auto& a : e.assessments) {
        add({.kind = Kind::edition_toml,
             .category = &c,
             .edition = &e,
             .service = "services/" + a.id + ".toml",
             .path = dir + "services/" + a.id + ".toml"});
      }
      add({.kind = Kind::csv, .category = &c, .edition = &e, .path = data_path(c, e.date, "csv")});
      add({.kind = Kind::json, .category = &c, .edition = &e, .path = data_path(c, e.date, "json")});
      for (Lang lang : k_langs) {
        add({.kind = Kind::markdown,
             .lang = lang,
             .category = &c,
             .edition = &e,
             .path = data_path(c, e.date, std::string(lang_code(lang)) + ".md")});
        // Dated artifacts, and the undated ones for the latest edition.
        for (bool as_latest : {false, true}) {
          if (as_latest && &e != latest) continue;
          const Date* date = as_latest ? nullptr : &e.date;
          for (GraphicFormat f : {GraphicFormat::svg, GraphicFormat::png, GraphicFormat::pdf}) {
            add({.kind = Kind::graphic,
                 .lang = lang,
                 .category = &c,
                 .edition = &e,
                 .latest = as_latest,
                 .format = f,
                 .path = graphic_path(lang, c, date, f),
                 .cache_key = graphic_path(lang, c, &e.date, f)});
          }
          for (GraphicFormat f : {GraphicFormat::svg, GraphicFormat::png}) {
            std::string p = card_path(lang, c, date);
            std::string key = card_path(lang, c, &e.date);
            if (f == GraphicFormat::svg) {
              p.replace(p.size() - 3, 3, "svg");
              key.replace(key.size() - 3, 3, "svg");
            }
            add({.kind = Kind::card,
                 .lang = lang,
                 .category = &c,
                 .edition = &e,
                 .latest = as_latest,
                 .format = f,
                 .path = p,
                 .cache_key = key});
          }
          for (const auto& a : e.assessments) {
            add({.kind = Kind::badge,
                 .lang = lang,
                 .category = &c,
                 .edition = &e,
                 .latest = as_latest,
                 .service = a.id,
                 .path = badge_path(lang, c, date, a.id),
                 .cache_key = badge_path(lang, c, &e.date, a.id)});
          }
          if (as_latest) {
            add({.kind = Kind::embed_page,
                 .lang = lang,
                 .category = &c,
                 .edition = &e,
                 .latest = true,
                 .path = embed_path(lang, c)});
          }
        }
      }
    }
  }
}

Artifacts::~Artifacts() = default;

bool Artifacts::contains(std::string_view path) const {
  return m_index.find(path) != m_index.end();
}

std::vector<std::string> Artifacts::paths() const {
  std::vector<std::string> out;
  out.reserve(m_index.size());
  for (const auto& [path, spec] : m_index) out.push_back(path);
  return out;
}

std::optional<Artifact> Artifacts::get(std::string_view path) const {
  std::optional<SharedArtifact> shared = get_shared(path);
  if (!shared) return std::nullopt;
  return Artifact{shared->content_type, *shared->body, shared->cache_control, shared->content_security_policy};
}

std::optional<SharedArtifact> Artifacts::get_shared(std::string_view path) const {
  auto it = m_index.find(path);
  if (it == m_index.end()) return std::nullopt;
  const Spec& spec = *it->second;
  std::shared_ptr<const Artifact> made;
  {
    std::lock_guard lock(m_mutex);
    auto cached = m_cache.find(spec.cache_key);
    if (cached != m_cache.end()) made = cached->second;
  }
  if (!made) {
    // Generated outside the lock: a PNG takes a while, and other artifacts
    // must not wait for it.
    made = std::make_shared<const Artifact>(generate(spec));
    if (!made->cache_control.empty()) {  // a failure is not cached
      std::lock_guard lock(m_mutex);
      m_cache.emplace(spec.cache_key, made);
    }
  }
  SharedArtifact out{made->content_type, std::shared_ptr<const std::string>(made, &made->body), "",
                     made->content_security_policy};
  if (made->cache_control.empty()) return out;  // the failure keeps its empty policy
  // The bytes may have been made for the dated twin; the policy is this path's.
  const bool changes = spec.latest || spec.kind == Spec::Kind::site_feed || spec.kind == Spec::Kind::category_feed ||
                       spec.kind == Spec::Kind::readme || spec.kind == Spec::Kind::embed_page ||
                       spec.kind == Spec::Kind::embed_css;
  out.cache_control = changes ? k_cache_latest : k_cache_edition;
  return out;
}

Artifact Artifacts::generate(const Spec& spec) const {
  using Kind = Spec::Kind;
  const char* cache = spec.latest ? k_cache_latest : k_cache_edition;
  auto failure = [](const std::string& what) {
    return Artifact{"text/plain; charset=utf-8", "cannot generate this file: " + what + "\n", "", ""};
  };
  auto score_of = [&]() {
    return score_edition(*spec.category->methodology(spec.edition->methodology), *spec.edition);
  };
  switch (spec.kind) {
    case Kind::graphic: {
      const EditionScore score = score_of();
      if (spec.format == GraphicFormat::pdf) {
        auto pdf = category_pdf(*spec.category, score, spec.lang);
        if (!pdf) return failure(pdf.error());
        return {"application/pdf", std::move(*pdf), cache, ""};
      }
      std::string svg = comparison_svg(*spec.category, score, spec.lang);
      if (spec.format == GraphicFormat::svg) return {"image/svg+xml", std::move(svg), cache, ""};
      auto png = svg_to_png(svg, k_png_scale);
      if (!png) return failure(png.error());
      return {"image/png", std::move(*png), cache, ""};
    }
    case Kind::card: {
      std::string svg = card_svg(*spec.category, score_of(), spec.lang);
      if (spec.format == GraphicFormat::svg) return {"image/svg+xml", std::move(svg), cache, ""};
      auto png = svg_to_png(svg, 1.0);  // the card is already at its pixel size
      if (!png) return failure(png.error());
      return {"image/png", std::move(*png), cache, ""};
    }
    case Kind::badge: {
      const EditionScore score = score_of();
      const ServiceScore* s = score.service(spec.service);
      if (!s) return failure("no service " + spec.service);
      return {"image/svg+xml", badge_svg(score, *s, spec.lang), cache, ""};
    }
    case Kind::site_feed:
      return {"application/atom+xml; charset=utf-8", site_feed(*m_catalogue, spec.lang, m_links, spec.path),
              k_cache_latest, ""};
    case Kind::category_feed:
      return {"application/atom+xml; charset=utf-8", category_feed(*spec.category, spec.lang, m_links, spec.path),
              k_cache_latest, ""};
    case Kind::csv: return {"text/csv; charset=utf-8", edition_csv(score_of()), k_cache_edition, ""};
    case Kind::json: return {"application/json; charset=utf-8", edition_json(score_of()), k_cache_edition, ""};
    case Kind::markdown:
      return {"text/markdown; charset=utf-8", edition_markdown(score_of(), spec.lang), k_cache_edition, ""};
    case Kind::edition_toml: {
      const std::string wanted = spec.category->id + "/editions/" + spec.edition->date.to_string() + "/" + spec.service;
      for (auto& f : edition_toml_files(*spec.category, *spec.edition)) {
        if (f.path == wanted) return {"text/plain; charset=utf-8", std::move(f.content), k_cache_edition, ""};
      }
      return failure(wanted);
    }
    case Kind::methodology_toml: {
      const Methodology* m = spec.category->methodology(spec.methodology);
      if (!m) return failure("no methodology");
      return {"text/plain; charset=utf-8", methodology_toml_file(*m).content, k_cache_edition, ""};
    }
    case Kind::readme: return {"text/markdown; charset=utf-8", open_data_readme(*m_catalogue), k_cache_latest, ""};
    case Kind::embed_page:
      return {"text/html; charset=utf-8", embed_html(*spec.category, score_of(), spec.lang, m_links), k_cache_latest,
              k_embed_content_security_policy};
    case Kind::embed_css: return {"text/css; charset=utf-8", embed_css(*m_catalogue), k_cache_latest, ""};
  }
  return failure("unknown kind");
}

}  // namespace privascore::publish
