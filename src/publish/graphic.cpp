#include "publish/graphic.h"

#include <algorithm>
#include <cmath>

#include "publish/phrases.h"
#include "publish/svg.h"
#include "publish/text_metrics.h"
#include "render/messages.h"

namespace privascore::publish {

namespace {

constexpr const char* k_ink = "#1f2328";
constexpr const char* k_muted = "#57606a";
constexpr const char* k_rule = "#d0d7de";
constexpr const char* k_zebra = "#f6f8fa";
constexpr const char* k_white = "#ffffff";
constexpr const char* k_unknown_fill = "#eaeef2";

constexpr double k_margin = 32;
constexpr double k_row = 48;
constexpr double k_cell = 36;
constexpr double k_pitch = 44;
constexpr double k_header_angle = 50;  // degrees above the horizontal
constexpr double k_header_font = 13;
constexpr double k_name_font = 16;
// The service-name column: as wide as the longest name, within these bounds
// (px); longer names are shortened with an ellipsis.
constexpr double k_name_column_min = 140;
constexpr double k_name_column_max = 260;
constexpr double k_points_font = 18;
constexpr double k_max_font = 13;
constexpr double k_badge_font = 13;
constexpr double k_small = 12;
constexpr double k_pi = 3.14159265358979323846;

std::string points_suffix(const ServiceScore& s) {
  std::string suffix;
  if (s.provisional) suffix += "*";
  if (!s.knockouts.empty()) suffix += " K.O.";
  return suffix;
}

std::string badge_text(const ClassBand& c, Lang lang) {
  return c.symbol + " " + c.label.get(lang);
}

double badge_width(const ClassBand& c, Lang lang, double px) {
  return text_width(badge_text(c, lang), px, Weight::bold) + 20;
}

/// A class badge: solid class colour, white symbol and word, at (x, y) top-left.
void draw_badge(SvgWriter& svg, double x, double y, double w, double h, const ClassBand& c, Lang lang, double px) {
  svg.rect(x, y, w, h, c.colour, h / 2);
  svg.text(x + w / 2, y + h / 2 + px * 0.36, badge_text(c, lang), Font{px, Weight::bold, k_white, Anchor::middle});
}

/// A level cell: solid level colour with the symbol in white; unknown is a
/// light cell with "?" framed in the colour it counts as.
void draw_cell(SvgWriter& svg, double x, double y, double size, const FeatureScore& f) {
  const double symbol_px = size * 0.5;
  if (f.unknown) {
    svg.rect(x + 1, y + 1, size - 2, size - 2, k_unknown_fill, 6, f.level->colour, 2);
    svg.text(x + size / 2, y + size / 2 + symbol_px * 0.36, "?", Font{symbol_px, Weight::bold, k_ink, Anchor::middle});
  } else {
    svg.rect(x, y, size, size, f.level->colour, 6);
    svg.text(x + size / 2, y + size / 2 + symbol_px * 0.36, f.level->symbol,
             Font{symbol_px, Weight::regular, k_white, Anchor::middle});
  }
  if (f.unverified()) {
    svg.text(x + size - 3, y + 11, "†", Font{10, Weight::bold, f.unknown ? k_ink : k_white, Anchor::end});
  }
}

std::string description(const Category& category, const EditionScore& score, Lang lang) {
  std::string items;
  for (const auto& s : score.services) {
    if (!items.empty()) items += "; ";
    items += tr(lang, "publish_desc_item",
                {{"rank", std::to_string(s.rank)},
                 {"name", s.assessment->name},
                 {"points", std::to_string(s.points)},
                 {"max", std::to_string(s.max_points)},
                 {"class", s.klass->label.get(lang)}});
  }
  (void)category;
  return tr(lang, "publish_desc_graphic",
            {{"count", std::to_string(score.services.size())},
             {"date", long_date(score.edition->date, lang)},
             {"max", std::to_string(score.max_points)},
             {"items", items}});
}

/// Lays out a row of legend items left to right, wrapping at max_x. Each
/// item is drawn by draw(x, baseline) and is width wide. Returns the
/// baseline after the last line.
struct FlowLayout {
  double left;
  double max_x;
  double line_height;
  double x;
  double y;

  FlowLayout(double left_, double max_x_, double line_height_, double y_)
      : left(left_), max_x(max_x_), line_height(line_height_), x(left_), y(y_) {}

