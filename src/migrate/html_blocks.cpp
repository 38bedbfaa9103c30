#include "migrate/html_blocks.h"

#include <algorithm>
#include <cctype>

#include "assist/html_scan.h"

namespace privascore::migrate {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/// The offset of the '>' that ends the tag opened at `at`, quotes respected;
/// npos when the tag is not terminated.
std::size_t tag_end(std::string_view html, std::size_t at) {
  char quote = 0;
  for (std::size_t i = at + 1; i < html.size(); ++i) {
    const char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i;
    }
  }
  return std::string_view::npos;
}

/// The lowercase name of the tag at `at` ('<' at `at`), without a leading
/// '/'; "" when `at` does not start a tag.
std::string tag_name(std::string_view html, std::size_t at) {
  std::size_t i = at + 1;
  if (i < html.size() && html[i] == '/') ++i;
  std::string name;
  while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-')) {
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i])));
    ++i;
  }
  return name;
}

bool is_void(std::string_view name) {
  static constexpr std::string_view k_void[] = {"area",  "base", "br",   "col",    "embed", "hr", "img",
                                                "input", "link", "meta", "source", "track", "wbr"};
  return std::find(std::begin(k_void), std::end(k_void), name) != std::end(k_void);
}

/// Where the element named `name`, whose opening tag ends at `open_end`,
/// closes: the offset of its "</name" and of the '>' after it. Nested
/// elements of the same name are counted. npos when it never closes.
std::pair<std::size_t, std::size_t> find_close(std::string_view html, std::size_t open_end, const std::string& name) {
  int depth = 1;
  std::size_t i = open_end + 1;
  while (i < html.size()) {
    const std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) break;
    if (html.compare(lt, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const std::size_t end = tag_end(html, lt);
    if (end == std::string_view::npos) break;
    if (tag_name(html, lt) == name && html[end - 1] != '/') {
      if (html[lt + 1] == '/') {
        if (--depth == 0) return {lt, end};
      } else {
        ++depth;
      }
    }
    i = end + 1;
  }
  return {std::string_view::npos, std::string_view::npos};
}

std::string attribute(std::string_view attributes, std::string_view name) {
  std::size_t i = 0;
  while (i < attributes.size()) {
    while (i < attributes.size() && (is_space(attributes[i]) || attributes[i] == '/')) ++i;
    const std::size_t start = i;
    while (i < attributes.size() && !is_space(attributes[i]) && attributes[i] != '=' && attributes[i] != '/') ++i;
    std::string key(attributes.substr(start, i - start));
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string value;
    if (i < attributes.size() && attributes[i] == '=') {
      ++i;
      if (i < attributes.size() && (attributes[i] == '"' || attributes[i] == '\'')) {
        const char quote = attributes[i++];
        const std::size_t close = attributes.find(quote, i);
        const std::size_t stop = close == std::string_view::npos ? attributes.size() : close;
        value = attributes.substr(i, stop - i);
        i = stop + 1;
      } else {
        const std::size_t begin = i;
        while (i < attributes.size() && !is_space(attributes[i])) ++i;
        value = attributes.substr(begin, i - begin);
      }
    }
    if (key == name) return assist::decode_entities(value);
    if (start == i) ++i;
  }
  return {};
}

std::string at_offset(std::string_view field, std::size_t offset) {
  return std::string(field) + " at offset " + std::to_string(offset);
}

}  // namespace

Result<std::vector<HtmlBlock>> split_blocks(std::string_view body, std::string_view field) {
  std::vector<HtmlBlock> blocks;
  std::size_t i = 0;
  while (i < body.size()) {
    if (is_space(body[i])) {
      ++i;
      continue;
    }
    if (body.compare(i, 4, "<!--") == 0) {
      const std::size_t end = body.find("-->", i + 4);
      if (end == std::string_view::npos) {
        return fail(at_offset(field, i) + ": the comment `<!--` is never closed",
                    "the page body must be the HTML WordPress serves; close it with `-->`");
      }
      i = end + 3;
      continue;
    }
    const std::string name = body[i] == '<' ? tag_name(body, i) : std::string();
    if (name.empty() || body[i + 1] == '/') {
      // Text outside any element (or a stray closing tag): kept as a block of
      // its own so that the summary lists it.
      std::size_t next = body.find('<', i + 1);
      if (next == std::string_view::npos) next = body.size();
      HtmlBlock text;
      text.tag = "#text";
      text.inner = body.substr(i, next - i);
      text.offset = i;
      text.inner_offset = i;
      if (name.empty()) {
        blocks.push_back(std::move(text));
        i = next;
        continue;
      }
      const std::size_t end = tag_end(body, i);
      return fail(at_offset(field, i) + ": `</" + name + ">` closes no open element",
                  end == std::string_view::npos ? "" : "remove it or add the opening <" + name + ">");
    }
    const std::size_t open_end = tag_end(body, i);
    if (open_end == std::string_view::npos) {
      return fail(at_offset(field, i) + ": the tag <" + name + " is never terminated by `>`",
                  "the page body must be the HTML WordPress serves; is the file cut off?");
    }
    HtmlBlock block;
    block.tag = name;
    block.offset = i;
    const std::size_t attr_begin = i + 1 + name.size();
    std::size_t attr_end = open_end;
    if (attr_end > attr_begin && body[attr_end - 1] == '/') --attr_end;
    block.attributes = attr_end > attr_begin ? std::string(body.substr(attr_begin, attr_end - attr_begin)) : "";
    block.id = attribute(block.attributes, "id");
    if (is_void(name) || body[open_end - 1] == '/') {
      block.inner_offset = open_end + 1;
      blocks.push_back(std::move(block));
      i = open_end + 1;
      continue;
    }
    const auto [close, close_end] = find_close(body, open_end, name);
    if (close == std::string_view::npos) {
      return fail(at_offset(field, i) + ": <" + name + "> is never closed",
                  "add </" + name + "> after its content; is the file cut off?");
    }
    block.inner_offset = open_end + 1;
    block.inner = body.substr(open_end + 1, close - open_end - 1);
    blocks.push_back(std::move(block));
    i = close_end + 1;
  }
  return blocks;
}

