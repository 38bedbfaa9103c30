// Small text helpers shared by loaders and renderers. Pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace privascore {

/// Byte offset of the first invalid UTF-8 sequence in text, or npos when the
/// whole text is valid UTF-8 (overlong forms and surrogates are invalid).
std::size_t find_invalid_utf8(std::string_view text);

/// Edit distance between a and b: insertions, deletions, substitutions and
/// swaps of two adjacent characters each count one.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to word, or "" when none is close enough to be a
/// plausible typo (distance more than a third of the word's length, min 2).
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// Number of Unicode code points in valid UTF-8 text (display width for
/// the scripts our data uses).
std::size_t display_width(std::string_view text);

/// True for ids: lowercase ASCII letters, digits and '-', not starting or
/// ending with '-', 1 to 64 characters.
bool is_valid_id(std::string_view id);

/// The hint for a text that is not a valid id: the rule, and the id the
/// text most likely meant ("Grün Weiß" → "gruen-weiss": lowercase, German
/// letters transliterated, other ASCII characters a '-') when there is
/// one; none when the text has other non-ASCII characters ("café").
std::string id_hint(std::string_view text);

/// True when text holds nothing but spaces, tabs and line breaks (or is empty).
bool is_blank(std::string_view text);

/// text without its leading and trailing spaces, tabs and line breaks; a
/// view into text, so it lives as long as text does.
std::string_view trim(std::string_view text);

/// text with ASCII letters A-Z lowercased; other bytes (UTF-8 too) unchanged.
std::string lower(std::string_view text);

/// "a, b, c" from a list.
std::string join(const std::vector<std::string>& items, std::string_view separator);

}  // namespace privascore
