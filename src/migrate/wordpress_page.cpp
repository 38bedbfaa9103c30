#include "migrate/wordpress_page.h"

#include <nlohmann/json.hpp>

#include "migrate/html_blocks.h"

namespace privascore::migrate {

namespace {

using json = nlohmann::json;

/// The DOM parser with its error kept instead of thrown: the byte offset and
/// the token where the text stops being JSON.
struct ErrorKeepingParser : nlohmann::detail::json_sax_dom_parser<json> {
  using nlohmann::detail::json_sax_dom_parser<json>::json_sax_dom_parser;
  std::size_t error_offset = 0;
  std::string error_token;
  bool failed = false;
  bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception&) {
    failed = true;
    error_offset = position;
    error_token = last_token;
    return false;
  }
};

const char* k_rest_hint =
    "give the JSON the WordPress REST API serves for one page, e.g. "
    "https://privascore.org/wp-json/wp/v2/pages/ID (saved as a file)";

Result<std::string> rendered(const json& page, const char* field, const std::string& file) {
  const std::string name = std::string(field) + ".rendered";
  auto outer = page.find(field);
  if (outer == page.end()) return fail(file + ": the field `" + name + "` is missing", k_rest_hint);
  if (!outer->is_object()) {
    return fail(file + ": the field `" + field + "` must be an object with `rendered`, found " + outer->type_name(),
                k_rest_hint);
  }
  auto inner = outer->find("rendered");
  if (inner == outer->end()) return fail(file + ": the field `" + name + "` is missing", k_rest_hint);
  if (!inner->is_string()) {
    return fail(file + ": the field `" + name + "` must be a string, found " + inner->type_name(), k_rest_hint);
  }
  return inner->get<std::string>();
}

std::string string_field(const json& page, const char* field) {
  auto it = page.find(field);
  return it != page.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// The first path segment of an absolute URL ("en" for
/// https://privascore.org/en/x/); "" when there is none.
std::string first_segment(const std::string& url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) return {};
  const std::size_t path = url.find('/', scheme + 3);
  if (path == std::string::npos) return {};
  const std::size_t end = url.find_first_of("/?#", path + 1);
  return url.substr(path + 1, (end == std::string::npos ? url.size() : end) - path - 1);
}

}  // namespace

Result<WordPressPage> parse_wordpress_page(std::string_view json_text, const std::string& file) {
  json page;
  ErrorKeepingParser parser(page, /*allow_exceptions=*/false);
  const bool parsed = json::sax_parse(json_text, &parser);
  if (!parsed || parser.failed) {
    return fail(file + ": not JSON: the text stops being JSON at byte offset " + std::to_string(parser.error_offset) +
                    (parser.error_token.empty() ? "" : " (at `" + shorten(parser.error_token, 20) + "`)"),
                k_rest_hint);
  }
  if (!page.is_object()) {
    return fail(file + ": the JSON must be one page (an object), found " + std::string(page.type_name()),
                page.is_array() ? "the answer of /wp-json/wp/v2/pages is a list; save one element of it, "
                                  "or ask for /wp-json/wp/v2/pages/ID"
                                : k_rest_hint);
  }
  WordPressPage out;
  out.file = file;
  auto content = rendered(page, "content", file);
  if (!content) return tl::unexpected(content.error());
  out.content = std::move(*content);
  auto title = rendered(page, "title", file);
  if (!title) return tl::unexpected(title.error());
  out.title = html_text(*title);
  if (auto id = page.find("id"); id != page.end() && id->is_number_integer()) out.id = id->get<long long>();
  out.link = string_field(page, "link");
  out.slug = string_field(page, "slug");
  out.date = string_field(page, "date");

  std::string lang = string_field(page, "lang");
  if (!lang.empty()) {
    const std::string code = lang.substr(0, 2);
    if (code != "de" && code != "en") {
      return fail(file + ": the field `lang` is \"" + lang + "\"; privascore reads German (de) and English (en)",
                  "import the German or the English page");
    }
    out.lang = code == "de" ? Lang::de : Lang::en;
    out.lang_from = "the field `lang` (\"" + lang + "\")";
    return out;
  }
  if (out.link.empty()) {
    return fail(file + ": cannot tell the page's language: it has neither `lang` nor `link`",
                "the REST API's answer has both; save the whole answer");
  }
  const std::string segment = first_segment(out.link);
  if (segment == "en" || segment == "de") {
    out.lang = segment == "en" ? Lang::en : Lang::de;
    out.lang_from = "the link's /" + segment + "/ segment";
  } else {
    out.lang = Lang::de;
    out.lang_from = "the link, which has no /en/ segment (the German original)";
  }
  return out;
}

}  // namespace privascore::migrate
