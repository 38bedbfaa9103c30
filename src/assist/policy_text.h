// Policy text: a privacy policy (HTML or plain text) turned into plain text
// and split into sentences, every sentence keeping its position in the
// original document (byte offset and line) so a quote can be found again.
// HTML: scripts, styles and comments are dropped, tags removed (block tags
// end a sentence), character references decoded. Linear in the input; pure;
// thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace privascore::assist {

struct PolicyText {
  std::string text;                 // the visible text, whitespace collapsed; '\n' marks a block boundary
  std::vector<std::size_t> origin;  // for every byte of text, its byte offset in the source
  bool html = false;
};

/// HTML when the source looks like HTML (a tag near the start, or
/// <html>/<body>/<p>), else plain text. In plain text a blank line or a
/// bulleted line starts a new block; other line breaks are spaces.
PolicyText extract_text(std::string_view source);

struct Sentence {
  std::size_t begin = 0;  // in PolicyText::text
  std::size_t end = 0;
  std::size_t offset = 0;  // byte offset of the first character in the source
  std::size_t line = 0;    // 1-based line of that character in the source
};

/// Sentences of at most max_bytes each (longer runs are cut at a space).
/// Abbreviations (z. B., Art., Abs., e.g., Inc.) and initials do not end a
/// sentence; a sentence ends at . ! ? followed by a capital letter, at a
/// block boundary, or at the end.
std::vector<Sentence> split_sentences(const PolicyText& text, std::string_view source, std::size_t max_bytes = 2000);

}  // namespace privascore::assist
