#include "publish/svg.h"

#include <cmath>
#include <cstdio>

namespace privascore::publish {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string num(double value) {
  long scaled = std::lround(value * 100.0);
  if (scaled == 0) return "0";
  std::string sign = scaled < 0 ? "-" : "";
  if (scaled < 0) scaled = -scaled;
  std::string out = sign + std::to_string(scaled / 100);
  long frac = scaled % 100;
  if (frac != 0) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02ld", frac);
    std::string digits = buf;
    if (digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  return out;
}

namespace {

bool parse_hex(const std::string& colour, int rgb[3]) {
  if (colour.size() != 7 || colour[0] != '#') return false;
  for (int i = 0; i < 3; ++i) {
    int v = 0;
    for (int k = 0; k < 2; ++k) {
      const char c = colour[static_cast<std::size_t>(1 + i * 2 + k)];
      int d = 0;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if (c >= 'a' && c <= 'f')
        d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        d = c - 'A' + 10;
      else
        return false;
      v = v * 16 + d;
    }
    rgb[i] = v;
  }
  return true;
}

double luminance(const int rgb[3]) {
  double channel[3];
  for (int i = 0; i < 3; ++i) {
    const double c = rgb[i] / 255.0;
    channel[i] = c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  }
  return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

}  // namespace

std::string tint(const std::string& colour, double amount) {
  int rgb[3];
  if (!parse_hex(colour, rgb)) return colour;
  char buf[8];
  int out[3];
  for (int i = 0; i < 3; ++i) out[i] = static_cast<int>(std::lround(rgb[i] + (255 - rgb[i]) * amount));
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", out[0], out[1], out[2]);
  return buf;
}

double contrast_ratio(const std::string& a, const std::string& b) {
  int ra[3], rb[3];
  if (!parse_hex(a, ra) || !parse_hex(b, rb)) return 1.0;
  double la = luminance(ra), lb = luminance(rb);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

SvgWriter::SvgWriter(double width, double height, std::string_view title, std::string_view desc) : m_document(true) {
  m_out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  m_out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" + num(height) +
           "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
           "\" role=\"img\" aria-labelledby=\"title desc\" font-family=\"DejaVu Sans, sans-serif\">\n";
  m_out += "<title id=\"title\">" + xml_escape(title) + "</title>\n";
  m_out += "<desc id=\"desc\">" + xml_escape(desc) + "</desc>\n";
}

void SvgWriter::rect(double x, double y, double w, double h, std::string_view fill, double radius,
                     std::string_view stroke, double stroke_width) {
  m_out += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\"";
  if (radius > 0) m_out += " rx=\"" + num(radius) + "\"";
  m_out += " fill=\"" + xml_escape(fill) + "\"";
  if (!stroke.empty()) m_out += " stroke=\"" + xml_escape(stroke) + "\" stroke-width=\"" + num(stroke_width) + "\"";
  m_out += "/>\n";
}

void SvgWriter::line(double x1, double y1, double x2, double y2, std::string_view stroke, double width) {
  m_out += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) +
           "\" stroke=\"" + xml_escape(stroke) + "\" stroke-width=\"" + num(width) + "\"/>\n";
}

void SvgWriter::circle(double cx, double cy, double r, std::string_view fill) {
  m_out += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\" fill=\"" + xml_escape(fill) +
           "\"/>\n";
}

std::string SvgWriter::font_attributes(const Font& font) const {
  std::string a = " font-size=\"" + num(font.size) + "\"";
  if (font.weight == Weight::bold) a += " font-weight=\"bold\"";
  a += " fill=\"" + xml_escape(font.fill) + "\"";
  if (font.anchor == Anchor::middle) a += " text-anchor=\"middle\"";
  if (font.anchor == Anchor::end) a += " text-anchor=\"end\"";
  return a;
}

void SvgWriter::text(double x, double y, std::string_view content, const Font& font) {
  m_out += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + font_attributes(font) + ">" + xml_escape(content) +
           "</text>\n";
}

void SvgWriter::rotated_text(double x, double y, double degrees, std::string_view content, const Font& font) {
  m_out += "<text transform=\"translate(" + num(x) + " " + num(y) + ") rotate(" + num(degrees) + ")\"" +
           font_attributes(font) + ">" + xml_escape(content) + "</text>\n";
}

void SvgWriter::begin_group(std::string_view attributes) {
  m_out += "<g";
  if (!attributes.empty()) {
    m_out += " ";
    m_out += attributes;
  }
  m_out += ">\n";
}

void SvgWriter::end_group() {
  m_out += "</g>\n";
}

void SvgWriter::raw(std::string_view svg) {
  m_out += svg;
}

std::string SvgWriter::finish() {
  if (m_document) m_out += "</svg>\n";
  return std::move(m_out);
}

}  // namespace privascore::publish
