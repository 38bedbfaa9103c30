// One page of the old site as the WordPress REST API serves it
// (`/wp-json/wp/v2/pages/ID`): the fields the importer reads, and the page's
// language. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "model/model.h"
#include "util/error.h"

namespace privascore::migrate {

struct WordPressPage {
  std::string file;       // where it was read from, for messages
  long long id = 0;       // `id`; 0 when absent
  std::string link;       // `link`; "" when absent
  std::string slug;       // `slug`; "" when absent
  std::string date;       // `date` as written ("2024-10-28T13:16:10"); "" when absent
  std::string title;      // `title.rendered` as text
  std::string content;    // `content.rendered`, HTML as served
  Lang lang = Lang::de;   // the page's language
  std::string lang_from;  // how the language was found ("the link's /en/ segment")
};

/// Reads the page from the text of a REST API answer. Fails, naming `file`
/// and the JSON field or the byte offset, when the text is not JSON, is not
/// an object, lacks `content.rendered` or `title.rendered` (or they are not
/// strings), or its language cannot be told: from `lang` when present
/// ("de", "en", "de_DE", …), otherwise from the link (a first path segment
/// `en` or `de`; privascore.org serves its German original without one).
Result<WordPressPage> parse_wordpress_page(std::string_view json_text, const std::string& file);

}  // namespace privascore::migrate
