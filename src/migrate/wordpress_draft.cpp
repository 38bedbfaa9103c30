#include "migrate/wordpress_draft.h"

#include <algorithm>
#include <map>
#include <regex>

#include "migrate/html_blocks.h"
#include "util/text.h"

namespace privascore::migrate {

namespace {

constexpr std::size_t k_fragment_chars = 90;
constexpr const char* k_field = "content.rendered";

std::string trim(std::string s) {
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string quoted(const std::string& text) {
  return "\"" + shorten(text, 80) + "\"";
}

/// A lowercase id from a name: "Video conferencing services" →
/// "video-conferencing-services"; German letters transliterated, any other
/// character a '-'. "" when no valid id results.
std::string id_from_name(std::string_view name) {
  static const std::pair<std::string_view, std::string_view> k_letters[] = {
      {"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"Ä", "ae"}, {"Ö", "oe"}, {"Ü", "ue"}, {"ß", "ss"}};
  std::string id;
  for (std::size_t i = 0; i < name.size();) {
    const char c = name[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      id += c;
      ++i;
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      id += static_cast<char>(c - 'A' + 'a');
      ++i;
      continue;
    }
    bool done = false;
    for (const auto& [letter, ascii] : k_letters) {
      if (name.substr(i, letter.size()) == letter) {
        id += ascii;
        i += letter.size();
        done = true;
        break;
      }
    }
    if (done) continue;
    if (!id.empty() && id.back() != '-') id += '-';
    ++i;
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.size() > 64) id.resize(64);
  while (!id.empty() && id.back() == '-') id.pop_back();
  return is_valid_id(id) ? id : std::string();
}

/// The category's name in a page title: "PRIVA SCORE: Video conferencing
/// services (Update: October 29, 2024)" → "Video conferencing services".
std::string name_from_title(const std::string& title) {
  std::string name = title;
  static const std::regex k_prefix(R"(^\s*PRIVA[ -]?SCORE\s*[:\-–]\s*)", std::regex::icase);
  name = std::regex_replace(name, k_prefix, "");
  static const std::regex k_suffix(R"(\s*\([^()]*\)\s*$)");
  name = std::regex_replace(name, k_suffix, "");
  return trim(name);
}

int month_number(const std::string& name) {
  static const std::map<std::string, int> k_months = {
      {"january", 1},   {"february", 2},  {"march", 3},  {"april", 4},     {"may", 5},
      {"june", 6},      {"july", 7},      {"august", 8}, {"september", 9}, {"october", 10},
      {"november", 11}, {"december", 12}, {"januar", 1}, {"februar", 2},   {"märz", 3},
      {"mai", 5},       {"juni", 6},      {"juli", 7},   {"oktober", 10},  {"dezember", 12}};
  auto it = k_months.find(lower(name));
  return it == k_months.end() ? 0 : it->second;
}

std::optional<Date> make_date(int year, int month, int day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return Date::parse(buffer);
}

/// A date in a title or slug: "October 29, 2024", "29. Oktober 2024",
/// "29.10.2024", "2024-10-29", and in a slug "29-10-2024".
std::optional<std::pair<Date, std::string>> date_in(const std::string& text, bool slug) {
  std::smatch m;
  static const std::regex k_english(R"(([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4}))");
  static const std::regex k_german(R"((\d{1,2})\.\s*([A-Za-zä]+)\s+(\d{4}))");
  static const std::regex k_numeric(R"((\d{1,2})\.(\d{1,2})\.(\d{4}))");
  static const std::regex k_iso(R"((\d{4})-(\d{2})-(\d{2}))");
  static const std::regex k_slug(R"((\d{1,2})-(\d{1,2})-(\d{4}))");
  if (!slug) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), k_english); it != std::sregex_iterator(); ++it) {
      if (int month = month_number((*it)[1])) {
        if (auto d = make_date(std::stoi((*it)[3]), month, std::stoi((*it)[2]))) return std::pair{*d, it->str()};
      }
    }
    for (auto it = std::sregex_iterator(text.begin(), text.end(), k_german); it != std::sregex_iterator(); ++it) {
      if (int month = month_number((*it)[2])) {
        if (auto d = make_date(std::stoi((*it)[3]), month, std::stoi((*it)[1]))) return std::pair{*d, it->str()};
      }
    }
    if (std::regex_search(text, m, k_numeric)) {
      if (auto d = make_date(std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1]))) return std::pair{*d, m.str()};
    }
  }
  if (std::regex_search(text, m, k_iso)) {
    if (auto d = make_date(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]))) return std::pair{*d, m.str()};
  }
  if (slug && std::regex_search(text, m, k_slug)) {
    if (auto d = make_date(std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1]))) return std::pair{*d, m.str()};
  }
  return std::nullopt;
}

