#include "publish/category_pdf.h"

#include "publish/graphic.h"
#include "publish/phrases.h"
#include "publish/raster.h"
#include "publish/svg.h"
#include "publish/text_metrics.h"
#include "render/messages.h"

namespace privascore::publish {

namespace {

constexpr double k_left = 56;
constexpr double k_top = 64;
constexpr double k_bottom = k_a4_height - 64;
constexpr double k_body = 10.5;
constexpr double k_line = 15;
constexpr const char* k_ink = "#1f2328";
constexpr const char* k_muted = "#57606a";

// One positioned piece of text; pages are laid out first and drawn after,
// so that every page can say how many there are.
struct Piece {
  double y;
  double x;
  std::string text;
  Font font;
};

class Pager {
 public:
  Pager() { m_pages.emplace_back(); }

  void heading(const std::string& text) {
    need(k_line * 4);
    m_y += 10;
    add(k_left, text, Font{15, Weight::bold, k_ink});
    m_y += 24;
  }

  void subheading(const std::string& text) {
    need(k_line * 3);
    for (const auto& line : wrap_text(text, k_a4_width - 2 * k_left, 12, Weight::bold)) {
      add(k_left, line, Font{12, Weight::bold, k_ink});
      m_y += 17;
    }
  }

  void paragraph(const std::string& text, const char* colour = k_ink, double indent = 0) {
    for (const auto& line : wrap_text(text, k_a4_width - 2 * k_left - indent, k_body)) {
      need(k_line);
      add(k_left + indent, line, Font{k_body, Weight::regular, colour});
      m_y += k_line;
    }
    m_y += 6;
  }

  const std::vector<std::vector<Piece>>& pages() const { return m_pages; }

 private:
  void need(double height) {
    if (m_y + height > k_bottom) {
      m_pages.emplace_back();
      m_y = k_top;
    }
  }
  void add(double x, const std::string& text, const Font& font) { m_pages.back().push_back(Piece{m_y, x, text, font}); }

  std::vector<std::vector<Piece>> m_pages;
  double m_y = k_top;
};

}  // namespace

std::vector<std::string> category_text_pages(const Category& category, const EditionScore& score, Lang lang) {
  (void)category;
  const Methodology& m = *score.methodology;
  const Edition& e = *score.edition;
  Pager p;

  p.heading(tr(lang, "publish_features_heading"));
  for (const auto& f : m.features) {
    p.subheading(f.name.get(lang) + " (" + tr(lang, "publish_weight") + " " + std::to_string(f.weight) + ")");
    p.paragraph(f.explanation.get(lang));
    if (f.knockout) p.paragraph(tr(lang, "publish_knockout_rule", {{"reason", f.knockout->reason.get(lang)}}), k_muted);
  }
  if (!m.standards.empty()) {
    p.heading(tr(lang, "publish_standards_heading"));
    for (const auto& s : m.standards) {
      p.subheading(s.name.get(lang));
      p.paragraph(s.reason.get(lang));
    }
  }

  p.heading(tr(lang, "publish_method_heading"));
  std::string values;
  for (const auto& l : m.levels) {
    if (!values.empty()) values += ", ";
    values += l.symbol + " " + l.label.get(lang) + " = " + std::to_string(l.points);
  }
  p.paragraph(tr(lang, "publish_method_points", {{"values", values}, {"max", std::to_string(score.max_points)}}));
  std::string classes;
  for (const auto& c : m.classes) {
    if (!classes.empty()) classes += "; ";
    classes += c.symbol + " " + c.label.get(lang) + ": " + c.range_text(lang) + " " + tr(lang, "publish_points");
  }
  p.paragraph(tr(lang, "publish_method_classes", {{"classes", classes}}));
  p.paragraph(tr(lang, "publish_method_unknown"));
  if (m.hosting_note) {
    p.subheading(tr(lang, "publish_hosting_heading"));
    p.paragraph(m.hosting_note->get(lang));
  }
  p.heading(tr(lang, "publish_provenance_heading"));
  p.paragraph(m.provenance_note.get(lang));
  if (!e.notes.empty()) {
    p.heading(tr(lang, "publish_notes_heading"));
    for (const auto& n : e.notes) {
      p.paragraph(n.text.get(lang));
      if (!n.reason.get(lang).empty()) p.paragraph(n.reason.get(lang), k_muted, 12);
    }
  }

  const auto& pages = p.pages();
  const std::size_t total = pages.size() + 1;  // the graphic is page 1
  std::vector<std::string> out;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    SvgWriter svg(k_a4_width, k_a4_height, e.title.get(lang),
                  tr(lang, "publish_page_of", {{"page", std::to_string(i + 2)}, {"pages", std::to_string(total)}}));
    svg.rect(0, 0, k_a4_width, k_a4_height, "#ffffff");
    svg.text(k_left, 36, e.title.get(lang), Font{9, Weight::regular, k_muted});
    for (const auto& piece : pages[i]) {
      svg.text(piece.x, piece.y, piece.text, piece.font);
    }
    svg.line(k_left, k_a4_height - 44, k_a4_width - k_left, k_a4_height - 44, "#d0d7de", 0.75);
    svg.text(k_left, k_a4_height - 30, source_line(score, lang), Font{8.5, Weight::regular, k_muted});
    svg.text(k_a4_width - k_left, k_a4_height - 30,
             tr(lang, "publish_page_of", {{"page", std::to_string(i + 2)}, {"pages", std::to_string(total)}}),
             Font{8.5, Weight::regular, k_muted, Anchor::end});
    out.push_back(svg.finish());
  }
  return out;
}

tl::expected<std::string, std::string> category_pdf(const Category& category, const EditionScore& score, Lang lang) {
  std::vector<std::string> pages;
  pages.push_back(comparison_svg(category, score, lang));
  for (auto& page : category_text_pages(category, score, lang)) pages.push_back(std::move(page));
  PdfInfo info;
  info.title = score.edition->title.get(lang);
  info.author = "privascore";
  info.subject = source_line(score, lang);
  info.date = score.edition->date.to_string();
  return svgs_to_pdf(pages, info);
}

}  // namespace privascore::publish
