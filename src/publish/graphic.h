// The comparison graphic of an edition, generated from its scores: a
// portrait table (services ranked; per feature the level as colour and
// symbol; points; class badge; legend; source line) and a 1200 x 630 card
// for link previews.
//
// Pure functions returning SVG text with <title>, <desc> and real <text>
// in DejaVu Sans. Every number shown is taken from the scores passed in;
// the same scores always give the same bytes. Thread-safe.
#pragma once

#include <string>

#include "model/model.h"
#include "scoring/scoring.h"

namespace privascore::publish {

/// Width and height of the open-graph card in px.
inline constexpr int k_card_width = 1200;
inline constexpr int k_card_height = 630;

/// The ranked comparison table of score (one edition of category) in lang.
/// Width and height follow from the content (about 900 x 1100 px for nine
/// services and seven features).
std::string comparison_svg(const Category& category, const EditionScore& score, Lang lang);

/// The 1200 x 630 link-preview card: category name, edition date, the
/// best-ranked services with their class.
std::string card_svg(const Category& category, const EditionScore& score, Lang lang);

/// "privascore · Video conferencing services · edition 2024-10-29 · weights
/// reconstructed": the source line printed under every graphic.
std::string source_line(const EditionScore& score, Lang lang);

}  // namespace privascore::publish
