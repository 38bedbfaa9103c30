#include "store/store.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "loader/loader.h"
#include "store/catalogue_reader.h"
#include "store/catalogue_writer.h"
#include "store/content_diff.h"
#include "store/schema.h"

namespace privascore::store {

std::string ImportSummary::to_string() const {
  return std::to_string(categories_added) + " categor" + (categories_added == 1 ? "y" : "ies") +
         " added; methodology versions: " + std::to_string(methodologies_added) + " added, " +
         std::to_string(methodologies_unchanged) + " unchanged; editions: " + std::to_string(editions_added) +
         " added, " + std::to_string(editions_unchanged) + " unchanged";
}

Result<Store> Store::open(const std::string& path, OpenMode mode) {
  const bool memory = path == ":memory:";
  if (mode == OpenMode::create && !memory) {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty() && !std::filesystem::exists(parent, ec)) {
      std::filesystem::create_directories(parent, ec);
      if (ec) {
        return fail("cannot create the folder " + parent.string() + " for the database: " + ec.message(),
                    "create it, or pass another path with --db");
      }
    }
  }
  const Database::Mode db_mode = mode == OpenMode::create     ? Database::Mode::create
                                 : mode == OpenMode::existing ? Database::Mode::existing
                                                              : Database::Mode::read_only;
  auto db = Database::open(path, db_mode);
  if (!db) return tl::unexpected(db.error());
  // Check before changing anything: a foreign or newer file stays untouched.
  auto state = check_compatible(*db);
  if (!state) return tl::unexpected(state.error());
  if (mode == OpenMode::read_only) {
    if (state->version != latest_schema_version()) {
      return fail("database " + path + " has schema version " + std::to_string(state->version) +
                      ", but this privascore reads version " + std::to_string(latest_schema_version()),
                  state->version == 0 ? "create it with `privascore import --db " + path + "`"
                                      : "open it once read-write (privascore import or serve) to migrate it");
    }
    return Store(std::move(*db));
  }
  // WAL: readers (the running site) never wait for a writer and see the last
  // committed state; the mode is stored in the file.
  if (auto r = db->exec("PRAGMA journal_mode = WAL"); !r) return tl::unexpected(r.error());
  auto version = migrate(*db);
  if (!version) return tl::unexpected(version.error());
  return Store(std::move(*db));
}

Result<ImportSummary> Store::import_catalogue(const Catalogue& catalogue) {
  ImportSummary summary;
  auto tx = Transaction::begin(m_db, Transaction::Kind::immediate);
  if (!tx) return tl::unexpected(tx.error());
  // Read what is there inside the write transaction: nobody can change it
  // between the comparison and the insert.
  auto existing = read_catalogue(m_db);
  if (!existing) return tl::unexpected(existing.error());
  const DiffLabels labels{"in the database", "in the data to import"};

  for (const Category& category : catalogue.categories) {
    const Category* old = existing->category(category.id);
    if (!old) {
      if (auto r = insert_category(m_db, category.id); !r) return tl::unexpected(r.error());
      ++summary.categories_added;
    }
    for (const auto& [version, methodology] : category.methodologies) {
      const Methodology* stored = old ? old->methodology(version) : nullptr;
      if (!stored) {
        if (auto r = insert_methodology(m_db, methodology); !r) return tl::unexpected(r.error());
        ++summary.methodologies_added;
        continue;
      }
      if (auto diff = methodology_difference(*stored, methodology, labels)) {
        return fail("methodology version " + std::to_string(version) + " of category " + category.id +
                        " is already in the database with different content (" + category.id + "/methodology/v" +
                        std::to_string(version) + ".toml: " + *diff + "); nothing was imported",
                    "a methodology version never changes once published; put the changed methodology in a new "
                    "version, methodology/v" +
                        std::to_string(
                            std::max(category.methodologies.rbegin()->first, old->methodologies.rbegin()->first) + 1) +
                        ".toml");
      }
      ++summary.methodologies_unchanged;
    }
    for (const Edition& edition : category.editions) {
      const Edition* stored = old ? old->edition(edition.date) : nullptr;
      if (!stored) {
        if (auto r = insert_edition(m_db, edition); !r) return tl::unexpected(r.error());
        ++summary.editions_added;
        continue;
      }
      if (auto diff = edition_difference(*stored, edition, labels)) {
        return fail("edition " + edition.date.to_string() + " of category " + category.id +
                        " is already published with different content (" + category.id + "/editions/" +
                        edition.date.to_string() + "/" + *diff + "); nothing was imported",
                    "a published edition never changes; publish the correction as a new edition (a new date) "
                    "with a note of kind \"correction\", and keep the files of " +
                        edition.date.to_string() + " as they were");
      }
      ++summary.editions_unchanged;
    }
  }
  if (auto r = tx->commit(); !r) return tl::unexpected(r.error());
  return summary;
}

Result<Catalogue> Store::load_catalogue() {
  return read_catalogue(m_db);
}

Result<bool> Store::empty() {
  auto any = m_db.query_int("SELECT EXISTS (SELECT 1 FROM category)");
  if (!any) return tl::unexpected(any.error());
  return *any == 0;
}

Result<Store> open_or_create(const std::string& path, const FileSource& bundled) {
  // A database that is not there yet is only created once the data to fill
  // it with has loaded without errors: invalid data leaves nothing behind.
  std::error_code ec;
  const bool existed = path == ":memory:" || std::filesystem::exists(path, ec);
  std::optional<Store> store;
  if (existed) {
    auto opened = Store::open(path, Store::OpenMode::create);
    if (!opened) return opened;
    auto empty = opened->empty();
    if (!empty) return tl::unexpected(empty.error());
    if (!*empty) return opened;
    store.emplace(std::move(*opened));
  }
  DiagnosticSink sink;
  Catalogue catalogue = load_catalogue(bundled, sink);
  if (sink.has_errors()) {
    std::string label = bundled.display_path("");
    while (label.size() > 1 && label.back() == '/') label.pop_back();
    std::string first;
    int shown = 0;
    for (const auto& d : sink.items()) {
      if (d.severity != Severity::error || shown++ == 3) continue;
      first += "\n  " + d.to_string();
    }
    const std::string outcome =
        existed ? "the empty database " + path + " stays empty" : "no database was created at " + path;
    const std::string what = label == "<bundled>" ? "the bundled data" : "the data in " + label;
    return fail(
        what + " has " + std::to_string(sink.error_count()) + " error(s), so " + outcome + ":" + first,
        "run `privascore check" + std::string(label == "<bundled>" ? "" : " --data " + label) + "` to see every error");
  }
  if (!store) {
    auto opened = Store::open(path, Store::OpenMode::create);
    if (!opened) return opened;
    store.emplace(std::move(*opened));
  }
  auto imported = store->import_catalogue(catalogue);
  if (!imported) return tl::unexpected(imported.error());
  return std::move(*store);
}

}  // namespace privascore::store
