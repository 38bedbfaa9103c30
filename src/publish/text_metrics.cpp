#include "publish/text_metrics.h"

#include <algorithm>

#include "publish/text_metrics_data.h"

namespace privascore::publish {

namespace {

constexpr int k_fallback_width = 600;

// Decodes one code point at text[i] and advances i; invalid bytes count as
// one replacement character each.
std::uint32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  int extra = 0;
  std::uint32_t cp = 0;
  if (b0 < 0x80) {
    cp = b0;
  } else if ((b0 & 0xE0) == 0xC0) {
    cp = b0 & 0x1F;
    extra = 1;
  } else if ((b0 & 0xF0) == 0xE0) {
    cp = b0 & 0x0F;
    extra = 2;
  } else if ((b0 & 0xF8) == 0xF0) {
    cp = b0 & 0x07;
    extra = 3;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + static_cast<std::size_t>(extra) >= text.size()) {
    i = text.size();
    return 0xFFFD;
  }
  for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (byte(i + static_cast<std::size_t>(k)) & 0x3F);
  i += static_cast<std::size_t>(extra) + 1;
  return cp;
}

int glyph_width(std::uint32_t cp, Weight weight) {
  const detail::GlyphWidth* begin = weight == Weight::bold ? detail::k_bold : detail::k_regular;
  const std::size_t count = weight == Weight::bold ? detail::k_bold_count : detail::k_regular_count;
  const detail::GlyphWidth* end = begin + count;
  const auto* it =
      std::lower_bound(begin, end, cp, [](const detail::GlyphWidth& g, std::uint32_t c) { return g.code_point < c; });
  return it != end && it->code_point == cp ? it->width : k_fallback_width;
}

}  // namespace

double text_width(std::string_view text, double px, Weight weight) {
  long total = 0;
  for (std::size_t i = 0; i < text.size();) total += glyph_width(next_code_point(text, i), weight);
  return static_cast<double>(total) * px / 1000.0;
}

std::vector<std::string> wrap_text(std::string_view text, double max_width, double px, Weight weight) {
  // Break opportunities: at spaces, and after a hyphen inside a word
  // ("Videokonferenz-" / "Dienste"). glued chunks join without a space.
  struct Chunk {
    std::string text;
    bool glued;
  };
  std::vector<Chunk> chunks;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos >= text.size()) break;
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(pos, end - pos);
    pos = end;
    bool glued = false;
    while (!word.empty()) {
      std::size_t hyphen = word.find('-', 1);
      std::size_t cut = hyphen == std::string_view::npos || hyphen + 1 >= word.size() ? word.size() : hyphen + 1;
      chunks.push_back({std::string(word.substr(0, cut)), glued});
      word.remove_prefix(cut);
      glued = true;
    }
  }
  std::vector<std::string> lines;
  std::string line;
  for (const auto& chunk : chunks) {
    const std::string candidate = line.empty() ? chunk.text : line + (chunk.glued ? "" : " ") + chunk.text;
    if (line.empty() || text_width(candidate, px, weight) <= max_width) {
      line = candidate;
    } else {
      lines.push_back(std::move(line));
      line = chunk.text;
    }
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string fit_text(std::string_view text, double max_width, double px, Weight weight) {
  if (text_width(text, px, weight) <= max_width) return std::string(text);
  std::string out(text);
  while (!out.empty()) {
    // Drop one code point (and its continuation bytes) from the end.
    std::size_t cut = out.size() - 1;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.erase(cut);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (text_width(out + "…", px, weight) <= max_width) break;
  }
  return out + "…";
}

}  // namespace privascore::publish
