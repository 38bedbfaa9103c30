#include "server/server_log.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace privascore::server {
namespace {

AccessEntry entry() {
  AccessEntry e;
  e.time = 1730203200;  // 2024-10-29T12:00:00Z
  e.client = "192.0.2.7";
  e.method = "GET";
  e.path = "/en/video-conferencing";
  e.status = 200;
  e.body_bytes = 5123;
  e.duration = std::chrono::microseconds(412);
  return e;
}

TEST(ServerLog, AccessLineHasNoAddressByDefault) {
  EXPECT_EQ(format_access_line(entry(), false), "2024-10-29T12:00:00Z \"GET /en/video-conferencing\" 200 5123 0.412ms");
}

TEST(ServerLog, AccessLineHasTheAddressWhenAsked) {
  EXPECT_EQ(format_access_line(entry(), true),
            "2024-10-29T12:00:00Z 192.0.2.7 \"GET /en/video-conferencing\" 200 5123 0.412ms");
}

TEST(ServerLog, UnknownPartsAreDashesAndOddBytesAreEscaped) {
  AccessEntry e = entry();
  e.method = "";
  e.path = "/a\"b\\c\xff";
  e.status = 400;
  EXPECT_EQ(format_access_line(e, false), "2024-10-29T12:00:00Z \"- /a\\x22b\\x5cc\\xff\" 400 5123 0.412ms");
}

TEST(ServerLog, WritesOneLinePerEntryAndError) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  {
    ServerLog log(file, file, false);
    log.access(entry());
    log.error("handler threw: bad\nthing");
  }
  std::rewind(file);
  std::string text;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, file)) text += buffer;
  std::fclose(file);
  EXPECT_EQ(text,
            "2024-10-29T12:00:00Z \"GET /en/video-conferencing\" 200 5123 0.412ms\n"
            "privascore: error: handler threw: bad\\x0athing\n");
}

}  // namespace
}  // namespace privascore::server
