// The home page: every category with its latest edition.
#include <nlohmann/json.hpp>
#include "web/pages.h"
#include "web/urls.h"

namespace privascore::web {

namespace {

using nlohmann::json;

json service_brief(const PageEnv& env, const CategoryView& c, const ServiceScore& s) {
  return {{"name", s.assessment->name},
          {"href", service_path(env.lang, c, s.assessment->id)},
          {"points", s.points},
          {"max", s.max_points},
          {"class", class_view(env, *s.klass)},
          {"provisional", s.provisional}};
}

}  // namespace

Response home_page(const PageEnv& env) {
  Frame frame;
  frame.title = env.t("home_title");
  frame.path = home_path(env.lang);
  frame.alternate_path = home_path(env.other());
  frame.description = env.t("home_lead");
  json v = page_view(env, frame);
  json categories = json::array();
  for (const CategoryView& c : env.data.categories()) {
    const EditionScore& latest = *c.latest();
    json best = json::array();
    json worst = json::array();
    int worst_rank = 0;
    for (const auto& s : latest.services) worst_rank = std::max(worst_rank, s.rank);
    for (const auto& s : latest.services) {
      if (s.rank == 1) best.push_back(service_brief(env, c, s));
      if (s.rank == worst_rank && worst_rank != 1) worst.push_back(service_brief(env, c, s));
    }
    json distribution = json::array();
    for (const ClassBand& band : latest.methodology->classes) {
      int count = 0;
      for (const auto& s : latest.services) count += s.klass == &band ? 1 : 0;
      json item = class_view(env, band);
      item["count"] = count;
      distribution.push_back(item);
    }
    categories.push_back({{"id", c.category->id},
                          {"name", c.name().get(env.lang)},
                          {"href", category_path(env.lang, c)},
                          {"summary", c.methodology->summary.get(env.lang)},
                          {"edition_date", long_date(env, latest.edition->date)},
                          {"edition_iso", latest.edition->date.to_string()},
                          {"edition_line", env.count("home_edition_line", static_cast<int>(latest.services.size()),
                                                     {{"date", long_date(env, latest.edition->date)}})},
                          {"max_points", latest.max_points},
                          {"best", best},
                          {"worst", worst},
                          {"has_worst", !worst.empty()},
                          {"distribution", distribution},
                          {"methodology_href", methodology_path(env.lang, c)},
                          {"link_label", env.f("home_to_ranking", {{"category", c.name().get(env.lang)}})}});
  }
  v["categories"] = categories;
  v["has_categories"] = !categories.empty();
  return render_page(env, "home", v);
}

}  // namespace privascore::web
