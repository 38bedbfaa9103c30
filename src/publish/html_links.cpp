#include "publish/html_links.h"

#include <algorithm>
#include <cctype>

#include "publish/svg.h"
#include "util/text.h"

namespace privascore::publish {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Decodes the character references our templates produce (&amp; &lt; &gt;
// &quot; &#39; &#NN; &#xNN;); others are kept as written.
std::string decode_entities(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    std::string rep;
    if (name == "amp")
      rep = "&";
    else if (name == "lt")
      rep = "<";
    else if (name == "gt")
      rep = ">";
    else if (name == "quot")
      rep = "\"";
    else if (name == "apos")
      rep = "'";
    else if (name.size() > 1 && name[0] == '#') {
      long code = 0;
      if (name[1] == 'x' || name[1] == 'X')
        code = std::strtol(std::string(name.substr(2)).c_str(), nullptr, 16);
      else
        code = std::strtol(std::string(name.substr(1)).c_str(), nullptr, 10);
      if (code > 0 && code < 128) rep = std::string(1, static_cast<char>(code));
    }
    if (rep.empty()) {
      out += s[i];
      continue;
    }
    out += rep;
    i = semi;
  }
  return out;
}

struct Attribute {
  std::string name;         // lowercase
  std::size_t value_begin;  // offsets of the raw value in the document
  std::size_t value_end;
  bool has_value;
};

struct Tag {
  std::string name;  // lowercase; "" for a closing or special tag
  std::vector<Attribute> attributes;
  std::size_t end;  // offset after '>'
};

// Reads the tag starting at html[pos] == '<'.
Tag read_tag(std::string_view html, std::size_t pos) {
  Tag tag;
  std::size_t i = pos + 1;
  if (i < html.size() && (html[i] == '/' || html[i] == '!' || html[i] == '?')) {
    const std::size_t close = html.find('>', i);
    tag.end = close == std::string_view::npos ? html.size() : close + 1;
    return tag;
  }
  const std::size_t name_begin = i;
  while (i < html.size() && !is_space(html[i]) && html[i] != '>' && html[i] != '/') ++i;
  tag.name = lower(html.substr(name_begin, i - name_begin));
  while (i < html.size()) {
    while (i < html.size() && (is_space(html[i]) || html[i] == '/')) ++i;
    if (i >= html.size() || html[i] == '>') break;
    const std::size_t an = i;
    while (i < html.size() && !is_space(html[i]) && html[i] != '=' && html[i] != '>' && html[i] != '/') ++i;
    Attribute a{lower(html.substr(an, i - an)), 0, 0, false};
    while (i < html.size() && is_space(html[i])) ++i;
    if (i < html.size() && html[i] == '=') {
      ++i;
      while (i < html.size() && is_space(html[i])) ++i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        const char q = html[i++];
        a.value_begin = i;
        while (i < html.size() && html[i] != q) ++i;
        a.value_end = i;
        if (i < html.size()) ++i;
      } else {
        a.value_begin = i;
        while (i < html.size() && !is_space(html[i]) && html[i] != '>') ++i;
        a.value_end = i;
      }
      a.has_value = true;
    }
    tag.attributes.push_back(std::move(a));
  }
  tag.end = i < html.size() ? i + 1 : html.size();
  return tag;
}

bool is_link_attribute(const std::string& name) {
  return name == "href" || name == "src" || name == "srcset" || name == "action" || name == "poster";
}

// One link occurrence: where its raw text is, and what it says.
struct Occurrence {
  std::size_t begin;
  std::size_t end;
  LinkRef ref;
};

// The URLs of a srcset value ("a.png 1x, b.png 2x") with their offsets
// relative to the value.
std::vector<std::pair<std::size_t, std::size_t>> srcset_urls(std::string_view value) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && (is_space(value[i]) || value[i] == ',')) ++i;
    const std::size_t b = i;
    while (i < value.size() && !is_space(value[i])) ++i;
    std::size_t e = i;
    if (e > b && value[e - 1] == ',') --e;
    if (e > b) out.emplace_back(b, e);
    while (i < value.size() && value[i] != ',') ++i;
  }
  return out;
}