  /// Position for an item of width w; wraps first when it does not fit.
  std::pair<double, double> place(double w) {
    if (x > left && x + w > max_x) {
      x = left;
      y += line_height;
    }
    std::pair<double, double> at{x, y};
    x += w + 24;
    return at;
  }
};

}  // namespace

std::string source_line(const EditionScore& score, Lang lang) {
  return "privascore · " + score.methodology->name.get(lang) + " · " + tr(lang, "publish_edition_word") + " " +
         score.edition->date.to_string() + " · " + provenance_words(score.methodology->weights_provenance, lang);
}

std::string comparison_svg(const Category& category, const EditionScore& score, Lang lang) {
  const Methodology& m = *score.methodology;
  const Edition& e = *score.edition;
  const std::size_t n_features = m.features.size();

  // Column geometry, from the widest content of each column.
  // A service whose score depends on its host (it has hosting variants)
  // carries the house mark after its name, explained in the legend.
  auto shown_name = [](const ServiceScore& s) {
    return s.assessment->depends_on_host() ? s.assessment->name + " ⌂" : s.assessment->name;
  };
  double name_w = k_name_column_min;
  for (const auto& s : score.services) name_w = std::max(name_w, text_width(shown_name(s), k_name_font, Weight::bold));
  name_w = std::min(name_w, k_name_column_max);
  double points_w = text_width(tr(lang, "publish_score"), k_small, Weight::regular);
  for (const auto& s : score.services) {
    points_w = std::max(points_w, text_width(std::to_string(s.points), k_points_font, Weight::bold) +
                                      text_width("/" + std::to_string(s.max_points) + points_suffix(s), k_max_font));
  }
  double class_w = 0;
  for (const auto& c : m.classes) class_w = std::max(class_w, badge_width(c, lang, k_badge_font));

  const double x_rank = k_margin + 24;  // right edge of the rank number
  const double x_name = k_margin + 36;
  const double x_cells = x_name + name_w + 16;
  const double x_points = x_cells + static_cast<double>(n_features) * k_pitch + 12;
  const double x_class = x_points + points_w + 18;
  double width = x_class + class_w + k_margin;

  // Angled feature names above the cells.
  const double angle = k_header_angle * k_pi / 180.0;
  double longest = 0;
  for (const auto& f : m.features) longest = std::max(longest, text_width(f.name.get(lang), k_header_font));
  for (std::size_t i = 0; i < n_features; ++i) {
    const double cx = x_cells + static_cast<double>(i) * k_pitch + k_pitch / 2;
    const double reach = cx + text_width(m.features[i].name.get(lang), k_header_font) * std::cos(angle) + k_margin;
    width = std::max(width, reach);
  }
  width = std::ceil(width);

  // Vertical layout.
  const double y_brand = k_margin + 14;
  const double y_title = y_brand + 34;
  const std::vector<std::string> title_lines = wrap_text(m.name.get(lang), width - 2 * k_margin, 26, Weight::bold);
  const double y_subtitle = y_title + 32 * static_cast<double>(title_lines.size() - 1) + 28;
  const double header_h = longest * std::sin(angle) + 12;
  const double y_head_base = y_subtitle + 24 + header_h;  // where the angled names start
  const double y_labels = y_head_base + 20;               // column labels and weights
  const double y_rows = y_labels + 10;
  const double y_table_end = y_rows + k_row * static_cast<double>(score.services.size());

  // The legend is laid out first on a scratch writer to know its height.
  bool any_unverified = false, any_provisional = false, any_knockout = false, any_unknown = false;
  for (const auto& s : score.services) {
    any_provisional = any_provisional || s.provisional;
    any_knockout = any_knockout || !s.knockouts.empty();
    for (const auto& f : s.features) {
      any_unverified = any_unverified || f.unverified();
      any_unknown = any_unknown || f.unknown;
    }
  }

  SvgWriter legend;
  double y = y_table_end + 36;
  const double right = width - k_margin;
  legend.text(k_margin, y, tr(lang, "publish_levels"), Font{k_small, Weight::bold, k_muted});
  {
    FlowLayout flow(k_margin + 84, right, 30, y);
    for (const auto& level : m.levels) {
      const std::string label = level.label.get(lang);
      const std::string detail = tr(lang, "publish_level_points", {{"points", std::to_string(level.points)}});
      const double w = 30 + text_width(label, 14, Weight::bold) + 6 + text_width(detail, k_small);
      auto [lx, ly] = flow.place(w);
      legend.rect(lx, ly - 17, 24, 24, level.colour, 5);
      legend.text(lx + 12, ly, level.symbol, Font{12, Weight::regular, k_white, Anchor::middle});
      legend.text(lx + 30, ly, label, Font{14, Weight::bold, k_ink});
      legend.text(lx + 30 + text_width(label, 14, Weight::bold) + 6, ly, detail,
                  Font{k_small, Weight::regular, k_muted});
    }
    if (any_unknown) {
      const std::string text = tr(lang, "publish_unknown_level", {{"level", m.lowest_level().label.get(lang)}});
      auto [lx, ly] = flow.place(text_width(text, 14));
      legend.text(lx, ly, text, Font{14, Weight::regular, k_ink});
    }
    y = flow.y + 40;
  }
  legend.text(k_margin, y, tr(lang, "publish_classes"), Font{k_small, Weight::bold, k_muted});
  {
    FlowLayout flow(k_margin + 84, right, 34, y);
    for (const auto& c : m.classes) {
      const double bw = badge_width(c, lang, k_badge_font);
      const std::string range = c.range_text(lang) + " " + tr(lang, "publish_points");
      auto [lx, ly] = flow.place(bw + 8 + text_width(range, k_small));
      draw_badge(legend, lx, ly - 17, bw, 24, c, lang, k_badge_font);
      legend.text(lx + bw + 8, ly, range, Font{k_small, Weight::regular, k_muted});
    }
    y = flow.y + 36;
  }
  std::vector<std::string> notes;
  notes.push_back(tr(lang, "publish_maximum_points",
                     {{"max", std::to_string(score.max_points)}, {"level", m.highest_level().label.get(lang)}}));
  notes.push_back(tr(lang, "publish_weight_note"));
  if (any_unverified) notes.push_back(tr(lang, "publish_mark_unverified"));
  if (any_provisional) notes.push_back(tr(lang, "publish_mark_provisional"));
  if (any_knockout) notes.push_back(tr(lang, "publish_mark_knockout"));
  if (std::any_of(score.services.begin(), score.services.end(),
                  [](const ServiceScore& s) { return s.assessment->depends_on_host(); }))
    notes.push_back(tr(lang, "publish_mark_host"));
  if (m.weights_provenance == WeightsProvenance::reconstructed)
    notes.push_back(tr(lang, "publish_reconstruction_note"));
  if (m.weights_provenance == WeightsProvenance::derived) notes.push_back(tr(lang, "publish_derived_note"));
  for (const auto& note : notes) {
    for (const auto& l : wrap_text(note, right - k_margin, 13)) {
      legend.text(k_margin, y, l, Font{13, Weight::regular, k_ink});
      y += 19;
    }
    y += 3;
  }
  const double y_rule = y + 8;
  const double y_source = y_rule + 24;
  const double height = std::ceil(y_source + k_margin - 8);

  SvgWriter svg(width, height, e.title.get(lang), description(category, score, lang));
  svg.rect(0, 0, width, height, k_white);

  // Title block.
  svg.text(k_margin, y_brand, "PRIVA SCORE", Font{14, Weight::bold, k_muted});
  for (std::size_t i = 0; i < title_lines.size(); ++i) {
    svg.text(k_margin, y_title + 32 * static_cast<double>(i), title_lines[i], Font{26, Weight::bold, k_ink});
  }
  svg.text(k_margin, y_subtitle,
           tr(lang, "publish_edition_of", {{"date", long_date(e.date, lang)}}) + " · " +
               tr(lang, "publish_services_rated", {{"count", std::to_string(score.services.size())}}),
           Font{16, Weight::regular, k_muted});

  // Column heads: angled feature names, then labels and weights.
  for (std::size_t i = 0; i < n_features; ++i) {
    const double cx = x_cells + static_cast<double>(i) * k_pitch + k_pitch / 2;
    svg.rotated_text(cx - 4, y_head_base, -k_header_angle, m.features[i].name.get(lang),
                     Font{k_header_font, Weight::regular, k_ink});
    svg.text(cx, y_labels, "×" + std::to_string(m.features[i].weight),
             Font{k_small, Weight::regular, k_muted, Anchor::middle});
  }
  svg.text(x_rank, y_labels, "#", Font{k_small, Weight::regular, k_muted, Anchor::end});
  svg.text(x_name, y_labels, tr(lang, "publish_service"), Font{k_small, Weight::regular, k_muted});
  svg.text(x_points, y_labels, tr(lang, "publish_score"), Font{k_small, Weight::regular, k_muted});
  svg.text(x_class, y_labels, tr(lang, "publish_class"), Font{k_small, Weight::regular, k_muted});

  // Rows.
  for (std::size_t r = 0; r < score.services.size(); ++r) {
    const ServiceScore& s = score.services[r];
    const double top = y_rows + k_row * static_cast<double>(r);
    const double mid = top + k_row / 2;
    if (r % 2 == 0) svg.rect(k_margin - 8, top, width - 2 * k_margin + 16, k_row, k_zebra, 4);
    if (r > 0 && score.services[r - 1].klass != s.klass)
      svg.line(k_margin - 8, top, width - k_margin + 8, top, k_rule, 1);
    svg.text(x_rank, mid + 6, std::to_string(s.rank), Font{k_name_font, Weight::regular, k_muted, Anchor::end});
    svg.text(x_name, mid + 6, fit_text(shown_name(s), name_w, k_name_font, Weight::bold),
             Font{k_name_font, Weight::bold, k_ink});
    for (std::size_t i = 0; i < n_features && i < s.features.size(); ++i) {
      const double cx = x_cells + static_cast<double>(i) * k_pitch + (k_pitch - k_cell) / 2;
      draw_cell(svg, cx, mid - k_cell / 2, k_cell, s.features[i]);
    }
    const std::string pts = std::to_string(s.points);
    svg.text(x_points, mid + 6, pts, Font{k_points_font, Weight::bold, k_ink});
    svg.text(x_points + text_width(pts, k_points_font, Weight::bold), mid + 6,
             "/" + std::to_string(s.max_points) + points_suffix(s), Font{k_max_font, Weight::regular, k_muted});
    draw_badge(svg, x_class, mid - 13, badge_width(*s.klass, lang, k_badge_font), 26, *s.klass, lang, k_badge_font);
  }

  svg.raw(legend.finish());
  svg.line(k_margin, y_rule, width - k_margin, y_rule, k_rule, 1);
  svg.text(k_margin, y_source, source_line(score, lang), Font{k_small, Weight::regular, k_muted});
  return svg.finish();
}

}  // namespace privascore::publish

