#include "web/urls.h"

namespace privascore::web {

std::string_view methodology_word(Lang lang) {
  return path_word(PathWord::methodology, lang);
}
std::string_view changelog_word(Lang lang) {
  return path_word(PathWord::changelog, lang);
}
std::string_view imprint_word(Lang lang) {
  return path_word(PathWord::imprint, lang);
}
std::string_view privacy_word(Lang lang) {
  return path_word(PathWord::privacy, lang);
}
std::string_view personal_word(Lang lang) {
  return path_word(PathWord::personal, lang);
}

std::string home_path(Lang lang) {
  return "/" + std::string(lang_code(lang)) + "/";
}

std::string word_path(Lang lang, PathWord word) {
  return "/" + std::string(lang_code(lang)) + "/" + std::string(path_word(word, lang));
}

std::string category_path(Lang lang, const CategoryView& category) {
  return "/" + std::string(lang_code(lang)) + "/" + category.slug.get(lang);
}

std::string edition_path(Lang lang, const CategoryView& category, const Date& date) {
  return category_path(lang, category) + "/" + date.to_string();
}

std::string service_path(Lang lang, const CategoryView& category, std::string_view service) {
  return category_path(lang, category) + "/" + std::string(service);
}

std::string service_edition_path(Lang lang, const CategoryView& category, const Date& date, std::string_view service) {
  return edition_path(lang, category, date) + "/" + std::string(service);
}

std::string methodology_path(Lang lang, const CategoryView& category, int version) {
  std::string path = category_path(lang, category) + "/" + std::string(methodology_word(lang));
  if (version > 0) path += "/v" + std::to_string(version);
  return path;
}

std::string changelog_path(Lang lang, const CategoryView& category) {
  return category_path(lang, category) + "/" + std::string(changelog_word(lang));
}

std::string imprint_path(Lang lang) {
  return word_path(lang, PathWord::imprint);
}

std::string privacy_path(Lang lang) {
  return word_path(lang, PathWord::privacy);
}

std::string personal_path(Lang lang, const CategoryView& category) {
  return category_path(lang, category) + "/" + std::string(personal_word(lang));
}

std::string probe_path(Lang lang) {
  return word_path(lang, PathWord::probe);
}

std::string report_path(Lang lang) {
  return word_path(lang, PathWord::report);
}

std::string reports_path(Lang lang, const CategoryView& category) {
  return word_path(lang, PathWord::reports) + "/" + category.slug.get(lang);
}

std::string safe_external_url(std::string_view url) {
  std::string_view rest;
  if (url.rfind("https://", 0) == 0)
    rest = url.substr(8);
  else if (url.rfind("http://", 0) == 0)
    rest = url.substr(7);
  else
    return {};
  if (rest.empty() || rest[0] == '/') return {};
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`') return {};
  }
  return std::string(url);
}

std::string url_host(std::string_view url) {
  const std::string safe = safe_external_url(url);
  if (safe.empty()) return {};
  std::string_view rest(safe);
  rest.remove_prefix(rest[4] == 's' ? 8 : 7);
  const std::size_t end = rest.find_first_of("/?#");
  std::string_view host = rest.substr(0, end);
  if (const std::size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  if (host.rfind("www.", 0) == 0) host.remove_prefix(4);
  return std::string(host);
}

}  // namespace privascore::web
