#include "web/view.h"
#include <nlohmann/json.hpp>

#include "publish/artifacts.h"

#include "web/responses.h"
#include "web/urls.h"

namespace privascore::web {

std::string PageEnv::count(std::string_view key, int n,
                           std::initializer_list<std::pair<std::string_view, std::string>> args) const {
  if (n == 1) return messages.format(lang, std::string(key) + "_one", args);
  std::vector<std::pair<std::string_view, std::string>> all(args.begin(), args.end());
  all.emplace_back("count", std::to_string(n));
  std::string pattern = messages.get(lang, key);
  for (const auto& [name, value] : all) {
    const std::string token = "{" + std::string(name) + "}";
    for (std::size_t at = pattern.find(token); at != std::string::npos; at = pattern.find(token, at + value.size()))
      pattern.replace(at, token.size(), value);
  }
  return pattern;
}

nlohmann::json page_view(const PageEnv& env, const Frame& frame) {
  using nlohmann::json;
  const Lang other = env.other();
  json v;
  v["lang"] = lang_code(env.lang);
  v["title"] = frame.title.empty() ? std::string("PRIVA SCORE") : frame.title + " – PRIVA SCORE";
  v["description"] = frame.description;
  v["t"] = env.messages.catalog(env.lang);
  v["assets"] = {{"css", env.assets.static_url("site.css")}, {"icon", env.assets.static_url("favicon.svg")}};
  v["home_url"] = home_path(env.lang);
  // Link previews (Open Graph, Twitter): the category's 1200 x 630 card, or
  // the first category's on pages of no category. Absolute addresses need
  // the configured base_url; without it only the texts are given.
  json og = {
      {"title", v["title"]}, {"description", frame.description}, {"locale", env.lang == Lang::de ? "de_DE" : "en_GB"}};
  const CategoryView* card_category = frame.category;
  if (!card_category && !env.data.categories().empty()) card_category = &env.data.categories().front();
  if (!env.config.base_url.empty()) {
    og["url"] = env.config.base_url + frame.path;
    if (card_category)
      og["image"] = env.config.base_url + publish::Artifacts::card_path(env.lang, *card_category->category, nullptr);
  }
  v["og"] = og;
  if (!env.config.base_url.empty()) {
    v["canonical"] = env.config.base_url + frame.path;
    v["alternate"] = {{"lang", lang_code(other)}, {"href", env.config.base_url + frame.alternate_path}};
  } else {
    v["alternate"] = {{"lang", lang_code(other)}, {"href", frame.alternate_path}};
  }
  json nav = json::array();
  for (const CategoryView& c : env.data.categories()) {
    nav.push_back(
        {{"href", category_path(env.lang, c)}, {"name", c.name().get(env.lang)}, {"current", frame.category == &c}});
  }
  v["nav"] = nav;
  v["switch"] = {
      {"href", frame.alternate_path}, {"lang", lang_code(other)}, {"label", env.messages.get(other, "language_name")}};
  json crumbs = json::array();
  if (!frame.crumbs.empty()) {
    crumbs.push_back({{"label", env.t("breadcrumb_home")}, {"href", home_path(env.lang)}, {"last", false}});
    for (std::size_t i = 0; i < frame.crumbs.size(); ++i) {
      const bool last = i + 1 == frame.crumbs.size();
      crumbs.push_back({{"label", frame.crumbs[i].label}, {"href", last ? "" : frame.crumbs[i].href}, {"last", last}});
    }
  }
  v["breadcrumbs"] = crumbs;
  v["has_breadcrumbs"] = !crumbs.empty();
  v["footer"] = {{"imprint", imprint_path(env.lang)},
                 {"privacy", privacy_path(env.lang)},
                 {"api", "/api/v1/categories"},
                 {"operator", env.config.operator_name}};
  return v;
}

Response render_page(const PageEnv& env, std::string_view name, const nlohmann::json& view, int status) {
  auto html = env.templates.render_page(name, view);
  if (!html) {
    Response r{500, {{"content-type", "text/plain; charset=utf-8"}}, "500 Internal Server Error\n"};
    r.body += html.error() + "\n";
    return r;
  }
  return html_response(std::move(*html), lang_code(env.lang), status);
}

std::string long_date(const PageEnv& env, const Date& date) {
  const std::string month = env.t("month_" + std::to_string(date.month));
  return env.f("date_long", {{"day", std::to_string(date.day)}, {"month", month}, {"year", std::to_string(date.year)}});
}

std::string palette(std::string_view id) {
  if (id == "green" || id == "yellow" || id == "red" || id == "absent") return std::string(id);
  return "other";
}

nlohmann::json level_view(const PageEnv& env, const Level* level, bool unknown) {
  if (unknown || !level) {
    return {{"id", "unknown"},
            {"css", "unknown"},
            {"symbol", "?"},
            {"label", env.t("level_unknown")},
            {"points", level ? level->points : 0}};
  }
  return {{"id", level->id},
          {"css", palette(level->id)},
          {"symbol", level->symbol},
          {"label", level->label.get(env.lang)},
          {"points", level->points}};
}

nlohmann::json class_view(const PageEnv& env, const ClassBand& band) {
  return {{"id", band.id},
          {"css", palette(band.id)},
          {"symbol", band.symbol},
          {"label", band.label.get(env.lang)},
          {"range", band.range_text(env.lang)}};
}

nlohmann::json paragraphs(std::string_view text) {
  nlohmann::json out = nlohmann::json::array();
  std::string current;
  auto flush = [&] {
    while (!current.empty() && (current.back() == '\n' || current.back() == ' ')) current.pop_back();
    if (!current.empty()) out.push_back({{"text", current}});
    current.clear();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = text.find('\n', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(i, end - i);
    const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (blank) {
      flush();
    } else {
      if (!current.empty()) current += '\n';
      current += line;
    }
    i = end + 1;
  }
  flush();
  return out;
}

nlohmann::json external_link(std::string_view url, std::string_view label) {
  const std::string href = safe_external_url(url);
  return {{"href", href},
          {"label", label.empty() ? std::string(url) : std::string(label)},
          {"url", std::string(url)},
          {"host", url_host(url)}};
}

std::string signed_points(int value) {
  if (value > 0) return "+" + std::to_string(value);
  if (value < 0) return "\u2212" + std::to_string(-value);
  return "\u00b10";
}

}  // namespace privascore::web
