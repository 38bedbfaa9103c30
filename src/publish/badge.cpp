#include "publish/badge.h"

#include <cmath>

#include "publish/graphic.h"
#include "publish/phrases.h"
#include "publish/svg.h"
#include "publish/text_metrics.h"
#include "render/messages.h"

namespace privascore::publish {

namespace {

constexpr double k_font = 11;
constexpr double k_pad = 7;

struct Segment {
  std::string text;
  std::string fill;
  std::string ink;
  Weight weight;
  double width;
};

std::vector<Segment> segments(const EditionScore& score, const ServiceScore& s, Lang lang) {
  std::vector<Segment> out = {
      {"PRIVA SCORE", "#24292f", "#ffffff", Weight::bold, 0},
      {std::to_string(s.points) + "/" + std::to_string(s.max_points) + (s.provisional ? "*" : ""), "#424a53", "#ffffff",
       Weight::bold, 0},
      {s.klass->symbol + " " + s.klass->label.get(lang), s.klass->colour, "#ffffff", Weight::bold, 0},
      {score.edition->date.to_string(), "#eaeef2", "#1f2328", Weight::regular, 0},
  };
  for (auto& seg : out) seg.width = std::ceil(text_width(seg.text, k_font, seg.weight) + 2 * k_pad);
  return out;
}

}  // namespace

std::string badge_alt(const EditionScore& score, const ServiceScore& s, Lang lang) {
  return tr(lang, "publish_badge_title",
            {{"service", s.assessment->name},
             {"points", std::to_string(s.points)},
             {"max", std::to_string(s.max_points)},
             {"class", s.klass->label.get(lang)},
             {"date", long_date(score.edition->date, lang)}});
}

int badge_width(const EditionScore& score, const ServiceScore& s, Lang lang) {
  double w = 0;
  for (const auto& seg : segments(score, s, lang)) w += seg.width;
  return static_cast<int>(w);
}

std::string badge_svg(const EditionScore& score, const ServiceScore& s, Lang lang) {
  const auto segs = segments(score, s, lang);
  const double width = badge_width(score, s, lang);
  const double h = k_badge_height;
  SvgWriter svg(width, h, badge_alt(score, s, lang), source_line(score, lang));
  // Rounded outer corners: a clip path unique to this badge's content, so
  // that several badges inlined in one page do not share an id.
  const std::string clip = "c-" + s.assessment->id;
  svg.raw("<clipPath id=\"" + xml_escape(clip) + "\"><rect width=\"" + num(width) + "\" height=\"" + num(h) +
          "\" rx=\"3\"/></clipPath>\n");
  svg.begin_group("clip-path=\"url(#" + xml_escape(clip) + ")\"");
  double x = 0;
  for (const auto& seg : segs) {
    svg.rect(x, 0, seg.width, h, seg.fill);
    x += seg.width;
  }
  svg.end_group();
  x = 0;
  for (const auto& seg : segs) {
    svg.text(x + seg.width / 2, 14, seg.text, Font{k_font, seg.weight, seg.ink, Anchor::middle});
    x += seg.width;
  }
  return svg.finish();
}

std::string badge_snippet(const EditionScore& score, const ServiceScore& s, Lang lang, const std::string& badge_url,
                          const std::string& page_url) {
  return "<a href=\"" + xml_escape(page_url) + "\"><img src=\"" + xml_escape(badge_url) + "\" alt=\"" +
         xml_escape(badge_alt(score, s, lang)) + "\" width=\"" + std::to_string(badge_width(score, s, lang)) +
         "\" height=\"" + std::to_string(k_badge_height) + "\"></a>";
}

}  // namespace privascore::publish
