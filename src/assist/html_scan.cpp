#include "assist/html_scan.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "assist/js_tokenizer.h"
#include "util/text.h"

namespace privascore::assist {

namespace {

std::string collapse_space(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Attributes of a start tag: name (lower case) -> decoded value.
std::map<std::string, std::string> attributes(std::string_view tag) {
  std::map<std::string, std::string> out;
  std::size_t i = 0;
  while (i < tag.size() && !std::isspace(static_cast<unsigned char>(tag[i]))) ++i;  // tag name
  while (i < tag.size()) {
    while (i < tag.size() && (std::isspace(static_cast<unsigned char>(tag[i])) || tag[i] == '/')) ++i;
    std::size_t start = i;
    while (i < tag.size() && !std::isspace(static_cast<unsigned char>(tag[i])) && tag[i] != '=' && tag[i] != '/') ++i;
    std::string name = lower(tag.substr(start, i - start));
    while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
    std::string value;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
      if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
        char q = tag[i++];
        std::size_t end = tag.find(q, i);
        if (end == std::string_view::npos) end = tag.size();
        value = std::string(tag.substr(i, end - i));
        i = end + 1;
      } else {
        std::size_t vs = i;
        while (i < tag.size() && !std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
        value = std::string(tag.substr(vs, i - vs));
      }
    }
    if (!name.empty()) out.emplace(name, decode_entities(value));
    if (start == i) ++i;
  }
  return out;
}

}  // namespace

std::string decode_entities(std::string_view text) {
  static const std::map<std::string, unsigned long, std::less<>> k_named = {
      {"amp", '&'},      {"lt", '<'},        {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
      {"nbsp", 0xA0},    {"auml", 0xE4},     {"ouml", 0xF6},    {"uuml", 0xFC},    {"Auml", 0xC4},
      {"Ouml", 0xD6},    {"Uuml", 0xDC},     {"szlig", 0xDF},   {"eacute", 0xE9},  {"egrave", 0xE8},
      {"agrave", 0xE0},  {"ccedil", 0xE7},   {"euro", 0x20AC},  {"sect", 0xA7},    {"para", 0xB6},
      {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122}, {"shy", 0xAD},     {"ndash", 0x2013},
      {"mdash", 0x2014}, {"hellip", 0x2026}, {"laquo", 0xAB},   {"raquo", 0xBB},   {"bdquo", 0x201E},
      {"ldquo", 0x201C}, {"rdquo", 0x201D},  {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
      {"middot", 0xB7},  {"bull", 0x2022},   {"deg", 0xB0},     {"times", 0xD7},   {"zwnj", 0x200C},
      {"zwj", 0x200D},   {"thinsp", 0x2009}, {"ensp", 0x2002},  {"emsp", 0x2003},  {"iexcl", 0xA1},
      {"iquest", 0xBF},  {"oacute", 0xF3},   {"aacute", 0xE1},  {"iacute", 0xED},  {"uacute", 0xFA},
      {"ntilde", 0xF1},  {"Eacute", 0xC9},
  };
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '&') {
      out += text[i++];
      continue;
    }
    std::size_t semi = text.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 12) {
      out += text[i++];
      continue;
    }
    std::string_view name = text.substr(i + 1, semi - i - 1);
    if (!name.empty() && name[0] == '#') {
      unsigned long cp = 0;
      bool ok = name.size() > 1;
      if (ok && (name[1] == 'x' || name[1] == 'X')) {
        ok = name.size() > 2;
        for (std::size_t k = 2; k < name.size() && ok; ++k) {
          ok = std::isxdigit(static_cast<unsigned char>(name[k]));
          cp = cp * 16 +
               static_cast<unsigned long>(std::isdigit(static_cast<unsigned char>(name[k]))
                                              ? name[k] - '0'
                                              : (std::tolower(static_cast<unsigned char>(name[k])) - 'a' + 10));
        }
      } else {
        for (std::size_t k = 1; k < name.size() && ok; ++k) {
          ok = std::isdigit(static_cast<unsigned char>(name[k]));
          cp = cp * 10 + static_cast<unsigned long>(name[k] - '0');
          if (cp > 0x10FFFF) ok = false;
        }
      }
      if (ok) {
        append_utf8(out, cp == 0 ? 0xFFFD : cp);
        i = semi + 1;
        continue;
      }
    } else if (auto it = k_named.find(name); it != k_named.end()) {
      append_utf8(out, it->second);
      i = semi + 1;
      continue;
    }
    out += text[i++];
  }
  return out;
}