/// Where the stated maximum is: "maximum of 270 points", "maximal 270
/// Punkte", "out of a possible 270", "von maximal 270", "270 Punkte maximal".
std::vector<std::pair<int, std::string>> maxima_in(const std::string& text) {
  static const std::regex k_patterns[] = {
      std::regex(R"(maxim(?:um|al|ale|alen)\s+(?:of\s+|von\s+)?(\d+)\s+(?:points|punkte|punkten))", std::regex::icase),
      std::regex(R"((\d+)\s+(?:points|punkte)\s+(?:maximum|maximal))", std::regex::icase),
      std::regex(R"(out\s+of\s+(?:a\s+)?(?:possible|maximum(?:\s+of)?)\s+(\d+))", std::regex::icase),
      std::regex(R"(von\s+(?:maximal|möglichen|max\.)\s+(\d+))", std::regex::icase),
      std::regex(R"(höchstpunktzahl\s+(?:von|ist|beträgt|liegt\s+bei)?\s*(\d+))", std::regex::icase),
  };
  std::vector<std::pair<int, std::string>> out;
  for (const auto& pattern : k_patterns) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it) {
      const std::string digits = (*it)[1];
      if (digits.size() <= 6) out.emplace_back(std::stoi(digits), it->str());
    }
  }
  return out;
}

/// "Summary: text" → {"summary", "text"}: a short label before a colon.
std::pair<std::string, std::string> labelled(const std::string& text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string::npos || colon > 40) return {};
  return {lower(trim(text.substr(0, colon))), trim(text.substr(colon + 1))};
}

bool is_label(const std::string& label, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return label == n; });
}

/// What one page says.
struct PageFacts {
  Lang lang = Lang::de;
  std::string summary;
  std::string summary_where;
  std::vector<std::pair<std::string, std::string>> notes;  // text, where
  std::vector<DraftFeature> features;                      // one language filled in
  std::map<std::string, std::string> feature_where;
  std::vector<std::tuple<int, std::string, std::string>> maxima;  // value, phrase, where
  std::vector<Unmapped> not_mapped;
  int empty_paragraphs = 0;
};

std::string where(Lang lang, std::size_t offset) {
  return std::string(lang_code(lang)) + " " + k_field + " offset " + std::to_string(offset);
}

void set(Text& text, Lang lang, std::string value) {
  (lang == Lang::de ? text.de : text.en) = std::move(value);
}

