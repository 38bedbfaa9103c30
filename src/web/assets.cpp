#include "web/assets.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "resources/resources.h"
#include "web/responses.h"

namespace privascore::web {

namespace {

constexpr std::string_view k_static_prefix = "static/";

// "site.css" + hash → "site.<hash>.css"; names without extension get the
// hash appended.
std::string hashed_name(std::string_view name, std::string_view hash) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return std::string(name) + "." + std::string(hash);
  return std::string(name.substr(0, dot)) + "." + std::string(hash) + std::string(name.substr(dot));
}

bool is_hex16(std::string_view s) {
  if (s.size() != 16) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

Assets::Assets(std::map<std::string, std::string, std::less<>> files) : m_files(std::move(files)) {
  for (const auto& [path, content] : m_files) {
    if (path.rfind(k_static_prefix, 0) != 0) continue;
    const std::string name = path.substr(k_static_prefix.size());
    m_hashed[name] = hashed_name(name, content_hash(content));
  }
}

Assets Assets::embedded() {
  std::map<std::string, std::string, std::less<>> files;
  for (const auto& f : resources::files("web")) files.emplace(std::string(f.path), std::string(f.content));
  return Assets(std::move(files));
}

Assets Assets::from_files(std::map<std::string, std::string> files) {
  return Assets(std::map<std::string, std::string, std::less<>>(files.begin(), files.end()));
}

Result<Assets> Assets::from_directory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return fail("PRIVASCORE_WEB_DIR `" + dir +
                "` is not a directory; point it at the web/ folder of the source tree or unset it");
  }
  std::map<std::string, std::string, std::less<>> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const fs::path rel = fs::relative(it->path(), dir, ec);
    const std::string rel_text = rel.generic_string();
    if (rel_text.empty() || rel_text[0] == '.' || rel_text.find("/.") != std::string::npos) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) return fail("cannot read `" + it->path().string() + "`");
    files.emplace(rel_text, content.str());
  }
  if (ec) return fail("cannot list `" + dir + "`: " + ec.message());
  return Assets(std::move(files));
}

const std::string* Assets::file(std::string_view path) const {
  auto it = m_files.find(path);
  return it == m_files.end() ? nullptr : &it->second;
}

std::vector<std::string> Assets::paths() const {
  std::vector<std::string> out;
  for (const auto& [path, content] : m_files) out.push_back(path);
  return out;
}

std::string Assets::static_url(std::string_view name) const {
  auto it = m_hashed.find(name);
  return "/static/" + (it == m_hashed.end() ? std::string(name) : it->second);
}

std::optional<Assets::StaticFile> Assets::find_static(std::string_view name) const {
  auto lookup = [&](std::string_view plain, bool exact) -> std::optional<StaticFile> {
    auto it = m_files.find(std::string(k_static_prefix) + std::string(plain));
    if (it == m_files.end()) return std::nullopt;
    return StaticFile{&it->second, content_type_for(plain), exact};
  };
  // "site.<hash>.css": strip the hash segment.
  const std::size_t last = name.rfind('.');
  if (last != std::string_view::npos && last > 0) {
    const std::size_t before = name.rfind('.', last - 1);
    if (before != std::string_view::npos && is_hex16(name.substr(before + 1, last - before - 1))) {
      const std::string plain = std::string(name.substr(0, before)) + std::string(name.substr(last));
      auto found = lookup(plain, false);
      if (found) {
        auto h = m_hashed.find(plain);
        found->exact = h != m_hashed.end() && h->second == name;
      }
      return found;
    }
  }
  return lookup(name, false);
}

std::string content_type_for(std::string_view name) {
  auto ends = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
  };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".json")) return "application/json; charset=utf-8";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  if (ends(".woff2")) return "font/woff2";
  return "application/octet-stream";
}

}  // namespace privascore::web
