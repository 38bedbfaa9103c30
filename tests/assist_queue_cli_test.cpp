// `privascore assist queue accept ID --draft-db DB`: from a policy analysed
// into the queue to a rating draft in the database, through the real binary.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>

#include <unistd.h>

#include "test_support.h"

namespace privascore {
namespace {

TEST(AssistQueueCli, AcceptingASuggestionOpensARatingDraftAndRecordsTheDecision) {
  const std::string dir = testing::TempDir() + "privascore-queue-" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string db = dir + "/privascore.db";
  const std::string queue = dir + "/queue.jsonl";
  ASSERT_EQ(test::run_privascore({"import", "--db", db}).exit_code, 0);
  ASSERT_EQ(test::run_privascore({"user", "add", "erika", "--role", "editor", "--generate", "--db", db}).exit_code, 0);
  auto analysed = test::run_privascore({"assist", "policy", test::source_path("tests/assist/policy/datenschutz.html"),
                                        "--service", "opentalk", "--queue", queue});
  ASSERT_EQ(analysed.exit_code, 0) << analysed.err;
  auto listed = test::run_privascore({"assist", "queue", "list", "--queue", queue});
  std::smatch m;
  ASSERT_TRUE(
      std::regex_search(listed.out, m, std::regex("([0-9a-f]{16})  pending  opentalk  (\\S+) -> (red|yellow|green)")))
      << listed.out;
  const std::string id = m[1].str();
  const std::string feature = m[2].str();

  auto refused =
      test::run_privascore({"assist", "queue", "accept", id, "--queue", queue, "--editor", "nobody", "--draft-db", db});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("no active account"), std::string::npos) << refused.err;

  auto accepted =
      test::run_privascore({"assist", "queue", "accept", id, "--queue", queue, "--editor", "erika", "--draft-db", db});
  ASSERT_EQ(accepted.exit_code, 0) << accepted.err;
  EXPECT_NE(accepted.out.find(id + " accepted by erika"), std::string::npos) << accepted.out;
  EXPECT_NE(accepted.out.find("draft #1 opened in " + db + ": opentalk · " + feature), std::string::npos)
      << accepted.out;
  // A decided suggestion is not drafted twice.
  auto twice =
      test::run_privascore({"assist", "queue", "accept", id, "--queue", queue, "--editor", "erika", "--draft-db", db});
  EXPECT_NE(twice.exit_code, 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace privascore
