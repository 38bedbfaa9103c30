// Shared set-up for the editor's unit tests: a store in memory (or in a
// temporary file) holding the bundled data, the editor's tables, a manual
// clock and one user per role. Test-only; not part of the library.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>

#include "editor/accounts.h"
#include "editor/clock.h"
#include "editor/editor_schema.h"
#include "loader/file_source.h"
#include "loader/loader.h"
#include "resources/resources.h"
#include "store/store.h"

namespace privascore::editor::testing {

/// The data compiled into the binary.
inline std::unique_ptr<FileSource> bundled_source() {
  auto source = std::make_unique<MemorySource>("<bundled>");
  for (const auto& file : resources::files("data")) source->add(std::string(file.path), std::string(file.content));
  return source;
}

/// A fresh temporary folder, removed when the object goes away.
class TempFolder {
 public:
  TempFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "privascore-editor-XXXXXX").string();
    m_path = mkdtemp(pattern.data()) ? pattern : std::string();
  }
  ~TempFolder() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
};

/// A store with the bundled data and the editor's tables, and users
/// "erika" (editor), "rolf" (reviewer), "rita" (reviewer), "ada" (admin),
/// all with the password "correct horse battery".
struct Fixture {
  explicit Fixture(const std::string& path = ":memory:") {
    auto source = bundled_source();
    auto opened = store::open_or_create(path, *source);
    EXPECT_TRUE(opened) << (opened ? "" : opened.error().to_string());
    store.emplace(std::move(*opened));
    auto migrated = migrate_editor(db());
    EXPECT_TRUE(migrated) << (migrated ? "" : migrated.error().to_string());
    editor = add("erika", Role::editor);
    reviewer = add("rolf", Role::reviewer);
    reviewer2 = add("rita", Role::reviewer);
    admin = add("ada", Role::admin);
  }

  store::Database& db() { return store->database(); }

  User add(const std::string& name, Role role) {
    auto user = add_user(db(), name, role, k_password, clock, "test");
    EXPECT_TRUE(user) << (user ? "" : user.error().to_string());
    return user ? *user : User{};
  }

  static constexpr const char* k_password = "correct horse battery";
  ManualClock clock;
  std::optional<store::Store> store;
  User editor;
  User reviewer;
  User reviewer2;
  User admin;
};

}  // namespace privascore::editor::testing
