// The small HTML handling the WordPress importer needs: a page body as the
// REST API serves it (`content.rendered`) split into its top-level blocks
// (<p>, <h2>, <figure>, <div>, …), and the visible text of a fragment.
//
// Not a general HTML parser: it knows the markup WordPress's block editor
// writes (paragraphs with inline <strong>, <em>, <a>, <br>, entities, nested
// inline tags) and fails, naming the byte offset, where a block is not
// closed. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.h"

namespace privascore::migrate {

/// One top-level element of a page body.
struct HtmlBlock {
  std::string tag;         // lowercase: "p", "h2", "figure", "div"
  std::string id;          // the id attribute, entities decoded; "" when absent
  std::string attributes;  // everything between the tag name and '>', as written
  std::string inner;       // the HTML between the opening and the closing tag
  std::size_t offset = 0;  // byte offset of the opening '<' in the body
  std::size_t inner_offset = 0;
};

/// The top-level elements of body, in order; white space and comments
/// between them are skipped, other text between them is a block of tag
/// "#text". Fails (message naming `field` and the byte offset) when an
/// element or a comment is not closed, a tag is not terminated, or a closing
/// tag closes nothing.
Result<std::vector<HtmlBlock>> split_blocks(std::string_view body, std::string_view field);

/// The visible text of an HTML fragment: tags removed (their content kept),
/// <br> a line break, entities decoded, runs of white space one space, each
/// line trimmed. Comments, <script>, <style>, <svg> and <button> contents are
/// dropped.
std::string html_text(std::string_view fragment);

/// When the fragment starts (after white space) with <strong>…</strong> or
/// <b>…</b>: the visible text of that element and the offset just after its
/// closing tag. Otherwise npos as the offset.
struct LeadingStrong {
  std::string text;
  std::size_t end = std::string_view::npos;
};
LeadingStrong leading_strong(std::string_view fragment);

/// The first `max_chars` code points of the fragment with white space
/// collapsed, "…" appended when cut: a fragment short enough for a message.
std::string shorten(std::string_view fragment, std::size_t max_chars);

}  // namespace privascore::migrate
