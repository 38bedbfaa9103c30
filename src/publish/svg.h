// A small writer for SVG documents: escaped text, deterministic numbers and
// the few elements the generated graphics use.
//
// Output is a pure function of the calls made: numbers are printed with at
// most two decimals, attributes in a fixed order, so the same data always
// gives the same bytes. Not thread-safe to share one writer.
#pragma once

#include <string>
#include <string_view>

#include "publish/text_metrics.h"

namespace privascore::publish {

/// Escapes &, <, >, " and ' for XML text and attribute values.
std::string xml_escape(std::string_view text);

/// A number as SVG wants it: "12", "12.5", "-3.25" (at most two decimals).
std::string num(double value);

/// colour ("#rrggbb") mixed with white: amount 0 is the colour, 1 is white.
/// Returns colour unchanged when it is not "#rrggbb".
std::string tint(const std::string& colour, double amount);

/// WCAG relative contrast ratio of two "#rrggbb" colours (1 to 21).
double contrast_ratio(const std::string& a, const std::string& b);

enum class Anchor { start, middle, end };

struct Font {
  double size = 14;
  Weight weight = Weight::regular;
  std::string fill = "#1f2328";
  Anchor anchor = Anchor::start;
};

class SvgWriter {
 public:
  /// A fragment: elements only, to be appended to a document with raw().
  SvgWriter() = default;
  /// Starts a document of width x height px with an accessible name (title)
  /// and description (desc); both are required for role="img".
  SvgWriter(double width, double height, std::string_view title, std::string_view desc);

  void rect(double x, double y, double w, double h, std::string_view fill, double radius = 0,
            std::string_view stroke = {}, double stroke_width = 0);
  void line(double x1, double y1, double x2, double y2, std::string_view stroke, double width = 1);
  void circle(double cx, double cy, double r, std::string_view fill);
  /// One line of text with its baseline at y.
  void text(double x, double y, std::string_view content, const Font& font);
  /// Text rotated by degrees around its anchor point (x, y).
  void rotated_text(double x, double y, double degrees, std::string_view content, const Font& font);
  /// Opens a group (<g>) with optional raw attributes; close with end_group().
  void begin_group(std::string_view attributes = {});
  void end_group();
  /// Appends raw, already valid SVG.
  void raw(std::string_view svg);

  /// Closes the document and returns it (a fragment: its elements).
  std::string finish();

 private:
  std::string font_attributes(const Font& font) const;
  std::string m_out;
  bool m_document = false;
};

}  // namespace privascore::publish
