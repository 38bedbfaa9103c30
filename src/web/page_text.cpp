// Pages of plain text: imprint, privacy notice, not found.
#include <nlohmann/json.hpp>
#include "web/pages.h"
#include "web/urls.h"

namespace privascore::web {

namespace {

using nlohmann::json;

json lines(std::string_view text) {
  json out = json::array();
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t end = text.find('\n', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(i, end - i);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) out.push_back({{"text", std::string(line)}});
    i = end + 1;
  }
  return out;
}

}  // namespace

Response imprint_page(const PageEnv& env) {
  Frame frame;
  frame.title = env.t("imprint");
  frame.path = imprint_path(env.lang);
  frame.alternate_path = imprint_path(env.other());
  frame.crumbs = {{frame.title, frame.path}};
  json v = page_view(env, frame);
  v["heading"] = frame.title;
  v["configured"] = env.config.configured();
  v["operator"] = env.config.operator_name;
  v["address"] = lines(env.config.address);
  v["email"] = env.config.email;
  v["email_href"] = env.config.email.empty() ? "" : "mailto:" + env.config.email;
  v["paragraphs"] = paragraphs(env.config.imprint.get(env.lang));
  return render_page(env, "imprint", v);
}

Response privacy_page(const PageEnv& env) {
  Frame frame;
  frame.title = env.t("privacy");
  frame.path = privacy_path(env.lang);
  frame.alternate_path = privacy_path(env.other());
  frame.crumbs = {{frame.title, frame.path}};
  json v = page_view(env, frame);
  v["heading"] = frame.title;
  v["configured"] = !env.config.privacy.get(env.lang).empty();
  v["paragraphs"] = paragraphs(env.config.privacy.get(env.lang));
  v["operator"] = env.config.operator_name;
  v["email"] = env.config.email;
  v["email_href"] = env.config.email.empty() ? "" : "mailto:" + env.config.email;
  return render_page(env, "privacy", v);
}

Response not_found_page(const PageEnv& env, const std::string& path) {
  Frame frame;
  frame.title = env.t("not_found_title");
  frame.path = path;
  frame.alternate_path = home_path(env.other());
  json v = page_view(env, frame);
  v["heading"] = frame.title;
  v["path"] = path;
  json links = json::array();
  for (const CategoryView& c : env.data.categories())
    links.push_back({{"href", category_path(env.lang, c)}, {"name", c.name().get(env.lang)}});
  v["links"] = links;
  Response r = render_page(env, "not_found", v, 404);
  r.set_header("cache-control", "no-store");
  return r;
}

}  // namespace privascore::web
