// SiteData: the robustness memo computes each edition's result once, also
// when many requests ask at the same time.
#include "web/site_data.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "web/site_test_support.h"

namespace privascore::web {
namespace {

TEST(RobustnessMemo, ComputesEachEditionOnceAcrossThreads) {
  RobustnessMemo memo(2);
  std::atomic<int> calls{0};
  auto compute = [&] {
    ++calls;
    return RobustnessMemo::Result{};
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) threads.emplace_back([&memo, &compute, i] { memo.get(i % 2, compute); });
  for (auto& t : threads) t.join();
  EXPECT_EQ(calls.load(), 2);
  memo.get(0, compute);
  EXPECT_EQ(calls.load(), 2);
  EXPECT_THROW(memo.get(2, compute), std::out_of_range);
}

TEST(RobustnessMemo, EveryCategoryHasOneSlotPerScoredEdition) {
  const SiteData data(test::bundled_catalogue());
  ASSERT_FALSE(data.categories().empty());
  for (const CategoryView& c : data.categories()) {
    ASSERT_NE(c.robustness, nullptr);
    EXPECT_EQ(c.robustness->size(), c.scores.size());
  }
}

}  // namespace
}  // namespace privascore::web
