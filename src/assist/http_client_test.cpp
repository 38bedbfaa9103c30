#include "assist/http_client.h"

#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "assist/address_policy.h"
#include "assist/fixture_server.h"
#include "assist/test_cert.h"

namespace privascore::assist {
namespace {

using test::FixtureResponse;
using test::FixtureServer;

HttpOptions fast_options() {
  HttpOptions o;
  o.limits.request_timeout = std::chrono::milliseconds(2000);
  return o;
}

TEST(HttpClient, GetsABodyAndHeaders) {
  FixtureServer server;
  server.route("/config.js", 200, "var config = {};", {{"X-Jitsi-Region", "eu-central-1"}});
  HttpClient client(fast_options());
  auto r = client.get(server.base() + "/config.js");
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "var config = {};");
  EXPECT_EQ(r->header("x-jitsi-region"), "eu-central-1");
  EXPECT_EQ(r->peer, "127.0.0.1");
  EXPECT_EQ(server.requests().at(0).header("accept-encoding"), "identity");
}

TEST(HttpClient, FollowsRelativeRedirects) {
  FixtureServer server;
  server.route("/", 302, "", {{"Location", "/meet/"}});
  server.route("/meet/", 301, "", {{"Location", "../final"}});
  server.route("/final", 200, "here");
  HttpClient client(fast_options());
  auto r = client.get(server.base() + "/");
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->body, "here");
  EXPECT_EQ(r->url, server.base() + "/final");
  EXPECT_EQ(r->redirects.size(), 2u);
}

TEST(HttpClient, RefusesARedirectLoop) {
  FixtureServer server;
  server.route("/a", 302, "", {{"Location", "/b"}});
  server.route("/b", 302, "", {{"Location", "/a"}});
  HttpClient client(fast_options());
  auto r = client.get(server.base() + "/a");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("redirect loop"), std::string::npos) << r.error().message;
}

TEST(HttpClient, StopsAfterFiveRedirects) {
  FixtureServer server;
  server.fallback([](const std::string& target) -> std::optional<FixtureResponse> {
    FixtureResponse r;
    r.status = 307;
    r.headers = {{"Location", target + "x"}};
    return r;
  });
  HttpClient client(fast_options());
  auto r = client.get(server.base() + "/r");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("more than 5 redirects"), std::string::npos) << r.error().message;
  EXPECT_EQ(server.requests().size(), 6u);
}

TEST(HttpClient, RefusesAGiganticBody) {
  FixtureServer server;
  FixtureResponse huge;
  huge.body = std::string(64 * 1024, 'a');
  huge.repeat_body = 100;  // 6.4 MB announced and sent
  server.route("/config.js", huge);
  huge.declare_length = false;  // and without Content-Length, until the connection closes
  server.route("/stream.js", huge);
  HttpClient client(fast_options());
  for (const char* path : {"/config.js", "/stream.js"}) {
    auto r = client.get(server.base() + path);
    ASSERT_FALSE(r) << path;
    EXPECT_NE(r.error().message.find("larger than 2097152 bytes"), std::string::npos) << r.error().message;
  }
}

TEST(HttpClient, GivesUpOnASlowDrip) {
  FixtureServer server;
  FixtureResponse slow;
  slow.body = std::string(400, 'x');
  slow.drip = std::chrono::milliseconds(25);  // ten seconds in all
  server.route("/slow", slow);
  HttpOptions o;
  o.limits.request_timeout = std::chrono::milliseconds(300);
  HttpClient client(o);
  auto r = client.get(server.base() + "/slow");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("time-out while reading the response"), std::string::npos) << r.error().message;
}

TEST(HttpClient, OverallDeadlineAppliesToo) {
  FixtureServer server;
  HttpClient client(fast_options());
  auto r = client.get(server.base() + "/", {}, Clock::now() - std::chrono::seconds(1));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("time-out"), std::string::npos);
  EXPECT_TRUE(server.requests().empty());
}

TEST(HttpClient, PublicOnlyRefusesLoopbackAndPrivateAddressesAfterResolution) {
  FixtureServer server;
  server.route("/", 200, "secret");
  auto stub = std::make_shared<StubResolver>();
  stub->add_addresses("rebind.example", {"93.184.216.34", "127.0.0.1"});
  stub->add_addresses("intranet.example", {"10.1.2.3"});
  HttpOptions o = fast_options();
  o.public_only = true;
  o.resolver = stub;
  HttpClient client(o);
  auto direct = client.get(server.base() + "/");
  ASSERT_FALSE(direct);
  EXPECT_NE(direct.error().message.find("loopback"), std::string::npos) << direct.error().message;
  auto rebind = client.get("http://rebind.example:" + std::to_string(server.port()) + "/");
  ASSERT_FALSE(rebind);
  EXPECT_NE(rebind.error().message.find("127.0.0.1"), std::string::npos) << rebind.error().message;
  auto intranet = client.get("http://intranet.example/");
  ASSERT_FALSE(intranet);
  EXPECT_NE(intranet.error().message.find("private"), std::string::npos);
  EXPECT_TRUE(server.requests().empty()) << "nothing may reach the server";
}

