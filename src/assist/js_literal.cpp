#include "assist/js_literal.h"
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <optional>

#include "assist/js_tokenizer.h"

namespace privascore::assist {

using nlohmann::json;

namespace {

enum class Context { object, array, statement };

struct Value {
  enum Kind { literal, undefined, expression } kind = literal;
  json value;
  std::size_t line = 0;
  std::string source;  // for expressions
};

bool is_punct(const JsToken& t, std::string_view text) {
  return t.kind == JsTok::punct && t.text == text;
}
bool is_ident(const JsToken& t, std::string_view text) {
  return t.kind == JsTok::ident && t.text == text;
}

std::string collapse(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
    if (out.size() >= 200) {
      out += "...";
      break;
    }
  }
  return out;
}

std::optional<json> number_value(std::string text) {
  std::string clean;
  for (char c : text)
    if (c != '_' && c != 'n') clean += c;
  if (clean.size() > 2 && clean[0] == '0') {
    int base = 0;
    char p = clean[1];
    if (p == 'x' || p == 'X') base = 16;
    if (p == 'o' || p == 'O') base = 8;
    if (p == 'b' || p == 'B') base = 2;
    if (base) return json(static_cast<long long>(std::strtoull(clean.c_str() + 2, nullptr, base)));
  }
  if (clean.find_first_of(".eE") == std::string::npos && clean.size() < 16)
    return json(std::strtoll(clean.c_str(), nullptr, 10));
  double d = std::strtod(clean.c_str(), nullptr);
  if (!std::isfinite(d)) return std::nullopt;
  return json(d);
}

class Reader {
 public:
  Reader(std::string_view source, const JsReadLimits& limits, JsDocument& doc)
      : m_source(source), m_limits(limits), m_doc(doc) {
    JsTokenizer tokenizer(source);
    while (true) {
      JsToken t = tokenizer.next();
      const bool stop = t.kind == JsTok::end || t.kind == JsTok::error;
      if (t.kind == JsTok::error) {
        note(t.line, t.text + "; reading stopped here");
        m_doc.complete = false;
        t.kind = JsTok::end;
      }
      if (m_tokens.size() >= m_limits.max_tokens) {
        note(t.line, "more than " + std::to_string(m_limits.max_tokens) + " tokens; reading stopped here");
        m_doc.complete = false;
        t.kind = JsTok::end;
      }
      m_tokens.push_back(std::move(t));
      if (stop || m_tokens.back().kind == JsTok::end) break;
    }
  }

  void read_program() {
    while (!at_end()) {
      std::size_t before = m_i;
      statement();
      if (m_i == before) ++m_i;  // always make progress
    }
  }

 private:
  const JsToken& peek(std::size_t ahead = 0) const {
    std::size_t k = m_i + ahead;
    return k < m_tokens.size() ? m_tokens[k] : m_tokens.back();
  }
  bool at_end() const { return m_stopped || peek().kind == JsTok::end; }
  void note(std::size_t line, std::string message) {
    if (m_doc.notes.size() < m_limits.max_notes)
      m_doc.notes.push_back({line, std::move(message)});
    else if (m_doc.notes.size() == m_limits.max_notes)
      m_doc.notes.push_back({line, "further notes left out"});
  }
  void stop_deep(std::size_t line) {
    if (!m_stopped) note(line, "nesting deeper than " + std::to_string(m_limits.max_depth) + "; reading stopped here");
    m_stopped = true;
    m_doc.complete = false;
  }

