#include "assist/policy_text.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "assist/html_scan.h"
#include "util/text.h"

namespace privascore::assist {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Appends visible text, collapsing whitespace; '\n' is a block boundary.
class TextBuilder {
 public:
  explicit TextBuilder(PolicyText& out) : m_out(out) {}
  void add(char c, std::size_t origin) {
    if (is_space(c)) {
      m_space = true;
      m_space_origin = origin;
      return;
    }
    if (m_space && !m_out.text.empty() && m_out.text.back() != '\n') push(' ', m_space_origin);
    m_space = false;
    push(c, origin);
  }
  void add_text(const std::string& decoded, std::size_t origin) {
    for (char c : decoded) add(c, origin);
  }
  void block(std::size_t origin) {
    m_space = false;
    if (!m_out.text.empty() && m_out.text.back() != '\n') push('\n', origin);
  }

 private:
  void push(char c, std::size_t origin) {
    m_out.text += c;
    m_out.origin.push_back(origin);
  }
  PolicyText& m_out;
  bool m_space = false;
  std::size_t m_space_origin = 0;
};

bool looks_like_html(std::string_view s) {
  std::size_t first = s.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string_view::npos && s[first] == '<') return true;
  std::string head(s.substr(0, 4096));
  head = lower(head);
  return head.find("<html") != std::string::npos || head.find("<body") != std::string::npos ||
         head.find("<p>") != std::string::npos || head.find("<div") != std::string::npos;
}

constexpr std::array<std::string_view, 43> k_block_tags = {
    "p",       "div",     "br",     "li",     "ul",    "ol",         "h1",      "h2",      "h3",
    "h4",      "h5",      "h6",     "tr",     "td",    "th",         "table",   "section", "article",
    "header",  "footer",  "nav",    "main",   "aside", "form",       "address", "figure",  "figcaption",
    "details", "summary", "dd",     "dt",     "dl",    "blockquote", "pre",     "hr",      "title",
    "body",    "html",    "option", "button", "label", "caption",    "center"};

// Elements whose content is not visible text.
constexpr std::array<std::string_view, 7> k_skip_tags = {"script", "style", "noscript", "template",
                                                         "svg",    "head",  "iframe"};

void extract_html(std::string_view s, PolicyText& out) {
  TextBuilder b(out);
  std::size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '<') {
      if (s.substr(i, 4) == "<!--") {
        std::size_t end = s.find("-->", i + 4);
        i = end == std::string_view::npos ? s.size() : end + 3;
        continue;
      }
      std::size_t gt = s.find('>', i + 1);
      if (gt == std::string_view::npos) break;
      std::string_view tag = s.substr(i + 1, gt - i - 1);
      const bool closing = !tag.empty() && tag[0] == '/';
      std::size_t name_start = closing ? 1 : 0;
      std::size_t name_end = name_start;
      while (name_end < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[name_end])) || tag[name_end] == '-'))
        ++name_end;
      const std::string name = lower(tag.substr(name_start, name_end - name_start));
      if (name.empty() && !closing && (tag.empty() || (tag[0] != '!' && tag[0] != '?'))) {
        // A lone '<' in text ("a < b"): keep it.
        b.add('<', i);
        ++i;
        continue;
      }
      i = gt + 1;
      if (!closing && std::find(k_skip_tags.begin(), k_skip_tags.end(), name) != k_skip_tags.end() &&
          tag.back() != '/') {
        // Skip to the matching close tag (case-insensitive).
        const std::string close = "</" + name;
        std::size_t j = i;
        while (true) {
          j = s.find("</", j);
          if (j == std::string_view::npos) break;
          if (lower(s.substr(j, close.size())) == close) break;
          j += 2;
        }
        if (j == std::string_view::npos) {
          i = s.size();
        } else {
          std::size_t end = s.find('>', j);
          i = end == std::string_view::npos ? s.size() : end + 1;
        }
        b.block(i);
        continue;
      }
      if (std::find(k_block_tags.begin(), k_block_tags.end(), name) != k_block_tags.end()) b.block(i);
      continue;
    }
    if (c == '&') {
      std::size_t semi = s.find(';', i + 1);
      if (semi != std::string_view::npos && semi - i <= 12) {
        std::string decoded = decode_entities(s.substr(i, semi - i + 1));
        if (decoded != s.substr(i, semi - i + 1)) {
          if (decoded == "\xC2\xA0") decoded = " ";  // no-break space
          if (decoded == "\xC2\xAD") decoded = "";   // soft hyphen
          b.add_text(decoded, i);
          i = semi + 1;
          continue;
        }
      }
    }
    b.add(c, i);
    ++i;
  }
}

