// Templates: the logic-less mustache templates of the site (web/templates/),
// rendered from a JSON view model that C++ builds for each page.
//
// Every {{name}} is HTML-escaped (& < > " '); templates never use the
// unescaped {{{name}}} form except for {{{content}}}, the page body the
// layout wraps, which was itself rendered with escaping. Templates whose
// name starts with '_' are partials ({{> _name}}). Immutable after load;
// thread-safe (each render parses its own copy).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>
#include <tl/expected.hpp>

#include "util/error.h"
#include "web/assets.h"

namespace privascore::web {

class Templates {
 public:
  /// Reads every templates/*.mustache file and checks that each parses.
  /// The error names the template and the parser's message.
  static Result<Templates> load(const Assets& assets);

  /// Renders template `name` ("category") with the view. The error names
  /// the template when it does not exist or fails to render.
  tl::expected<std::string, std::string> render(std::string_view name, const nlohmann::json& view) const;

  /// Renders `name`, then the layout with the result as {{{content}}}.
  tl::expected<std::string, std::string> render_page(std::string_view name, nlohmann::json view) const;

  bool has(std::string_view name) const { return m_sources.count(std::string(name)) != 0; }

 private:
  std::map<std::string, std::string> m_sources;  // name → template text
};

}  // namespace privascore::web