Result<PageFacts> read_page(const WordPressPage& page) {
  PageFacts facts;
  facts.lang = page.lang;
  auto blocks = split_blocks(page.content, k_field);
  if (!blocks) return fail(page.file + ": " + blocks.error().message, blocks.error().hint);
  for (const HtmlBlock& block : *blocks) {
    const std::string at = where(page.lang, block.offset);
    const std::string whole = page.content.substr(block.offset, block.inner_offset + block.inner.size() - block.offset);
    const std::string fragment = shorten(whole, k_fragment_chars);
    const std::string text = html_text(block.inner);
    auto unmapped = [&](std::string why) { facts.not_mapped.push_back({at, fragment, std::move(why)}); };
    const auto maxima = maxima_in(text);
    for (const auto& [value, phrase] : maxima) facts.maxima.emplace_back(value, phrase, at);
    const std::string maximum_part =
        maxima.empty() ? ""
                       : "; only the stated maximum (" + std::to_string(maxima.front().first) + ") is taken from it";

    if (block.tag == "p") {
      if (text.empty()) {
        if (block.id.empty()) {
          ++facts.empty_paragraphs;
        } else {
          unmapped("an empty paragraph with the anchor #" + block.id + ": no name and no text to take");
        }
        continue;
      }
      if (!block.id.empty()) {
        const LeadingStrong strong = leading_strong(block.inner);
        std::string name = trim(strong.text);
        std::string explanation =
            strong.end == std::string_view::npos ? "" : html_text(std::string_view(block.inner).substr(strong.end));
        bool colon = false;
        if (!name.empty() && name.back() == ':') {
          name = trim(name.substr(0, name.size() - 1));
          colon = true;
        } else if (!explanation.empty() && explanation.front() == ':') {
          explanation = trim(explanation.substr(1));
          colon = true;
        }
        if (strong.end == std::string_view::npos || !colon || name.empty() || explanation.empty()) {
          unmapped("a paragraph with the anchor #" + block.id +
                   " that is not a feature explanation (<p id=\"…\"><strong>Name</strong>: text)" + maximum_part);
          continue;
        }
        if (facts.feature_where.count(block.id)) {
          unmapped("a second paragraph with the anchor #" + block.id + " (the first, at " +
                   facts.feature_where[block.id] + ", is the feature)");
          continue;
        }
        DraftFeature feature;
        feature.anchor = block.id;
        set(feature.name, page.lang, name);
        set(feature.explanation, page.lang, explanation);
        facts.features.push_back(std::move(feature));
        facts.feature_where[block.id] = at;
        continue;
      }
      const auto [label, rest] = labelled(text);
      if (is_label(label, {"summary", "zusammenfassung"}) && !rest.empty() && facts.summary.empty()) {
        facts.summary = rest;
        facts.summary_where = at;
        continue;
      }
      if (is_label(label, {"update", "updates", "aktualisierung"}) && !rest.empty()) {
        facts.notes.emplace_back(rest, at);
        continue;
      }
      unmapped("prose: the data format has no field for it" + maximum_part);
      continue;
    }
    if (block.tag.size() == 2 && block.tag[0] == 'h' && block.tag[1] >= '1' && block.tag[1] <= '6') {
      unmapped("a heading" + (block.id.empty() ? std::string() : " with the anchor #" + block.id) +
               ": the site writes its own headings");
      continue;
    }
    if (block.tag == "figure" || block.tag == "img") {
      static const std::regex k_src(R"(src\s*=\s*"([^"]*)\")");
      std::smatch m;
      const std::string img = std::regex_search(whole, m, k_src) ? " " + m[1].str() : "";
      unmapped("an image" + img +
               ": what it shows (on these pages the ranked results: services, points, colours) is not text, so "
               "no service and no rating is taken from it");
      continue;
    }
    if (block.tag == "div" && block.attributes.find("wp-block-spacer") != std::string::npos) {
      unmapped("layout (a spacer): nothing to take");
      continue;
    }
    if (block.tag == "#text") {
      unmapped("text outside any element" + maximum_part);
      continue;
    }
    unmapped("a <" + block.tag + "> block: the data format has no field for it" + maximum_part);
  }
  if (facts.features.empty()) {
    return fail(page.file + ": " + k_field + " has no feature paragraph (<p id=\"ANCHOR\"><strong>Name</strong>: " +
                    "text</p>), so there is nothing to propose",
                "give the page of a PRIVA SCORE category, whose \"explanation of data protection features\" "
                "has one such paragraph per feature");
  }
  return facts;
}

}  // namespace

Result<Draft> propose_draft(const std::vector<WordPressPage>& pages, const DraftOptions& options) {
  if (pages.empty() || pages.size() > 2) {
    return fail("give one page, or a German and an English page of the same edition",
                "privascore import-wordpress DE.json --en EN.json");
  }
  if (pages.size() == 2 && pages[0].lang == pages[1].lang) {
    return fail(pages[0].file + " and " + pages[1].file + " are both " + lang_code(pages[0].lang) + " (" +
                    pages[0].lang_from + "; " + pages[1].lang_from + ")",
                "combine a German and an English page of the same edition");
  }
  // German first: it is the original, and its order of features leads.
  std::vector<const WordPressPage*> ordered;
  for (const auto& p : pages) ordered.push_back(&p);
  std::sort(ordered.begin(), ordered.end(),
            [](const WordPressPage* a, const WordPressPage* b) { return a->lang < b->lang; });

  Draft draft;
  std::vector<PageFacts> facts;
  for (const WordPressPage* page : ordered) {
    auto f = read_page(*page);
    if (!f) return tl::unexpected(f.error());
    facts.push_back(std::move(*f));
    draft.pages.push_back(std::string(lang_code(page->lang)) + ": " + page->file +
                          (page->id ? " (WordPress page " + std::to_string(page->id) + ")" : std::string()) +
                          "; language from " + page->lang_from);
  }

  // Title and name.
  for (const WordPressPage* page : ordered) {
    const char* code = lang_code(page->lang);
    set(draft.title, page->lang, page->title);
    draft.mapped.push_back(std::string("title (") + code + "): " + quoted(page->title) + " (title.rendered)");
    const std::string name = name_from_title(page->title);
    if (!name.empty()) {
      set(draft.name, page->lang, name);
      draft.mapped.push_back(std::string("category name (") + code + "): " + quoted(name) + " (the title without " +
                             "\"PRIVA SCORE:\" and its parenthesis)");
    }
  }
  draft.source = ordered.front()->link;

  // Date: the title, then the slug, then the publication date.
  std::optional<std::pair<Date, std::string>> date;
  for (const WordPressPage* page : ordered) {
    std::optional<std::pair<Date, std::string>> found;
    if (auto d = date_in(page->title, false)) {
      found = std::pair{d->first, "the " + std::string(lang_code(page->lang)) + " title: \"" + d->second + "\""};
    } else if (auto s = date_in(page->slug, true)) {
      found = std::pair{s->first, "the " + std::string(lang_code(page->lang)) + " slug: \"" + s->second + "\""};
    } else if (auto p = Date::parse(page->date.substr(0, 10)); p && page->date.size() >= 10) {
      found = std::pair{*p, "the " + std::string(lang_code(page->lang)) +
                                " page's publication date (`date`; neither its title nor its slug names a date)"};
    }
    if (!found) continue;
    if (date && !(date->first == found->first)) {
      return fail("the pages name different dates: " + date->first.to_string() + " (" + date->second + ") and " +
                      found->first.to_string() + " (" + found->second + ")",
                  "combine the German and the English page of the same edition");
    }
    if (!date) date = found;
  }
  if (date) {
    draft.date = date->first;
    draft.mapped.push_back("date: " + draft.date.to_string() + " (" + date->second + ")");
  } else {
    draft.missing.push_back("the edition's date: neither the title, the slug nor `date` names one");
  }

  // Category id.
  if (!options.category.empty()) {
    draft.category = options.category;
    draft.mapped.push_back("category id: " + draft.category + " (--category)");
  } else {
    draft.category = id_from_name(!draft.name.en.empty() ? draft.name.en : draft.name.de);
    if (draft.category.empty()) {
      return fail(
          "cannot derive a category id from the name " + quoted(!draft.name.en.empty() ? draft.name.en : draft.name.de),
          "pass one with --category, e.g. --category video-conferencing");
    }
    draft.mapped.push_back("category id: " + draft.category + " (from the " +
                           (draft.name.en.empty() ? "German" : "English") + " name; choose another with --category)");
  }

  // Summary and notes.
  for (const PageFacts& f : facts) {
    if (f.summary.empty()) continue;
    set(draft.summary, f.lang, f.summary);
    draft.mapped.push_back(std::string("summary (") + lang_code(f.lang) + "): " + quoted(f.summary) + " (" +
                           f.summary_where + ")");
  }
  std::size_t notes = 0;
  for (const PageFacts& f : facts) notes = std::max(notes, f.notes.size());
  draft.notes.resize(notes);
  for (const PageFacts& f : facts) {
    for (std::size_t i = 0; i < f.notes.size(); ++i) {
      set(draft.notes[i], f.lang, f.notes[i].first);
      draft.mapped.push_back("note " + std::to_string(i + 1) + " (" + lang_code(f.lang) +
                             "): " + quoted(f.notes[i].first) + " (" + f.notes[i].second + ")");
    }
  }

  // Features, matched by anchor; the German order leads.
  for (const PageFacts& f : facts) {
    for (const DraftFeature& feature : f.features) {
      auto it = std::find_if(draft.features.begin(), draft.features.end(),
                             [&](const DraftFeature& d) { return d.anchor == feature.anchor; });
      if (it == draft.features.end()) {
        DraftFeature added = feature;
        added.id = is_valid_id(feature.anchor) ? feature.anchor : id_from_name(feature.name.get(f.lang));
        draft.features.push_back(std::move(added));
        it = draft.features.end() - 1;
      } else {
        set(it->name, f.lang, feature.name.get(f.lang));
        set(it->explanation, f.lang, feature.explanation.get(f.lang));
      }
    }
  }
  for (const DraftFeature& feature : draft.features) {
    std::string line = "feature " + feature.id + ": anchor #" + feature.anchor;
    for (const PageFacts& f : facts) {
      auto w = f.feature_where.find(feature.anchor);
      if (w == f.feature_where.end()) continue;
      line += std::string(", ") + lang_code(f.lang) + " " + quoted(feature.name.get(f.lang)) + " (" + w->second + ")";
    }
    if (feature.id != feature.anchor) line += "; id from the name (the anchor is not a valid id)";
    draft.mapped.push_back(line);
  }
  if (facts.size() == 2) {
    for (const DraftFeature& feature : draft.features) {
      for (const PageFacts& f : facts) {
        if (!f.feature_where.count(feature.anchor)) {
          draft.missing.push_back(std::string(f.lang == Lang::de ? "German" : "English") + " name and explanation of " +
                                  "feature " + feature.id + ": the " + lang_code(f.lang) + " page has no #" +
                                  feature.anchor);
        }
      }
    }
  }

  // The stated maximum: every statement on every page must agree.
  std::vector<std::tuple<int, std::string, std::string>> maxima;
  for (const PageFacts& f : facts) maxima.insert(maxima.end(), f.maxima.begin(), f.maxima.end());
  if (!maxima.empty()) {
    const int first = std::get<0>(maxima.front());
    const bool agree =
        std::all_of(maxima.begin(), maxima.end(), [&](const auto& m) { return std::get<0>(m) == first; });
    if (agree) {
      draft.maximum = first;
      std::string line = "maximum: " + std::to_string(first) + " (";
      for (std::size_t i = 0; i < maxima.size(); ++i) {
        line += (i ? "; " : "") + quoted(std::get<1>(maxima[i])) + " at " + std::get<2>(maxima[i]);
      }
      draft.mapped.push_back(line + ")");
    } else {
      std::string values;
      for (const auto& [value, phrase, at] : maxima) {
        values += (values.empty() ? "" : "; ") + std::to_string(value) + " (" + quoted(phrase) + " at " + at + ")";
      }
      draft.missing.push_back("the maximum: the pages state different ones: " + values);
    }
  } else {
    draft.missing.push_back("the maximum: no page states one (\"maximum of N points\", \"maximal N Punkte\")");
  }

  for (PageFacts& f : facts) {
    draft.not_mapped.insert(draft.not_mapped.end(), f.not_mapped.begin(), f.not_mapped.end());
    draft.empty_paragraphs += f.empty_paragraphs;
  }
  const bool german = !draft.title.de.empty();
  const bool english = !draft.title.en.empty();
  if (!german || !english) {
    draft.missing.push_back(german
                                ? "every English text: only the German page was given (add the English one with --en)"
                                : "every German text: only the English page was given (give the German one as "
                                  "FILE and this one with --en)");
  }
  if (draft.summary.empty()) draft.missing.push_back("the edition's summary: no paragraph starts with \"Summary:\"");
  draft.missing.push_back("the weight of each feature, the level scale and the class bounds: only in the image");
  for (const DraftService& service : options.services) {
    if (!is_valid_id(service.id)) {
      return fail("the service id `" + service.id + "` is not an id", id_hint(service.id));
    }
    if (std::any_of(draft.services.begin(), draft.services.end(),
                    [&](const DraftService& s) { return s.id == service.id; })) {
      return fail("the service `" + service.id + "` is given twice", "give each service once");
    }
    draft.services.push_back(service);
    draft.mapped.push_back("service " + service.id + ": " + quoted(service.name) +
                           " (--service; every rating unknown, unverified)");
  }
  if (draft.services.empty()) {
    draft.missing.push_back(
        "the services and every rating: only in the image (name them with --service ID=NAME, "
        "or add services/<id>.toml for each, every rating unknown and unverified)");
  } else {
    draft.missing.push_back(
        "each service's vendor and website, and every rating: the ratings are only in the "
        "image, so each is unknown and unverified");
  }
  draft.missing.push_back("the methodology's summary, slug, weights_provenance and provenance_note");
  return draft;
}

namespace {

/// `key = { de = "…", en = "…" }`, with a TODO comment for a missing
/// language so that `privascore check` names the key.
std::string text_line(const std::string& key, const Text& text) {
  std::string line = key + " = {";
  std::string sep = " ";
  if (!text.de.empty()) {
    line += sep + "de = " + toml_string(text.de);
    sep = ", ";
  }
  if (!text.en.empty()) line += sep + "en = " + toml_string(text.en);
  line += " }";
  if (text.de.empty()) line += "  # TODO de: the German page was not given";
  if (text.en.empty()) line += "  # TODO en: the English page was not given";
  return line + "\n";
}

std::string header(const Draft& draft, const char* what) {
  std::string out = std::string("# DRAFT of the ") + what + ", proposed by `privascore import-wordpress` from:\n";
  for (const auto& page : draft.pages) out += "#   " + page + "\n";
  out +=
      "# Not data yet: what the page does not say is missing, each at a `# TODO`\n"
      "# line. `privascore check --data DIR` lists every gap; fill them in, remove\n"
      "# this header, and import it.\n";
  return out;
}

}  // namespace

std::vector<TomlFile> draft_files(const Draft& draft) {
  const std::string date = draft.date.year ? draft.date.to_string() : "YYYY-MM-DD";
  std::string m = header(draft, "methodology");
  if (draft.maximum) {
    m += "# The page states a maximum of " + std::to_string(*draft.maximum) +
         " points: the level scale and the weights\n# must give it (`privascore score` computes the maximum).\n";
  }
  m += "\ncategory = " + toml_string(draft.category) + "\n";
  m += "version = 1\n";
  if (draft.date.year) {
    m += "effective = " + date +
         "  # TODO check: the edition's date; the page does not say when the method took effect\n";
  } else {
    m += "# TODO effective = YYYY-MM-DD: the page names no date\n";
  }
  m += text_line("name", draft.name);
  m += "# TODO summary = { de = \"…\", en = \"…\" }: the category's summary; the page has none\n";
  m += "# TODO slug = { de = \"…\", en = \"…\" }: the URL segment per language\n";
  m +=
      "# TODO weights_provenance = \"published\", \"derived\" or \"reconstructed\": the weights are only in an image\n";
  m += "# TODO provenance_note = { de = \"…\", en = \"…\" }: what is known and what is reconstructed\n";
  m += "\n# TODO [[level]]: the level scale, best first (id, points, colour, symbol, label);\n"
       "# the page shows the levels only as colours in an image.\n";
  for (const DraftFeature& f : draft.features) {
    m += "\n[[feature]]\n";
    m += "id = " + toml_string(f.id) + "\n";
    m += "anchor = " + toml_string(f.anchor) + "\n";
    m += "# TODO weight = N: not on the page\n";
    m += text_line("name", f.name);
    m += text_line("explanation", f.explanation);
  }
  m += "\n# TODO [[class]]: the classes, best first, with their point bounds; not on the page.\n";

  std::string e = header(draft, "edition");
  e += "\ncategory = " + toml_string(draft.category) + "\n";
  if (draft.date.year) {
    e += "date = " + date + "\n";
  } else {
    e += "# TODO date = YYYY-MM-DD: the page names no date\n";
  }
  e += "methodology = 1\n";
  e += text_line("title", draft.title);
  if (!draft.summary.empty()) {
    e += text_line("summary", draft.summary);
  } else {
    e += "# TODO summary = { de = \"…\", en = \"…\" }: no paragraph starts with \"Summary:\"\n";
  }
  if (!draft.source.empty()) e += "source = " + toml_string(draft.source) + "\n";
  if (draft.services.empty()) {
    e += "# TODO services: the ranked services are only in an image; list their ids and add\n"
         "# services/<id>.toml for each (every rating level = \"unknown\", status = \"unverified\"\n"
         "# until it is checked).\n";
    e += "# services = [\"…\"]\n";
  } else {
    e += "services = [";
    for (std::size_t i = 0; i < draft.services.size(); ++i) {
      e += (i ? ", " : "") + toml_string(draft.services[i].id);
    }
    e += "]\n";
  }
  for (const Text& note : draft.notes) {
    e += "\n[[note]]\n";
    e += "kind = \"other\"  # TODO check: the page does not say which kind (joined, left, reassessment, correction, "
         "methodology)\n";
    e += text_line("text", note);
    e += "# TODO reason = { de = \"…\", en = \"…\" }: the page gives no reason\n";
  }
  std::vector<TomlFile> files = {{draft.category + "/methodology/v1.toml", m},
                                 {draft.category + "/editions/" + date + "/edition.toml", e}};
  for (const DraftService& service : draft.services) {
    std::string a = header(draft, "assessment");
    a += "\nid = " + toml_string(service.id) + "\n";
    a += "name = " + toml_string(service.name) + "\n";
    a += "# TODO vendor = \"…\": not on the page\n";
    a += "# TODO website = \"https://…\": not on the page\n";
    for (const DraftFeature& f : draft.features) {
      a += "\n[[rating]]\n";
      a += "feature = " + toml_string(f.id) + "\n";
      a += "level = \"unknown\"\n";
      a += "status = \"unverified\"\n";
      a += "justification = { de = \"Noch nicht bewertet: die alte Seite zeigt die Bewertungen nur als Bild.\", "
           "en = \"Not assessed yet: the old page shows the ratings only in an image.\" }\n";
    }
    files.push_back({draft.category + "/editions/" + date + "/services/" + service.id + ".toml", a});
  }
  return files;
}

std::string draft_summary(const Draft& draft) {
  std::string out = "Draft of category " + draft.category + " from:\n";
  for (const auto& page : draft.pages) out += "  " + page + "\n";
  out += "mapped:\n";
  for (const auto& line : draft.mapped) out += "  " + line + "\n";
  out += "not mapped:\n";
  for (const auto& u : draft.not_mapped) out += "  " + u.where + ": " + u.fragment + "\n    why: " + u.why + "\n";
  if (draft.empty_paragraphs) {
    out += "  " + std::to_string(draft.empty_paragraphs) +
           " empty paragraph(s) <p></p> without an anchor: nothing to take\n";
  }
  out += "not on the page (a # TODO in the files):\n";
  for (const auto& m : draft.missing) out += "  " + m + "\n";
  return out;
}

}  // namespace privascore::migrate
