// Store: import in one transaction, idempotent re-import, refusal of changed
// published editions and methodology versions, loading back, and the
// server's open_or_create.
#include "store/store.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/content_diff.h"
#include "store/schema.h"
#include "store/store_testing.h"

namespace privascore::store {
namespace {

using testing::TempDir;

Store open_store(const std::string& path) {
  auto store = Store::open(path);
  EXPECT_TRUE(store) << store.error().message;
  return std::move(*store);
}

Category& category(Catalogue& c, const std::string& id) {
  for (auto& x : c.categories) {
    if (x.id == id) return x;
  }
  ADD_FAILURE() << "no category " << id;
  return c.categories.front();
}

TEST(Store, ImportThenLoadGivesTheSameCatalogue) {
  TempDir dir;
  Store store = open_store(dir.path("x.db"));
  const Catalogue bundled = testing::bundled_catalogue();
  ASSERT_GE(bundled.categories.size(), 2u);
  auto summary = store.import_catalogue(bundled);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->categories_added, static_cast<int>(bundled.categories.size()));
  EXPECT_EQ(summary->editions_unchanged, 0);
  auto loaded = store.load_catalogue();
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(catalogue_difference(bundled, *loaded), std::nullopt);
  // Locations name the database and the file the element comes from.
  const Edition& e = loaded->categories.front().editions.front();
  EXPECT_NE(e.loc.file.find("x.db"), std::string::npos) << e.loc.file;
  EXPECT_NE(e.loc.file.find("/editions/" + e.date.to_string() + "/edition.toml"), std::string::npos) << e.loc.file;
  EXPECT_EQ(e.services.size(), e.service_locs.size());
}

TEST(Store, KeepsLiteratureTablesAndHostingVariants) {
  TempDir dir;
  Store store = open_store(dir.path("x.db"));
  const Catalogue example = testing::docs_example_catalogue();
  ASSERT_EQ(example.categories.size(), 1u);
  const Methodology& m = example.categories[0].methodologies.begin()->second;
  ASSERT_FALSE(m.sources.empty());
  ASSERT_TRUE(m.derivation);
  ASSERT_FALSE(example.categories[0].editions.at(0).assessments.at(0).variants.empty());
  ASSERT_TRUE(store.import_catalogue(example));
  auto loaded = store.load_catalogue();
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(catalogue_difference(example, *loaded), std::nullopt);
  for (const char* table :
       {"methodology_source", "methodology_source_name", "variant", "variant_rating", "variant_evidence"}) {
    EXPECT_GT(*store.database().query_int(std::string("SELECT count(*) FROM ") + table), 0) << table;
  }
  // A changed variant of a published edition is refused like any other change.
  Catalogue changed = example;
  changed.categories[0].editions[0].assessments[0].variants.back().ratings.back().level = "unknown";
  auto refused = store.import_catalogue(changed);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("variant"), std::string::npos) << refused.error().message;
}

TEST(Store, ReimportingTheSameDataChangesNothing) {
  TempDir dir;
  Store store = open_store(dir.path("x.db"));
  const Catalogue bundled = testing::bundled_catalogue();
  ASSERT_TRUE(store.import_catalogue(bundled));
  const auto before = testing::row_counts(store.database());
  auto again = store.import_catalogue(bundled);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(again->changed());
  int editions = 0, methodologies = 0;
  for (const auto& c : bundled.categories) {
    editions += static_cast<int>(c.editions.size());
    methodologies += static_cast<int>(c.methodologies.size());
  }
  EXPECT_EQ(again->editions_unchanged, editions);
  EXPECT_EQ(again->methodologies_unchanged, methodologies);
  EXPECT_EQ(testing::row_counts(store.database()), before);
}

TEST(Store, ImportAddsNewEditionsToExistingCategories) {
  TempDir dir;
  Store store = open_store(dir.path("x.db"));
  const Catalogue bundled = testing::bundled_catalogue();
  Catalogue first = bundled;
  for (auto& c : first.categories) c.editions.resize(1);
  ASSERT_TRUE(store.import_catalogue(first));
  auto summary = store.import_catalogue(bundled);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->categories_added, 0);
  EXPECT_EQ(summary->editions_unchanged, static_cast<int>(bundled.categories.size()));
  EXPECT_GT(summary->editions_added, 0);
  EXPECT_EQ(catalogue_difference(bundled, *store.load_catalogue()), std::nullopt);
}

TEST(Store, KeepsWhatTheImportDoesNotMention) {
  TempDir dir;
  Store store = open_store(dir.path("x.db"));
  const Catalogue bundled = testing::bundled_catalogue();
  ASSERT_TRUE(store.import_catalogue(bundled));
  Catalogue one = bundled;
  one.categories.resize(1);
  one.categories[0].editions.resize(1);
  auto summary = store.import_catalogue(one);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_FALSE(summary->changed());
  EXPECT_EQ(catalogue_difference(bundled, *store.load_catalogue()), std::nullopt);
}

