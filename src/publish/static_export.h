// The static export: the whole public site written as files that any web
// host can serve (`privascore build OUT/`).
//
// The exporter does not know the site: it asks a Fetcher for paths and
// crawls. It starts from the seed paths, follows every internal link of
// every HTML page and stylesheet, writes each page as <path>/index.html and
// every other file under its own path, turns redirects into small HTML
// pages that forward, and then rewrites every internal link to a relative
// one, so the output works from any sub-path of any host. Fixed entries
// (the JSON API, whose documents are selected by query strings) are
// written to the file names given. A link to a path that does not answer
// 200 or a redirect is a broken link and fails the export.
//
// Output is deterministic: file contents depend only on what the fetcher
// returns; sitemap.xml and robots.txt list paths in sorted order. Files are
// written to a temporary folder beside the target, which then takes the
// target's place by rename; a target that exists must be empty or an
// earlier export (it holds the marker file .privascore-build).
#pragma once

#include <functional>
#include <string>
#include <tl/expected.hpp>

#include <vector>
#include "util/error.h"

namespace privascore::publish {

struct Fetched {
  int status = 404;
  std::string content_type;
  std::string body;
  std::string location;  // for 301/302/303/307/308
};

/// Answers a root-relative path ("/de/", "/static/site.css") with an
/// optional query ("" or "edition=…"). Must be deterministic.
using Fetcher = std::function<Fetched(const std::string& path, const std::string& query)>;

/// A file fetched as is and written to a given name. One without a query
/// also names the file for that path when the crawl meets it (links to it
/// are rewritten to the file).
struct FixedFile {
  std::string path;   // request path
  std::string query;  // request query, "" for none
  std::string file;   // output file, relative to the root: "api/v1/categories.json"
};

struct ExportPlan {
  std::vector<std::string> seeds;     // paths to crawl from (pages and files)
  std::vector<FixedFile> fixed;       // fetched as is, never crawled
  std::string not_found_path;         // a path that answers 404: its page becomes 404.html
  std::string base_url;               // "https://example.org/sub" or "": sitemap.xml needs it
  std::vector<std::string> no_index;  // path prefixes left out of sitemap.xml ("/embed/")
};

struct ExportSummary {
  int pages = 0;  // HTML files written (redirect pages included)
  int files = 0;  // every file written
  long long bytes = 0;
  int redirects = 0;
  bool sitemap = false;  // written (needs a base URL)
};

/// Crawls and writes the site to out_dir. Fails, leaving out_dir as it
/// was, when a page links to a path that does not exist (every such link
/// named with the page it is on), a fetch fails, or a file cannot be
/// written.
Result<ExportSummary> export_site(const ExportPlan& plan, const Fetcher& fetch, const std::string& out_dir);

/// Checks, before anything is rendered, that out_dir may take an export:
/// it does not exist yet, or it is an empty folder or an earlier export.
/// The error names the folder and how to fix it. export_site checks again
/// before it writes.
tl::expected<void, Error> check_export_target(const std::string& out_dir);

/// Where a fetched path is written: pages as "<path>/index.html" ("/" →
/// "index.html"), anything else under its path without the leading '/'.
std::string output_file(const std::string& path, bool html);

}  // namespace privascore::publish
