// Sessions under short idle timeouts: an active session stays alive.
#include "editor/sessions.h"

#include <gtest/gtest.h>

#include "editor/editor_testing.h"

namespace privascore::editor {
namespace {

using testing::Fixture;

// With idle_timeout = 60 s, last_seen used to be rewritten only when at
// least 60 s old, so a session used every 10 s ended after a minute.
TEST(Sessions, AnActiveSessionOutlivesAShortIdleTimeout) {
  for (const std::int64_t idle : {2, 60, 90, 1800}) {
    SCOPED_TRACE("idle_timeout " + std::to_string(idle));
    Fixture f;
    const SessionPolicy policy{idle, 12 * 3600};
    auto s = create_session(f.db(), f.editor, f.clock);
    ASSERT_TRUE(s);
    // A request every idle - 1 seconds, for five idle timeouts.
    const std::int64_t step = idle - 1;
    for (std::int64_t t = step; t <= 5 * idle; t += step) {
      f.clock.advance(step);
      auto found = find_session(f.db(), s->token, policy, f.clock);
      ASSERT_TRUE(found);
      ASSERT_TRUE(*found) << "ended at " << t << " s although used every " << step << " s";
    }
    f.clock.advance(idle);
    auto found = find_session(f.db(), s->token, policy, f.clock);
    ASSERT_TRUE(found);
    EXPECT_FALSE(*found) << "idle for idle_timeout ends it";
  }
}

// Writes are still spared: a session used every second is written at most
// once per sixtieth of its idle timeout.
TEST(Sessions, LastSeenIsWrittenAtMostOncePerSixtiethOfTheIdleTimeout) {
  Fixture f;
  const SessionPolicy policy{1800, 12 * 3600};
  auto s = create_session(f.db(), f.editor, f.clock);
  ASSERT_TRUE(s);
  f.clock.advance(29);
  auto found = find_session(f.db(), s->token, policy, f.clock);
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->last_seen, s->session.created_at) << "29 s < 1800/60 s: not written";
  f.clock.advance(1);
  found = find_session(f.db(), s->token, policy, f.clock);
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->last_seen, s->session.created_at + 30);
}

}  // namespace
}  // namespace privascore::editor