TEST(HttpClient, ConnectsToTheResolvedAddressAndSendsTheHostName) {
  FixtureServer server;
  server.route("/", 200, "ok");
  auto stub = std::make_shared<StubResolver>();
  stub->add_addresses("meet.example.test", {"127.0.0.1"});
  HttpOptions o = fast_options();
  o.resolver = stub;
  HttpClient client(o);
  auto r = client.get("http://meet.example.test:" + std::to_string(server.port()) + "/");
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(server.requests().at(0).header("host"), "meet.example.test:" + std::to_string(server.port()));
}

TEST(HttpClient, RejectsOtherSchemes) {
  HttpClient client(fast_options());
  for (const char* url : {"ftp://example.org/", "file:///etc/passwd", "gopher://x/", "javascript:alert(1)"}) {
    auto r = client.get(url);
    ASSERT_FALSE(r) << url;
    EXPECT_NE(r.error().message.find("not supported"), std::string::npos) << url << ": " << r.error().message;
  }
}

std::string write_temp(const std::string& text) {
  char name[] = "/tmp/privascore-ca-XXXXXX";
  int fd = mkstemp(name);
  close(fd);
  std::ofstream(name) << text;
  return name;
}

TEST(HttpClient, RefusesASelfSignedCertificate) {
  auto cert = test::make_self_signed("127.0.0.1", "IP:127.0.0.1");
  FixtureServer server(cert.cert_pem, cert.key_pem);
  server.route("/", 200, "tls");
  HttpClient client(fast_options());  // the system CA store
  auto r = client.get(server.base() + "/");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("TLS certificate of `127.0.0.1` not accepted"), std::string::npos)
      << r.error().message;
}

TEST(HttpClient, AcceptsATrustedCertificateAndChecksTheHostName) {
  auto good = test::make_self_signed("127.0.0.1", "IP:127.0.0.1");
  auto other = test::make_self_signed("other.example", "DNS:other.example");
  const std::string bundle = write_temp(good.cert_pem + other.cert_pem);
  HttpOptions o = fast_options();
  o.ca_file = bundle;
  HttpClient client(o);
  {
    FixtureServer server(good.cert_pem, good.key_pem);
    server.route("/", 200, "tls");
    auto r = client.get(server.base() + "/");
    ASSERT_TRUE(r) << r.error().to_string();
    EXPECT_EQ(r->body, "tls");
  }
  {
    FixtureServer server(other.cert_pem, other.key_pem);  // trusted, but for another name
    auto r = client.get(server.base() + "/");
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("does not match"), std::string::npos) << r.error().message;
  }
  unlink(bundle.c_str());
}

TEST(HttpClient, RefusesARedirectFromHttpsToHttp) {
  auto cert = test::make_self_signed("127.0.0.1", "IP:127.0.0.1");
  const std::string bundle = write_temp(cert.cert_pem);
  FixtureServer plain;
  FixtureServer tls(cert.cert_pem, cert.key_pem);
  tls.route("/", 302, "", {{"Location", plain.base() + "/"}});
  HttpOptions o = fast_options();
  o.ca_file = bundle;
  HttpClient client(o);
  auto r = client.get(tls.base() + "/");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("https to http refused"), std::string::npos) << r.error().message;
  EXPECT_TRUE(plain.requests().empty());
  unlink(bundle.c_str());
}

struct RangeCase {
  const char* address;
  bool is_public;
};

TEST(AddressPolicy, ClassifiesSpecialRanges) {
  const RangeCase cases[] = {
      {"93.184.216.34", true},
      {"8.8.8.8", true},
      {"127.0.0.1", false},
      {"127.5.5.5", false},
      {"10.0.0.1", false},
      {"172.16.0.1", false},
      {"172.32.0.1", true},
      {"192.168.1.1", false},
      {"169.254.169.254", false},
      {"100.64.0.1", false},
      {"0.0.0.0", false},
      {"224.0.0.1", false},
      {"255.255.255.255", false},
      {"198.18.0.1", false},
      {"192.0.2.1", false},
      {"::1", false},
      {"::", false},
      {"fe80::1", false},
      {"fc00::1", false},
      {"fd12:3456::1", false},
      {"::ffff:127.0.0.1", false},
      {"::ffff:8.8.8.8", true},
      {"2001:db8::1", false},
      {"2a00:1450:4001::1", true},
      {"2001:4860:4860::8888", true},
      {"ff02::1", false},
      {"2002:7f00:1::1", false},
      {"64:ff9b::a00:1", false},
      {"not-an-ip", false},
  };
  for (const auto& c : cases) EXPECT_EQ(!non_public_range(c.address).has_value(), c.is_public) << c.address;
}

}  // namespace
}  // namespace privascore::assist
