#include "editor/open_data.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "editor/credentials.h"
#include "render/toml_writer.h"

namespace privascore::editor {

namespace fs = std::filesystem;

namespace {

Result<void> write_durable(const fs::path& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return fail(ErrorKind::internal, "cannot create " + path.string() + ": " + std::strerror(errno));
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      return fail(ErrorKind::internal, "cannot write " + path.string() + ": " + std::strerror(error),
                  error == ENOSPC ? "the disk is full; free some space" : "");
    }
    done += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) return fail(ErrorKind::internal, "cannot flush " + path.string() + ": " + std::strerror(errno));
  return {};
}

void sync_directory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Files of one folder: relative name → content.
using Files = std::vector<std::pair<std::string, std::string>>;

// Writes files into a temporary sibling of target, then renames it to
// target. Leaves target alone when it exists (and reports a difference).
Result<void> write_folder(const fs::path& root, const fs::path& target, const Files& files, OpenDataSummary& summary) {
  std::error_code ec;
  const std::string relative = fs::relative(target, root, ec).string();
  if (fs::exists(target, ec)) {
    for (const auto& [name, content] : files) {
      if (read_file(target / name) != content) {
        summary.problems.push_back(relative + "/" + name + " differs from the published edition in the database");
      }
    }
    return {};
  }
  fs::create_directories(target.parent_path(), ec);
  if (ec) {
    return fail(ErrorKind::internal, "cannot create the folder " + target.parent_path().string() + ": " + ec.message());
  }
  const fs::path temp =
      target.parent_path() / ("." + target.filename().string() + ".tmp-" + random_token().substr(0, 8));
  auto cleanup = [&] { fs::remove_all(temp, ec); };
  for (const auto& [name, content] : files) {
    fs::create_directories((temp / name).parent_path(), ec);
    if (ec) {
      cleanup();
      return fail(ErrorKind::internal, "cannot create the folder " + (temp / name).parent_path().string());
    }
    if (auto r = write_durable(temp / name, content); !r) {
      cleanup();
      return r;
    }
  }
  if (fs::exists(temp / "services")) sync_directory(temp / "services");
  sync_directory(temp);
  fs::rename(temp, target, ec);
  if (ec) {
    cleanup();
    return fail(ErrorKind::internal, "cannot rename " + temp.string() + " to " + target.string() + ": " + ec.message());
  }
  sync_directory(target.parent_path());
  summary.written.push_back(relative);
  return {};
}

// One file, written under a temporary name and renamed.
Result<void> write_single(const fs::path& root, const fs::path& target, const std::string& content,
                          OpenDataSummary& summary) {
  std::error_code ec;
  const std::string relative = fs::relative(target, root, ec).string();
  if (fs::exists(target, ec)) {
    if (read_file(target) != content)
      summary.problems.push_back(relative + " differs from the version in the database");
    return {};
  }
  fs::create_directories(target.parent_path(), ec);
  if (ec) {
    return fail(ErrorKind::internal, "cannot create the folder " + target.parent_path().string() + ": " + ec.message());
  }
  const fs::path temp =
      target.parent_path() / ("." + target.filename().string() + ".tmp-" + random_token().substr(0, 8));
  if (auto r = write_durable(temp, content); !r) {
    fs::remove(temp, ec);
    return r;
  }
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    return fail(ErrorKind::internal, "cannot rename " + temp.string() + ": " + ec.message());
  }
  sync_directory(target.parent_path());
  summary.written.push_back(relative);
  return {};
}

// Removes what an interrupted earlier sync left behind: ".<name>.tmp-…"
// entries in dir. Only such names are touched.
void remove_leftovers(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() > 1 && name[0] == '.' && name.find(".tmp-") != std::string::npos) {
      std::error_code ignored;
      fs::remove_all(it->path(), ignored);
    }
  }
}

}  // namespace

Result<OpenDataSummary> sync_open_data(const Catalogue& catalogue, const std::string& dir) {
  OpenDataSummary summary;
  const fs::path root(dir);
  for (const Category& c : catalogue.categories) {
    remove_leftovers(root / c.id / "methodology");
    remove_leftovers(root / c.id / "editions");
    for (const auto& [version, m] : c.methodologies) {
      auto r = write_single(root, root / c.id / "methodology" / ("v" + std::to_string(version) + ".toml"),
                            methodology_toml(m), summary);
      if (!r) return tl::unexpected(r.error());
    }
    for (const Edition& e : c.editions) {
      Files files;
      files.emplace_back("edition.toml", edition_toml(e));
      for (const Assessment& a : e.assessments) files.emplace_back("services/" + a.id + ".toml", assessment_toml(a));
      auto r = write_folder(root, root / c.id / "editions" / e.date.to_string(), files, summary);
      if (!r) return tl::unexpected(r.error());
    }
  }
  return summary;
}

}  // namespace privascore::editor
