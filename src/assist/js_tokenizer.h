// JsTokenizer: splits JavaScript source into tokens for the config reader
// (js_literal.h). It knows the lexical grammar well enough to never be
// confused by comments, strings, template literals and numbers; it never
// evaluates anything. Regular-expression literals are not recognised (config
// files do not use them); a stray quote inside one shows up as an error token.
// Not thread-safe per instance; instances are independent.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace privascore::assist {

enum class JsTok {
  end,     // end of input
  ident,   // identifier or keyword (true, var, config, ...)
  string,  // '...', "..." or a template literal without ${}; text is the decoded value
  templ,   // a template literal with ${...} substitutions; text is the raw source
  number,  // numeric literal; text is the raw source
  punct,   // operator or punctuator; text is the operator
  error,   // unterminated string or comment, or an unknown character; text says what
};

struct JsToken {
  JsTok kind = JsTok::end;
  std::string text;
  std::size_t begin = 0;  // byte offsets into the source
  std::size_t end = 0;
  std::size_t line = 1;         // 1-based line of begin
  bool newline_before = false;  // a line break between the previous token and this one
};

class JsTokenizer {
 public:
  explicit JsTokenizer(std::string_view source) : m_source(source) {}
  /// The next token; after end or error it keeps returning the same kind.
  JsToken next();

 private:
  bool skip_space_and_comments(JsToken& token);
  void read_string(JsToken& token, char quote);
  void read_template(JsToken& token);
  void read_number(JsToken& token);

  std::string_view m_source;
  std::size_t m_pos = 0;
  std::size_t m_line = 1;
  bool m_failed = false;
};

/// Appends code point cp to out as UTF-8 (U+FFFD for invalid values).
void append_utf8(std::string& out, unsigned long cp);

}  // namespace privascore::assist
