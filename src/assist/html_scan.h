// A tolerant scan of an HTML page for what the probe needs: links (with their
// text) and the resources a browser loads from it (scripts, styles, fonts,
// images, frames). Not a full HTML parser: it never fails and never builds a
// tree. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace privascore::assist {

struct HtmlLink {
  std::string href;  // as written, entities decoded
  std::string text;  // visible text inside <a>, whitespace collapsed
  std::size_t line = 0;
};

struct HtmlResource {
  std::string tag;  // "script", "link", "img", "iframe", ...
  std::string url;  // src or href, entities decoded
  std::size_t line = 0;
};

struct HtmlScan {
  std::string title;
  std::string generator;  // <meta name="generator">
  std::vector<HtmlLink> links;
  std::vector<HtmlResource> resources;
};

HtmlScan scan_html(std::string_view html);

/// True when a browser loads the resource by itself (scripts, images,
/// frames, stylesheets, icons, preconnects), false for <link rel=canonical>
/// and similar references.
bool loaded_by_browser(const HtmlResource& resource);

/// Decodes HTML character references (named ones common in German and
/// English pages, and numeric ones). Unknown references stay as written.
std::string decode_entities(std::string_view text);

enum class LinkKind { none, privacy, imprint, terms };
/// What a link points at, judged by its text and its URL (German and English).
LinkKind classify_link(const HtmlLink& link);

}  // namespace privascore::assist
