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

namespace {
std::string file_text(std::FILE* file) {
  std::fflush(file);
  std::rewind(file);
  std::string text;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, file)) text += buffer;
  return text;
}
}  // namespace

TEST(ServerLog, BuffersAccessLinesUntilFlushOrAnError) {
  std::FILE* access = std::tmpfile();
  std::FILE* errors = std::tmpfile();
  ASSERT_NE(access, nullptr);
  ASSERT_NE(errors, nullptr);
  const std::string line = "2024-10-29T12:00:00Z \"GET /en/video-conferencing\" 200 5123 0.412ms\n";
  {
    ServerLog log(access, errors, false);
    log.access(entry());
    log.access(entry());
    EXPECT_EQ(file_text(access), "");  // buffered, not yet written
    log.flush();
    EXPECT_EQ(file_text(access), line + line);
    log.access(entry());
    log.error("x");  // buffered access lines go out first
    EXPECT_EQ(file_text(access), line + line + line);
    EXPECT_EQ(file_text(errors), "privascore: error: x\n");
    // Enough lines to pass the buffer's size are written without a flush.
    for (int i = 0; i < 1000; ++i) log.access(entry());
    const std::string text = file_text(access);
    EXPECT_GT(text.size(), 3 * line.size() + 32 * 1024 - line.size());
    EXPECT_LT(text.size(), 1003 * line.size());
    log.access(entry());
  }
  // Destruction writes the rest: not one line is lost.
  const std::string text = file_text(access);
  EXPECT_EQ(text.size(), 1004 * line.size());
  EXPECT_EQ(text.find(line), 0u);
  std::fclose(access);
  std::fclose(errors);
}

}  // namespace
}  // namespace privascore::server
