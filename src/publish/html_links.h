// Finding and rewriting the links of generated HTML and CSS, for the static
// export: every href, src, srcset and action attribute value, and every
// url(…) of a stylesheet.
//
// A small scanner for the site's own well-formed output, not a general
// HTML parser: it skips comments, <script> and <style> bodies, and reads
// attribute values in double, single or no quotes. Character references in
// values are decoded (&amp; → &) for reading and re-escaped on writing.
// Pure; thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace privascore::publish {

struct LinkRef {
  std::string tag;        // lowercase element name ("a", "link", "img"); "" for CSS url()
  std::string attribute;  // "href", "src", "srcset", "action"; "url" for CSS
  std::string rel;        // the element's rel attribute, lowercase ("canonical", "alternate", …)
  std::string value;      // decoded URL
};

/// Every link in an HTML document, in document order (a srcset gives one
/// entry per candidate URL).
std::vector<LinkRef> html_links(std::string_view html);

/// Every url(…) of a stylesheet (quotes removed; data: URLs included).
std::vector<LinkRef> css_links(std::string_view css);

/// html with every link value replaced by rewrite(link) (return the value
/// unchanged to keep it). Everything else is copied byte for byte.
std::string rewrite_html_links(std::string_view html, const std::function<std::string(const LinkRef&)>& rewrite);
std::string rewrite_css_links(std::string_view css, const std::function<std::string(const LinkRef&)>& rewrite);

/// Splits "path?query#fragment" into its parts ('?' and '#' kept with the
/// query and fragment).
struct UrlParts {
  std::string path;
  std::string query;     // "" or "?…"
  std::string fragment;  // "" or "#…"
};
UrlParts split_url(std::string_view url);

/// Resolves reference against the absolute path base ("/de/x/y") as a
/// browser would for a same-origin reference: "../a" "b" "/c" "?q" "#f".
/// Returns "" for references with a scheme or "//" (not ours to resolve).
std::string resolve_path(std::string_view base, std::string_view reference);

/// The relative reference from the directory of from_file ("de/x/index.html")
/// to to_file ("static/a.css"): "../../static/a.css". Both relative to the
/// output root, '/'-separated.
std::string relative_reference(std::string_view from_file, std::string_view to_file);

}  // namespace privascore::publish