// A changed published edition is refused as a whole: the new edition that
// comes with it in the same import is not written either.
TEST(Store, RefusesAChangedPublishedEditionAndWritesNothing) {
  TempDir dir;
  Store store = open_store(dir.path("x.db"));
  const Catalogue bundled = testing::bundled_catalogue();
  Catalogue first = bundled;
  for (auto& c : first.categories) c.editions.resize(1);
  ASSERT_TRUE(store.import_catalogue(first));
  const auto before = testing::row_counts(store.database());

  Catalogue changed = bundled;  // brings new editions …
  Category& vc = category(changed, "video-conferencing");
  Edition& published = vc.editions.front();  // … and a change to a published one
  ASSERT_FALSE(published.assessments.empty());
  Assessment& a = published.assessments.back();
  a.ratings.front().justification.en += " (silently corrected)";

  auto result = store.import_catalogue(changed);
  ASSERT_FALSE(result);
  const std::string& message = result.error().message;
  EXPECT_NE(message.find("edition " + published.date.to_string() + " of category video-conferencing"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("services/" + a.id + ".toml"), std::string::npos) << message;
  EXPECT_NE(message.find("justification.en"), std::string::npos) << message;
  EXPECT_NE(message.find("nothing was imported"), std::string::npos) << message;
  EXPECT_NE(result.error().hint.find("new edition"), std::string::npos) << result.error().hint;
  EXPECT_EQ(testing::row_counts(store.database()), before);
  EXPECT_EQ(catalogue_difference(first, *store.load_catalogue()), std::nullopt);
}

TEST(Store, RefusesAChangedMethodologyVersion) {
  TempDir dir;
  Store store = open_store(dir.path("x.db"));
  const Catalogue bundled = testing::bundled_catalogue();
  ASSERT_TRUE(store.import_catalogue(bundled));
  const auto before = testing::row_counts(store.database());
  Catalogue changed = bundled;
  Category& c = category(changed, "messengers");
  Methodology& m = c.methodologies.begin()->second;
  m.features.front().weight += 1;
  auto result = store.import_catalogue(changed);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("methodology version " + std::to_string(m.version) + " of category messengers"),
            std::string::npos)
      << result.error().message;
  EXPECT_NE(result.error().message.find("weight"), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().hint.find("methodology/v"), std::string::npos) << result.error().hint;
  EXPECT_EQ(testing::row_counts(store.database()), before);
}

TEST(Store, AFailingInsertRollsBackTheWholeImport) {
  TempDir dir;
  Store store = open_store(dir.path("x.db"));
  Catalogue broken = testing::bundled_catalogue();
  // Not something the loader lets through: a published figure for a service
  // the edition does not rate (a foreign key violation at the very end).
  Edition& last = broken.categories.back().editions.back();
  PublishedFigure figure;
  figure.service = "not-in-this-edition";
  figure.points = 1;
  last.published.push_back(figure);
  auto result = store.import_catalogue(broken);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("edition " + last.category + " " + last.date.to_string()), std::string::npos)
      << result.error().message;
  EXPECT_EQ(*store.empty(), true);
  EXPECT_EQ(*store.database().query_int("SELECT count(*) FROM rating"), 0);
}

TEST(Store, OpenOrCreateImportsTheBundledDataOnFirstStartOnly) {
  TempDir dir;
  const std::string path = dir.path("var/sub/privascore.db");  // folders are created
  const MemorySource bundled = testing::bundled_source();
  {
    auto store = open_or_create(path, bundled);
    ASSERT_TRUE(store) << store.error().message;
    EXPECT_EQ(catalogue_difference(testing::bundled_catalogue(), *store->load_catalogue()), std::nullopt);
  }
  // A database that already holds data is opened as it is.
  const std::string other = dir.path("other.db");
  Catalogue one = testing::bundled_catalogue();
  one.categories.resize(1);
  { ASSERT_TRUE(open_store(other).import_catalogue(one)); }
  auto store = open_or_create(other, bundled);
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ(store->load_catalogue()->categories.size(), 1u);
}

TEST(Store, OpenOrCreateWithInvalidDataCreatesNoDatabase) {
  TempDir dir;
  MemorySource broken("<broken>");
  broken.add("cat/methodology/v1.toml", "category = \"cat\"\nversion = \"one\"\n");
  auto store = open_or_create(dir.path("x.db"), broken);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("the data in <broken> has"), std::string::npos) << store.error().message;
  EXPECT_NE(store.error().message.find("no database was created"), std::string::npos) << store.error().message;
  EXPECT_FALSE(std::filesystem::exists(dir.path("x.db")));
}

TEST(Store, OpenOrCreateWithInvalidDataLeavesAnExistingEmptyDatabaseEmpty) {
  TempDir dir;
  { ASSERT_TRUE(Store::open(dir.path("x.db"))); }
  MemorySource broken("<broken>");
  broken.add("cat/methodology/v1.toml", "category = \"cat\"\nversion = \"one\"\n");
  auto store = open_or_create(dir.path("x.db"), broken);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("stays empty"), std::string::npos) << store.error().message;
  EXPECT_EQ(*Store::open(dir.path("x.db"))->empty(), true);
}

TEST(Store, SecondConnectionReadsWhileAnImportIsOpen) {
  TempDir dir;
  const std::string path = dir.path("x.db");
  Store writer = open_store(path);
  Catalogue first = testing::bundled_catalogue();
  first.categories.resize(1);
  ASSERT_TRUE(writer.import_catalogue(first));
  // A write transaction in progress on one connection …
  auto tx = Transaction::begin(writer.database());
  ASSERT_TRUE(tx);
  ASSERT_TRUE(writer.database().exec("INSERT INTO category VALUES ('pending')"));
  // … does not block a reader, which sees the last committed state (WAL).
  Store reader = open_store(path);
  auto loaded = reader.load_catalogue();
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(catalogue_difference(first, *loaded), std::nullopt);
}

}  // namespace
}  // namespace privascore::store
