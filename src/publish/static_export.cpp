#include "publish/static_export.h"
#include <nlohmann/json.hpp>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <system_error>

#include "publish/html_links.h"
#include "publish/svg.h"

namespace privascore::publish {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_marker = ".privascore-build";

bool is_html(const std::string& content_type) {
  return content_type.rfind("text/html", 0) == 0;
}
bool is_css(const std::string& content_type) {
  return content_type.rfind("text/css", 0) == 0;
}
bool is_redirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// One path as it will be written.
struct Entry {
  Fetched response;
  std::string file;
  bool html = false;
  bool css = false;
  std::string redirect_to;  // the resolved target path of a redirect
};

// The internal path a link refers to, or "" for an external or non-path
// link. A link into the base URL counts as internal.
std::string internal_target(const std::string& page_path, const std::string& link, const std::string& base_url) {
  std::string value = link;
  if (!base_url.empty() && value.rfind(base_url, 0) == 0) {
    value = value.substr(base_url.size());
    if (value.empty() || (value[0] != '/' && value[0] != '?' && value[0] != '#')) return {};
    if (value[0] != '/') value = "/" + value;
  }
  if (value.empty() || value[0] == '#') return {};
  return resolve_path(page_path, value);
}

// The language of the page a redirect leads to ("/de/…" → "de"); English
// for a target outside both language trees.
std::string language_of(const std::string& target_path) {
  return target_path.rfind("/de/", 0) == 0 || target_path == "/de" ? "de" : "en";
}

std::string redirect_page(const std::string& target_reference, const std::string& lang) {
  const std::string t = xml_escape(target_reference);
  return "<!DOCTYPE html>\n<html lang=\"" + lang +
         "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"robots\" content=\"noindex\">\n"
         "<meta http-equiv=\"refresh\" content=\"0; url=" +
         t + "\">\n<link rel=\"canonical\" href=\"" + t +
         "\">\n<title>privascore</title>\n</head>\n<body>\n<p><a href=\"" + t + "\">" + t +
         "</a></p>\n</body>\n</html>\n";
}

Result<void> write_file(const fs::path& root, const std::string& relative, const std::string& content) {
  const fs::path target = root / relative;
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) return tl::unexpected(Error{"cannot create " + target.parent_path().string() + ": " + ec.message(), ""});
  std::ofstream out(target, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) return tl::unexpected(Error{"cannot write " + target.string(), "is the disk full?"});
  return {};
}

bool looks_like_earlier_export(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return false;
  if (fs::is_empty(dir, ec)) return true;
  return fs::exists(dir / k_marker, ec);
}

std::string random_suffix() {
  std::random_device rd;
  static const char k_hex[] = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < 8; ++i) s += k_hex[rd() % 16];
  return s;
}

}  // namespace

tl::expected<void, Error> check_export_target(const std::string& out_dir) {
  const fs::path target = fs::absolute(fs::path(out_dir)).lexically_normal();
  std::error_code ec;
  if (fs::exists(target, ec) && !looks_like_earlier_export(target)) {
    return tl::unexpected(Error{target.string() + " exists and is not an earlier export",
                                "choose an empty or new folder, or remove it first"});
  }
  return {};
}

std::string output_file(const std::string& path, bool html) {
  std::string p = path.empty() || path[0] != '/' ? "/" + path : path;
  if (!html) return p.substr(1);
  if (p.back() != '/') p += '/';
  return p.substr(1) + "index.html";
}

