#include "cli/site_artifacts.h"

#include "publish/artifacts.h"
#include "web/urls.h"

namespace privascore {

publish::SiteLinks site_links(std::shared_ptr<const web::SiteData> data, const std::string& base_url) {
  publish::SiteLinks links;
  links.base_url = base_url;
  links.home = [](Lang lang) { return web::home_path(lang); };
  links.category = [data](Lang lang, const Category& c) {
    const web::CategoryView* view = data->by_id(c.id);
    return view ? web::category_path(lang, *view) : web::home_path(lang);
  };
  links.edition = [data](Lang lang, const Category& c, const Date& date) {
    const web::CategoryView* view = data->by_id(c.id);
    return view ? web::edition_path(lang, *view, date) : web::home_path(lang);
  };
  links.service = [data](Lang lang, const Category& c, const Date& date, const std::string& service) {
    const web::CategoryView* view = data->by_id(c.id);
    return view ? web::service_edition_path(lang, *view, date, service) : web::home_path(lang);
  };
  return links;
}

web::ArtifactFactory artifact_factory(std::string base_url) {
  return [base_url = std::move(base_url)](std::shared_ptr<const Catalogue> catalogue) -> web::ArtifactSet {
    auto data = std::make_shared<const web::SiteData>(catalogue);
    auto artifacts = std::make_shared<const publish::Artifacts>(catalogue, site_links(data, base_url));
    auto lookup = [artifacts](std::string_view path) -> std::optional<web::Response> {
      std::optional<publish::SharedArtifact> a = artifacts->get_shared(path);
      if (!a) return std::nullopt;
      web::Response r;
      // An artifact without a cache policy is a rendering failure (a bug).
      r.status = a->cache_control.empty() ? 500 : 200;
      r.set_header("content-type", a->content_type);
      r.set_header("cache-control", a->cache_control.empty() ? "no-store" : a->cache_control);
      if (!a->content_security_policy.empty()) r.set_header("content-security-policy", a->content_security_policy);
      r.shared_body = std::move(a->body);  // the bytes stay in the artifacts' cache
      return r;
    };
    return web::ArtifactSet{std::move(lookup), [artifacts] { return artifacts->paths(); }};
  };
}

Result<std::shared_ptr<web::Site>> public_site(const config::SiteConfig& config,
                                               std::shared_ptr<const Catalogue> catalogue) {
  auto site = web::Site::create(config, catalogue);
  if (!site) return site;
  (*site)->set_artifacts(artifact_factory(config.base_url));
  return site;
}

}  // namespace privascore
