#include "server/listen_address.h"

#include <gtest/gtest.h>

namespace privascore::server {
namespace {

TEST(ListenAddress, ParsesIpv4HostAndPort) {
  auto a = parse_listen_address("127.0.0.1:8080");
  ASSERT_TRUE(a) << a.error().to_string();
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 8080);
  EXPECT_EQ(a->to_string(), "127.0.0.1:8080");
  EXPECT_EQ(a->url(), "http://127.0.0.1:8080/");
}

TEST(ListenAddress, ParsesBracketedIpv6) {
  auto a = parse_listen_address("[::1]:9000");
  ASSERT_TRUE(a) << a.error().to_string();
  EXPECT_EQ(a->host, "::1");
  EXPECT_EQ(a->port, 9000);
  EXPECT_EQ(a->to_string(), "[::1]:9000");
}

TEST(ListenAddress, LocalhostMeansLoopbackAndPortZeroIsAllowed) {
  auto a = parse_listen_address("localhost:0");
  ASSERT_TRUE(a) << a.error().to_string();
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 0);
}

TEST(ListenAddress, RefusesMalformedAddressesWithTheExpectedForm) {
  struct Case {
    const char* text;
    const char* says;
  };
  const Case cases[] = {
      {"", "empty"},
      {"8080", "did you mean 127.0.0.1:8080?"},
      {"127.0.0.1", "missing `:PORT`"},
      {":8080", "missing host"},
      {"127.0.0.1:", "missing port"},
      {"127.0.0.1:http", "not a number from 0 to 65535"},
      {"127.0.0.1:65536", "not a number from 0 to 65535"},
      {"127.0.0.1:-1", "not a number"},
      {"::1:8080", "must be written in brackets"},
      {"[::1:8080", "without a closing `]`"},
      {"[::1]8080", "missing `:PORT` after `]`"},
      {"[127.0.0.1]:80", "only IPv6 addresses go in brackets"},
      {"example.org:80", "is not an IP address"},
      {"300.1.1.1:80", "is not an IP address"},
  };
  for (const auto& c : cases) {
    auto a = parse_listen_address(c.text);
    ASSERT_FALSE(a) << c.text;
    EXPECT_NE(a.error().message.find(c.says), std::string::npos) << c.text << " -> " << a.error().message;
    EXPECT_NE(a.error().message.find("expected HOST:PORT"), std::string::npos) << a.error().message;
  }
}

}  // namespace
}  // namespace privascore::server