  // Skips one expression from the current token; stops before a token that
  // ends it in this context (at bracket depth 0). Returns the source text.
  std::string skip_expression(Context context) {
    std::size_t start = peek().begin;
    std::size_t end = start;
    int depth = 0;
    int ternaries = 0;  // `?` at depth 0 waiting for their `:`
    bool first = true;
    while (!at_end()) {
      const JsToken& t = peek();
      if (depth == 0 && !first) {
        if (is_punct(t, "?")) ++ternaries;
        if (is_punct(t, ":") && ternaries > 0) {
          --ternaries;
        } else if (t.kind == JsTok::punct && (t.text == "," || t.text == ";" || t.text == "}" || t.text == "]" ||
                                              t.text == ")" || (context == Context::object && t.text == ":"))) {
          break;
        }
        if (context == Context::statement && t.newline_before && t.kind != JsTok::punct) {
          const JsToken& prev = m_tokens[m_i - 1];
          const bool prev_operand =
              prev.kind != JsTok::punct || prev.text == ")" || prev.text == "]" || prev.text == "}";
          if (prev_operand) break;
        }
      }
      if (depth == 0 && first && t.kind == JsTok::punct &&
          (t.text == "," || t.text == ";" || t.text == "}" || t.text == "]" || t.text == ")"))
        break;
      first = false;
      if (t.kind == JsTok::punct && (t.text == "(" || t.text == "[" || t.text == "{")) ++depth;
      if (t.kind == JsTok::punct && (t.text == ")" || t.text == "]" || t.text == "}")) --depth;
      end = t.end;
      ++m_i;
      if (depth < 0) break;
    }
    return collapse(m_source.substr(start, end - start));
  }

  // A value that cannot continue into an operator: the token after it ends
  // the value in this context.
  bool value_ends_here(Context context) const {
    const JsToken& t = peek();
    if (t.kind == JsTok::end) return true;
    if (t.kind == JsTok::punct)
      return t.text == "," || t.text == ";" || t.text == "}" || t.text == "]" || t.text == ")";
    return context == Context::statement && t.newline_before;
  }

  // A string or number operand for concatenation: a literal or a variable
  // already read as a string or number.
  std::optional<json> concat_operand() {
    const JsToken& t = peek();
    if (t.kind == JsTok::string) {
      if (t.text.rfind("<!--#", 0) == 0) return std::nullopt;
      ++m_i;
      return json(t.text);
    }
    if (t.kind == JsTok::number) {
      auto n = number_value(t.text);
      if (!n) return std::nullopt;
      ++m_i;
      return n;
    }
    if (t.kind == JsTok::ident) {
      auto it = m_doc.globals.find(t.text);
      if (it != m_doc.globals.end() && (it->is_string() || it->is_number()) && !m_doc.expressions.count(t.text)) {
        // Only a plain variable, not `subdomain.length` or a call.
        const JsToken& after = peek(1);
        if (after.kind == JsTok::punct && (after.text == "." || after.text == "(" || after.text == "["))
          return std::nullopt;
        ++m_i;
        return *it;
      }
    }
    return std::nullopt;
  }

  static std::string as_text(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    return v.dump();
  }

  Value expression_from(std::size_t start_index, Context context, const std::string& path) {
    m_i = start_index;
    Value v;
    v.kind = Value::expression;
    v.line = peek().line;
    v.source = skip_expression(context);
    (void)path;
    return v;
  }

