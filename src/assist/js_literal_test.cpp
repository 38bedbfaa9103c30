#include "assist/js_literal.h"

#include <gtest/gtest.h>

namespace privascore::assist {
namespace {

TEST(JsLiteral, ReadsObjectLayoutWithCommentsAndTrailingCommas) {
  const char* source = R"js(
/* Bug bounty hunters: hello */
var subdomain = "";
var config = {
    // hosts: commented keys carry no settings
    hosts: {
        domain: 'meet.example.org',
        muc: 'conference.' + subdomain + 'meet.example.org', // concatenation
        'focus': "focus.meet.example.org",
    },
    // gravatar: { baseUrl: 'https://www.gravatar.com/avatar/' },
    p2p: { enabled: true, stunServers: [ { urls: 'stun:stun.example.org:443' }, ], },
    channelLastN: -1,
    ratio: 16 / 9,
    e2ee: { disabled: false, labels: undefined },
    escaped: 'it\'s \u00e4 \x41\n',
    minified: !0,
    hex: 0x10,
};
)js";
  JsDocument doc = read_js_config(source);
  EXPECT_TRUE(doc.complete);
  ASSERT_NE(doc.find("config.hosts.domain"), nullptr);
  EXPECT_EQ(*doc.find("config.hosts.domain"), "meet.example.org");
  EXPECT_EQ(*doc.find("config.hosts.muc"), "conference.meet.example.org");
  EXPECT_EQ(*doc.find("config.hosts.focus"), "focus.meet.example.org");
  EXPECT_EQ(*doc.find("config.p2p.stunServers[0].urls"), "stun:stun.example.org:443");
  EXPECT_EQ(*doc.find("config.channelLastN"), -1);
  EXPECT_EQ(*doc.find("config.escaped"), "it's \xC3\xA4 A\n");
  EXPECT_EQ(*doc.find("config.minified"), true);
  EXPECT_EQ(*doc.find("config.hex"), 16);
  EXPECT_EQ(doc.find("config.gravatar"), nullptr) << "a commented key is not a setting";
  EXPECT_EQ(doc.find("config.ratio"), nullptr);
  ASSERT_TRUE(doc.expressions.count("config.ratio"));
  EXPECT_EQ(doc.expressions.at("config.ratio").source, "16 / 9");
  EXPECT_EQ(doc.find("config.e2ee.labels"), nullptr);
  EXPECT_EQ(doc.line_of("config.hosts.domain"), 7u);
}

TEST(JsLiteral, AppliesAssignmentStatementsInOrder) {
  const char* source = R"js(// Jitsi Meet configuration.
var config = {};
config.hosts = {};
config.hosts.domain = 'meet.jitsi';
config.hosts['muc'] = 'muc.meet.jitsi';
config.p2p = { enabled: true };
config.analytics = {};
config.analytics.amplitudeAPPKey = 'abc';
config.flags = config.flags || {};
config.flags.sourceNameSignaling = true;
config.p2p.enabled = false
config.requireDisplayName = false
if (enableJaaS) {
  config.hosts.domain = 'other';
}
config.stun = 'a,b'.split(',').map(s => ({ urls: s }));
)js";
  JsDocument doc = read_js_config(source);
  EXPECT_TRUE(doc.complete);
  EXPECT_EQ(*doc.find("config.hosts.domain"), "meet.jitsi") << "the if block is not evaluated";
  EXPECT_EQ(*doc.find("config.hosts.muc"), "muc.meet.jitsi");
  EXPECT_EQ(*doc.find("config.p2p.enabled"), false);
  EXPECT_EQ(*doc.find("config.analytics.amplitudeAPPKey"), "abc");
  EXPECT_EQ(*doc.find("config.flags.sourceNameSignaling"), true);
  EXPECT_EQ(*doc.find("config.requireDisplayName"), false);
  EXPECT_TRUE(doc.expressions.count("config.stun"));
  EXPECT_GE(doc.assignments, 10u);
  bool noted_if = false;
  for (const auto& n : doc.notes) noted_if |= n.message.find("`if`") != std::string::npos;
  EXPECT_TRUE(noted_if);
}

TEST(JsLiteral, WindowConfigAndLocationOrigin) {
  JsDocument doc = read_js_config(R"js(window.config = {
  controller: "controller.example.org",
  baseUrl: location.origin,
  features: { e2eEncryption: false, },
  glitchtip: { dsn: "" },
})js");
  EXPECT_EQ(*doc.find("config.controller"), "controller.example.org");
  EXPECT_EQ(*doc.find("config.features.e2eEncryption"), false);
  EXPECT_TRUE(doc.expressions.count("config.baseUrl"));
}

TEST(JsLiteral, MalformedInputKeepsWhatWasRead) {
  JsDocument doc = read_js_config("var config = {\n  a: 'x',\n  b: 'unterminated\n  c: 3 };");
  EXPECT_FALSE(doc.complete);
  EXPECT_EQ(*doc.find("config.a"), "x");
  EXPECT_EQ(doc.find("config.c"), nullptr);
  ASSERT_FALSE(doc.notes.empty());
  EXPECT_EQ(doc.notes.front().line, 3u);
}

TEST(JsLiteral, DeepNestingStopsWithoutCrashing) {
  std::string deep = "var config = " + std::string(100000, '[') + std::string(100000, ']') + ";";
  JsDocument doc = read_js_config(deep);
  EXPECT_FALSE(doc.complete);
}

TEST(JsLiteral, SsiPlaceholderIsUnknown) {
  JsDocument doc = read_js_config(
      "var config = { deploymentInfo: { region: '<!--# echo var=\"jitsi_region\" default=\"\" -->' } };");
  EXPECT_EQ(doc.find("config.deploymentInfo.region"), nullptr);
  EXPECT_TRUE(doc.expressions.count("config.deploymentInfo.region"));
}

TEST(JsLiteral, GarbageNeverThrows) {
  for (const char* text : {"", "}}}", "config.=;", "var", "var x = {a:", "'", "/*", "`${`", "a.b.c = ;;", "\x01\x02"}) {
    JsDocument doc = read_js_config(text);
    (void)doc;
  }
  SUCCEED();
}

TEST(JsLiteral, EsModuleDefaultExportAndConstDeclarations) {
  JsDocument doc = read_js_config(
      "export default {\n  hosts: { domain: 'a.test' },\n  bosh: '//a.test/http-bind'\n};\n"
      "export const options = { e2ee: { disabled: true } };\n");
  ASSERT_NE(doc.find("default.hosts.domain"), nullptr);
  EXPECT_EQ(*doc.find("default.hosts.domain"), "a.test");
  EXPECT_EQ(doc.line_of("default.bosh"), 3u);
  ASSERT_NE(doc.find("options.e2ee.disabled"), nullptr);
  EXPECT_TRUE(doc.complete);
}

}  // namespace
}  // namespace privascore::assist
