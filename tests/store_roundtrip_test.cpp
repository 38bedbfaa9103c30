// The store through the real binary: bundled data → import → export →
// check → re-import, comparing every score (each edition under every
// methodology version of its category) and every text; idempotent
// re-import; refusal of a changed published edition; invalid data writes
// nothing; migration from an empty file; a newer database is refused;
// backup and restore.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "loader/loader.h"
#include "scoring/scoring.h"
#include "store/content_diff.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/store_testing.h"
#include "test_support.h"

namespace privascore {
namespace {

namespace fs = std::filesystem;
using store::testing::TempDir;
using test::run_privascore;

Catalogue load_dir(const std::string& dir) {
  DiskSource source(dir);
  DiagnosticSink sink;
  Catalogue c = load_catalogue(source, sink);
  for (const auto& d : sink.items()) {
    if (d.severity == Severity::error) ADD_FAILURE() << d.to_string();
  }
  return c;
}

Catalogue load_db(const std::string& path) {
  auto s = store::Store::open(path, store::Store::OpenMode::read_only);
  EXPECT_TRUE(s) << s.error().message;
  if (!s) return {};
  auto c = s->load_catalogue();
  EXPECT_TRUE(c) << c.error().message;
  return c ? *c : Catalogue{};
}

std::string describe(const test::RunResult& r) {
  return "exit " + std::to_string(r.exit_code) + "\nstdout:\n" + r.out + "\nstderr:\n" + r.err;
}

std::string id_of(const ClassBand* c) {
  return c ? c->id : "(none)";
}

// Every figure of an edition's score, in a form that compares as a whole.
std::vector<std::string> score_lines(const EditionScore& s) {
  std::vector<std::string> lines;
  lines.push_back("max " + std::to_string(s.max_points) + " min " + std::to_string(s.min_points));
  for (const ServiceScore& x : s.services) {
    std::string line = x.assessment->id + " points " + std::to_string(x.points) + " class " + id_of(x.klass) +
                       " computed " + id_of(x.computed_class) + " rank " + std::to_string(x.rank) + " provisional " +
                       std::to_string(x.provisional) + " rated " + std::to_string(x.rated_features) + "/" +
                       std::to_string(x.feature_count) + " weight " + std::to_string(x.rated_weight) + "/" +
                       std::to_string(x.total_weight) + " unverified " + std::to_string(x.unverified) + " ko";
    for (const Feature* f : x.knockouts) line += " " + f->id;
    for (const FeatureScore& f : x.features) {
      line += " | " + f.feature->id + "=" + (f.level ? f.level->id : "-") + (f.unknown ? "?" : "") + ":" +
              std::to_string(f.points) + "/" + std::to_string(f.max_points) + (f.knockout_fired ? "!" : "");
    }
    lines.push_back(line);
  }
  return lines;
}

// Scores every edition under every methodology version of its category in
// both catalogues and compares them line by line. Returns how many scores
// were compared.
int expect_same_scores(const Catalogue& expected, const Catalogue& actual) {
  int compared = 0;
  for (const Category& c : expected.categories) {
    const Category* other = actual.category(c.id);
    if (!other) {
      ADD_FAILURE() << "category " << c.id << " missing";
      continue;
    }
    for (const Edition& e : c.editions) {
      const Edition* oe = other->edition(e.date);
      if (!oe) {
        ADD_FAILURE() << c.id << " " << e.date.to_string() << " missing";
        continue;
      }
      for (const auto& [version, m] : c.methodologies) {
        const Methodology* om = other->methodology(version);
        if (!om) {
          ADD_FAILURE() << c.id << " v" << version << " missing";
          continue;
        }
        EXPECT_EQ(score_lines(score_edition(m, e)), score_lines(score_edition(*om, *oe)))
            << c.id << " " << e.date.to_string() << " under methodology v" << version;
        ++compared;
      }
    }
  }
  return compared;
}

class StoreRoundTrip : public ::testing::Test {
 protected:
  std::string db(const std::string& name = "privascore.db") const { return m_dir.path(name); }
  std::string path(const std::string& name) const { return m_dir.path(name); }