  Value parse_value(const std::string& path, std::size_t depth, Context context) {
    if (depth > m_limits.max_depth) {
      stop_deep(peek().line);
      return Value{Value::undefined};
    }
    const std::size_t start = m_i;
    const JsToken& t = peek();
    Value v;
    v.line = t.line;
    if (is_punct(t, "{")) {
      v.value = parse_object(path, depth + 1);
    } else if (is_punct(t, "[")) {
      v.value = parse_array(path, depth + 1);
    } else if (t.kind == JsTok::string) {
      if (t.text.rfind("<!--#", 0) == 0) {
        note(t.line, path + ": nginx SSI directive not replaced by the server; value unknown");
        return expression_from(start, context, path);
      }
      // Concatenation: 'a' + 'b' + variable.
      if (is_punct(peek(1), "+")) {
        std::string text;
        while (true) {
          auto operand = concat_operand();
          if (!operand) return expression_from(start, context, path);
          text += as_text(*operand);
          if (!is_punct(peek(), "+")) break;
          ++m_i;
        }
        if (!value_ends_here(context)) return expression_from(start, context, path);
        v.value = text;
        return v;
      }
      v.value = t.text;
      ++m_i;
    } else if (t.kind == JsTok::number) {
      auto n = number_value(t.text);
      if (!n) return expression_from(start, context, path);
      v.value = *n;
      ++m_i;
    } else if (t.kind == JsTok::ident && (t.text == "true" || t.text == "false")) {
      v.value = t.text == "true";
      ++m_i;
    } else if (is_ident(t, "null")) {
      v.value = nullptr;
      ++m_i;
    } else if (is_ident(t, "undefined")) {
      v.kind = Value::undefined;
      ++m_i;
    } else if ((is_punct(t, "-") || is_punct(t, "+")) && peek(1).kind == JsTok::number) {
      auto n = number_value(peek(1).text);
      if (!n) return expression_from(start, context, path);
      if (t.text == "-") {
        if (n->is_number_integer())
          *n = -n->get<long long>();
        else
          *n = -n->get<double>();
      }
      v.value = *n;
      m_i += 2;
    } else if (is_punct(t, "!") && peek(1).kind == JsTok::number && (peek(1).text == "0" || peek(1).text == "1")) {
      v.value = peek(1).text == "0";  // minified booleans: !0 is true, !1 is false
      m_i += 2;
    } else {
      return expression_from(start, context, path);
    }
    if (!value_ends_here(context)) {
      // A literal followed by an operator: `16 / 9`, `'a'.split(',')`, `x || {}`.
      return expression_from(start, context, path);
    }
    return v;
  }

  void record(const std::string& path, Value& v) {
    if (v.kind == Value::expression) {
      m_doc.expressions[path] = JsExpression{v.line, v.source};
      note(v.line, path + ": expression not evaluated (" + v.source + ")");
    } else {
      m_doc.expressions.erase(path);
    }
    m_doc.lines[path] = v.line;
  }

  json parse_object(const std::string& path, std::size_t depth) {
    json object = json::object();
    ++m_i;  // {
    while (!at_end()) {
      const JsToken& t = peek();
      if (is_punct(t, "}")) {
        ++m_i;
        return object;
      }
      if (is_punct(t, ",")) {
        ++m_i;
        continue;
      }
      if (is_punct(t, "...")) {
        note(t.line, path + ": spread element skipped");
        ++m_i;
        skip_expression(Context::object);
        continue;
      }
      std::string key;
      if (t.kind == JsTok::ident || t.kind == JsTok::string) {
        key = t.text;
      } else if (t.kind == JsTok::number) {
        auto n = number_value(t.text);
        key = n ? as_text(*n) : t.text;
      } else {
        note(t.line, path + ": computed or unexpected key skipped");
        skip_expression(Context::object);
        if (is_punct(peek(), ":")) {
          ++m_i;
          skip_expression(Context::object);
        }
        continue;
      }
      const std::size_t key_line = t.line;
      ++m_i;
      const std::string child = path + "." + key;
      if (!is_punct(peek(), ":")) {
        // Shorthand property `{ a }`, method `a() {}` or accessor `get a() {}`.
        note(key_line, child + ": shorthand, method or accessor skipped");
        m_doc.expressions[child] = JsExpression{key_line, collapse(key + " " + skip_expression(Context::object))};
        continue;
      }
      ++m_i;  // :
      Value v = parse_value(child, depth, Context::object);
      record(child, v);
      if (v.kind == Value::literal) {
        object[key] = std::move(v.value);
        ++m_doc.literal_keys;
      }
      if (m_stopped) return object;
    }
    return object;
  }

  json parse_array(const std::string& path, std::size_t depth) {
    json array = json::array();
    ++m_i;  // [
    bool expect_element = true;
    while (!at_end()) {
      const JsToken& t = peek();
      if (is_punct(t, "]")) {
        ++m_i;
        return array;
      }
      if (is_punct(t, ",")) {
        if (expect_element) array.push_back(nullptr);  // a hole: [a,,b]
        expect_element = true;
        ++m_i;
        continue;
      }
      const std::string child = path + "[" + std::to_string(array.size()) + "]";
      Value v = parse_value(child, depth, Context::array);
      if (v.kind == Value::expression) record(child, v);
      array.push_back(v.kind == Value::literal ? std::move(v.value) : json(nullptr));
      expect_element = false;
      if (m_stopped) return array;
    }
    return array;
  }