std::string html_text(std::string_view fragment) {
  // Tags out, <br> and block boundaries as '\n', raw line breaks as spaces;
  // entities are decoded once the tags are gone.
  std::string raw;
  std::size_t i = 0;
  while (i < fragment.size()) {
    const char c = fragment[i];
    if (c != '<') {
      raw += is_space(c) ? ' ' : c;
      ++i;
      continue;
    }
    if (fragment.compare(i, 4, "<!--") == 0) {
      const std::size_t end = fragment.find("-->", i + 4);
      i = end == std::string_view::npos ? fragment.size() : end + 3;
      continue;
    }
    const std::string name = tag_name(fragment, i);
    const std::size_t end = tag_end(fragment, i);
    if (name.empty() || end == std::string_view::npos) {  // a lone '<' is text
      raw += c;
      ++i;
      continue;
    }
    const bool closing = fragment[i + 1] == '/';
    if (!closing && (name == "script" || name == "style" || name == "svg" || name == "button" || name == "template")) {
      const auto [close, close_end] = find_close(fragment, end, name);
      i = close == std::string_view::npos ? fragment.size() : close_end + 1;
      continue;
    }
    static constexpr std::string_view k_blocks[] = {"br", "p",  "div", "li",         "h1", "h2",        "h3",
                                                    "h4", "h5", "h6",  "figcaption", "tr", "blockquote"};
    if (std::find(std::begin(k_blocks), std::end(k_blocks), name) != std::end(k_blocks)) raw += '\n';
    i = end + 1;
  }
  const std::string decoded = assist::decode_entities(raw);
  // Collapse white space per line (a no-break space counts as a space).
  std::string out;
  std::string line;
  bool pending_space = false;
  auto flush_line = [&]() {
    if (!line.empty()) {
      if (!out.empty()) out += '\n';
      out += line;
    }
    line.clear();
    pending_space = false;
  };
  for (std::size_t k = 0; k < decoded.size(); ++k) {
    const char ch = decoded[k];
    if (ch == '\n') {
      flush_line();
      continue;
    }
    const bool nbsp = static_cast<unsigned char>(ch) == 0xC2 && k + 1 < decoded.size() &&
                      static_cast<unsigned char>(decoded[k + 1]) == 0xA0;
    if (is_space(ch) || nbsp) {
      if (nbsp) ++k;
      pending_space = !line.empty();
      continue;
    }
    if (pending_space) line += ' ';
    pending_space = false;
    line += ch;
  }
  flush_line();
  return out;
}

LeadingStrong leading_strong(std::string_view fragment) {
  std::size_t i = 0;
  while (i < fragment.size() && is_space(fragment[i])) ++i;
  if (i >= fragment.size() || fragment[i] != '<') return {};
  const std::string name = tag_name(fragment, i);
  if ((name != "strong" && name != "b") || fragment[i + 1] == '/') return {};
  const std::size_t open_end = tag_end(fragment, i);
  if (open_end == std::string_view::npos) return {};
  const auto [close, close_end] = find_close(fragment, open_end, name);
  if (close == std::string_view::npos) return {};
  return {html_text(fragment.substr(open_end + 1, close - open_end - 1)), close_end + 1};
}

std::string shorten(std::string_view fragment, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  bool space = false;
  for (std::size_t i = 0; i < fragment.size(); ++i) {
    const char c = fragment[i];
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    const bool starts_code_point = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (starts_code_point) {
      if (chars + (space ? 1 : 0) >= max_chars) return out + "…";
      if (space) {
        out += ' ';
        ++chars;
      }
      ++chars;
    }
    space = false;
    out += c;
  }
  return out;
}

}  // namespace privascore::migrate
