// Clock: where the editor reads the current time, so that tests can move
// time forward (session time-outs, login throttling, rate limits) without
// sleeping.
//
// Times are whole seconds since 1970-01-01 UTC. SystemClock reads the
// system clock; ManualClock returns what a test set. Both are safe to call
// from several threads at once.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace privascore::editor {

class Clock {
 public:
  virtual ~Clock() = default;
  /// Seconds since the epoch (UTC).
  virtual std::int64_t now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::int64_t now() const override;
};

/// A clock that stands still until a test advances it.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::int64_t start = 1'730'000'000) : m_now(start) {}
  std::int64_t now() const override { return m_now.load(); }
  void advance(std::int64_t seconds) { m_now += seconds; }
  void set(std::int64_t seconds) { m_now = seconds; }

 private:
  std::atomic<std::int64_t> m_now;
};

/// "2024-10-29T13:45:07Z" for a time of a Clock.
std::string iso_time(std::int64_t seconds);
/// "2024-10-29": the UTC calendar day of a time.
std::string iso_date(std::int64_t seconds);

}  // namespace privascore::editor
