// Login throttling and the rate limit, on a manual clock.
#include "editor/throttle.h"

#include <gtest/gtest.h>

namespace privascore::editor {
namespace {

TEST(LoginThrottle, AccountLocksAfterFreeFailuresWithGrowingDelay) {
  ManualClock clock;
  LoginThrottle throttle(clock, ThrottlePolicy{5, 30, 900, 1000, 900});
  for (int i = 0; i < 4; ++i) throttle.record_failure("anna", "c1");
  EXPECT_EQ(throttle.retry_after("anna", "c1"), 0);
  throttle.record_failure("anna", "c1");  // fifth
  EXPECT_EQ(throttle.retry_after("anna", "c1"), 30);
  EXPECT_EQ(throttle.retry_after("anna", "c2"), 30) << "per account, whatever the client";
  EXPECT_EQ(throttle.retry_after("bert", "c1"), 0) << "other accounts are not locked";
  clock.advance(30);
  EXPECT_EQ(throttle.retry_after("anna", "c1"), 0);
  throttle.record_failure("anna", "c1");  // sixth: 60 s
  EXPECT_EQ(throttle.retry_after("anna", "c1"), 60);
  clock.advance(60);
  throttle.record_failure("anna", "c1");  // seventh: 120 s
  EXPECT_EQ(throttle.retry_after("anna", "c1"), 120);
  for (int i = 0; i < 10; ++i) {
    clock.advance(900);
    throttle.record_failure("anna", "c1");
  }
  EXPECT_LE(throttle.retry_after("anna", "c1"), 900) << "capped at max_delay";
}

TEST(LoginThrottle, SuccessResetsTheAccount) {
  ManualClock clock;
  LoginThrottle throttle(clock);
  for (int i = 0; i < 5; ++i) throttle.record_failure("anna", "c1");
  EXPECT_GT(throttle.retry_after("anna", "c1"), 0);
  throttle.record_success("anna");
  EXPECT_EQ(throttle.retry_after("anna", "c1"), 0);
}

TEST(LoginThrottle, ClientWindowAcrossAccounts) {
  ManualClock clock;
  LoginThrottle throttle(clock, ThrottlePolicy{5, 30, 900, 3, 600});
  throttle.record_failure("a", "c1");
  throttle.record_failure("b", "c1");
  EXPECT_EQ(throttle.retry_after("c", "c1"), 0);
  throttle.record_failure("c", "c1");
  EXPECT_EQ(throttle.retry_after("d", "c1"), 600) << "a new account name does not help";
  EXPECT_EQ(throttle.retry_after("d", "c2"), 0) << "other clients are not affected";
  clock.advance(599);
  EXPECT_EQ(throttle.retry_after("d", "c1"), 1);
  clock.advance(1);
  EXPECT_EQ(throttle.retry_after("d", "c1"), 0);
}

TEST(RateLimiter, FixedWindow) {
  ManualClock clock;
  RateLimiter limiter(clock, 2, 100);
  EXPECT_EQ(limiter.acquire("x"), 0);
  EXPECT_EQ(limiter.acquire("x"), 0);
  EXPECT_EQ(limiter.acquire("x"), 100);
  EXPECT_EQ(limiter.acquire("y"), 0);
  clock.advance(40);
  EXPECT_EQ(limiter.acquire("x"), 60);
  clock.advance(60);
  EXPECT_EQ(limiter.acquire("x"), 0);
}

}  // namespace
}  // namespace privascore::editor
