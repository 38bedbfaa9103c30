// The text renderings for people: terminal tables (with optional ANSI
// colours), CSV and Markdown of the scores, explanations and diffs.
#include "render/score_text.h"

#include <algorithm>
#include <cstdio>

#include "render/messages.h"
#include "util/text.h"

namespace privascore {

namespace {

std::string ansi(const std::string& hex, bool enabled) {
  if (!enabled || hex.size() != 7) return {};
  auto channel = [&](int i) { return std::stoi(hex.substr(static_cast<std::size_t>(i), 2), nullptr, 16); };
  return "\x1b[38;2;" + std::to_string(channel(1)) + ';' + std::to_string(channel(3)) + ';' +
         std::to_string(channel(5)) + 'm';
}

std::string reset(bool enabled) {
  return enabled ? "\x1b[0m" : "";
}
std::string bold(bool enabled) {
  return enabled ? "\x1b[1m" : "";
}

std::string pad_right(const std::string& s, std::size_t width) {
  std::size_t w = display_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string pad_left(const std::string& s, std::size_t width) {
  std::size_t w = display_width(s);
  return w >= width ? s : std::string(width - w, ' ') + s;
}

std::string signed_number(int value) {
  return (value > 0 ? "+" : "") + std::to_string(value);
}

const char* provenance_key(WeightsProvenance p) {
  switch (p) {
    case WeightsProvenance::published: return "cli_weights_published";
    case WeightsProvenance::derived: return "cli_weights_derived";
    case WeightsProvenance::reconstructed: return "cli_weights_reconstructed";
  }
  return "cli_weights_reconstructed";
}

std::string level_letter(const Level& level) {
  std::string letter(1, static_cast<char>(std::toupper(static_cast<unsigned char>(level.id[0]))));
  return letter;
}

// A short column head for a feature: its anchor, at most six characters.
std::string column_head(const Feature& f) {
  return f.anchor.substr(0, 6);
}

// The level cell of a table: symbol plus a letter, or "? unknown".
std::string level_cell(const FeatureScore& f) {
  return f.unknown ? "?" : f.level->symbol + level_letter(*f.level);
}

}  // namespace

std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string variants_text(const std::vector<VariantScore>& variants, Lang lang) {
  if (variants.empty()) return {};
  std::string out = tr(lang, "cli_variants_heading") + "\n";
  std::size_t width = 0;
  for (const auto& v : variants) width = std::max(width, display_width(v.variant->id));
  for (const auto& v : variants) {
    if (!v.service) continue;
    out += "  " + pad_right(v.variant->id, width) + "  " +
           pad_left(std::to_string(v.service->points) + "/" + std::to_string(v.service->max_points), 7) + "  " +
           v.service->klass->symbol + " " + v.service->klass->label.get(lang) + "  " + v.variant->name.get(lang);
    if (!v.variant->operator_name.empty())
      out += " · " + tr(lang, "cli_operator", {{"operator", v.variant->operator_name}});
    if (v.variant->is_default) out += " · " + tr(lang, "cli_default_variant");
    if (!v.overridden.empty()) out += " · " + tr(lang, "cli_differs_in", {{"features", join(v.overridden, ", ")}});
    out += "\n";
  }
  return out;
}

std::string score_table(const Category& category, const EditionScore& score, Lang lang, TextStyle style) {
  const Methodology& m = *score.methodology;
  const bool c = style.colour;
  std::string out;
  out += bold(c) + "PRIVA SCORE · " + m.name.get(lang) + reset(c) + " · " + tr(lang, "cli_edition") + " " +
         score.edition->date.to_string() + " · " + tr(lang, "cli_methodology") + " v" + std::to_string(m.version) +
         " (" + tr(lang, provenance_key(m.weights_provenance)) + ")\n";
  if (m.version != score.edition->methodology) {
    out +=
        "  " +
        tr(lang, "cli_scored_under",
           {{"version", std::to_string(m.version)}, {"edition_version", std::to_string(score.edition->methodology)}}) +
        "\n";
  }
  out += tr(lang, "cli_maximum") + " " + std::to_string(score.max_points) + " · " + tr(lang, "cli_minimum") + " " +
         std::to_string(score.min_points) + " · " + category.id + "\n\n";

  std::size_t name_width = display_width(tr(lang, "cli_service"));
  for (const auto& s : score.services) name_width = std::max(name_width, display_width(s.assessment->name) + 2);
  std::size_t class_width = 0;
  for (const auto& cl : m.classes)
    class_width = std::max(class_width, display_width(cl.symbol + " " + cl.label.get(lang)));

  std::vector<std::size_t> feature_widths;
  out += pad_left(tr(lang, "cli_rank"), 4) + "  " + pad_right(tr(lang, "cli_service"), name_width) + "  " +
         pad_left(tr(lang, "cli_points"), 7) + "  " + pad_right(tr(lang, "cli_class"), class_width);
  for (const auto& f : m.features) {
    const std::string head = column_head(f);
    std::size_t w = std::max<std::size_t>(display_width(head), 3);
    feature_widths.push_back(w);
    out += "  " + pad_right(head, w);
  }
  out += "\n";
  bool any_provisional = false, any_unverified = false, any_host = false;
  for (const auto& s : score.services) {
    std::string name = s.assessment->name;
    std::string marks;
    if (s.provisional) marks += "*", any_provisional = true;
    if (s.unverified > 0) marks += "†" + std::to_string(s.unverified), any_unverified = true;
    if (s.assessment->depends_on_host()) marks += std::string(marks.empty() ? "" : " ") + "⌂", any_host = true;
    out += pad_left(std::to_string(s.rank), 4) + "  " + pad_right(name, name_width) + "  " +
           pad_left(std::to_string(s.points) + "/" + std::to_string(s.max_points), 7) + "  " +
           ansi(s.klass->colour, c) + pad_right(s.klass->symbol + " " + s.klass->label.get(lang), class_width) +
           reset(c);
    for (std::size_t i = 0; i < s.features.size(); ++i) {
      const FeatureScore& f = s.features[i];
      std::string cell = level_cell(f) + (f.knockout_fired ? "!" : "");
      out +=
          "  " + (f.unknown ? std::string() : ansi(f.level->colour, c)) + pad_right(cell, feature_widths[i]) + reset(c);
    }
    if (!marks.empty()) out += "  " + marks;
    while (!out.empty() && out.back() == ' ') out.pop_back();  // the last column's padding
    out += "\n";
  }
  out += "\n" + tr(lang, "cli_legend") + ":";
  for (const auto& l : m.levels) {
    out += "  " + ansi(l.colour, c) + l.symbol + level_letter(l) + reset(c) + " " + l.label.get(lang) + " (" +
           std::to_string(l.points) + ")";
  }
  out += "  ? " + tr(lang, "cli_unknown") + "  ! " + tr(lang, "cli_knockout") + "\n";
  out += tr(lang, "cli_columns") + ":";
  for (const auto& f : m.features) {
    out += "  " + column_head(f) + " = " + f.name.get(lang) + " (" + tr(lang, "cli_weight") + " " +
           std::to_string(f.weight) + ")";
  }
  out += "\n";
  if (any_provisional) out += tr(lang, "cli_marker_provisional") + "\n";
  if (any_unverified) out += tr(lang, "cli_marker_unverified") + "\n";
  if (any_host) out += tr(lang, "cli_marker_host") + "\n";
  return out;
}

std::string score_csv(const EditionScore& score, Lang lang) {
  std::string out = "rank,id,name,points,max_points,class,provisional,coverage_percent,unverified_features";
  for (const auto& f : score.methodology->features) out += "," + f.id;
  out += "\r\n";
  for (const auto& s : score.services) {
    out += std::to_string(s.rank) + "," + csv_field(s.assessment->id) + "," + csv_field(s.assessment->name) + "," +
           std::to_string(s.points) + "," + std::to_string(s.max_points) + "," + s.klass->id + "," +
           (s.provisional ? "true" : "false") + "," + std::to_string(s.coverage_percent()) + "," +
           std::to_string(s.unverified);
    for (const auto& f : s.features) out += "," + (f.unknown ? std::string(Rating::k_unknown) : f.level->id);
    out += "\r\n";
  }
  (void)lang;
  return out;
}

std::string score_markdown(const Category& category, const EditionScore& score, Lang lang) {
  const Methodology& m = *score.methodology;
  auto cell = [](const std::string& s) {
    std::string out;
    for (char ch : s) {
      if (ch == '|')
        out += "\\|";
      else if (ch == '\n')
        out += ' ';
      else
        out += ch;
    }
    return out;
  };
  std::string out = "## PRIVA SCORE: " + cell(m.name.get(lang)) + " (" + tr(lang, "cli_edition") + " " +
                    score.edition->date.to_string() + ")\n\n";
  out += tr(lang, "cli_maximum") + ": " + std::to_string(score.max_points) + " · " + category.id + " · " +
         tr(lang, "cli_methodology") + " v" + std::to_string(m.version) + " (" +
         tr(lang, provenance_key(m.weights_provenance)) + ")\n\n";
  out += "| " + tr(lang, "cli_rank") + " | " + tr(lang, "cli_service") + " | " + tr(lang, "cli_points") + " | " +
         tr(lang, "cli_class");
  for (const auto& f : m.features) out += " | " + cell(f.name.get(lang));
  out += " |\n|---:|---|---:|---";
  for (std::size_t i = 0; i < m.features.size(); ++i) out += "|---";
  out += "|\n";
  for (const auto& s : score.services) {
    out += "| " + std::to_string(s.rank) + " | " + cell(s.assessment->name) + (s.provisional ? " *" : "") + " | " +
           std::to_string(s.points) + " | " + s.klass->symbol + " " + cell(s.klass->label.get(lang));
    for (const auto& f : s.features) {
      out +=
          " | " + (f.unknown ? "? " + tr(lang, "cli_unknown") : f.level->symbol + " " + cell(f.level->label.get(lang)));
    }
    out += " |\n";
  }
  return out;
}

namespace {

// The explanation of one scored service, without its hosting variants.
std::string explain_body(const Category& category, const EditionScore& score, const ServiceScore& s, Lang lang,
                         TextStyle style) {
  const bool c = style.colour;
  const Methodology& m = *score.methodology;
  std::string out;
  out += bold(c) + s.assessment->name + reset(c) + " · " + m.name.get(lang) + " · " + tr(lang, "cli_edition") + " " +
         score.edition->date.to_string() + " · " + tr(lang, "cli_methodology") + " v" + std::to_string(m.version) +
         "\n";
  out += tr(lang, "cli_points_of", {{"points", std::to_string(s.points)}, {"max", std::to_string(s.max_points)}}) +
         " · " + ansi(s.klass->colour, c) + s.klass->symbol + " " + s.klass->label.get(lang) + reset(c) + " · " +
         tr(lang, "cli_rank_of") + " " + std::to_string(s.rank) + " " + tr(lang, "cli_of") + " " +
         std::to_string(score.services.size());
  if (s.provisional) {
    out += " · " + tr(lang, "cli_provisional") + " (" + tr(lang, "cli_coverage") + " " +
           std::to_string(s.coverage_percent()) + " %)";
  }
  out += "\n";
  for (const Feature* f : s.knockouts) {
    out += "  " + tr(lang, "cli_knockout") + ": " + f->name.get(lang) + ": " + f->knockout->reason.get(lang) + "\n";
  }
  if (s.computed_class != s.klass) {
    out += "  " + tr(lang, "cli_class_by_points", {{"class", s.computed_class->label.get(lang)}}) + "\n";
  }
  out += "\n";
  std::size_t name_width = display_width(tr(lang, "cli_feature"));
  for (const auto& f : s.features) name_width = std::max(name_width, display_width(f.feature->name.get(lang)));
  std::size_t level_width = display_width(tr(lang, "cli_level"));
  for (const auto& l : m.levels)
    level_width = std::max(level_width, display_width(l.symbol + " " + l.label.get(lang)) + 4);
  level_width = std::max(level_width, display_width("? " + tr(lang, "cli_unknown")) + 4);
  out += pad_right(tr(lang, "cli_feature"), name_width) + "  " + pad_left(tr(lang, "cli_weight"), 7) + "  " +
         pad_right(tr(lang, "cli_level"), level_width) + "  " + pad_left(tr(lang, "cli_points"), 7) + "  " +
         pad_left(tr(lang, "cli_lost"), 8) + "  " + tr(lang, "cli_status") + "\n";
  for (const auto& f : s.features) {
    std::string level =
        f.unknown ? "? " + tr(lang, "cli_unknown") + " (" + std::to_string(f.level->points) + ")"
                  : f.level->symbol + " " + f.level->label.get(lang) + " (" + std::to_string(f.level->points) + ")";
    std::string status =
        f.rating ? tr(lang, "cli_" + std::string(to_string(f.rating->status))) : tr(lang, "cli_unverified");
    out += pad_right(f.feature->name.get(lang), name_width) + "  " + pad_left(std::to_string(f.feature->weight), 7) +
           "  " + (f.unknown ? std::string() : ansi(f.level->colour, c)) + pad_right(level, level_width) + reset(c) +
           "  " + pad_left(std::to_string(f.points) + "/" + std::to_string(f.max_points), 7) + "  " +
           pad_left(f.lost() ? "-" + std::to_string(f.lost()) : "0", 8) + "  " + status +
           (f.knockout_fired ? "  ! " + tr(lang, "cli_knockout") : "") + "\n";
  }
  out += pad_right(tr(lang, "cli_sum"), name_width) + "  " + pad_left(std::to_string(m.weight_sum()), 7) + "  " +
         pad_right("", level_width) + "  " +
         pad_left(std::to_string(s.points) + "/" + std::to_string(s.max_points), 7) + "  " +
         pad_left("-" + std::to_string(s.max_points - s.points), 8) + "\n";
  out += "\n" + tr(lang, "cli_justification") + ":\n";
  for (const auto& f : s.features) {
    out += "- " + bold(c) + f.feature->name.get(lang) + reset(c) + " (" +
           (f.rating ? tr(lang, "cli_" + std::string(to_string(f.rating->status))) : tr(lang, "cli_unverified")) +
           "): " + (f.rating ? f.rating->justification.get(lang) : tr(lang, "cli_unknown")) + "\n";
    if (f.rating) {
      for (const auto& e : f.rating->evidence) {
        out += "    " + e.title + " <" + e.url + ">";
        if (e.retrieved) out += " (" + tr(lang, "cli_retrieved") + " " + e.retrieved->to_string() + ")";
        out += "\n";
        if (!e.quote.empty()) out += "      \"" + e.quote + "\"\n";
      }
    }
  }
  if (s.assessment->note) out += "\n" + s.assessment->note->get(lang) + "\n";
  (void)category;
  return out;
}

}  // namespace

std::string explain_text(const Category& category, const EditionScore& score, const ServiceScore& s, Lang lang,
                         TextStyle style) {
  std::string out = explain_body(category, score, s, lang, style);
  if (s.assessment->depends_on_host())
    out += "\n" + variants_text(score_variants(*score.methodology, *score.edition, *s.assessment), lang);
  return out;
}

std::string explain_variant_text(const Category& category, const VariantScore& shown,
                                 const std::vector<VariantScore>& all, Lang lang, TextStyle style) {
  const Variant& v = *shown.variant;
  std::string out = tr(lang, "cli_variant", {{"name", v.name.get(lang)}});
  if (!v.operator_name.empty()) out += " · " + tr(lang, "cli_operator", {{"operator", v.operator_name}});
  out += "\n";
  if (v.note) out += v.note->get(lang) + "\n";
  out += explain_body(category, shown.score, *shown.service, lang, style);
  out += "\n" + variants_text(all, lang);
  return out;
}

std::string diff_text(const Category& category, const EditionDiff& diff, Lang lang, TextStyle style) {
  const bool c = style.colour;
  std::string out;
  out += bold(c) + category.id + reset(c) + ": " + diff.from->date.to_string() + " → " + diff.to->date.to_string() +
         " (" + tr(lang, "cli_methodology") + " v" + std::to_string(diff.from->methodology) + " → v" +
         std::to_string(diff.to->methodology) + ")\n";
  if (!diff.from_methodology || !diff.to_methodology) return out;
  const Methodology& to_m = *diff.to_methodology;
  const EditionScore after = score_edition(to_m, *diff.to);
  if (diff.from_methodology->max_points() != to_m.max_points()) {
    out += tr(lang, "cli_maximum") + ": " + std::to_string(diff.from_methodology->max_points()) + " → " +
           std::to_string(to_m.max_points()) + "\n";
  }
  if (!diff.methodology_changes.empty()) {
    out += "\n" + tr(lang, "cli_methodology_changes") + ":\n";
    for (const auto& mc : diff.methodology_changes) {
      out += "  " + mc.kind + " " + mc.subject + ": " + (mc.from.empty() ? "–" : mc.from) + " → " +
             (mc.to.empty() ? "–" : mc.to) + "\n";
    }
  }
  if (!diff.joined.empty()) {
    out += "\n" + tr(lang, "cli_joined") + ":\n";
    for (const auto& id : diff.joined) {
      const ServiceScore* s = after.service(id);
      out += "  + " + s->assessment->name + "  " + std::to_string(s->points) + "/" + std::to_string(s->max_points) +
             "  " + ansi(s->klass->colour, c) + s->klass->symbol + " " + s->klass->label.get(lang) + reset(c) + "\n";
    }
  }
  if (!diff.left.empty()) {
    out += "\n" + tr(lang, "cli_left") + ":\n";
    for (const auto& id : diff.left) {
      const Assessment* a = diff.from->assessment(id);
      out += "  - " + (a ? a->name : id) + "\n";
    }
  }
  if (!diff.changed.empty()) {
    out += "\n" + tr(lang, "cli_changed") + ":\n";
    std::size_t name_width = 0;
    for (const auto& ch : diff.changed) name_width = std::max(name_width, display_width(ch.name));
    for (const auto& ch : diff.changed) {
      out += "  " + pad_right(ch.name, name_width) + "  " + pad_left(std::to_string(ch.from_points), 4) + " → " +
             pad_left(std::to_string(ch.to_points), 4) + "  (" + signed_number(ch.delta()) + ")";
      if (ch.from_class != ch.to_class) out += "  " + ch.from_class + " → " + ch.to_class;
      if (ch.from_rank != ch.to_rank) {
        out += "  " + tr(lang, "cli_rank_of") + " " + std::to_string(ch.from_rank) + " → " + std::to_string(ch.to_rank);
      }
      out += "\n";
      if (diff.methodology_changed() && (ch.delta_from_ratings != 0 || ch.delta_from_methodology != 0)) {
        // The bridge: the new ratings scored under the old methodology.
        const int bridge = ch.from_points + ch.delta_from_ratings;
        const std::string v_from = "v" + std::to_string(diff.from->methodology);
        const std::string v_to = "v" + std::to_string(diff.to->methodology);
        out += "      = " + signed_number(ch.delta_from_ratings) + " " + tr(lang, "cli_from_ratings") + " (" +
               std::to_string(ch.from_points) + " → " + std::to_string(bridge) + ", " +
               tr(lang, "cli_new_ratings_under", {{"version", v_from}}) + "), " +
               signed_number(ch.delta_from_methodology) + " " + tr(lang, "cli_from_methodology") + " (" + v_from +
               " → " + v_to + ": " + std::to_string(bridge) + " → " + std::to_string(ch.to_points) + ")\n";
      }
      std::vector<std::string> now_sourced, now_unverified;
      for (const auto& f : ch.causes) {
        const bool level_changed = f.from_level != f.to_level || f.delta() != 0;
        if (!level_changed) {
          // Only the provenance changed; summarised below, not a cause of points.
          (f.to_status == "sourced" ? now_sourced : now_unverified).push_back(f.feature);
          continue;
        }
        const Feature* feature = to_m.feature(f.feature);
        if (!feature && diff.from_methodology) feature = diff.from_methodology->feature(f.feature);
        std::string name = feature ? feature->name.get(lang) : f.feature;
        out += "      " + name + ": " + (f.from_level.empty() ? "–" : f.from_level) + " → " +
               (f.to_level.empty() ? "–" : f.to_level) + "  " + std::to_string(f.from_points) + " → " +
               std::to_string(f.to_points) + " (" + signed_number(f.delta()) + ")";
        if (f.from_weight != f.to_weight && f.from_weight && f.to_weight) {
          out +=
              "  " + tr(lang, "cli_weight") + " " + std::to_string(f.from_weight) + " → " + std::to_string(f.to_weight);
        }
        if (f.status_changed) out += "  " + f.from_status + " → " + f.to_status;
        out += "\n";
      }
      if (!now_sourced.empty()) out += "      " + tr(lang, "cli_now_sourced") + ": " + join(now_sourced, ", ") + "\n";
      if (!now_unverified.empty())
        out += "      " + tr(lang, "cli_now_unverified") + ": " + join(now_unverified, ", ") + "\n";
    }
  }
  out += "\n" + std::to_string(diff.unchanged) + " " + tr(lang, "cli_unchanged") + "\n";
  if (!diff.to->notes.empty()) {
    out += "\n" + tr(lang, "cli_notes") + ":\n";
    for (const auto& n : diff.to->notes) {
      out += "  [" + n.kind + (n.service.empty() ? "" : " " + n.service) + "] " + n.text.get(lang) + "\n";
      out += "    " + tr(lang, "cli_reason") + ": " + n.reason.get(lang) + "\n";
    }
  }
  return out;
}

}  // namespace privascore
