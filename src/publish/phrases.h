// Wording that publish/ builds from the text catalogue (render/messages.h,
// keys `publish_…`): dates written out and how the weights were obtained.
//
// Pure; thread-safe.
#pragma once

#include <string>

#include "model/date.h"
#include "model/model.h"

namespace privascore::publish {

/// "29. Oktober 2024" / "29 October 2024" (the catalogue's date_long and
/// month_N); a date without a valid month as YYYY-MM-DD.
std::string long_date(const Date& date, Lang lang);

/// The words for how the weights were obtained ("weights reconstructed").
std::string provenance_words(WeightsProvenance provenance, Lang lang);

}  // namespace privascore::publish
