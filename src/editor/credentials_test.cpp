// Password hashing, tokens and digests.
#include "editor/credentials.h"

#include <gtest/gtest.h>

#include <set>

namespace privascore::editor {
namespace {

TEST(Credentials, HashVerifiesOnlyTheSamePassword) {
  auto hash = hash_password("correct horse battery");
  ASSERT_TRUE(hash) << hash.error().to_string();
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_NE(hash->find("m=65536,t=2"), std::string::npos) << "INTERACTIVE cost: 64 MiB, 2 passes: " << *hash;
  EXPECT_TRUE(verify_password(*hash, "correct horse battery"));
  EXPECT_FALSE(verify_password(*hash, "correct horse batterY"));
  EXPECT_FALSE(verify_password(*hash, ""));
  EXPECT_FALSE(password_needs_rehash(*hash));
}

TEST(Credentials, TwoHashesOfOnePasswordDiffer) {
  auto a = hash_password("correct horse battery");
  auto b = hash_password("correct horse battery");
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);  // salted
}

TEST(Credentials, MalformedHashNeverMatches) {
  EXPECT_FALSE(verify_password("", "x"));
  EXPECT_FALSE(verify_password("$argon2id$garbage", "x"));
  EXPECT_FALSE(verify_password(std::string(500, 'a'), "x"));
}

TEST(Credentials, PasswordRules) {
  EXPECT_NE(password_problem("short"), "");
  EXPECT_EQ(password_problem("correct horse battery"), "");
  EXPECT_EQ(password_problem("äöüäöüäöüäöü"), "") << "12 characters, 24 bytes";
  EXPECT_NE(password_problem("äöüäöüäöüäö"), "") << "11 characters";
  EXPECT_NE(password_problem("correct horse\nbattery"), "");
  EXPECT_NE(password_problem(std::string(k_max_password_length + 1, 'a')), "");
}

TEST(Credentials, GeneratedPasswordsAreLongAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 20; ++i) {
    const std::string p = generate_password();
    EXPECT_EQ(p.size(), 24u);
    EXPECT_EQ(password_problem(p), "");
    EXPECT_EQ(p.find_first_of("0O1lI"), std::string::npos) << p;
    seen.insert(p);
  }
  EXPECT_EQ(seen.size(), 20u);
}

TEST(Credentials, TokensAre256BitBase64Url) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string t = random_token();
    EXPECT_EQ(t.size(), 43u);
    EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(Credentials, Sha256KnownAnswer) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Credentials, ConstantTimeEqual) {
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
  EXPECT_TRUE(constant_time_equal("", ""));
}

}  // namespace
}  // namespace privascore::editor
