#include "web/templates.h"
#include <nlohmann/json.hpp>

#include <kainjow/mustache.hpp>

namespace privascore::web {

namespace {

namespace mustache = kainjow::mustache;

constexpr std::string_view k_prefix = "templates/";
constexpr std::string_view k_suffix = ".mustache";

// Numbers become their decimal text (0 is true in a section: use a
// boolean); null and "" become false (render nothing).
mustache::data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data d{mustache::data::type::object};
      for (const auto& [key, value] : j.items()) d.set(key, to_data(value));
      return d;
    }
    case nlohmann::json::value_t::array: {
      mustache::data d{mustache::data::type::list};
      for (const auto& value : j) d.push_back(to_data(value));
      return d;
    }
    case nlohmann::json::value_t::string: {
      // An empty string renders nothing and is false in a section, as in
      // the reference implementations of mustache.
      const std::string& text = j.get_ref<const std::string&>();
      return text.empty() ? mustache::data{mustache::data::type::bool_false} : mustache::data{text};
    }
    case nlohmann::json::value_t::boolean:
      return j.get<bool>() ? mustache::data{mustache::data::type::bool_true}
                           : mustache::data{mustache::data::type::bool_false};
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return mustache::data{j.dump()};
    default: return mustache::data{mustache::data::type::bool_false};
  }
}

}  // namespace

Result<Templates> Templates::load(const Assets& assets) {
  Templates t;
  for (const std::string& path : assets.paths()) {
    if (path.rfind(k_prefix, 0) != 0 || path.size() <= k_prefix.size() + k_suffix.size() ||
        path.substr(path.size() - k_suffix.size()) != k_suffix) {
      continue;
    }
    const std::string name = path.substr(k_prefix.size(), path.size() - k_prefix.size() - k_suffix.size());
    const std::string& source = *assets.file(path);
    mustache::mustache parsed{source};
    if (!parsed.is_valid()) return fail("web/" + path + ": " + parsed.error_message());
    t.m_sources.emplace(name, source);
  }
  if (!t.has("layout")) return fail("web/templates/layout.mustache is missing");
  return t;
}

tl::expected<std::string, std::string> Templates::render(std::string_view name, const nlohmann::json& view) const {
  auto it = m_sources.find(std::string(name));
  if (it == m_sources.end()) return tl::unexpected("no template `" + std::string(name) + "`");
  mustache::data data = to_data(view);
  for (const auto& [partial_name, source] : m_sources) {
    if (partial_name.empty() || partial_name[0] != '_') continue;
    const std::string* text = &source;
    data.set(partial_name, mustache::partial{[text]() { return *text; }});
  }
  mustache::mustache tmpl{it->second};
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) return tl::unexpected("template `" + it->first + "`: " + tmpl.error_message());
  return out;
}

tl::expected<std::string, std::string> Templates::render_page(std::string_view name, nlohmann::json view) const {
  auto body = render(name, view);
  if (!body) return body;
  view["content"] = std::move(*body);
  return render("layout", view);
}

}  // namespace privascore::web
