#include "model/url_words.h"

#include "model/date.h"
#include "util/text.h"

namespace privascore {

std::string_view path_word(PathWord word, Lang lang) {
  for (const PathWordSpelling& w : k_path_words)
    if (w.word == word) return lang == Lang::de ? w.de : w.en;
  return {};
}

std::optional<PathWord> path_word_named(std::string_view name) {
  for (const PathWordSpelling& w : k_path_words)
    if (w.name == name) return w.word;
  return std::nullopt;
}

bool is_path_word(std::string_view segment) {
  for (const PathWordSpelling& w : k_path_words)
    if (w.de == segment || w.en == segment) return true;
  return false;
}

Text category_slugs(const Category& category) {
  Text slug;
  if (const Methodology* m = category.latest_methodology()) slug = m->slug;
  if (slug.de.empty()) slug.de = category.id;
  if (slug.en.empty()) slug.en = category.id;
  return slug;
}

std::string category_slug(const Category& category, Lang lang) {
  return category_slugs(category).get(lang);
}

bool is_version_segment(std::string_view s) {
  if (s.size() < 2 || s.size() > 6 || s[0] != 'v' || s[1] == '0') return false;
  for (char c : s.substr(1))
    if (c < '0' || c > '9') return false;
  return true;
}

bool is_slug(std::string_view segment) {
  if (!is_valid_id(segment) || is_path_word(segment) || is_version_segment(segment)) return false;
  return !Date::parse(segment).has_value();
}

}  // namespace privascore
