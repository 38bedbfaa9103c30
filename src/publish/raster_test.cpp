#include "publish/raster.h"

#include <cairo.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "publish/category_pdf.h"
#include "publish/graphic.h"
#include "publish/test_fixture.h"

namespace privascore::publish {
namespace {

using testing::bundled;
using testing::scores;

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint32_t> pixels;  // ARGB32, premultiplied
};

cairo_status_t read_from(void* closure, unsigned char* data, unsigned int length) {
  auto* in = static_cast<std::string_view*>(closure);
  if (in->size() < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, in->data(), length);
  in->remove_prefix(length);
  return CAIRO_STATUS_SUCCESS;
}

Image decode_png(const std::string& png) {
  std::string_view in(png);
  cairo_surface_t* s = cairo_image_surface_create_from_png_stream(read_from, &in);
  Image image;
  if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
    cairo_surface_t* argb = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width(s),
                                                       cairo_image_surface_get_height(s));
    cairo_t* cr = cairo_create(argb);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_flush(argb);
    image.width = cairo_image_surface_get_width(argb);
    image.height = cairo_image_surface_get_height(argb);
    const int stride = cairo_image_surface_get_stride(argb);
    const unsigned char* data = cairo_image_surface_get_data(argb);
    for (int y = 0; y < image.height; ++y) {
      const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * stride);
      image.pixels.insert(image.pixels.end(), row, row + image.width);
    }
    cairo_surface_destroy(argb);
  }
  cairo_surface_destroy(s);
  return image;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream b;
  b << in.rdbuf();
  return b.str();
}

// The share of pixels whose largest channel difference exceeds 64 (of 255),
// and the mean absolute channel difference.
struct Difference {
  double differing_share = 1;
  double mean = 255;
};

Difference compare(const Image& a, const Image& b) {
  Difference d;
  if (a.width != b.width || a.height != b.height || a.pixels.empty()) return d;
  long differing = 0;
  double total = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i) {
    int worst = 0;
    for (int shift = 0; shift < 32; shift += 8) {
      const int ca = static_cast<int>((a.pixels[i] >> shift) & 0xff);
      const int cb = static_cast<int>((b.pixels[i] >> shift) & 0xff);
      worst = std::max(worst, std::abs(ca - cb));
      total += std::abs(ca - cb);
    }
    if (worst > 64) ++differing;
  }
  d.differing_share = static_cast<double>(differing) / static_cast<double>(a.pixels.size());
  d.mean = total / (4.0 * static_cast<double>(a.pixels.size()));
  return d;
}

// The reference PNG was rendered on Debian 12 (librsvg 2.54, cairo 1.16,
// fonts-dejavu-core 2.37). Font hinting or antialiasing differences move
// edge pixels of glyphs; a changed number, colour or layout moves far
// more: a single cell of another colour differs in about 0.1 % of the
// pixels, a moved column in several percent. The tolerance sits between.
constexpr double k_max_differing_share = 0.0008;
constexpr double k_max_mean_difference = 1.0;

TEST(SvgToPng, RendersTheGraphicAtTwiceItsSizeLikeTheReference) {
  const auto score = scores("video-conferencing");
  const std::string svg = comparison_svg(*bundled().category("video-conferencing"), score, Lang::en);
  auto size = svg_size(svg);
  ASSERT_TRUE(size) << size.error();
  auto png = svg_to_png(svg, 2);
  ASSERT_TRUE(png) << png.error();
  ASSERT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  const Image image = decode_png(*png);
  EXPECT_EQ(image.width, static_cast<int>(std::lround(size->width * 2)));
  EXPECT_EQ(image.height, static_cast<int>(std::lround(size->height * 2)));

  const std::string reference_path = test::source_path("tests/golden/publish/video-conferencing-2024-10-29.en.png");
  if (const char* update = std::getenv("PRIVASCORE_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::ofstream(reference_path, std::ios::binary) << *png;
  }
  const Image reference = decode_png(read_file(reference_path));
  ASSERT_EQ(reference.width, image.width) << "reference " << reference_path;
  ASSERT_EQ(reference.height, image.height);
  const Difference d = compare(image, reference);
  EXPECT_LE(d.differing_share, k_max_differing_share);
  EXPECT_LE(d.mean, k_max_mean_difference);
}

// The tolerance is tight enough to see one cell change colour.
TEST(SvgToPng, ToleranceDetectsOneChangedCell) {
  const auto score = scores("video-conferencing");
  const std::string svg = comparison_svg(*bundled().category("video-conferencing"), score, Lang::en);
  std::string changed = svg;
  // The first red cell of the table becomes green.
  const std::size_t at = changed.find("fill=\"#c62828\"");
  ASSERT_NE(at, std::string::npos);
  changed.replace(at, 14, "fill=\"#1a7f37\"");
  const Image a = decode_png(*svg_to_png(svg, 2));
  const Image b = decode_png(*svg_to_png(changed, 2));
  const Difference d = compare(a, b);
  EXPECT_GT(d.differing_share, k_max_differing_share);
}

TEST(SvgToPng, CardIs1200By630) {
  const std::string svg = card_svg(*bundled().category("messengers"), scores("messengers"), Lang::de);
  const Image image = decode_png(*svg_to_png(svg, 1));
  EXPECT_EQ(image.width, 1200);
  EXPECT_EQ(image.height, 630);
}

TEST(SvgToPng, SameSvgGivesSameBytes) {
  const std::string svg = card_svg(*bundled().category("messengers"), scores("messengers"), Lang::en);
  EXPECT_EQ(*svg_to_png(svg, 1), *svg_to_png(svg, 1));
}

TEST(SvgToPng, BrokenSvgIsAnError) {
  auto png = svg_to_png("<svg", 2);
  ASSERT_FALSE(png);
  EXPECT_NE(png.error().find("cannot parse the SVG"), std::string::npos);
  EXPECT_FALSE(svg_to_png("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>", 0));
  EXPECT_FALSE(svg_to_png("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", 1));  // no size
}

TEST(CategoryPdf, HasTheGraphicAndTheTextPagesAndIsReproducible) {
  const auto score = scores("video-conferencing");
  const Category& c = *bundled().category("video-conferencing");
  auto pdf = category_pdf(c, score, Lang::de);
  ASSERT_TRUE(pdf) << pdf.error();
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  const auto text_pages = category_text_pages(c, score, Lang::de);
  ASSERT_GE(text_pages.size(), 1u);
  std::size_t pages = 0;
  for (std::size_t at = pdf->find("/Type /Page "); at != std::string::npos; at = pdf->find("/Type /Page ", at + 1))
    ++pages;
  EXPECT_EQ(pages, 1 + text_pages.size());
  EXPECT_NE(pdf->find("/CreationDate (20241029000000Z)"), std::string::npos)
      << "creation date from the edition, not the clock";
  EXPECT_EQ(*pdf, *category_pdf(c, score, Lang::de));
  EXPECT_NE(text_pages.back().find("Seite " + std::to_string(text_pages.size() + 1) + " von "), std::string::npos);
  const std::string all = text_pages[0];
  EXPECT_NE(all.find("Ende-zu-Ende-Verschlüsselung (Gewicht 21)"), std::string::npos);
}

}  // namespace
}  // namespace privascore::publish
