// View-model helpers shared by the pages: the environment a page is built
// in, the frame every page has (title, navigation, language switch,
// footer), and the small values that appear on many pages (dates, levels,
// classes, paragraphs).
//
// Views are JSON values handed to the logic-less templates; every string in
// them is escaped by the template. Pure; thread-safe.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "config/config.h"
#include "model/model.h"
#include "scoring/scoring.h"
#include "web/assets.h"
#include "web/http.h"
#include "web/messages.h"
#include "web/site_data.h"
#include "web/templates.h"

namespace privascore::web {

/// Everything a page builder reads.
struct PageEnv {
  const SiteData& data;
  const config::SiteConfig& config;
  const Assets& assets;
  const Messages& messages;
  const Templates& templates;
  Lang lang;

  std::string t(std::string_view key) const { return messages.get(lang, key); }
  std::string f(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> args) const {
    return messages.format(lang, key, args);
  }
  /// format() of key, or of key + "_one" when count is 1 (the catalogs
  /// have both forms for every message that counts).
  std::string count(std::string_view key, int count,
                    std::initializer_list<std::pair<std::string_view, std::string>> args = {}) const;
  Lang other() const { return lang == Lang::de ? Lang::en : Lang::de; }
};

/// One breadcrumb step; the last one is the current page (no link).
struct Crumb {
  std::string label;
  std::string href;
};

/// What the frame of a page needs to know about the page.
struct Frame {
  std::string title;
  std::string path;                        // this page
  std::string alternate_path;              // the same page in the other language
  std::vector<Crumb> crumbs;               // after "home"; empty on the home page
  const CategoryView* category = nullptr;  // marks the navigation entry
  std::string description;                 // <meta name="description">
};

/// The frame of every page: lang, title, assets, navigation, the language
/// switch, breadcrumbs, footer. Pages add their own keys.
nlohmann::json page_view(const PageEnv& env, const Frame& frame);

/// Renders template `name` inside the layout as an HTML response; a render
/// failure becomes a 500 page (it is a bug in a template).
Response render_page(const PageEnv& env, std::string_view name, const nlohmann::json& view, int status = 200);

/// "29. Oktober 2024" / "29 October 2024".
std::string long_date(const PageEnv& env, const Date& date);

/// {id, css, symbol, label, points} for a level; unknown shows "?".
nlohmann::json level_view(const PageEnv& env, const Level* level, bool unknown);
/// {id, css, symbol, label, range} for a class.
nlohmann::json class_view(const PageEnv& env, const ClassBand& band);
/// CSS token for an id: the id when it is one of the designed palettes
/// (green, yellow, red, absent), "other" otherwise.
std::string palette(std::string_view id);

/// Paragraphs of a text (blank-line separated) as [{"text": …}, …].
nlohmann::json paragraphs(std::string_view text);
/// {href, label, host} of an external link; href "" when the URL is not
/// a safe http(s) URL (the template then shows the text without a link).
nlohmann::json external_link(std::string_view url, std::string_view label);

/// A signed number with a real minus sign: "+21", "−7", "±0".
std::string signed_points(int value);

}  // namespace privascore::web