  TempDir m_dir;
};

TEST_F(StoreRoundTrip, EveryScoreAndTextSurvivesImportExportReimport) {
  const Catalogue source = load_dir(test::source_path("data"));
  ASSERT_FALSE(source.categories.empty());

  auto imported = run_privascore({"import", "--db", db("first.db")});
  ASSERT_EQ(imported.exit_code, 0) << describe(imported);
  EXPECT_NE(imported.out.find("imported the bundled data into"), std::string::npos) << imported.out;

  auto exported = run_privascore({"export", path("exported"), "--db", db("first.db")});
  ASSERT_EQ(exported.exit_code, 0) << describe(exported);

  auto checked = run_privascore({"check", "--data", path("exported")});
  EXPECT_EQ(checked.exit_code, 0) << describe(checked);

  auto reimported = run_privascore({"import", "--data", path("exported"), "--db", db("second.db")});
  ASSERT_EQ(reimported.exit_code, 0) << describe(reimported);

  const Catalogue first = load_db(db("first.db"));
  const Catalogue files = load_dir(path("exported"));
  const Catalogue second = load_db(db("second.db"));
  const store::DiffLabels labels{"in data/", "after the round trip"};
  EXPECT_EQ(store::catalogue_difference(source, first, labels), std::nullopt);
  EXPECT_EQ(store::catalogue_difference(source, files, labels), std::nullopt);
  EXPECT_EQ(store::catalogue_difference(source, second, labels), std::nullopt);

  int scores = expect_same_scores(source, second);
  int expected = 0;
  for (const auto& c : source.categories) {
    expected += static_cast<int>(c.editions.size() * c.methodologies.size());
  }
  EXPECT_EQ(scores, expected);
  EXPECT_GT(scores, static_cast<int>(source.categories.size()));  // re-scoring under other versions happened
  expect_same_scores(source, files);

  // The CLI reads the same scores from the exported files as from data/.
  for (const Category& c : source.categories) {
    auto a = run_privascore({"score", "--category", c.id, "--format", "json", "--data", test::source_path("data")});
    auto b = run_privascore({"score", "--category", c.id, "--format", "json", "--data", path("exported")});
    ASSERT_EQ(a.exit_code, 0) << describe(a);
    EXPECT_EQ(a.out, b.out) << c.id;
  }
}

TEST_F(StoreRoundTrip, ReimportIsIdempotent) {
  ASSERT_EQ(run_privascore({"import", "--db", db()}).exit_code, 0);
  const auto counts = store::testing::row_counts(db());
  auto again = run_privascore({"import", "--db", db()});
  ASSERT_EQ(again.exit_code, 0) << describe(again);
  EXPECT_NE(again.out.find("already up to date"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("0 added"), std::string::npos) << again.out;
  EXPECT_EQ(store::testing::row_counts(db()), counts);
  // The same data from files on disk is also already there.
  auto from_disk = run_privascore({"import", "--data", test::source_path("data"), "--db", db()});
  ASSERT_EQ(from_disk.exit_code, 0) << describe(from_disk);
  EXPECT_EQ(store::testing::row_counts(db()), counts);
}

TEST_F(StoreRoundTrip, AChangedPublishedEditionIsRefusedAndTheDatabaseUnchanged) {
  ASSERT_EQ(run_privascore({"import", "--db", db()}).exit_code, 0);
  ASSERT_EQ(run_privascore({"export", path("data"), "--db", db()}).exit_code, 0);
  const auto counts = store::testing::row_counts(db());
  const Catalogue before = load_db(db());

  // A silent edit of a published assessment: still valid data.
  const std::string file = path("data/video-conferencing/editions/2024-10-29/services/zoom.toml");
  std::string text = test::read_text(file);
  const std::string from = "justification = { de = \"";
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << text;
  text.insert(at + from.size(), "Still korrigiert: ");
  std::ofstream(file, std::ios::trunc) << text;
  ASSERT_EQ(run_privascore({"check", "--data", path("data")}).exit_code, 0);

  auto refused = run_privascore({"import", "--data", path("data"), "--db", db()});
  EXPECT_EQ(refused.exit_code, 1) << describe(refused);
  EXPECT_NE(refused.err.find("edition 2024-10-29 of category video-conferencing"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("services/zoom.toml"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("new edition"), std::string::npos) << refused.err;
  EXPECT_EQ(store::testing::row_counts(db()), counts);
  EXPECT_EQ(store::catalogue_difference(before, load_db(db())), std::nullopt);
}

TEST_F(StoreRoundTrip, InvalidDataWritesNothing) {
  fs::copy(test::source_path("data"), path("bad"), fs::copy_options::recursive);
  const std::string file = path("bad/messengers/methodology/v1.toml");
  std::string text = test::read_text(file);
  text =
      std::regex_replace(text, std::regex("weight = [0-9]+"), "weight = -3", std::regex_constants::format_first_only);
  std::ofstream(file, std::ios::trunc) << text;

  // No database file is created for invalid data …
  auto fresh = run_privascore({"import", "--data", path("bad"), "--db", db("fresh.db")});
  EXPECT_EQ(fresh.exit_code, 2) << describe(fresh);
  EXPECT_NE(fresh.err.find("v1.toml"), std::string::npos) << fresh.err;
  EXPECT_NE(fresh.err.find("nothing was written"), std::string::npos) << fresh.err;
  EXPECT_FALSE(fs::exists(db("fresh.db")));

  // … and an existing one stays byte for byte as it was.
  ASSERT_EQ(run_privascore({"import", "--db", db()}).exit_code, 0);
  const std::string bytes = test::read_text(db());
  const auto counts = store::testing::row_counts(db());
  auto refused = run_privascore({"import", "--data", path("bad"), "--db", db()});
  EXPECT_EQ(refused.exit_code, 2) << describe(refused);
  EXPECT_EQ(test::read_text(db()), bytes);
  EXPECT_EQ(store::testing::row_counts(db()), counts);
}

TEST_F(StoreRoundTrip, ImportMigratesAnEmptyFile) {
  std::ofstream(db()).close();
  auto r = run_privascore({"import", "--db", db()});
  ASSERT_EQ(r.exit_code, 0) << describe(r);
  auto s = store::Store::open(db(), store::Store::OpenMode::read_only);
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(*s->database().query_int("PRAGMA user_version"), store::latest_schema_version());
  EXPECT_EQ(*s->empty(), false);
}

TEST_F(StoreRoundTrip, ADatabaseNewerThanTheBinaryIsRefused) {
  ASSERT_EQ(run_privascore({"import", "--db", db()}).exit_code, 0);
  const int newer = store::latest_schema_version() + 7;
  {
    auto raw = store::Database::open(db(), store::Database::Mode::existing);
    ASSERT_TRUE(raw->exec("PRAGMA user_version = " + std::to_string(newer)));
  }
  for (const std::vector<std::string>& args : {std::vector<std::string>{"import", "--db", db()},
                                               std::vector<std::string>{"export", path("out"), "--db", db()}}) {
    auto r = run_privascore(args);
    EXPECT_EQ(r.exit_code, 1) << describe(r);
    EXPECT_NE(r.err.find("schema version " + std::to_string(newer)), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("newer than this privascore"), std::string::npos) << r.err;
  }
  EXPECT_FALSE(fs::exists(path("out")));
  auto raw = store::Database::open(db(), store::Database::Mode::read_only);
  EXPECT_EQ(*raw->query_int("PRAGMA user_version"), newer);
}

TEST_F(StoreRoundTrip, ExportRefusesANonEmptyFolderUnlessForced) {
  ASSERT_EQ(run_privascore({"import", "--db", db()}).exit_code, 0);
  ASSERT_EQ(run_privascore({"export", path("out"), "--db", db()}).exit_code, 0);
  auto refused = run_privascore({"export", path("out"), "--db", db()});
  EXPECT_EQ(refused.exit_code, 1) << describe(refused);
  EXPECT_NE(refused.err.find("not empty"), std::string::npos) << refused.err;
  auto forced = run_privascore({"export", path("out"), "--db", db(), "--force"});
  EXPECT_EQ(forced.exit_code, 0) << describe(forced);
  EXPECT_NE(forced.out.find("(replaced)"), std::string::npos) << forced.out;
  EXPECT_EQ(run_privascore({"check", "--data", path("out")}).exit_code, 0);
  // No temporary folder is left next to it.
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(m_dir.path())) {
    const std::string name = e.path().filename().string();
    if (name.rfind("privascore.db", 0) != 0) names.push_back(name);
  }
  EXPECT_EQ(names, std::vector<std::string>{"out"});
}

TEST_F(StoreRoundTrip, ExportOfAMissingDatabaseCreatesNothing) {
  auto r = run_privascore({"export", path("out"), "--db", db("missing.db")});
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(db("missing.db")));
  EXPECT_FALSE(fs::exists(path("out")));
}

TEST_F(StoreRoundTrip, BackupAndRestoreThroughTheCli) {
  Catalogue one = load_dir(test::source_path("data"));
  one.categories.resize(1);
  ASSERT_EQ(run_privascore({"export", path("one"), "--db", db()}).exit_code, 1);  // no database yet
  {
    auto s = store::Store::open(db());
    ASSERT_TRUE(s->import_catalogue(one));
  }
  auto backup = run_privascore({"backup", path("backup.db"), "--db", db()});
  ASSERT_EQ(backup.exit_code, 0) << describe(backup);
  EXPECT_EQ(run_privascore({"backup", path("backup.db"), "--db", db()}).exit_code, 1);  // exists
  ASSERT_EQ(run_privascore({"import", "--db", db()}).exit_code, 0);
  EXPECT_EQ(load_db(db()).categories.size(), 8u);

  auto restore = run_privascore({"restore", path("backup.db"), "--db", db()});
  ASSERT_EQ(restore.exit_code, 0) << describe(restore);
  EXPECT_EQ(store::catalogue_difference(one, load_db(db())), std::nullopt);

  // A damaged backup is refused before anything changes.
  std::string bytes = test::read_text(path("backup.db"));
  for (std::size_t i = 4096; i < bytes.size(); i += 7) bytes[i] = static_cast<char>(bytes[i] ^ 0x5a);
  std::ofstream(path("damaged.db"), std::ios::binary | std::ios::trunc) << bytes;
  auto damaged = run_privascore({"restore", path("damaged.db"), "--db", db()});
  EXPECT_EQ(damaged.exit_code, 1) << describe(damaged);
  EXPECT_EQ(store::catalogue_difference(one, load_db(db())), std::nullopt);
}

TEST_F(StoreRoundTrip, EveryStoreCommandHasHelp) {
  for (const char* command : {"import", "export", "backup", "restore"}) {
    auto r = run_privascore({command, "--help"});
    EXPECT_EQ(r.exit_code, 0) << command << "\n" << describe(r);
    EXPECT_NE(r.out.find("--db"), std::string::npos) << command << "\n" << r.out;
  }
}

TEST_F(StoreRoundTrip, TheDefaultDatabaseIsCreatedUnderVar) {
  const fs::path cwd = fs::current_path();
  fs::current_path(m_dir.path());
  auto r = run_privascore({"import"});
  fs::current_path(cwd);
  ASSERT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_TRUE(fs::exists(path("var/privascore.db")));
  EXPECT_NE(r.out.find("var/privascore.db"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace privascore
