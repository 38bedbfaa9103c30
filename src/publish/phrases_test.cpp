#include "publish/phrases.h"

#include <gtest/gtest.h>

namespace privascore::publish {
namespace {

TEST(Phrases, DatesAreWrittenOutInEachLanguage) {
  EXPECT_EQ(long_date(Date{2024, 3, 1}, Lang::de), "1. März 2024");
  EXPECT_EQ(long_date(Date{2024, 10, 29}, Lang::en), "29 October 2024");
  EXPECT_EQ(long_date(Date{2024, 12, 31}, Lang::de), "31. Dezember 2024");
  const Date no_month{2024, 13, 1};
  EXPECT_EQ(long_date(no_month, Lang::en), no_month.to_string());
}

TEST(Phrases, ProvenanceWords) {
  EXPECT_EQ(provenance_words(WeightsProvenance::reconstructed, Lang::de), "Gewichte rekonstruiert");
  EXPECT_EQ(provenance_words(WeightsProvenance::derived, Lang::en), "weights derived");
  EXPECT_EQ(provenance_words(WeightsProvenance::published, Lang::en), "weights published");
}

}  // namespace
}  // namespace privascore::publish