std::vector<Occurrence> scan_html(std::string_view html) {
  std::vector<Occurrence> out;
  std::size_t i = 0;
  while (i < html.size()) {
    const std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) break;
    if (html.substr(lt, 4) == "<!--") {
      const std::size_t end = html.find("-->", lt + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    Tag tag = read_tag(html, lt);
    i = tag.end;
    if (tag.name.empty()) continue;
    std::string rel;
    for (const auto& a : tag.attributes)
      if (a.name == "rel" && a.has_value) rel = lower(html.substr(a.value_begin, a.value_end - a.value_begin));
    for (const auto& a : tag.attributes) {
      if (!a.has_value || !is_link_attribute(a.name)) continue;
      const std::string_view raw = html.substr(a.value_begin, a.value_end - a.value_begin);
      if (a.name == "srcset") {
        for (auto [b, e] : srcset_urls(raw)) {
          out.push_back({a.value_begin + b, a.value_begin + e,
                         LinkRef{tag.name, a.name, rel, decode_entities(raw.substr(b, e - b))}});
        }
      } else {
        out.push_back({a.value_begin, a.value_end, LinkRef{tag.name, a.name, rel, decode_entities(raw)}});
      }
    }
    if (tag.name == "script" || tag.name == "style") {
      const std::string close = "</" + tag.name;
      std::size_t end = i;
      while (true) {
        end = html.find('<', end);
        if (end == std::string_view::npos || lower(html.substr(end, close.size())) == close) break;
        ++end;
      }
      i = end == std::string_view::npos ? html.size() : end;
    }
  }
  return out;
}

std::vector<Occurrence> scan_css(std::string_view css) {
  std::vector<Occurrence> out;
  std::size_t i = 0;
  while (true) {
    const std::size_t at = css.find("url(", i);
    if (at == std::string_view::npos) break;
    std::size_t b = at + 4;
    while (b < css.size() && is_space(css[b])) ++b;
    char quote = 0;
    if (b < css.size() && (css[b] == '"' || css[b] == '\'')) quote = css[b++];
    std::size_t e = b;
    while (e < css.size() && (quote ? css[e] != quote : css[e] != ')' && !is_space(css[e]))) ++e;
    out.push_back({b, e, LinkRef{"", "url", "", std::string(css.substr(b, e - b))}});
    i = e;
  }
  return out;
}

std::string rewrite(std::string_view text, const std::vector<Occurrence>& occurrences,
                    const std::function<std::string(const LinkRef&)>& fn, bool escape) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  for (const auto& o : occurrences) {
    out.append(text.substr(pos, o.begin - pos));
    const std::string replaced = fn(o.ref);
    if (replaced == o.ref.value)
      out.append(text.substr(o.begin, o.end - o.begin));
    else
      out += escape ? xml_escape(replaced) : replaced;
    pos = o.end;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace

std::vector<LinkRef> html_links(std::string_view html) {
  std::vector<LinkRef> out;
  for (auto& o : scan_html(html)) out.push_back(std::move(o.ref));
  return out;
}

std::vector<LinkRef> css_links(std::string_view css) {
  std::vector<LinkRef> out;
  for (auto& o : scan_css(css)) out.push_back(std::move(o.ref));
  return out;
}

std::string rewrite_html_links(std::string_view html, const std::function<std::string(const LinkRef&)>& fn) {
  return rewrite(html, scan_html(html), fn, true);
}

std::string rewrite_css_links(std::string_view css, const std::function<std::string(const LinkRef&)>& fn) {
  return rewrite(css, scan_css(css), fn, false);
}

UrlParts split_url(std::string_view url) {
  UrlParts parts;
  const std::size_t hash = url.find('#');
  if (hash != std::string_view::npos) {
    parts.fragment = std::string(url.substr(hash));
    url = url.substr(0, hash);
  }
  const std::size_t q = url.find('?');
  if (q != std::string_view::npos) {
    parts.query = std::string(url.substr(q));
    url = url.substr(0, q);
  }
  parts.path = std::string(url);
  return parts;
}

std::string resolve_path(std::string_view base, std::string_view reference) {
  if (reference.substr(0, 2) == "//") return {};
  for (std::size_t i = 0; i < reference.size(); ++i) {
    const char c = reference[i];
    if (c == ':') return {};  // a scheme ("https:", "mailto:", "data:")
    if (c == '/' || c == '?' || c == '#') break;
  }
  const UrlParts ref = split_url(reference);
  std::string path;
  if (ref.path.empty()) {
    path = split_url(base).path;
  } else if (ref.path[0] == '/') {
    path = ref.path;
  } else {
    std::string dir = split_url(base).path;
    dir = dir.substr(0, dir.rfind('/') + 1);
    path = dir + ref.path;
  }
  // Remove dot segments.
  std::vector<std::string> segments;
  std::size_t start = 1;
  const bool trailing = !path.empty() && (path.back() == '/' || path.ends_with("/.") || path.ends_with("/.."));
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    const std::string seg = path.substr(start, slash - start);
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (seg != "." && !seg.empty()) {
      segments.push_back(seg);
    }
    start = slash + 1;
  }
  std::string out;
  for (const auto& s : segments) out += "/" + s;
  if (out.empty() || trailing) out += "/";
  return out + ref.query + ref.fragment;
}

std::string relative_reference(std::string_view from_file, std::string_view to_file) {
  std::vector<std::string_view> from, to;
  auto split = [](std::string_view s, std::vector<std::string_view>& out) {
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t slash = s.find('/', start);
      if (slash == std::string_view::npos) slash = s.size();
      out.push_back(s.substr(start, slash - start));
      start = slash + 1;
    }
  };
  split(from_file, from);
  split(to_file, to);
  from.pop_back();  // the file name: only its directory counts
  std::size_t common = 0;
  while (common < from.size() && common + 1 < to.size() && from[common] == to[common]) ++common;
  std::string out;
  for (std::size_t i = common; i < from.size(); ++i) out += "../";
  for (std::size_t i = common; i < to.size(); ++i) {
    out += to[i];
    if (i + 1 < to.size()) out += "/";
  }
  return out.empty() ? "./" : out;
}

}  // namespace privascore::publish
