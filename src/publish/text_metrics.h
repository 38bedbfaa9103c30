// Text measurement for laying out generated graphics: the advance width of a
// string in DejaVu Sans (the font the SVG names and the PNG/PDF renderer
// uses), and greedy line wrapping.
//
// Widths come from a table compiled into the binary, so layout is the same on
// every machine whatever fonts are installed. Kerning is ignored, so a
// measured width may be off by a few percent; layouts leave room for that.
// Characters outside the table count as 0.6 em. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace privascore::publish {

enum class Weight { regular, bold };

/// Advance width of UTF-8 text at font size px, in px.
double text_width(std::string_view text, double px, Weight weight = Weight::regular);

/// Splits text at spaces, and after hyphens inside words, into lines no
/// wider than max_width (a piece wider than that stays on its own line,
/// unbroken). Empty text gives no lines.
std::vector<std::string> wrap_text(std::string_view text, double max_width, double px, Weight weight = Weight::regular);

/// text shortened with a trailing "…" so that it fits max_width; text itself
/// when it fits.
std::string fit_text(std::string_view text, double max_width, double px, Weight weight = Weight::regular);

}  // namespace privascore::publish
