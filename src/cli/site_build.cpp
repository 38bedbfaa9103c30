#include "cli/site_build.h"

#include "cli/site_artifacts.h"
#include "web/site.h"

namespace privascore {

namespace {

const Lang k_langs[] = {Lang::de, Lang::en};

}  // namespace

std::vector<publish::FixedFile> api_files(const Catalogue& catalogue) {
  std::vector<publish::FixedFile> files;
  const std::string api = "/api/v1/categories";
  files.push_back({api, "", "api/v1/categories.json"});
  for (const auto& c : catalogue.categories) {
    const std::string base = api + "/" + c.id;
    const std::string out = "api/v1/categories/" + c.id;
    files.push_back({base, "", out + ".json"});
    files.push_back({base + "/editions", "", out + "/editions.json"});
    files.push_back({base + "/scores", "", out + "/scores.json"});
    for (Lang lang : k_langs) {
      const std::string l = lang_code(lang);
      files.push_back({base + "/scores", "lang=" + l, out + "/scores." + l + ".json"});
      const Edition* previous = nullptr;
      for (const auto& e : c.editions) {
        if (!c.methodology(e.methodology)) continue;
        const std::string d = e.date.to_string();
        files.push_back(
            {base + "/scores", "edition=" + d + "&lang=" + l, out + "/editions/" + d + "/scores." + l + ".json"});
        for (const auto& a : e.assessments) {
          files.push_back({base + "/services/" + a.id, "edition=" + d + "&lang=" + l,
                           out + "/editions/" + d + "/services/" + a.id + "." + l + ".json"});
        }
        if (previous) {
          const std::string p = previous->date.to_string();
          files.push_back({base + "/diff", "from=" + p + "&to=" + d + "&lang=" + l,
                           out + "/diff/" + p + ".." + d + "." + l + ".json"});
        }
        previous = &e;
      }
    }
  }
  return files;
}

Result<publish::ExportSummary> build_static_site(std::shared_ptr<const Catalogue> catalogue,
                                                 const config::SiteConfig& site_config, const std::string& out_dir) {
  config::SiteConfig exported = site_config;
  exported.reports = false;  // no server takes the report form's POST
  auto site = public_site(exported, catalogue);
  if (!site) return fail(site.error());

  // The crawl starts from every page and artifact the site lists (from its
  // route table and the data), and follows the links from there: the
  // assets the pages use, and any link to a missing path fails the export.
  // The API is written as fixed files (its documents are chosen by query).
  publish::ExportPlan plan;
  for (web::SitePath& p : (*site)->paths())
    if (p.kind == web::SitePath::Kind::page || p.kind == web::SitePath::Kind::artifact)
      plan.seeds.push_back(std::move(p.path));
  plan.fixed = api_files(*catalogue);
  plan.not_found_path = "/404";
  plan.base_url = exported.base_url;
  plan.no_index = {"/embed/"};

  const web::Site& s = **site;
  auto fetch = [&](const std::string& path, const std::string& query) {
    publish::Fetched out;
    web::Request request;
    request.method = "GET";
    request.path = path;
    request.query = query;
    request.target = query.empty() ? path : path + "?" + query;
    web::Response response = s.handle(request);
    out.status = response.status;
    out.content_type = response.header("content-type");
    out.location = response.header("location");
    out.body = std::move(response.body);
    return out;
  };
  return publish::export_site(plan, fetch, out_dir);
}

}  // namespace privascore
