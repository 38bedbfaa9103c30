// The public probe page must not map internal DNS: a name that resolves to
// a non-public address and a name that does not resolve are refused with
// the same words, without the address. The command line keeps the detail.
#include <gtest/gtest.h>

#include "assist/http_client.h"
#include "assist/resolver.h"
#include "assist_web/probe_page.h"
#include "web/site_test_support.h"

namespace privascore::assist {
namespace {

std::shared_ptr<StubResolver> internal_dns() {
  auto stub = std::make_shared<StubResolver>();
  stub->add_addresses("intranet.example", {"10.0.0.1"});
  stub->add_addresses("mixed.example", {"93.184.216.34", "192.168.1.7"});
  return stub;
}

TEST(ProbeRefusal, ThePublicFormSaysTheSameForInternalAndUnknownNames) {
  HttpOptions o;
  o.public_only = true;
  o.name_refused_addresses = false;
  o.resolver = internal_dns();
  HttpClient client(o);
  std::vector<std::string> messages;
  for (const std::string host : {"intranet.example", "mixed.example", "nosuch.example"}) {
    auto r = client.get("http://" + host + "/");
    ASSERT_FALSE(r) << host;
    std::string message = r.error().to_string();
    EXPECT_EQ(message.find("10.0.0.1"), std::string::npos) << message;
    EXPECT_EQ(message.find("192.168"), std::string::npos) << message;
    EXPECT_EQ(message.find("private"), std::string::npos) << message;
    message.replace(message.find(host), host.size(), "HOST");
    messages.push_back(message);
  }
  EXPECT_EQ(messages[0], messages[1]);
  EXPECT_EQ(messages[0], messages[2]);
}

TEST(ProbeRefusal, TheCommandLineKeepsTheDetail) {
  HttpOptions o;
  o.public_only = true;
  o.resolver = internal_dns();
  HttpClient client(o);
  auto r = client.get("http://intranet.example/");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("resolves to 10.0.0.1, a private"), std::string::npos) << r.error().message;
}

TEST(ProbeRefusal, TheProbePageShowsNoInternalAddress) {
  auto site = web::test::make_site(web::test::bundled_catalogue());
  ProbePageOptions options;
  options.http.resolver = internal_dns();
  auto page = ProbePage::create(site, options);
  ASSERT_TRUE(page) << page.error().to_string();
  for (const char* target : {"/en/probe?url=http%3A%2F%2Fintranet.example%2F", "/de/pruefen?url=intranet.example"}) {
    const web::Response r = (*page)->handle(web::test::get(target));
    EXPECT_EQ(r.status, 200) << target;
    EXPECT_EQ(r.body.find("10.0.0.1"), std::string::npos) << target;
    EXPECT_NE(r.body.find("cannot be probed from here"), std::string::npos) << target;
  }
}

}  // namespace
}  // namespace privascore::assist
