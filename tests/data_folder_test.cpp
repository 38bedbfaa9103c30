// Files and database (docs/store.md): `import --dry-run` shows what an
// import would add and refuse and writes nothing; `serve` says at start, in
// one line, when its data differs from the database. Real binary, real
// SQLite, temporary folders.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "e2e_support.h"
#include "test_support.h"

namespace privascore::test {
namespace {

namespace fs = std::filesystem;

/// `privascore serve` on a given database and data folder (ServeProcess
/// always uses a new database): started in the database's folder (so what
/// it writes beside the database, such as var/open-data, stays there and
/// parallel tests do not share it), its port read from the first line of
/// stdout, killed at scope exit.
class Server {
 public:
  Server(const std::string& db, const std::string& data, const std::string& err_path) : m_err_path(err_path) {
    int out_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0) return;
    std::vector<std::string> args = {binary_path(), "serve", "--listen", "127.0.0.1:0", "--db", db, "--data", data};
    const std::string dir = fs::absolute(db).parent_path().string();
    m_pid = fork();
    if (m_pid == 0) {
      if (chdir(dir.c_str()) != 0) _exit(126);
      dup2(out_pipe[1], 1);
      const int err_fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(err_fd, 2);
      std::vector<char*> argv;
      for (auto& arg : args) argv.push_back(arg.data());
      argv.push_back(nullptr);
      setenv("LANG", "C", 1);
      execv(argv[0], argv.data());
      _exit(127);
    }
    ::close(out_pipe[1]);
    std::string line;
    char c;
    pollfd p{out_pipe[0], POLLIN, 0};
    while (poll(&p, 1, k_wait_ms) > 0 && ::read(out_pipe[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(out_pipe[0]);
    const std::string marker = "http://127.0.0.1:";
    if (const std::size_t at = line.find(marker); at != std::string::npos) {
      m_port = static_cast<std::uint16_t>(std::stoi(line.substr(at + marker.size())));
    }
  }
  ~Server() {
    if (m_pid > 0) {
      kill(m_pid, SIGKILL);
      waitpid(m_pid, nullptr, 0);
    }
  }
  std::uint16_t port() const { return m_port; }
  std::string stderr_text() const { return read_text(m_err_path); }

 private:
  std::string m_err_path;
  pid_t m_pid = -1;
  std::uint16_t m_port = 0;
};

class DataFolder : public testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/privascore-data-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    m_dir = pattern;
    fs::copy(source_path("data"), data(), fs::copy_options::recursive);
    const RunResult r = run_privascore({"import", "--data", data(), "--db", db()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void TearDown() override { fs::remove_all(m_dir); }
  std::string data() const { return m_dir + "/data"; }
  std::string db() const { return m_dir + "/var/privascore.db"; }
  std::string edition_dir(const std::string& date) const { return data() + "/video-conferencing/editions/" + date; }

  /// A new edition: the latest video-conferencing edition copied to a later date.
  void add_edition(const std::string& date) {
    fs::copy(edition_dir("2024-10-29"), edition_dir(date), fs::copy_options::recursive);
    std::string edition = read_text(edition_dir(date) + "/edition.toml");
    edition.replace(edition.find("date = 2024-10-29"), 17, "date = " + date);
    std::ofstream(edition_dir(date) + "/edition.toml", std::ios::trunc) << edition;
  }
  /// A change in the published edition 2024-10-29.
  void change_published() {
    const std::string file = edition_dir("2024-10-29") + "/services/zoom.toml";
    std::string zoom = read_text(file);
    zoom.insert(zoom.find('"', zoom.find("de", zoom.find("justification"))) + 1, "Geändert: ");
    std::ofstream(file, std::ios::trunc) << zoom;
  }

  std::string m_dir;
};

TEST_F(DataFolder, DryRunShowsANewEditionAndWritesNothing) {
  add_edition("2024-11-29");
  for (int run = 0; run < 2; ++run) {  // the second run sees the same: nothing was written
    const RunResult r = run_privascore({"import", "--data", data(), "--db", db(), "--dry-run"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("+ edition 2024-11-29 of video-conferencing (video-conferencing/editions/2024-11-29/)"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("nothing was written; run the same command without --dry-run to import it"), std::string::npos)
        << r.out;
  }
  const RunResult applied = run_privascore({"import", "--data", data(), "--db", db()});
  EXPECT_EQ(applied.exit_code, 0) << applied.err;
  EXPECT_NE(applied.out.find("editions: 1 added"), std::string::npos) << applied.out;
  EXPECT_NE(applied.out.find("\n+ edition 2024-11-29 of video-conferencing"), std::string::npos) << applied.out;
  const RunResult after = run_privascore({"import", "--data", data(), "--db", db(), "--dry-run"});
  EXPECT_EQ(after.exit_code, 0);
  EXPECT_NE(after.out.find("nothing to import: the database holds all of it"), std::string::npos) << after.out;
}

TEST_F(DataFolder, DryRunNamesAChangedPublishedEditionAsRefused) {
  add_edition("2024-11-29");
  change_published();
  const RunResult r = run_privascore({"import", "--data", data(), "--db", db(), "--dry-run"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("+ edition 2024-11-29 of video-conferencing"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("! edition 2024-10-29 of video-conferencing is published with different content, refused "
                       "(video-conferencing/editions/2024-10-29/services/zoom.toml"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("the import would be refused and write nothing"), std::string::npos) << r.out;
  const RunResult applied = run_privascore({"import", "--data", data(), "--db", db()});
  EXPECT_EQ(applied.exit_code, 1);
  const RunResult still = run_privascore({"import", "--data", data(), "--db", db(), "--dry-run"});
  EXPECT_NE(still.out.find("+ edition 2024-11-29"), std::string::npos) << "the refused import added nothing";
}

TEST_F(DataFolder, DryRunCreatesNoDatabase) {
  const std::string fresh = m_dir + "/new/privascore.db";
  const RunResult r = run_privascore({"import", "--data", data(), "--db", fresh, "--dry-run"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(a new database) would"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("+ category video-conferencing"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(fresh));
}

TEST_F(DataFolder, ServeSaysAtStartThatTheDataDiffers) {
  add_edition("2024-11-29");
  Server server(db(), data(), m_dir + "/stderr.log");
  ASSERT_NE(server.port(), 0) << server.stderr_text();
  const std::string err = server.stderr_text();
  const std::string note = "privascore: note: " + data() + " has 1 new edition not in " + db() +
                           ", which is served as it is; `privascore import --data " + data() + " --db " + db() +
                           " --dry-run` shows them, the same command without --dry-run imports them (restart the "
                           "server afterwards)\n";
  EXPECT_NE(err.find(note), std::string::npos) << err;
  // The database is served as it is: the new edition is not published.
  const Reply reply = request_once(server.port(), get("/api/v1/categories/video-conferencing/editions"));
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body.find("2024-11-29"), std::string::npos) << reply.body;
  EXPECT_NE(reply.body.find("2024-10-29"), std::string::npos) << reply.body;
}

TEST_F(DataFolder, ServeIsSilentWhenTheDataIsInTheDatabase) {
  Server server(db(), data(), m_dir + "/stderr.log");
  ASSERT_NE(server.port(), 0) << server.stderr_text();
  EXPECT_EQ(request_once(server.port(), get("/api/v1/categories")).status, 200);
  EXPECT_EQ(server.stderr_text().find("note:"), std::string::npos) << server.stderr_text();
}

}  // namespace
}  // namespace privascore::test