bool is_upper_start_source(std::string_view t, std::size_t i) {
  if (i >= t.size()) return false;
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && i + 1 < t.size()) {
    unsigned char d = static_cast<unsigned char>(t[i + 1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

void extract_plain(std::string_view s, PolicyText& out) {
  TextBuilder b(out);
  std::size_t i = 0;
  bool line_start = true;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\n') {
      // A blank line, or a next line that starts a list item, ends a block.
      std::size_t j = i + 1;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
      const bool blank = j < s.size() && s[j] == '\n';
      const bool bullet = j + 1 < s.size() && (s[j] == '-' || s[j] == '*' || s.substr(j, 3) == "\xE2\x80\xA2") &&
                          (s[j + 1] == ' ' || s.substr(j, 3) == "\xE2\x80\xA2");
      const bool numbered = j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) && j + 2 < s.size() &&
                            (s[j + 1] == '.' || s[j + 1] == ')') && s[j + 2] == ' ';
      // A short line without closing punctuation followed by a capital is a heading.
      std::size_t line_begin = s.rfind('\n', i == 0 ? 0 : i - 1);
      line_begin = line_begin == std::string_view::npos || i == 0 ? 0 : line_begin + 1;
      std::size_t last = i;
      while (last > line_begin && (s[last - 1] == ' ' || s[last - 1] == '\r' || s[last - 1] == '\t')) --last;
      const bool heading = last > line_begin && last - line_begin <= 60 &&
                           std::string_view(".,;:!?-").find(s[last - 1]) == std::string_view::npos && j < s.size() &&
                           is_upper_start_source(s, j);
      if (blank || bullet || numbered || heading || j >= s.size())
        b.block(i);
      else
        b.add(' ', i);
      line_start = true;
      ++i;
      continue;
    }
    if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // no-break space
      b.add(' ', i);
      i += 2;
      continue;
    }
    (void)line_start;
    line_start = false;
    b.add(c, i);
    ++i;
  }
}

bool is_upper_start(std::string_view t, std::size_t i) {
  if (i >= t.size()) return false;
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c >= 'A' && c <= 'Z') return true;
  // Latin-1 capitals (À..Þ, except ×) in UTF-8: C3 80..9E.
  if (c == 0xC3 && i + 1 < t.size()) {
    unsigned char d = static_cast<unsigned char>(t[i + 1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

// Words after which a period does not end a sentence (compared lower case).
bool is_abbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 48> k_words = {
      "z",    "b",    "d",   "h",   "u",     "a",    "bzw",  "ca",  "vgl",  "ggf", "evtl", "inkl",
      "insb", "sog",  "art", "abs", "nr",    "lit",  "s",    "str", "tel",  "dr",  "prof", "mr",
      "mrs",  "ms",   "inc", "ltd", "co",    "corp", "e.g",  "i.e", "z.b",  "d.h", "u.a",  "no",
      "vs",   "bspw", "gem", "i.s", "i.s.d", "ff",   "zzgl", "sec", "para", "jan", "feb",  "dez"};
  std::string w = lower(word);
  if (w.size() == 1) return true;  // initials and single-letter abbreviations
  // Dotted abbreviations ending in a single letter: "U.S", "EU-U.S", "e.g".
  std::size_t last = w.find_last_of(".-");
  if (last != std::string::npos && w.size() - last == 2 && w.find('.') != std::string::npos) return true;
  return std::find(k_words.begin(), k_words.end(), w) != k_words.end();
}

}  // namespace

PolicyText extract_text(std::string_view source) {
  PolicyText out;
  out.html = looks_like_html(source);
  out.text.reserve(source.size());
  out.origin.reserve(source.size());
  if (out.html)
    extract_html(source, out);
  else
    extract_plain(source, out);
  return out;
}

std::vector<Sentence> split_sentences(const PolicyText& pt, std::string_view source, std::size_t max_bytes) {
  const std::string& t = pt.text;
  // Line starts of the source, for offset -> line.
  std::vector<std::size_t> line_starts{0};
  for (std::size_t i = 0; i < source.size(); ++i)
    if (source[i] == '\n') line_starts.push_back(i + 1);
  auto line_of = [&](std::size_t offset) {
    return static_cast<std::size_t>(std::upper_bound(line_starts.begin(), line_starts.end(), offset) -
                                    line_starts.begin());
  };
  std::vector<Sentence> out;
  auto emit = [&](std::size_t begin, std::size_t end) {
    while (begin < end && (t[begin] == ' ' || t[begin] == '\n')) ++begin;
    while (end > begin && (t[end - 1] == ' ' || t[end - 1] == '\n')) --end;
    if (end <= begin) return;
    while (end - begin > max_bytes) {
      std::size_t cut = t.rfind(' ', begin + max_bytes);
      if (cut == std::string::npos || cut <= begin) cut = begin + max_bytes;
      // Do not cut inside a UTF-8 sequence.
      while (cut > begin && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
      Sentence s{begin, cut, pt.origin[begin], line_of(pt.origin[begin])};
      out.push_back(s);
      begin = cut;
      while (begin < end && t[begin] == ' ') ++begin;
    }
    if (end > begin) out.push_back(Sentence{begin, end, pt.origin[begin], line_of(pt.origin[begin])});
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == '\n') {
      emit(start, i);
      start = i + 1;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    // Closing quotes or brackets may follow the terminator.
    std::size_t j = i + 1;
    while (j < t.size() && (t[j] == '"' || t[j] == '\'' || t[j] == ')' || t[j] == ']')) ++j;
    if (j < t.size() && t.compare(j, 3, "\xE2\x80\x9C") == 0) j += 3;  // ”
    if (j >= t.size() || t[j] != ' ') continue;
    std::size_t k = j + 1;
    if (k < t.size() && (t[k] == '"' || t[k] == '(')) ++k;
    if (k + 2 < t.size() && (t.compare(k, 3, "\xE2\x80\x9E") == 0 || t.compare(k, 3, "\xE2\x80\x9C") == 0)) k += 3;
    if (!is_upper_start(t, k)) continue;
    if (c == '.') {
      std::size_t w = i;
      while (w > start && t[w - 1] != ' ' && t[w - 1] != '(' && t[w - 1] != '\n') --w;
      if (is_abbreviation(std::string_view(t).substr(w, i - w))) continue;
    }
    emit(start, j);
    start = j;
  }
  emit(start, t.size());
  return out;
}

}  // namespace privascore::assist
