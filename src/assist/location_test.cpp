#include "assist/location.h"

#include <unistd.h>

#include <cstdlib>

#include <gtest/gtest.h>

#include "test_support.h"

namespace privascore::assist {
namespace {

// Builds the tiny database with Debian's libmaxmind-db-writer-perl.
class Location : public ::testing::Test {
 protected:
  void SetUp() override {
    char name[] = "/tmp/privascore-test-mmdb-XXXXXX";
    int fd = mkstemp(name);
    ASSERT_GE(fd, 0);
    close(fd);
    m_path = name;
    const std::string command = "perl " + test::source_path("tests/assist/make_test_mmdb.pl") + " " + m_path;
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    auto db = GeoDb::open(m_path);
    ASSERT_TRUE(db) << db.error().to_string();
    m_db = std::move(*db);
    m_resolver.add_cname("meet.example.org", "edge.cdn.example.net");
    m_resolver.add_cname("edge.cdn.example.net", "fra.cdn.example.net");
    m_resolver.add_addresses("fra.cdn.example.net", {"192.0.2.10", "2001:db8::10"});
    m_resolver.add_addresses("us.example.org", {"198.51.100.7"});
    m_resolver.add_addresses("ch.example.org", {"203.0.113.5"});
    m_resolver.add_addresses("no.example.org", {"203.0.113.200"});
    m_resolver.add_addresses("unlisted.example.org", {"100.64.1.1"});
  }
  void TearDown() override {
    if (!m_path.empty()) unlink(m_path.c_str());
  }
  std::string m_path;
  std::unique_ptr<GeoDb> m_db;
  StubResolver m_resolver;
};

TEST_F(Location, FollowsTheCnameChainAndLocatesBothFamilies) {
  LocationReport r = locate_hosts({"meet.example.org"}, m_resolver, *m_db);
  ASSERT_EQ(r.hosts.size(), 1u);
  const auto& h = r.hosts[0];
  EXPECT_EQ(h.cname_chain, (std::vector<std::string>{"edge.cdn.example.net", "fra.cdn.example.net"}));
  ASSERT_EQ(h.addresses.size(), 2u);
  EXPECT_EQ(h.addresses[0].address, "192.0.2.10");
  EXPECT_EQ(h.addresses[0].country, "DE");
  EXPECT_EQ(h.addresses[1].country, "FR");
  EXPECT_EQ(h.addresses[1].jurisdiction, Jurisdiction::eu);
  ASSERT_EQ(r.suggestions.size(), 1u);
  EXPECT_EQ(r.suggestions[0].level, "green");
  EXPECT_EQ(r.suggestions[0].feature, "server-location");
  EXPECT_EQ(r.suggestions[0].variant, "meet.example.org");
  EXPECT_NE(r.suggestions[0].evidence[0].text.find("CNAME fra.cdn.example.net"), std::string::npos);
  EXPECT_EQ(r.suggestions[0].evidence[0].content_sha256.size(), 64u);
}

TEST_F(Location, ThirdCountryMakesItRed) {
  LocationReport r = locate_hosts({"meet.example.org", "us.example.org"}, m_resolver, *m_db);
  ASSERT_EQ(r.suggestions.size(), 1u);
  EXPECT_EQ(r.suggestions[0].level, "red");
  EXPECT_EQ(r.hosts[1].addresses[0].jurisdiction, Jurisdiction::third_country);
  EXPECT_NE(r.hosts[1].addresses[0].note.find("Data Privacy Framework"), std::string::npos);
}

TEST_F(Location, AdequacyAndEea) {
  LocationReport r = locate_hosts({"ch.example.org", "no.example.org"}, m_resolver, *m_db);
  EXPECT_EQ(r.hosts[0].addresses[0].jurisdiction, Jurisdiction::adequacy);
  EXPECT_NE(r.hosts[0].addresses[0].note.find("2000/518/EC"), std::string::npos);
  EXPECT_EQ(r.hosts[1].addresses[0].jurisdiction, Jurisdiction::eea);
  ASSERT_EQ(r.suggestions.size(), 1u);
  EXPECT_EQ(r.suggestions[0].level, "yellow");
}

TEST_F(Location, UnresolvableAndUnlistedHostsGiveNoSuggestion) {
  LocationReport r = locate_hosts({"nxdomain.example.org", "unlisted.example.org"}, m_resolver, *m_db);
  ASSERT_EQ(r.hosts.size(), 2u);
  EXPECT_NE(r.hosts[0].error.find("cannot resolve"), std::string::npos);
  EXPECT_EQ(r.hosts[1].addresses[0].country, "");
  EXPECT_TRUE(r.suggestions.empty());
  const std::string text = render_text(r);
  EXPECT_NE(text.find("no address could be located"), std::string::npos);
  EXPECT_NE(text.find("PDDL"), std::string::npos);
}

TEST_F(Location, CnameLoopIsAnError) {
  m_resolver.add_cname("a.example.org", "b.example.org");
  m_resolver.add_cname("b.example.org", "a.example.org");
  LocationReport r = locate_hosts({"a.example.org"}, m_resolver, *m_db);
  EXPECT_NE(r.hosts[0].error.find("CNAME loop"), std::string::npos);
}

TEST(GeoDb, MissingFileSaysHowToInstall) {
  auto db = GeoDb::open("/nonexistent/x.mmdb");
  ASSERT_FALSE(db);
  EXPECT_NE(db.error().hint.find("npm ci --prefix assist-data"), std::string::npos);
}

TEST(Jurisdiction, Classifies) {
  EXPECT_EQ(classify_country("de"), Jurisdiction::eu);
  EXPECT_EQ(classify_country("IS"), Jurisdiction::eea);
  EXPECT_EQ(classify_country("JP"), Jurisdiction::adequacy);
  EXPECT_EQ(classify_country("US"), Jurisdiction::third_country);
  EXPECT_EQ(classify_country("CN"), Jurisdiction::third_country);
  EXPECT_EQ(classify_country(""), Jurisdiction::unknown);
  EXPECT_EQ(country_of_region("eu-central-1"), "DE");
  EXPECT_EQ(country_of_region("ap-mumbai-1"), "IN");
  EXPECT_EQ(country_of_region("mars-1"), "");
}

}  // namespace
}  // namespace privascore::assist
