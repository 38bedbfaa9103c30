#include "publish/phrases.h"

#include "render/messages.h"

namespace privascore::publish {

std::string long_date(const Date& date, Lang lang) {
  if (date.month < 1 || date.month > 12) return date.to_string();
  return tr(lang, "date_long",
            {{"day", std::to_string(date.day)},
             {"month", tr(lang, "month_" + std::to_string(date.month))},
             {"year", std::to_string(date.year)}});
}

std::string provenance_words(WeightsProvenance provenance, Lang lang) {
  switch (provenance) {
    case WeightsProvenance::published: return tr(lang, "publish_weights_published");
    case WeightsProvenance::derived: return tr(lang, "publish_weights_derived");
    case WeightsProvenance::reconstructed: break;
  }
  return tr(lang, "publish_weights_reconstructed");
}

}  // namespace privascore::publish
