#include "publish/raster.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>
#include <malloc.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace privascore::publish {

namespace {

std::mutex g_render_mutex;

struct HandleDeleter {
  void operator()(RsvgHandle* h) const { g_object_unref(h); }
};
struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using Handle = std::unique_ptr<RsvgHandle, HandleDeleter>;
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using Context = std::unique_ptr<cairo_t, ContextDeleter>;

// A render allocates tens of megabytes (the image surface, rsvg's tree)
// and frees them at the end. Hand them back to the system at once: a
// long-running `privascore serve` keeps freed memory for speed
// (cmd_serve.cpp), and would otherwise hold them from its first graphic on
// (measured: 56 MB resident after one PNG instead of 40 MB).
template <class Render>
auto returning_memory(Render render) {
  auto result = render();
  malloc_trim(0);
  return result;
}

std::string take_error(GError* error, const char* what) {
  std::string message = what;
  if (error) {
    message += ": ";
    message += error->message;
    g_error_free(error);
  }
  return message;
}

tl::expected<std::pair<Handle, SvgSize>, std::string> load(std::string_view svg) {
  GError* error = nullptr;
  Handle handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), static_cast<gsize>(svg.size()), &error));
  if (!handle) return tl::unexpected(take_error(error, "cannot parse the SVG"));
  rsvg_handle_set_dpi(handle.get(), 96);
  SvgSize size;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &size.width, &size.height) || size.width <= 0 ||
      size.height <= 0) {
    return tl::unexpected(std::string("the SVG has no width and height in absolute units"));
  }
  return std::make_pair(std::move(handle), size);
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

tl::expected<SvgSize, std::string> svg_size(std::string_view svg) {
  std::lock_guard lock(g_render_mutex);
  auto loaded = load(svg);
  if (!loaded) return tl::unexpected(loaded.error());
  return loaded->second;
}

namespace {

tl::expected<std::string, std::string> render_png(std::string_view svg, double scale) {
  if (!(scale > 0 && scale <= 8)) return tl::unexpected(std::string("the scale must be in (0, 8]"));
  std::lock_guard lock(g_render_mutex);
  auto loaded = load(svg);
  if (!loaded) return tl::unexpected(loaded.error());
  auto& [handle, size] = *loaded;
  const int w = static_cast<int>(size.width * scale + 0.5);
  const int h = static_cast<int>(size.height * scale + 0.5);
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return tl::unexpected(std::string("cannot allocate a ") + std::to_string(w) + "x" + std::to_string(h) + " image");
  {
    Context cr(cairo_create(surface.get()));
    RsvgRectangle viewport{0, 0, static_cast<double>(w), static_cast<double>(h)};
    GError* error = nullptr;
    if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &error))
      return tl::unexpected(take_error(error, "cannot render the SVG"));
  }
  std::string png;
  if (cairo_surface_write_to_png_stream(surface.get(), append_to_string, &png) != CAIRO_STATUS_SUCCESS)
    return tl::unexpected(std::string("cannot encode the PNG"));
  return png;
}

tl::expected<std::string, std::string> render_pdf(const std::vector<std::string>& pages, const PdfInfo& info) {
  std::lock_guard lock(g_render_mutex);
  std::string pdf;
  Surface surface(cairo_pdf_surface_create_for_stream(append_to_string, &pdf, k_a4_width, k_a4_height));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, info.title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR, info.author.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT, info.subject.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "privascore");
  const std::string stamp = info.date + "T00:00:00Z";
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, stamp.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, stamp.c_str());
  {
    Context cr(cairo_create(surface.get()));
    constexpr double k_margin = 28;
    for (const auto& page : pages) {
      auto loaded = load(page);
      if (!loaded) return tl::unexpected(loaded.error());
      auto& [handle, size] = *loaded;
      const double scale =
          std::min({1.0, (k_a4_width - 2 * k_margin) / size.width, (k_a4_height - 2 * k_margin) / size.height});
      const double w = size.width * scale, h = size.height * scale;
      // Pages laid out for A4 fill it; larger ones are fitted with a margin.
      const bool full_page = size.width == k_a4_width && size.height == k_a4_height;
      RsvgRectangle viewport = full_page ? RsvgRectangle{0, 0, k_a4_width, k_a4_height}
                                         : RsvgRectangle{(k_a4_width - w) / 2, k_margin, w, h};
      GError* error = nullptr;
      if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &error))
        return tl::unexpected(take_error(error, "cannot render a PDF page"));
      cairo_show_page(cr.get());
    }
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return tl::unexpected(std::string("cannot write the PDF: ") +
                          cairo_status_to_string(cairo_surface_status(surface.get())));
  surface.reset();
  return pdf;
}

}  // namespace

tl::expected<std::string, std::string> svg_to_png(std::string_view svg, double scale) {
  return returning_memory([&] { return render_png(svg, scale); });
}

tl::expected<std::string, std::string> svgs_to_pdf(const std::vector<std::string>& pages, const PdfInfo& info) {
  return returning_memory([&] { return render_pdf(pages, info); });
}

}  // namespace privascore::publish
