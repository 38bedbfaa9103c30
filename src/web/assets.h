// Assets: the site's files (templates, stylesheets, scripts, i18n catalogs)
// from the copy compiled into the binary or, in development, from a
// directory on disk (PRIVASCORE_WEB_DIR).
//
// Files below static/ are served under content-hashed names
// ("/static/site.3f2a….css") so that they can be cached for a year. A
// request path is only ever compared with the known names; no file-system
// path is built from it. Immutable after construction; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "util/error.h"
namespace privascore::web {

class Assets {
 public:
  /// The files compiled into the binary (resource set "web").
  static Assets embedded();
  /// Every file below dir (hidden files skipped). An error names the
  /// directory and what is wrong when it cannot be read.
  static Result<Assets> from_directory(const std::string& dir);
  /// Files given in memory, keyed by relative path (for tests).
  static Assets from_files(std::map<std::string, std::string> files);

  /// The content of a file ("templates/layout.mustache"); nullptr if absent.
  const std::string* file(std::string_view path) const;
  /// Every relative path, sorted.
  std::vector<std::string> paths() const;

  /// The hashed URL of a static file: "site.css" → "/static/site.<hash>.css".
  /// Returns "/static/<name>" when there is no such file.
  std::string static_url(std::string_view name) const;

  struct StaticFile {
    const std::string* content = nullptr;
    std::string content_type;
    bool exact = false;  // the requested hash is the current one
  };
  /// Resolves the last path segment under /static/: "site.<hash>.css" or
  /// "site.css". exact is false when the hash is missing or outdated (the
  /// current content is served, but must not be cached for long).
  std::optional<StaticFile> find_static(std::string_view name) const;

 private:
  explicit Assets(std::map<std::string, std::string, std::less<>> files);

  std::map<std::string, std::string, std::less<>> m_files;
  std::map<std::string, std::string, std::less<>> m_hashed;  // "site.css" → "site.<hash>.css"
};

/// The MIME type for a file name by its extension ("text/css; charset=utf-8").
std::string content_type_for(std::string_view name);

}  // namespace privascore::web
