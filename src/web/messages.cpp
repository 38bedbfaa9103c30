#include "web/messages.h"

namespace privascore::web {

namespace {

Result<nlohmann::json> parse_catalog(std::string_view text, const char* file) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return fail(std::string(file) + ": not valid JSON");
  if (!j.is_object()) return fail(std::string(file) + ": must be one JSON object of key → string");
  for (const auto& [key, value] : j.items()) {
    if (!value.is_string()) return fail(std::string(file) + ": the value of `" + key + "` must be a string");
  }
  return j;
}

}  // namespace

Result<Messages> Messages::parse(std::string_view de_json, std::string_view en_json) {
  auto de = parse_catalog(de_json, "web/i18n/de.json");
  if (!de) return tl::unexpected(de.error());
  auto en = parse_catalog(en_json, "web/i18n/en.json");
  if (!en) return tl::unexpected(en.error());
  Messages m;
  m.m_de = std::move(*de);
  m.m_en = std::move(*en);
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
  const std::string pattern = get(lang, key);
  std::string out;
  out.reserve(pattern.size() + 16);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      const std::size_t close = pattern.find('}', i);
      if (close != std::string::npos) {
        const std::string_view name(pattern.data() + i + 1, close - i - 1);
        bool replaced = false;
        for (const auto& [arg, value] : args) {
          if (arg == name) {
            out += value;
            replaced = true;
            break;
          }
        }
        if (replaced) {
          i = close;
          continue;
        }
      }
    }
    out += pattern[i];
  }
  return out;
}

std::vector<std::string> Messages::keys(Lang lang) const {
  std::vector<std::string> out;
  for (const auto& [key, value] : catalog(lang).items()) out.push_back(key);
  return out;
}

}  // namespace privascore::web
