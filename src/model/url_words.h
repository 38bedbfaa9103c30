// The URL scheme's vocabulary: the localised fixed words of the site's
// paths ("methodik" / "methodology", "grafik" / "graphic", ...) and the slug
// rule (which segment names a category in a language, and which segments
// can be a slug at all).
//
// It lives in model/, below publish/ and web/, because both use it: the
// artifacts of publish/ have localised file names, the router and the pages
// of web/ build and match paths with the same words. src/web/urls.h builds
// the paths from these words; nothing else spells a path word. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/model.h"

namespace privascore {

/// The localised fixed path words. A page with a word of its own adds a
/// value here and its spelling to k_path_words below: route patterns name
/// it ("/:lang/{imprint}"), no category or service slug can take it, and
/// urls.h builds its path (word_path).
enum class PathWord {
  methodology,  // /de/<category>/methodik
  changelog,    // /de/<category>/aenderungen
  personal,     // /de/<category>/persoenlich
  imprint,      // /de/impressum
  privacy,      // /de/datenschutz
  probe,        // /de/pruefen
  report,       // /de/melden (POST: a reader's report)
  reports,      // /de/meldungen/<category>
  graphic,      // /de/<category>/grafik.svg (the file name's stem)
};

struct PathWordSpelling {
  PathWord word;
  std::string_view name;  // in route patterns: {name}
  std::string_view de;
  std::string_view en;
};

inline constexpr PathWordSpelling k_path_words[] = {
    {PathWord::methodology, "methodology", "methodik", "methodology"},
    {PathWord::changelog, "changelog", "aenderungen", "changelog"},
    {PathWord::personal, "personal", "persoenlich", "personal"},
    {PathWord::imprint, "imprint", "impressum", "imprint"},
    {PathWord::privacy, "privacy", "datenschutz", "privacy"},
    {PathWord::probe, "probe", "pruefen", "probe"},
    {PathWord::report, "report", "melden", "report"},
    {PathWord::reports, "reports", "meldungen", "reports"},
    {PathWord::graphic, "graphic", "grafik", "graphic"},
};

/// The word in lang ("methodik" for methodology in German).
std::string_view path_word(PathWord word, Lang lang);

/// The word called name in a route pattern ("{methodology}"); nullopt
/// when there is none.
std::optional<PathWord> path_word_named(std::string_view name);

/// True when segment is a path word in either language.
bool is_path_word(std::string_view segment);

/// The URL segments of a category: the latest methodology's slug in each
/// language, the category id where it has none (or no methodology at all).
Text category_slugs(const Category& category);
/// category_slugs(category).get(lang).
std::string category_slug(const Category& category, Lang lang);

/// Whether segment can be a slug (a category, service or other id in a
/// path): a valid id (is_valid_id) that is neither a path word, nor a date
/// (2024-08-29, an edition), nor a methodology version (v1). Ids that fail
/// this could not be told apart from the fixed parts of a path.
bool is_slug(std::string_view segment);

/// Whether segment is a methodology version in a path: "v" and a number
/// from 1 to 99999 without leading zero.
bool is_version_segment(std::string_view segment);

}  // namespace privascore
