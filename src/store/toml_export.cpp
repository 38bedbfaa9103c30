#include "store/toml_export.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "loader/file_source.h"
#include "loader/loader.h"
#include "render/toml_writer.h"
#include "store/content_diff.h"
#include "util/text.h"

namespace privascore::store {

namespace fs = std::filesystem;

namespace {

// Removes a temporary folder when it goes out of scope unless released.
class TempDir {
 public:
  explicit TempDir(fs::path path) : m_path(std::move(path)) {}
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    if (m_path.empty()) return;
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  const fs::path& path() const { return m_path; }
  void release() { m_path.clear(); }

 private:
  fs::path m_path;
};

Result<void> write_file(const fs::path& path, const std::string& content) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return fail("cannot create the folder " + path.parent_path().string() + ": " + ec.message());
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return fail("cannot create " + path.string() + ": " + std::strerror(errno));
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      return fail("cannot write " + path.string() + ": " + std::strerror(error),
                  error == ENOSPC ? "the disk is full; free some space" : "");
    }
    done += static_cast<std::size_t>(n);
  }
  // Durable before the rename makes the folder visible.
  if (::fsync(fd) != 0 || ::close(fd) != 0) return fail("cannot write " + path.string() + ": " + std::strerror(errno));
  return {};
}

// A folder --force may replace: category folders holding methodology/, and
// notes (.md, .txt); an empty folder qualifies too.
std::optional<std::string> foreign_entry(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const fs::path& p = entry.path();
    const std::string name = p.filename().string();
    if (entry.is_directory(ec) && is_valid_id(name) && fs::is_directory(p / "methodology", ec)) continue;
    if (entry.is_regular_file(ec) && (p.extension() == ".md" || p.extension() == ".txt")) continue;
    return name;
  }
  if (ec) return "(unreadable: " + ec.message() + ")";
  return std::nullopt;
}

bool is_empty_dir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_empty(dir, ec) && !ec;
}

}  // namespace

Result<ExportSummary> export_catalogue(const Catalogue& catalogue, const std::string& dir,
                                       const ExportOptions& options) {
  ExportSummary summary;
  std::error_code ec;
  fs::path target = fs::path(dir).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();  // "out/" → "out"
  if (target.empty() || target == "." || target == "..") {
    return fail("cannot export into \"" + dir + "\": give the name of a new or empty folder",
                "for example `privascore export exported-data`");
  }
  const bool exists = fs::exists(fs::symlink_status(target, ec));
  if (exists) {
    if (!fs::is_directory(target, ec)) {
      return fail(target.string() + " exists and is not a folder", "choose the name of a new or empty folder");
    }
    if (!is_empty_dir(target)) {
      if (!options.force) {
        return fail(target.string() + " is not empty; nothing was written",
                    "choose a new or empty folder, or pass --force to replace it");
      }
      if (auto entry = foreign_entry(target)) {
        return fail(target.string() + " does not look like a privascore data folder (it holds \"" + *entry +
                        "\"); it is not replaced even with --force",
                    "choose a new or empty folder, or remove it yourself");
      }
      summary.replaced = true;
    }
  }
  fs::path parent = target.parent_path();
  if (parent.empty()) parent = ".";
  fs::create_directories(parent, ec);
  if (ec) return fail("cannot create the folder " + parent.string() + ": " + ec.message());

  std::string pattern = (parent / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) {
    return fail("cannot create a temporary folder in " + parent.string() + ": " + std::strerror(errno),
                "check that the folder is writable");
  }
  TempDir temp{fs::path(pattern)};
  ::chmod(pattern.c_str(), 0755);  // mkdtemp makes it 0700; the export is ordinary data

  for (const TomlFile& file : catalogue_toml_files(catalogue)) {
    if (auto r = write_file(temp.path() / file.path, file.content); !r) return tl::unexpected(r.error());
    ++summary.files;
  }

  // Read the files back exactly as `privascore check --data` would.
  DiskSource source(temp.path().string());
  DiagnosticSink sink;
  Catalogue loaded = load_catalogue(source, sink);
  if (sink.has_errors()) {
    return fail("the exported files do not load back: " + sink.items().front().to_string() + "; nothing was written",
                "this is a bug in the TOML writer; please report it with the database");
  }
  if (auto diff = catalogue_difference(catalogue, loaded, {"in the database", "in the exported files"})) {
    return fail("the exported files load back differently: " + *diff + "; nothing was written",
                "this is a bug in the TOML writer; please report it with the database");
  }

  if (!exists || !summary.replaced) {
    // rename(2) replaces an empty folder atomically.
    if (::rename(temp.path().c_str(), target.c_str()) != 0) {
      return fail("cannot rename " + temp.path().string() + " to " + target.string() + ": " + std::strerror(errno));
    }
    temp.release();
    return summary;
  }
  // Swap the new folder and the old one in one step, then delete the old.
  if (::renameat2(AT_FDCWD, temp.path().c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    fs::remove_all(temp.path(), ec);  // now holds the old content
    temp.release();
    return summary;
  }
  // A file system without RENAME_EXCHANGE: move the old folder aside first.
  std::string aside = (parent / ("." + target.filename().string() + ".old-XXXXXX")).string();
  if (!::mkdtemp(aside.data()))
    return fail("cannot create a folder in " + parent.string() + ": " + std::strerror(errno));
  const fs::path old_path = fs::path(aside) / "old";
  if (::rename(target.c_str(), old_path.c_str()) != 0) {
    fs::remove(aside, ec);
    return fail("cannot move " + target.string() + " aside: " + std::strerror(errno));
  }
  if (::rename(temp.path().c_str(), target.c_str()) != 0) {
    const int error = errno;
    (void)::rename(old_path.c_str(), target.c_str());  // put the old folder back
    fs::remove_all(aside, ec);
    return fail("cannot rename " + temp.path().string() + " to " + target.string() + ": " + std::strerror(error));
  }
  temp.release();
  fs::remove_all(aside, ec);
  return summary;
}

}  // namespace privascore::store
