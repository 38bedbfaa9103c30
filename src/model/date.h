// Date: a calendar day (no time, no zone), as used for editions and evidence.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace privascore {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  /// "YYYY-MM-DD".
  std::string to_string() const;
  /// Days since 1970-01-01 (proleptic Gregorian), for differences.
  long days_since_epoch() const;
  bool valid() const;

  /// Parses "YYYY-MM-DD"; nullopt when malformed or not a real day.
  static std::optional<Date> parse(std::string_view text);

  auto operator<=>(const Date&) const = default;
};

}  // namespace privascore