HtmlScan scan_html(std::string_view html) {
  HtmlScan scan;
  std::size_t line = 1;
  std::size_t counted = 0;
  auto line_at = [&](std::size_t pos) {
    line += static_cast<std::size_t>(
        std::count(html.begin() + static_cast<long>(counted), html.begin() + static_cast<long>(pos), '\n'));
    counted = pos;
    return line;
  };
  std::size_t i = 0;
  HtmlLink* open_link = nullptr;
  std::size_t link_text_start = 0;
  while (i < html.size()) {
    std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) break;
    if (html.substr(lt, 4) == "<!--") {
      std::size_t end = html.find("-->", lt + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    std::size_t gt = html.find('>', lt + 1);
    if (gt == std::string_view::npos) break;
    std::string_view tag = html.substr(lt + 1, gt - lt - 1);
    std::size_t name_end = 0;
    while (name_end < tag.size() && !std::isspace(static_cast<unsigned char>(tag[name_end])) && tag[name_end] != '/')
      ++name_end;
    bool closing = !tag.empty() && tag[0] == '/';
    std::string name = lower(closing ? tag.substr(1, tag.find_first_of(" \t\r\n>", 1) - 1) : tag.substr(0, name_end));
    const std::size_t tag_line = line_at(lt);
    i = gt + 1;
    if (closing) {
      if (name == "a" && open_link) {
        std::string inner(html.substr(link_text_start, lt - link_text_start));
        std::string text;
        bool in_tag = false;
        for (char c : inner) {
          if (c == '<')
            in_tag = true;
          else if (c == '>') {
            in_tag = false;
            text += ' ';
          } else if (!in_tag)
            text += c;
        }
        open_link->text = collapse_space(decode_entities(text));
        open_link = nullptr;
      }
      continue;
    }
    if (name == "script" || name == "style") {
      auto attrs = attributes(tag);
      if (name == "script" && attrs.count("src")) scan.resources.push_back({"script", attrs["src"], tag_line});
      std::string close = "</" + name;
      std::size_t end = i;
      while (true) {
        end = html.find('<', end);
        if (end == std::string_view::npos || lower(html.substr(end, close.size())) == close) break;
        ++end;
      }
      i = end == std::string_view::npos ? html.size() : end;
      continue;
    }
    if (name == "title") {
      std::size_t end = html.find('<', i);
      scan.title = collapse_space(decode_entities(html.substr(i, end == std::string_view::npos ? 0 : end - i)));
      continue;
    }
    auto attrs = attributes(tag);
    if (name == "a" && attrs.count("href")) {
      scan.links.push_back({attrs["href"], "", tag_line});
      open_link = &scan.links.back();
      link_text_start = i;
    } else if (name == "link" && attrs.count("href")) {
      scan.resources.push_back({"link " + lower(attrs["rel"]), attrs["href"], tag_line});
    } else if ((name == "img" || name == "iframe" || name == "source" || name == "embed" || name == "video" ||
                name == "audio") &&
               attrs.count("src")) {
      scan.resources.push_back({name, attrs["src"], tag_line});
    } else if (name == "meta" && lower(attrs["name"]) == "generator") {
      scan.generator = attrs["content"];
    }
    if (scan.links.size() > 5000 || scan.resources.size() > 5000) break;
  }
  return scan;
}

bool loaded_by_browser(const HtmlResource& r) {
  if (r.tag.rfind("link", 0) != 0) return true;
  for (const char* rel : {"stylesheet", "preload", "icon", "preconnect", "prefetch", "modulepreload", "manifest"})
    if (r.tag.find(rel) != std::string::npos) return true;
  return false;
}

LinkKind classify_link(const HtmlLink& link) {
  const std::string text = lower(link.text);
  const std::string href = lower(link.href);
  auto has = [](const std::string& s, std::initializer_list<const char*> words) {
    return std::any_of(words.begin(), words.end(), [&](const char* w) { return s.find(w) != std::string::npos; });
  };
  if (href.rfind("javascript:", 0) == 0 || href.rfind("mailto:", 0) == 0) return LinkKind::none;
  if (has(text, {"impressum", "imprint", "legal notice", "mentions l"}) ||
      has(href, {"impressum", "imprint", "legal-notice", "legalnotice"}))
    return LinkKind::imprint;
  if (has(text, {"datenschutz", "privacy", "data protection", "privatsph"}) ||
      has(href, {"datenschutz", "privacy", "data-protection", "dataprotection"}))
    return LinkKind::privacy;
  if (has(text, {"nutzungsbedingungen", "terms", "agb"}) || has(href, {"terms", "nutzungsbedingungen", "/agb"}))
    return LinkKind::terms;
  return LinkKind::none;
}

}  // namespace privascore::assist
