#include "render/messages.h"

#include <nlohmann/json.hpp>

#include "resources/resources.h"

namespace privascore {

struct Messages::Catalogues {
  nlohmann::json de;
  nlohmann::json en;
};

namespace {

tl::expected<nlohmann::json, std::string> parse_catalog(std::string_view text, const char* file) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return tl::unexpected(std::string(file) + ": not valid JSON");
  if (!j.is_object()) return tl::unexpected(std::string(file) + ": must be one JSON object of key → string");
  for (const auto& [key, value] : j.items()) {
    if (!value.is_string()) return tl::unexpected(std::string(file) + ": the value of `" + key + "` must be a string");
  }
  return j;
}

std::string_view embedded(std::string_view path) {
  for (const auto& file : resources::files("web"))
    if (file.path == path) return file.content;
  return {};
}

}  // namespace

Messages::Messages() {
  auto empty = std::make_shared<Catalogues>();
  empty->de = nlohmann::json::object();
  empty->en = nlohmann::json::object();
  m_catalogues = std::move(empty);
}

Messages::Messages(std::shared_ptr<const Catalogues> catalogues) : m_catalogues(std::move(catalogues)) {}

tl::expected<Messages, std::string> Messages::parse(std::string_view de_json, std::string_view en_json) {
  auto de = parse_catalog(de_json, "web/i18n/de.json");
  if (!de) return tl::unexpected(de.error());
  auto en = parse_catalog(en_json, "web/i18n/en.json");
  if (!en) return tl::unexpected(en.error());
  auto catalogues = std::make_shared<Catalogues>();
  catalogues->de = std::move(*de);
  catalogues->en = std::move(*en);
  return Messages(std::move(catalogues));
}

const Messages& Messages::builtin() {
  static const Messages k_builtin = [] {
    auto parsed = parse(embedded("i18n/de.json"), embedded("i18n/en.json"));
    return parsed ? std::move(*parsed) : Messages();
  }();
  return k_builtin;
}

const nlohmann::json& Messages::catalog(Lang lang) const {
  return lang == Lang::de ? m_catalogues->de : m_catalogues->en;
}

std::string Messages::get(Lang lang, std::string_view key) const {
  const nlohmann::json& c = catalog(lang);
  auto it = c.find(key);
  // Unknown keys show themselves, so a missing message is visible in review.
  return it != c.end() ? it->get_ref<const std::string&>() : std::string(key);
}

std::string Messages::format(Lang lang, std::string_view key, Args args) const {
  return fill_placeholders(get(lang, key), args);
}

std::string fill_placeholders(std::string_view pattern, Messages::Args args) {
  std::string out;
  out.reserve(pattern.size() + 16);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      const std::size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = pattern.substr(i + 1, close - i - 1);
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

std::string tr(Lang lang, std::string_view key) {
  return Messages::builtin().get(lang, key);
}

std::string tr(Lang lang, std::string_view key, Messages::Args args) {
  return Messages::builtin().format(lang, key, args);
}

}  // namespace privascore
