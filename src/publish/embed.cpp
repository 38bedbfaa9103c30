#include "publish/embed.h"

#include <set>

#include "publish/graphic.h"
#include "publish/phrases.h"
#include "publish/svg.h"
#include "render/messages.h"

namespace privascore::publish {

namespace {

// A CSS class name for a colour: "k-1a7f37".
std::string colour_class(const std::string& colour) {
  std::string name = "k-";
  for (char c : colour)
    if (c != '#') name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

bool is_hex_colour(const std::string& colour) {
  if (colour.size() != 7 || colour[0] != '#') return false;
  for (std::size_t i = 1; i < 7; ++i)
    if (!std::isxdigit(static_cast<unsigned char>(colour[i]))) return false;
  return true;
}

}  // namespace

std::string embed_html(const Category& category, const EditionScore& score, Lang lang, const SiteLinks& links) {
  const Methodology& m = *score.methodology;
  const Edition& e = *score.edition;
  const std::string name = m.name.get(lang);
  std::string h = "<!DOCTYPE html>\n<html lang=\"" + std::string(lang_code(lang)) + "\">\n<head>\n";
  h += "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<meta name=\"robots\" content=\"noindex\">\n";
  h += "<title>PRIVA SCORE: " + xml_escape(name) + "</title>\n";
  h += "<link rel=\"stylesheet\" href=\"" + xml_escape(links.absolute(k_embed_css_path)) + "\">\n</head>\n<body>\n";
  h += "<table>\n<caption><strong>PRIVA SCORE: " + xml_escape(name) + "</strong> <span>" +
       xml_escape(tr(lang, "publish_edition_of", {{"date", long_date(e.date, lang)}})) + "</span></caption>\n";
  h += "<thead><tr><th scope=\"col\">" + xml_escape(tr(lang, "publish_rank")) + "</th><th scope=\"col\">" +
       xml_escape(tr(lang, "publish_service")) + "</th><th scope=\"col\" class=\"n\">" +
       xml_escape(tr(lang, "publish_score")) + "</th><th scope=\"col\">" + xml_escape(tr(lang, "publish_class")) +
       "</th></tr></thead>\n<tbody>\n";
  for (const auto& s : score.services) {
    const std::string href = links.absolute(links.service(lang, category, e.date, s.assessment->id));
    h += "<tr><td>" + std::to_string(s.rank) + "</td><td><a href=\"" + xml_escape(href) +
         "\" target=\"_blank\" rel=\"noopener\">" + xml_escape(s.assessment->name) + "</a></td><td class=\"n\"><b>" +
         std::to_string(s.points) + "</b>/" + std::to_string(s.max_points) + (s.provisional ? "*" : "") +
         "</td><td><span class=\"badge " + colour_class(s.klass->colour) + "\">" +
         xml_escape(s.klass->symbol + " " + s.klass->label.get(lang)) + "</span></td></tr>\n";
  }
  h += "</tbody>\n</table>\n";
  h += "<p class=\"src\"><a href=\"" + xml_escape(links.absolute(links.edition(lang, category, e.date))) +
       "\" target=\"_blank\" rel=\"noopener\">" + xml_escape(source_line(score, lang)) + "</a></p>\n";
  h += "</body>\n</html>\n";
  return h;
}

std::string embed_css(const Catalogue& catalogue) {
  std::string css =
      "html{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"DejaVu Sans\",sans-serif;color:#1f2328;"
      "background:#fff}\n"
      "body{margin:0;padding:8px}\n"
      "table{border-collapse:collapse;width:100%;font-size:15px}\n"
      "caption{text-align:left;padding:0 0 8px;font-size:16px}\n"
      "caption span{color:#57606a;font-size:14px;margin-left:.5em}\n"
      "th{text-align:left;font-weight:normal;color:#57606a;font-size:13px;border-bottom:1px solid #d0d7de;"
      "padding:4px 6px}\n"
      "td{padding:6px;border-bottom:1px solid #eaeef2}\n"
      "tbody tr:nth-child(odd){background:#f6f8fa}\n"
      ".n{text-align:right;white-space:nowrap}\n"
      "a{color:#0b57a4}\n"
      ".badge{display:inline-block;border-radius:999px;padding:2px 10px;color:#fff;font-weight:bold;"
      "font-size:13px;white-space:nowrap}\n"
      ".src{font-size:12px;color:#57606a;margin:8px 0 0}\n"
      ".src a{color:#57606a}\n";
  std::set<std::string> colours;
  for (const auto& c : catalogue.categories)
    for (const auto& [version, m] : c.methodologies)
      for (const auto& band : m.classes)
        if (is_hex_colour(band.colour)) colours.insert(band.colour);
  for (const auto& colour : colours) css += "." + colour_class(colour) + "{background:" + colour + "}\n";
  return css;
}

int embed_height(const EditionScore& score) {
  return 110 + 38 * static_cast<int>(score.services.size());
}

std::string iframe_snippet(const std::string& embed_url, const Category& category, const EditionScore& score,
                           Lang lang) {
  (void)category;
  return "<iframe src=\"" + xml_escape(embed_url) +
         "\" title=\"PRIVA SCORE: " + xml_escape(score.methodology->name.get(lang)) + "\" width=\"100%\" height=\"" +
         std::to_string(embed_height(score)) + "\" style=\"border:0\" loading=\"lazy\"></iframe>";
}

}  // namespace privascore::publish
