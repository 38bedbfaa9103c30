// The category document: the comparison graphic followed by the
// explanation of every feature, how the score is computed, where the
// weights come from and the notes of the edition. For organisations that
// must file the basis of their decision.
//
// The pages are generated as A4-sized SVG (pure, testable) and then drawn
// into one PDF by cairo. Deterministic: the PDF's dates are the edition's.
#pragma once

#include <string>
#include <tl/expected.hpp>
#include <vector>

#include "model/model.h"
#include "scoring/scoring.h"

namespace privascore::publish {

/// The text pages after the graphic, each an A4 SVG (595 x 842 px), with
/// "Page n of m" counting the graphic as page 1.
std::vector<std::string> category_text_pages(const Category& category, const EditionScore& score, Lang lang);

/// The whole document as PDF bytes; an error when rendering fails.
tl::expected<std::string, std::string> category_pdf(const Category& category, const EditionScore& score, Lang lang);

}  // namespace privascore::publish