  // Forgets the expressions recorded below path: a new value replaces them.
  // Called before the new value is read (which records its own).
  void forget_below(const std::string& path) {
    for (const char* sep : {".", "["}) {
      const std::string prefix = path + sep;
      for (auto it = m_doc.expressions.lower_bound(prefix);
           it != m_doc.expressions.end() && it->first.compare(0, prefix.size(), prefix) == 0;)
        it = m_doc.expressions.erase(it);
    }
  }

  // Assigns value at path segments below globals, creating objects on the way.
  void assign(const std::vector<std::string>& segments, Value& v, std::size_t line) {
    std::string path;
    json* node = &m_doc.globals;
    for (std::size_t k = 0; k < segments.size(); ++k) {
      path += (k ? "." : "") + segments[k];
      const bool last = k + 1 == segments.size();
      if (!node->is_object()) {
        note(line, path + ": parent is not an object; assignment skipped");
        return;
      }
      if (last) {
        record(path, v);
        if (v.kind == Value::literal)
          (*node)[segments[k]] = std::move(v.value);
        else
          node->erase(segments[k]);
        ++m_doc.assignments;
        return;
      }
      json& next = (*node)[segments[k]];
      if (next.is_null()) next = json::object();
      node = &next;
    }
  }

  // Skips a statement we do not read (`if` blocks, calls, functions).
  void skip_statement(const std::string& why) {
    const JsToken& first = peek();
    note(first.line, why);
    int depth = 0;
    bool block_closed = false;
    bool started = false;
    while (!at_end()) {
      const JsToken& t = peek();
      if (depth == 0 && started) {
        if (block_closed && !(is_ident(t, "else") || is_ident(t, "catch") || is_ident(t, "finally"))) return;
        if (t.newline_before && t.kind == JsTok::ident && !is_ident(t, "else") && !is_ident(t, "catch") &&
            !is_ident(t, "finally")) {
          const JsToken& prev = m_tokens[m_i - 1];
          if (prev.kind != JsTok::punct || prev.text == ")" || prev.text == "]" || prev.text == "}") return;
        }
      }
      started = true;
      block_closed = false;
      if (t.kind == JsTok::punct) {
        if (t.text == ";" && depth == 0) {
          ++m_i;
          return;
        }
        if (t.text == "(" || t.text == "[" || t.text == "{") ++depth;
        if (t.text == ")" || t.text == "]" || t.text == "}") {
          if (depth == 0) return;  // a closing bracket that is not ours
          --depth;
          if (depth == 0 && t.text == "}") block_closed = true;
        }
      }
      ++m_i;
    }
  }