namespace privascore::publish {

std::string card_svg(const Category& category, const EditionScore& score, Lang lang) {
  const Methodology& m = *score.methodology;
  const Edition& e = *score.edition;
  const double W = k_card_width, H = k_card_height;
  SvgWriter svg(W, H, e.title.get(lang), description(category, score, lang));
  svg.rect(0, 0, W, H, k_white);

  // A band along the top: one segment per service, in its class colour and
  // rank order, so the share of each class shows at a glance.
  const std::size_t n = score.services.size();
  for (std::size_t i = 0; i < n; ++i) {
    const double x0 = std::floor(W * static_cast<double>(i) / static_cast<double>(n));
    const double x1 = std::floor(W * static_cast<double>(i + 1) / static_cast<double>(n));
    svg.rect(x0, 0, x1 - x0, 14, score.services[i].klass->colour);
  }

  // Left: what this is.
  const double left = 64, left_w = 500;
  svg.text(left, 96, "PRIVA SCORE", Font{30, Weight::bold, k_muted});
  // The largest size at which the name fits in at most three lines.
  double name_px = 56;
  std::vector<std::string> name_lines;
  for (;; name_px -= 4) {
    name_lines = wrap_text(m.name.get(lang), left_w, name_px, Weight::bold);
    bool fits = name_lines.size() <= 3;
    for (const auto& l : name_lines) fits = fits && text_width(l, name_px, Weight::bold) <= left_w;
    if (fits || name_px <= 32) break;
  }
  if (name_lines.size() > 3) name_lines.resize(3);
  double y = 160 + name_px * 0.2;
  for (const auto& l : name_lines) {
    svg.text(left, y, fit_text(l, left_w, name_px, Weight::bold), Font{name_px, Weight::bold, k_ink});
    y += name_px * 1.18;
  }
  svg.text(left, y + 6, tr(lang, "publish_edition_of", {{"date", long_date(e.date, lang)}}),
           Font{28, Weight::regular, k_muted});
  svg.text(left, H - 96,
           tr(lang, "publish_maximum_points",
              {{"max", std::to_string(score.max_points)}, {"level", m.highest_level().label.get(lang)}}),
           Font{20, Weight::regular, k_ink});
  svg.text(left, H - 60, fit_text(source_line(score, lang), W - 2 * left, 20), Font{20, Weight::regular, k_muted});

  // Right: the best-ranked services.
  const double x0 = 620, x1 = W - 64;
  const std::size_t shown = std::min<std::size_t>(n, 5);
  double top = 64;
  for (std::size_t i = 0; i < shown; ++i) {
    const ServiceScore& s = score.services[i];
    svg.rect(x0, top, 64, 64, s.klass->colour, 12);
    svg.text(x0 + 32, top + 45, s.klass->symbol, Font{36, Weight::bold, k_white, Anchor::middle});
    const std::string pts = std::to_string(s.points) + "/" + std::to_string(s.max_points) + points_suffix(s);
    svg.text(x0 + 84, top + 30, fit_text(s.assessment->name, x1 - x0 - 84, 30, Weight::bold),
             Font{30, Weight::bold, k_ink});
    svg.text(x0 + 84, top + 60, s.klass->label.get(lang), Font{20, Weight::regular, k_muted});
    svg.text(x1, top + 60, pts, Font{26, Weight::bold, k_ink, Anchor::end});
    top += 84;
  }
  if (n > shown) {
    svg.text(x0 + 84, top + 24, tr(lang, "publish_more_services", {{"count", std::to_string(n - shown)}}),
             Font{22, Weight::regular, k_muted});
  }
  return svg.finish();
}

}  // namespace privascore::publish
