// Router: the one route table of everything `privascore serve` answers:
// the site's pages, API and assets, and the routes the parts above web
// (the editor, the probe page) hand down. One path splitter, one matcher,
// one language choice.
//
// A pattern is a path of segments:
//
//   "/api/v1/categories"               fixed words
//   "/:lang/:category/{methodology}"   :lang is de or en (the pattern is
//                                      expanded into both languages) and
//                                      {word} the localised path word
//                                      (model/url_words.h) in that language
//   "/:lang/:category/:date/:service"  typed parameters (below)
//   "/edit/*"                          * takes the rest (one or more segments)
//
// Parameter types, by name: :date an ISO date (2024-08-29), :version a
// methodology version (v1), :asset any non-empty segment, every other name
// a slug (model/url_words.h is_slug: an id that is no path word, date or
// version). Because slugs never take a date, a version or a path word, the
// types do not overlap.
//
// When several patterns match a path, the most specific wins, by rule and
// not by the order of the table: segment by segment from the left, a fixed
// word beats a date or version, which beat a slug, which beats any segment,
// which beats *. So "/de/ueber" is the page of that word even though
// "/:lang/:category" was added first. Routes with the same pattern and
// different methods form one path: a method none of them takes is a 405 with
// Allow naming theirs. GET covers HEAD.
//
// Thread safety: build the router from one thread; match() may then be
// called from many threads at once.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "web/http.h"

namespace privascore::web {

/// Methods of a route, as bits. k_get also answers HEAD; k_any is every
/// method, known or not (a catch-all).
using Methods = unsigned;
inline constexpr Methods k_get = 1;
inline constexpr Methods k_post = 2;
inline constexpr Methods k_options = 4;
inline constexpr Methods k_any = 0xff;

struct Route;

/// What a path matched. The parameters are views into the path given to
/// match(), which must outlive the match.
struct RouteMatch {
  /// The route for the request's method; nullptr when no route takes the
  /// path (then path_route is nullptr too) or none takes the method.
  const Route* route = nullptr;
  /// The first route of the matched path, whatever the method.
  const Route* path_route = nullptr;
  /// The methods of the matched path, for a 405's Allow: "GET, HEAD, POST".
  std::string_view allow;
  std::optional<Lang> lang;  // the pattern's :lang, if it has one

  struct Param {
    std::string_view name;
    std::string_view value;
  };
  std::array<Param, 6> params{};
  std::size_t param_count = 0;

  /// The value of parameter name (without ':'); "" when the pattern has none.
  /// "*" is the rest of the path after the fixed prefix.
  std::string_view param(std::string_view name) const;
  bool known_path() const { return path_route != nullptr; }
};

/// A route's handler. A handler handed down by another part is also called
/// when its path is requested with a method no route takes (match.route is
/// nullptr): it answers the 405 itself, with match.allow.
using RouteHandler = std::function<Response(const Request&, const RouteMatch&)>;

struct Route {
  Methods methods = k_get;
  std::string pattern;
  /// "" for a request answered at once; otherwise the request may wait
  /// (hashes a password, writes the database, asks another server) and
  /// this names the pool of threads the server runs it on, off its event
  /// loops ("editor", "probe": server::ServerOptions::slow_kind), so that
  /// one kind never delays another.
  std::string slow_kind;
  /// What the part that owns the route makes of it (a row of its own
  /// table, an access level); the router does not look at it.
  int tag = 0;
  RouteHandler handler;  // empty: the owner dispatches on tag itself
};

class Router {
 public:
  /// Adds a route. A pattern that does not parse (an unknown {word}, a
  /// {word} without :lang in front, * not at the end, more than six
  /// parameters) is left out and named in problems().
  void add(Route route);
  void add(std::vector<Route> routes);

  /// The route path matches for method (see RouteMatch). Never allocates.
  RouteMatch match(std::string_view method, std::string_view path) const;

  /// Every route as added, in order (for listings and tests).
  const std::vector<Route>& routes() const { return m_routes; }

  /// One pattern after expansion: its segments (":date", "{...}" already
  /// replaced by the word, "*") and the route it came from.
  struct Expanded {
    std::vector<std::string> segments;
    std::optional<Lang> lang;
    std::size_t route = 0;
  };
  /// Every expanded pattern, for the overlap check (router_test.cpp).
  std::vector<Expanded> expanded() const;

  /// Patterns that did not parse: "pattern: reason".
  const std::vector<std::string>& problems() const { return m_problems; }

 private:
  enum class SegmentKind { fixed, date, version, slug, any, rest };
  struct Segment {
    SegmentKind kind = SegmentKind::fixed;
    std::string text;  // the fixed word, or the parameter's name
  };
  // One path: the routes that share a pattern, one per method set.
  struct Path {
    std::vector<Segment> segments;
    std::optional<Lang> lang;
    std::vector<std::size_t> routes;
    std::string allow;
    Methods methods = 0;
    bool rest = false;
  };

  static bool segment_matches(const Segment& segment, std::string_view value);

  std::vector<Route> m_routes;
  std::vector<Path> m_paths;
  std::vector<std::string> m_problems;
};

/// The reader's language: the path's /de/ or /en/ prefix, else the
/// best-weighted of de and en in Accept-Language (q-values), German when
/// neither is asked for.
Lang choose_language(const Request& request);
/// The best-weighted of de and en in an Accept-Language header; German when
/// neither is acceptable.
Lang negotiate_language(std::string_view accept_language);

/// Splits "/a/b/" into {"a", "b", ""}; false (out untouched beyond count)
/// when the path does not start with '/' or has more than out.size()
/// segments.
bool split_path(std::string_view path, std::array<std::string_view, 32>& out, std::size_t& count);

}  // namespace privascore::web