  void statement() {
    const JsToken& t = peek();
    if (is_punct(t, ";")) {
      ++m_i;
      return;
    }
    if (t.kind == JsTok::ident && t.text == "export") {
      // ES module: `export default {...}` is stored as "default"; `export
      // const x = ...` is the declaration that follows.
      ++m_i;
      if (is_ident(peek(), "default")) {
        const std::size_t line = peek().line;
        ++m_i;
        forget_below("default");
        Value v = parse_value("default", 0, Context::statement);
        assign({"default"}, v, line);
        if (is_punct(peek(), ";")) ++m_i;
      }
      return;
    }
    if (t.kind == JsTok::ident && (t.text == "var" || t.text == "let" || t.text == "const")) {
      ++m_i;
      while (!at_end()) {
        const JsToken& name = peek();
        if (name.kind != JsTok::ident) {
          skip_statement("declaration not understood; skipped");
          return;
        }
        ++m_i;
        if (is_punct(peek(), "=")) {
          ++m_i;
          forget_below(name.text);
          Value v = parse_value(name.text, 0, Context::statement);
          assign({name.text}, v, name.line);
        }
        if (m_stopped) return;
        if (is_punct(peek(), ",")) {
          ++m_i;
          continue;
        }
        break;
      }
      if (is_punct(peek(), ";")) ++m_i;
      return;
    }
    if (t.kind == JsTok::ident &&
        (t.text == "if" || t.text == "for" || t.text == "while" || t.text == "do" || t.text == "switch" ||
         t.text == "try" || t.text == "function" || t.text == "class" || t.text == "return")) {
      skip_statement("`" + t.text + "` statement skipped (code is not evaluated)");
      return;
    }
    if (t.kind == JsTok::ident) {
      // A target: name(.name | ['key'] | [0])*
      std::vector<std::string> segments{t.text};
      const std::size_t line = t.line;
      std::size_t k = 1;
      bool ok = true;
      while (true) {
        const JsToken& a = peek(k);
        if (is_punct(a, ".") && peek(k + 1).kind == JsTok::ident) {
          segments.push_back(peek(k + 1).text);
          k += 2;
        } else if (is_punct(a, "[") && (peek(k + 1).kind == JsTok::string || peek(k + 1).kind == JsTok::number) &&
                   is_punct(peek(k + 2), "]")) {
          segments.push_back(peek(k + 1).text);
          k += 3;
        } else {
          break;
        }
      }
      const JsToken& op = peek(k);
      if (is_punct(op, "=") && ok) {
        if ((segments[0] == "window" || segments[0] == "globalThis" || segments[0] == "self") && segments.size() > 1)
          segments.erase(segments.begin());
        m_i += k + 1;
        std::string path;
        for (std::size_t s = 0; s < segments.size(); ++s) path += (s ? "." : "") + segments[s];
        forget_below(path);
        Value v = parse_value(path, 0, Context::statement);
        if (v.kind == Value::expression && (v.source == path + " || {}" || v.source == path + " || []")) {
          // The idiom `config.flags = config.flags || {};` keeps what is there.
          if (!m_doc.find(path)) {
            v.kind = Value::literal;
            v.value = v.source.back() == '}' ? json::object() : json::array();
            assign(segments, v, line);
          }
        } else {
          assign(segments, v, line);
        }
        if (is_punct(peek(), ";")) ++m_i;
        return;
      }
      skip_statement("statement skipped (only assignments are read)");
      return;
    }
    skip_statement("statement skipped (only assignments are read)");
  }

  std::string_view m_source;
  const JsReadLimits& m_limits;
  JsDocument& m_doc;
  std::vector<JsToken> m_tokens;
  std::size_t m_i = 0;
  bool m_stopped = false;
};

}  // namespace

JsDocument read_js_config(std::string_view source, const JsReadLimits& limits) {
  JsDocument doc;
  Reader reader(source, limits, doc);
  reader.read_program();
  return doc;
}

const json* JsDocument::find(std::string_view path) const {
  const json* node = &globals;
  std::size_t pos = 0;
  while (pos < path.size()) {
    std::size_t end = path.find_first_of(".[", pos);
    if (end == std::string_view::npos) end = path.size();
    if (end > pos) {
      if (!node->is_object()) return nullptr;
      auto it = node->find(std::string(path.substr(pos, end - pos)));
      if (it == node->end()) return nullptr;
      node = &*it;
    }
    if (end < path.size() && path[end] == '[') {
      std::size_t close = path.find(']', end);
      if (close == std::string_view::npos || !node->is_array()) return nullptr;
      std::size_t index = std::strtoul(std::string(path.substr(end + 1, close - end - 1)).c_str(), nullptr, 10);
      if (index >= node->size()) return nullptr;
      node = &(*node)[index];
      end = close + 1;
    }
    pos = end < path.size() && path[end] == '.' ? end + 1 : end;
  }
  return node;
}

std::size_t JsDocument::line_of(std::string_view path) const {
  auto it = lines.find(std::string(path));
  return it == lines.end() ? 0 : it->second;
}

}  // namespace privascore::assist
