// Atom feeds (RFC 4287) of editions and rating changes, per category and
// for the whole site, in German and English.
//
// Each edition is one entry (title, summary, notes, ranking); each change
// of a service between an edition and the one before (points, class,
// joined, left; from diff_editions) is one more entry linking to the
// service. Dates come from the editions, never from the clock, and entries
// are in a fixed order (newest edition first), so the same catalogue always
// gives the same bytes. Pure; thread-safe.
#pragma once

#include <string>

#include "model/model.h"
#include "publish/site_links.h"

namespace privascore::publish {

/// The feed of one category; self_path is where the feed is served
/// ("/feeds/en/video-conferencing.atom").
std::string category_feed(const Category& category, Lang lang, const SiteLinks& links, const std::string& self_path);

/// The feed of every category, entries merged newest first.
std::string site_feed(const Catalogue& catalogue, Lang lang, const SiteLinks& links, const std::string& self_path);

}  // namespace privascore::publish
