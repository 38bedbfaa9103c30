// Accounts and sessions: names, roles, disabling, time-outs, audit.
#include "editor/accounts.h"
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "editor/audit.h"
#include "editor/credentials.h"
#include "editor/editor_testing.h"
#include "editor/sessions.h"

namespace privascore::editor {
namespace {

using testing::Fixture;

TEST(Accounts, AddFindListAndRoles) {
  Fixture f;
  auto found = find_user(f.db(), "erika");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->user.role, Role::editor);
  EXPECT_TRUE(verify_password((*found)->password_hash, Fixture::k_password));
  auto users = list_users(f.db());
  ASSERT_TRUE(users);
  ASSERT_EQ(users->size(), 4u);
  EXPECT_EQ((*users)[0].name, "ada");  // by name
  EXPECT_FALSE(can_review(Role::editor));
  EXPECT_TRUE(can_review(Role::reviewer));
  EXPECT_FALSE(can_change_methodology(Role::reviewer));
  EXPECT_TRUE(can_change_methodology(Role::admin));
}

TEST(Accounts, RefusesDuplicateBadNameAndShortPassword) {
  Fixture f;
  auto dup = add_user(f.db(), "erika", Role::admin, "another long password", f.clock, "test");
  ASSERT_FALSE(dup);
  EXPECT_NE(dup.error().message.find("already exists"), std::string::npos);
  auto bad = add_user(f.db(), "Erika Mustermann", Role::editor, "another long password", f.clock, "test");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("a-z"), std::string::npos);
  auto shortpw = add_user(f.db(), "otto", Role::editor, "short", f.clock, "test");
  ASSERT_FALSE(shortpw);
  EXPECT_NE(shortpw.error().message.find("too short"), std::string::npos);
}

TEST(Accounts, AuditNeverHoldsThePassword) {
  Fixture f;
  auto events = audit_events(f.db(), {});
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 4u);
  for (const AuditEvent& e : *events) {
    EXPECT_EQ(e.action, "user-add");
    const std::string dump = audit_json({e}).dump();
    EXPECT_EQ(dump.find("horse"), std::string::npos) << dump;
    EXPECT_EQ(dump.find("argon2"), std::string::npos) << dump;
  }
}

TEST(Sessions, FindRequiresTheExactToken) {
  Fixture f;
  auto s = create_session(f.db(), f.editor, f.clock);
  ASSERT_TRUE(s);
  auto found = find_session(f.db(), s->token, {}, f.clock);
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->user.name, "erika");
  EXPECT_EQ((*found)->csrf_token, s->session.csrf_token);
  std::string wrong = s->token;
  wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
  auto missing = find_session(f.db(), wrong, {}, f.clock);
  ASSERT_TRUE(missing);
  EXPECT_FALSE(*missing);
  // Only the hash is stored.
  auto stored = f.db().query_text("SELECT token_hash FROM editor_session");
  ASSERT_TRUE(stored);
  EXPECT_EQ(*stored, sha256_hex(s->token));
}

TEST(Sessions, IdleTimeoutAndTouch) {
  Fixture f;
  const SessionPolicy policy{1800, 12 * 3600};
  auto s = create_session(f.db(), f.editor, f.clock);
  ASSERT_TRUE(s);
  f.clock.advance(1799);
  auto found = find_session(f.db(), s->token, policy, f.clock);
  ASSERT_TRUE(found && *found) << "29:59 idle is still alive";
  f.clock.advance(1799);  // used at 29:59, so alive until 59:58
  found = find_session(f.db(), s->token, policy, f.clock);
  ASSERT_TRUE(found && *found) << "the last request reset the idle timer";
  f.clock.advance(1800);
  found = find_session(f.db(), s->token, policy, f.clock);
  ASSERT_TRUE(found);
  EXPECT_FALSE(*found) << "30 minutes idle ends the session";
  auto count = f.db().query_int("SELECT count(*) FROM editor_session");
  EXPECT_EQ(*count, 0) << "the expired session is deleted";
}

TEST(Sessions, AbsoluteTimeoutEvenWhenActive) {
  Fixture f;
  const SessionPolicy policy{1800, 12 * 3600};
  auto s = create_session(f.db(), f.editor, f.clock);
  ASSERT_TRUE(s);
  for (int i = 0; i < 12 * 4 - 1; ++i) {
    f.clock.advance(900);
    auto found = find_session(f.db(), s->token, policy, f.clock);
    ASSERT_TRUE(found && *found) << "after " << (i + 1) * 15 << " minutes";
  }
  f.clock.advance(900);
  auto found = find_session(f.db(), s->token, policy, f.clock);
  ASSERT_TRUE(found);
  EXPECT_FALSE(*found) << "12 hours after login";
}

TEST(Sessions, LogoutEverywhereAndDisable) {
  Fixture f;
  auto a = create_session(f.db(), f.editor, f.clock);
  auto b = create_session(f.db(), f.editor, f.clock);
  auto c = create_session(f.db(), f.reviewer, f.clock);
  ASSERT_TRUE(a && b && c);
  ASSERT_TRUE(end_session(f.db(), a->session.token_hash));
  EXPECT_FALSE(*find_session(f.db(), a->token, {}, f.clock));
  EXPECT_TRUE(*find_session(f.db(), b->token, {}, f.clock));
  auto ended = end_all_sessions(f.db(), f.editor.id);
  ASSERT_TRUE(ended);
  EXPECT_EQ(*ended, 1);
  EXPECT_FALSE(*find_session(f.db(), b->token, {}, f.clock));
  EXPECT_TRUE(*find_session(f.db(), c->token, {}, f.clock));
  ASSERT_TRUE(disable_user(f.db(), "rolf", f.clock, "test"));
  EXPECT_FALSE(*find_session(f.db(), c->token, {}, f.clock)) << "disabling ends the sessions";
  auto again = create_session(f.db(), f.reviewer, f.clock);
  ASSERT_TRUE(again);
  EXPECT_FALSE(*find_session(f.db(), again->token, {}, f.clock)) << "a disabled user has no live session";
  EXPECT_FALSE(disable_user(f.db(), "nobody", f.clock, "test"));
}

TEST(EditorSchema, MigrationIsIdempotentAndRefusesNewer) {
  Fixture f;
  auto again = migrate_editor(f.db());
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, latest_editor_schema_version());
  ASSERT_TRUE(f.db().exec("INSERT INTO editor_migration (version, description) VALUES (999, 'future')"));
  auto newer = migrate_editor(f.db());
  ASSERT_FALSE(newer);
  EXPECT_NE(newer.error().message.find("newer than this privascore"), std::string::npos);
}

}  // namespace
}  // namespace privascore::editor
