// FileSource: a read-only tree of files that the loaders read from.
//
// The loaders never touch the file system directly: DiskSource reads a
// directory, MemorySource holds files in memory (the data compiled into the
// binary, and tests that build state from inline text). Read-only after
// construction, so safe to share between threads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace privascore {

class FileSource {
 public:
  virtual ~FileSource() = default;

  /// Names of the entries directly inside dir ("" is the root), sorted.
  /// Sub-directories end with '/'. Empty when dir does not exist.
  virtual std::vector<std::string> list(std::string_view dir) const = 0;

  /// The file's bytes, reading at most max_bytes + 1 bytes so that an
  /// oversized file is detected without reading it whole. nullopt with
  /// *error set when the file cannot be read.
  virtual std::optional<std::string> read(std::string_view path, std::size_t max_bytes, std::string* error) const = 0;

  /// How to name path in messages (the on-disk path, or a bundled name).
  virtual std::string display_path(std::string_view path) const = 0;
};

/// Files below a directory on disk.
class DiskSource : public FileSource {
 public:
  explicit DiskSource(std::string root);
  std::vector<std::string> list(std::string_view dir) const override;
  std::optional<std::string> read(std::string_view path, std::size_t max_bytes, std::string* error) const override;
  std::string display_path(std::string_view path) const override;

 private:
  std::string m_root;
};

/// Files held in memory, keyed by relative path ("a/b.toml").
class MemorySource : public FileSource {
 public:
  explicit MemorySource(std::string label = "<memory>") : m_label(std::move(label)) {}
  void add(std::string path, std::string content);

  std::vector<std::string> list(std::string_view dir) const override;
  std::optional<std::string> read(std::string_view path, std::size_t max_bytes, std::string* error) const override;
  std::string display_path(std::string_view path) const override;

 private:
  std::string m_label;
  std::map<std::string, std::string, std::less<>> m_files;
};

}  // namespace privascore
