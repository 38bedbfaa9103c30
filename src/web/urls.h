// The site's URL scheme: every path a page links to is built here, so that
// the router (site.cpp) and the pages agree. Paths are stable and readable:
//
//   /de/  /en/                                   home
//   /de/videokonferenz  /en/video-conferencing   category, latest edition
//   /de/videokonferenz/2024-08-29                category, earlier edition
//   /de/videokonferenz/zoom                      service, latest edition
//   /de/videokonferenz/2024-08-29/zoom           service in an earlier edition
//   /de/videokonferenz/methodik[/v1]             methodology (en: methodology)
//   /de/videokonferenz/aenderungen               changelog (en: changelog)
//   /de/videokonferenz/persoenlich               personal weights (en: personal)
//   /de/impressum /en/imprint  /de/datenschutz /en/privacy
//   /de/pruefen /en/probe                        the probe page (src/assist)
//   /de/melden /en/report                        POST: a reader's report (src/editor)
//   /de/meldungen/videokonferenz                 the reports on a category (src/editor)
//
// The localised words and the slug rule live one layer down, in
// model/url_words.h, because publish/ names its artifacts with them too;
// every path is built here or there, never spelled elsewhere. Slugs and
// service ids are URL-safe ids, so no escaping is needed; pure.
#pragma once

#include <string>
#include <string_view>

#include "model/model.h"
#include "model/url_words.h"
#include "web/site_data.h"

namespace privascore::web {

/// The fixed path words per language ("methodik" / "methodology", ...).
std::string_view methodology_word(Lang lang);
std::string_view changelog_word(Lang lang);
std::string_view imprint_word(Lang lang);
std::string_view privacy_word(Lang lang);
std::string_view personal_word(Lang lang);

std::string home_path(Lang lang);
/// A page named by a word of its own: "/de/impressum" for PathWord::imprint.
std::string word_path(Lang lang, PathWord word);
std::string category_path(Lang lang, const CategoryView& category);
std::string edition_path(Lang lang, const CategoryView& category, const Date& date);
std::string service_path(Lang lang, const CategoryView& category, std::string_view service);
std::string service_edition_path(Lang lang, const CategoryView& category, const Date& date, std::string_view service);
/// version 0: the latest methodology.
std::string methodology_path(Lang lang, const CategoryView& category, int version = 0);
std::string changelog_path(Lang lang, const CategoryView& category);
std::string imprint_path(Lang lang);
std::string privacy_path(Lang lang);
std::string personal_path(Lang lang, const CategoryView& category);
/// The probe page; the path the report form posts to; the handled
/// reports on a category.
std::string probe_path(Lang lang);
std::string report_path(Lang lang);
std::string reports_path(Lang lang, const CategoryView& category);

/// url when it is an absolute http or https URL without spaces, quotes,
/// angle brackets or control characters; "" otherwise. Only such URLs from
/// data are ever put into an href.
std::string safe_external_url(std::string_view url);
/// The host of an http(s) URL ("privascore.org"), "" when there is none.
std::string url_host(std::string_view url);

}  // namespace privascore::web
