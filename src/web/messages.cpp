#include "web/messages.h"
#include <nlohmann/json.hpp>

#include "render/messages.h"

namespace privascore::web {

// Parsing and placeholders are the text catalogue's own (render/messages.h);
// the site keeps its copy of the catalogues as JSON for the templates.
Result<Messages> Messages::parse(std::string_view de_json, std::string_view en_json) {
  auto parsed = privascore::Messages::parse(de_json, en_json);
  if (!parsed) return fail(parsed.error());
  Messages m;
  m.m_de = parsed->catalog(Lang::de);
  m.m_en = parsed->catalog(Lang::en);
  return m;
}

Result<Messages> Messages::load(const Assets& assets) {
  const std::string* de = assets.file("i18n/de.json");
  const std::string* en = assets.file("i18n/en.json");
  if (!de || !en) return fail("web/i18n/de.json and web/i18n/en.json are required");
  return parse(*de, *en);
}

std::string Messages::get(Lang lang, std::string_view key) const {
  const nlohmann::json& c = catalog(lang);
  auto it = c.find(key);
  // Unknown keys show themselves, so a missing message is visible in review.
  return it != c.end() ? it->get<std::string>() : std::string(key);
}

std::string Messages::format(Lang lang, std::string_view key,
                             std::initializer_list<std::pair<std::string_view, std::string>> args) const {
  return fill_placeholders(get(lang, key), args);
}

std::vector<std::string> Messages::keys(Lang lang) const {
  std::vector<std::string> out;
  for (const auto& [key, value] : catalog(lang).items()) out.push_back(key);
  return out;
}

}  // namespace privascore::web
