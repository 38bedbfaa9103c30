// The German and English wording of everything publish/ generates
// (graphics, badges, feeds, open-data notices), and dates written out.
//
// Every key exists in both languages (a test checks). Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "model/model.h"

namespace privascore::publish {

/// The phrase for key in lang; the key itself when there is none.
const std::string& phrase(Lang lang, std::string_view key);

/// Every key of the catalogue (for tests).
std::vector<std::string> phrase_keys();

/// "29. Oktober 2024" / "29 October 2024".
std::string long_date(const Date& date, Lang lang);

/// text with each "{}" replaced by the next argument, in order.
std::string format(std::string_view text, std::initializer_list<std::string> args);

/// The words for how the weights were obtained ("weights reconstructed").
const std::string& provenance_words(WeightsProvenance provenance, Lang lang);

}  // namespace privascore::publish
