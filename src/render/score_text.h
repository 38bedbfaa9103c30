// The text renderings of scores, explanations and diffs for people: the
// terminal tables of the command line (ANSI colours on request), CSV and
// Markdown. The machine-readable documents are in render/score_json.h.
//
// Pure: every function returns text built from the engine's results, in
// the language asked for (texts from the catalogue, render/messages.h).
#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "scoring/diff.h"
#include "scoring/scoring.h"
#include "scoring/variants.h"

namespace privascore {

struct TextStyle {
  bool colour = false;  // ANSI colours (only on a terminal)
};

std::string score_table(const Category& category, const EditionScore& score, Lang lang, TextStyle style);
std::string score_csv(const EditionScore& score, Lang lang);
std::string score_markdown(const Category& category, const EditionScore& score, Lang lang);
/// As explain_json: lists the hosting variants after the explanation.
std::string explain_text(const Category& category, const EditionScore& score, const ServiceScore& service, Lang lang,
                         TextStyle style);
std::string explain_variant_text(const Category& category, const VariantScore& shown,
                                 const std::vector<VariantScore>& all, Lang lang, TextStyle style);
std::string variants_text(const std::vector<VariantScore>& variants, Lang lang);
std::string diff_text(const Category& category, const EditionDiff& diff, Lang lang, TextStyle style);

/// CSV field quoting (RFC 4180).
std::string csv_field(const std::string& value);

}  // namespace privascore
