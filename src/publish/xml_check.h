// A small XML reader for tests: checks that generated SVG and Atom are
// well-formed (one root, properly nested and closed tags, quoted
// attributes, known entities) and gives the element tree to inspect.
// Not a validating parser; DOCTYPEs are rejected. Header-only, test use.
#pragma once

#include <cctype>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace privascore::publish::testing {

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::vector<std::unique_ptr<XmlElement>> children;
  std::string text;  // character data directly inside, entities decoded

  /// Children named name, in order.
  std::vector<const XmlElement*> all(std::string_view child) const {
    std::vector<const XmlElement*> out;
    for (const auto& c : children)
      if (c->name == child) out.push_back(c.get());
    return out;
  }
  const XmlElement* first(std::string_view child) const {
    for (const auto& c : children)
      if (c->name == child) return c.get();
    return nullptr;
  }
  /// Every descendant named name, depth first.
  void find_all(std::string_view want, std::vector<const XmlElement*>& out) const {
    for (const auto& c : children) {
      if (c->name == want) out.push_back(c.get());
      c->find_all(want, out);
    }
  }
};

/// Parses document; on failure returns nullptr and sets *error to what and
/// where (byte offset).
inline std::unique_ptr<XmlElement> parse_xml(std::string_view doc, std::string* error) {
  std::size_t i = 0;
  auto fail = [&](const std::string& what) {
    *error = what + " at byte " + std::to_string(i);
    return nullptr;
  };
  auto is_name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == ':' || c == '-' || c == '_' || c == '.' ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  auto decode = [&](std::string_view raw, std::string& out) -> bool {
    for (std::size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] == '<') return false;
      if (raw[k] != '&') {
        out += raw[k];
        continue;
      }
      const std::size_t semi = raw.find(';', k);
      if (semi == std::string_view::npos) return false;
      const std::string_view name = raw.substr(k + 1, semi - k - 1);
      if (name == "amp")
        out += '&';
      else if (name == "lt")
        out += '<';
      else if (name == "gt")
        out += '>';
      else if (name == "quot")
        out += '"';
      else if (name == "apos")
        out += '\'';
      else if (name.size() > 1 && name[0] == '#')
        out += '?';  // numeric: accepted
      else
        return false;
      k = semi;
    }
    return true;
  };
  auto skip_space = [&] {
    while (i < doc.size() && std::isspace(static_cast<unsigned char>(doc[i]))) ++i;
  };
  if (doc.substr(0, 5) == "<?xml") {
    const std::size_t end = doc.find("?>");
    if (end == std::string_view::npos) return fail("unclosed XML declaration");
    i = end + 2;
  }
  std::unique_ptr<XmlElement> root;
  std::vector<XmlElement*> stack;
  while (i < doc.size()) {
    if (doc[i] != '<') {
      const std::size_t lt = doc.find('<', i);
      const std::string_view raw = doc.substr(i, lt == std::string_view::npos ? doc.size() - i : lt - i);
      std::string text;
      if (!decode(raw, text)) return fail("bad character data or entity");
      if (stack.empty()) {
        for (char c : text)
          if (!std::isspace(static_cast<unsigned char>(c))) return fail("text outside the root element");
      } else {
        stack.back()->text += text;
      }
      i = lt == std::string_view::npos ? doc.size() : lt;
      continue;
    }
    if (doc.substr(i, 4) == "<!--") {
      const std::size_t end = doc.find("-->", i);
      if (end == std::string_view::npos) return fail("unclosed comment");
      i = end + 3;
      continue;
    }
    if (doc.substr(i, 2) == "<!") return fail("DOCTYPE or CDATA not supported");
    if (doc.substr(i, 2) == "</") {
      i += 2;
      const std::size_t b = i;
      while (i < doc.size() && is_name_char(doc[i])) ++i;
      const std::string name(doc.substr(b, i - b));
      skip_space();
      if (i >= doc.size() || doc[i] != '>') return fail("bad closing tag");
      ++i;
      if (stack.empty() || stack.back()->name != name) return fail("closing tag </" + name + "> does not match");
      stack.pop_back();
      continue;
    }
    ++i;
    const std::size_t b = i;
    while (i < doc.size() && is_name_char(doc[i])) ++i;
    if (i == b) return fail("missing element name");
    auto element = std::make_unique<XmlElement>();
    element->name = std::string(doc.substr(b, i - b));
    bool self_closing = false;
    while (true) {
      skip_space();
      if (i >= doc.size()) return fail("unclosed tag");
      if (doc[i] == '>') {
        ++i;
        break;
      }
      if (doc.substr(i, 2) == "/>") {
        i += 2;
        self_closing = true;
        break;
      }
      const std::size_t ab = i;
      while (i < doc.size() && is_name_char(doc[i])) ++i;
      if (i == ab) return fail("bad attribute name");
      const std::string attr(doc.substr(ab, i - ab));
      skip_space();
      if (i >= doc.size() || doc[i] != '=') return fail("attribute without value");
      ++i;
      skip_space();
      if (i >= doc.size() || (doc[i] != '"' && doc[i] != '\'')) return fail("unquoted attribute");
      const char q = doc[i++];
      const std::size_t end = doc.find(q, i);
      if (end == std::string_view::npos) return fail("unclosed attribute");
      std::string value;
      if (!decode(doc.substr(i, end - i), value)) return fail("bad attribute value");
      if (!element->attributes.emplace(attr, value).second) return fail("duplicate attribute " + attr);
      i = end + 1;
    }
    XmlElement* raw = element.get();
    if (stack.empty()) {
      if (root) return fail("second root element");
      root = std::move(element);
    } else {
      stack.back()->children.push_back(std::move(element));
    }
    if (!self_closing) stack.push_back(raw);
  }
  if (!root) return fail("no root element");
  if (!stack.empty()) return fail("unclosed element <" + stack.back()->name + ">");
  return root;
}

}  // namespace privascore::publish::testing
