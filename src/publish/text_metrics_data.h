// The glyph width tables behind text_metrics (generated data).
#pragma once

#include <cstddef>
#include <cstdint>

namespace privascore::publish::detail {

struct GlyphWidth {
  std::uint32_t code_point;
  std::uint16_t width;  // thousandths of an em
};

extern const GlyphWidth k_regular[];
extern const std::size_t k_regular_count;
extern const GlyphWidth k_bold[];
extern const std::size_t k_bold_count;

}  // namespace privascore::publish::detail
