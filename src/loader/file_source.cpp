#include "loader/file_source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

namespace privascore {

namespace fs = std::filesystem;

DiskSource::DiskSource(std::string root) : m_root(std::move(root)) {
  while (m_root.size() > 1 && m_root.back() == '/') m_root.pop_back();
}

std::vector<std::string> DiskSource::list(std::string_view dir) const {
  std::vector<std::string> names;
  std::error_code ec;
  fs::path path = dir.empty() ? fs::path(m_root) : fs::path(m_root) / std::string(dir);
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (it->is_directory(ec)) name += '/';
    names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<std::string> DiskSource::read(std::string_view path, std::size_t max_bytes, std::string* error) const {
  const std::string full = display_path(path);
  std::ifstream in(full, std::ios::binary);
  if (!in) {
    *error = std::strerror(errno);
    return std::nullopt;
  }
  std::string content(max_bytes + 1, '\0');
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  content.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    *error = "read error";
    return std::nullopt;
  }
  return content;
}

std::string DiskSource::display_path(std::string_view path) const {
  return (fs::path(m_root) / std::string(path)).lexically_normal().string();
}

void MemorySource::add(std::string path, std::string content) {
  m_files[std::move(path)] = std::move(content);
}

std::vector<std::string> MemorySource::list(std::string_view dir) const {
  std::string prefix(dir);
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  std::set<std::string> names;
  for (const auto& [path, content] : m_files) {
    if (path.compare(0, prefix.size(), prefix) != 0) continue;
    std::string rest = path.substr(prefix.size());
    auto slash = rest.find('/');
    names.insert(slash == std::string::npos ? rest : rest.substr(0, slash + 1));
  }
  return {names.begin(), names.end()};
}

std::optional<std::string> MemorySource::read(std::string_view path, std::size_t max_bytes, std::string* error) const {
  auto it = m_files.find(path);
  if (it == m_files.end()) {
    *error = "no such file";
    return std::nullopt;
  }
  return it->second.substr(0, max_bytes + 1);
}

std::string MemorySource::display_path(std::string_view path) const {
  return m_label + "/" + std::string(path);
}

}  // namespace privascore