Result<ExportSummary> export_site(const ExportPlan& plan, const Fetcher& fetch, const std::string& out_dir) {
  // 1. Crawl.
  std::map<std::string, Entry> entries;                   // by path
  std::map<std::string, std::set<std::string>> broken;    // target -> pages linking it
  std::deque<std::pair<std::string, std::string>> queue;  // path, the page that linked it
  std::set<std::string> seen;
  std::map<std::string, std::string> fixed_names;  // path -> file, for fixed files without a query
  for (const auto& f : plan.fixed)
    if (f.query.empty()) fixed_names.emplace(f.path, f.file);
  // Fixed files with a query, by "path?query": a link naming exactly that
  // document leads to its file (written in step 3), so its bare path is not
  // crawled; it need not exist (a service only an older edition rates).
  std::map<std::string, std::string> fixed_by_target;
  for (const auto& f : plan.fixed)
    if (!f.query.empty()) fixed_by_target.emplace(f.path + "?" + f.query, f.file);
  for (const auto& s : plan.seeds) {
    if (seen.insert(s).second) queue.emplace_back(s, "");
  }
  while (!queue.empty()) {
    auto [path, from] = queue.front();
    queue.pop_front();
    Fetched response = fetch(path, "");
    Entry entry;
    if (is_redirect(response.status)) {
      entry.redirect_to = internal_target(path, response.location, plan.base_url);
      if (entry.redirect_to.empty()) {
        broken[path].insert(from.empty() ? "(seed)" : from);
        continue;
      }
      entry.redirect_to = split_url(entry.redirect_to).path;
      entry.html = true;
      entry.file = output_file(path, true);
      if (seen.insert(entry.redirect_to).second) queue.emplace_back(entry.redirect_to, path);
      entries.emplace(path, std::move(entry));
      continue;
    }
    if (response.status != 200) {
      broken[path].insert(from.empty() ? "(seed)" : from);
      continue;
    }
    entry.html = is_html(response.content_type);
    entry.css = is_css(response.content_type);
    auto named = fixed_names.find(path);
    entry.file = named != fixed_names.end() ? named->second : output_file(path, entry.html);
    std::vector<LinkRef> links;
    if (entry.html) links = html_links(response.body);
    if (entry.css) links = css_links(response.body);
    for (const auto& link : links) {
      const std::string target = internal_target(path, link.value, plan.base_url);
      if (target.empty()) continue;
      const UrlParts parts = split_url(target);
      if (!parts.query.empty() && fixed_by_target.count(parts.path + parts.query)) continue;
      if (seen.insert(parts.path).second) queue.emplace_back(parts.path, path);
    }
    entry.response = std::move(response);
    entries.emplace(path, std::move(entry));
  }
  if (!broken.empty()) {
    std::string message = std::to_string(broken.size()) + " internal link target(s) do not exist:";
    for (const auto& [target, pages] : broken) {
      message += "\n  " + target + " (linked from " + *pages.begin();
      if (pages.size() > 1) message += " and " + std::to_string(pages.size() - 1) + " more";
      message += ")";
    }
    return tl::unexpected(Error{message, "fix the link in the page that names it, or the route it points to"});
  }

  // Two paths must not map to the same file ("/a" as a page and "/a/index.html").
  std::map<std::string, std::string> by_file;
  for (const auto& [path, entry] : entries) {
    auto [it, inserted] = by_file.emplace(entry.file, path);
    if (!inserted)
      return tl::unexpected(Error{"both " + it->second + " and " + path + " would be written to " + entry.file,
                                  "give one of them another path"});
  }

  // 2. Rewrite internal links to relative references and collect files.
  auto reference_to = [&](const std::string& from_file, const std::string& target) -> std::string {
    const UrlParts parts = split_url(target);
    if (!parts.query.empty()) {
      auto fixed = fixed_by_target.find(parts.path + parts.query);
      if (fixed != fixed_by_target.end()) return relative_reference(from_file, fixed->second) + parts.fragment;
    }
    auto it = entries.find(parts.path);
    if (it == entries.end()) return {};
    std::string ref = relative_reference(from_file, it->second.file);
    if (it->second.html && ref.ends_with("index.html")) {
      ref.erase(ref.size() - std::string("index.html").size());
      if (ref.empty()) ref = "./";
    }
    return ref + parts.query + parts.fragment;
  };
  std::map<std::string, std::string> files;  // relative file -> content
  ExportSummary summary;
  for (const auto& [path, entry] : entries) {
    if (!entry.redirect_to.empty()) {
      files[entry.file] = redirect_page(reference_to(entry.file, entry.redirect_to), language_of(entry.redirect_to));
      ++summary.redirects;
      ++summary.pages;
      continue;
    }
    const std::string& body = entry.response.body;
    auto rewrite_one = [&, &path = path, &entry = entry](const LinkRef& link) -> std::string {
      // Absolute links in <link rel=canonical|alternate> stay absolute: they
      // name the published address, not a file.
      const bool absolute = link.value.find("://") != std::string::npos;
      if (absolute && link.tag == "link" && (link.rel == "canonical" || link.rel == "alternate")) return link.value;
      if (!link.value.empty() && link.value[0] == '#') return link.value;
      const std::string target = internal_target(path, link.value, plan.base_url);
      if (target.empty()) return link.value;
      const std::string ref = reference_to(entry.file, target);
      return ref.empty() ? link.value : ref;
    };
    if (entry.html) {
      files[entry.file] = rewrite_html_links(body, rewrite_one);
      ++summary.pages;
    } else if (entry.css) {
      files[entry.file] = rewrite_css_links(body, rewrite_one);
    } else {
      files[entry.file] = body;
    }
  }

  // 3. Fixed files (the API), the 404 page, sitemap and robots.
  for (const auto& f : plan.fixed) {
    Fetched response = fetch(f.path, f.query);
    if (response.status != 200) {
      return tl::unexpected(Error{"the site answers " + std::to_string(response.status) + " for " + f.path +
                                      (f.query.empty() ? "" : "?" + f.query),
                                  "a fixed file of the export must exist"});
    }
    files[f.file] = std::move(response.body);
  }
  if (!plan.not_found_path.empty()) {
    Fetched response = fetch(plan.not_found_path, "");
    if (response.status == 404 && is_html(response.content_type)) {
      // Served for any missing path, so relative links would break: links
      // become absolute with the base URL, or stay root-relative.
      files["404.html"] = rewrite_html_links(response.body, [&](const LinkRef& link) -> std::string {
        const std::string target = internal_target(plan.not_found_path, link.value, plan.base_url);
        if (target.empty() || link.value.empty() || link.value[0] == '#') return link.value;
        const UrlParts parts = split_url(target);
        auto it = entries.find(parts.path);
        std::string path = parts.path;
        if (it != entries.end() && it->second.html) {
          path = "/" + it->second.file;
          path.erase(path.size() - std::string("index.html").size());
        }
        return plan.base_url + path + parts.query + parts.fragment;
      });
      ++summary.pages;
    }
  }
  std::string robots = "User-agent: *\nAllow: /\n";
  for (const auto& prefix : plan.no_index) robots += "Disallow: " + prefix + "\n";
  if (!plan.base_url.empty()) {
    std::string sitemap =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& [path, entry] : entries) {
      if (!entry.html || !entry.redirect_to.empty()) continue;
      const bool hidden = std::any_of(plan.no_index.begin(), plan.no_index.end(),
                                      [&](const std::string& p) { return path.rfind(p, 0) == 0; });
      if (hidden) continue;
      std::string loc = "/" + entry.file;
      loc.erase(loc.size() - std::string("index.html").size());
      sitemap += "  <url><loc>" + xml_escape(plan.base_url + loc) + "</loc></url>\n";
    }
    sitemap += "</urlset>\n";
    files["sitemap.xml"] = std::move(sitemap);
    robots += "Sitemap: " + plan.base_url + "/sitemap.xml\n";
    summary.sitemap = true;
  }
  files["robots.txt"] = std::move(robots);
  files[k_marker] = "privascore static export\n";

  // A file must not sit where another file needs a folder ("api/x" and
  // "api/x/y.json").
  for (const auto& [file, content] : files) {
    auto below = files.lower_bound(file + "/");
    if (below != files.end() && below->first.rfind(file + "/", 0) == 0) {
      return tl::unexpected(Error{"the file " + file + " would sit where " + below->first + " needs a folder",
                                  "give that path a file name with an extension (a fixed file of the plan)"});
    }
  }

  // 4. Write to a temporary folder, then swap it in.
  if (auto usable = check_export_target(out_dir); !usable) return tl::unexpected(usable.error());
  const fs::path target = fs::absolute(fs::path(out_dir)).lexically_normal();
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  const fs::path temp = target.parent_path() / ("." + target.filename().string() + ".tmp-" + random_suffix());
  fs::create_directories(temp, ec);
  if (ec) return tl::unexpected(Error{"cannot create " + temp.string() + ": " + ec.message(), ""});
  for (const auto& [file, content] : files) {
    auto written = write_file(temp, file, content);
    if (!written) {
      fs::remove_all(temp, ec);
      return tl::unexpected(written.error());
    }
    ++summary.files;
    summary.bytes += static_cast<long long>(content.size());
  }
  fs::path old;
  if (fs::exists(target, ec)) {
    old = target.parent_path() / ("." + target.filename().string() + ".old-" + random_suffix());
    fs::rename(target, old, ec);
    if (ec) {
      fs::remove_all(temp, ec);
      return tl::unexpected(Error{"cannot move the earlier export " + target.string() + " aside", ""});
    }
  }
  fs::rename(temp, target, ec);
  if (ec) {
    const std::string reason = ec.message();
    if (!old.empty()) fs::rename(old, target, ec);
    fs::remove_all(temp, ec);
    return tl::unexpected(Error{"cannot move the export into place at " + target.string() + ": " + reason, ""});
  }
  if (!old.empty()) fs::remove_all(old, ec);
  return summary;
}

}  // namespace privascore::publish
