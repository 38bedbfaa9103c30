// Rendering generated SVG to PNG and PDF with librsvg and cairo.
//
// The SVG is drawn with the fonts installed on the machine (DejaVu Sans from
// Debian's fonts-dejavu-core). PNG output carries no timestamp, so the same
// SVG gives the same bytes on one machine. PDF pages carry the dates given
// in PdfInfo, never the clock. Calls are serialised internally (librsvg and
// the font machinery are shared state), so they are safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

namespace privascore::publish {

/// Intrinsic size of an SVG document in px; an error when it cannot be
/// parsed.
struct SvgSize {
  double width = 0;
  double height = 0;
};
tl::expected<SvgSize, std::string> svg_size(std::string_view svg);

/// The SVG rendered to PNG at scale (2 gives twice the pixels in each
/// direction, crisp on a phone). An error (with librsvg's reason) when the
/// SVG cannot be parsed or the scale is not in (0, 8].
tl::expected<std::string, std::string> svg_to_png(std::string_view svg, double scale);

struct PdfInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string date;  // "YYYY-MM-DD", written as creation and modification date
};

/// A PDF with one A4 page per SVG, each scaled to fit inside the page with
/// a margin, centred at the top. Fonts are embedded by cairo; text stays
/// text. An error when a page cannot be parsed.
tl::expected<std::string, std::string> svgs_to_pdf(const std::vector<std::string>& pages, const PdfInfo& info);

/// A4 in PDF points (the unit SVG pages for svgs_to_pdf are laid out in).
inline constexpr double k_a4_width = 595;
inline constexpr double k_a4_height = 842;

}  // namespace privascore::publish
