#include "publish/feed.h"

#include <algorithm>

#include "publish/phrases.h"
#include "publish/svg.h"
#include "render/messages.h"
#include "scoring/diff.h"
#include "scoring/scoring.h"

namespace privascore::publish {

namespace {

struct Entry {
  Date date;
  std::string category;
  int order = 0;  // within one edition: the edition first, then its changes
  std::string id;
  std::string title;
  std::string link;
  std::string summary;
  std::string content_html;
};

std::string timestamp(const Date& date) {
  return date.to_string() + "T00:00:00Z";
}

// A permanent id: the absolute URL when the base URL is known, otherwise a
// URN built from the same parts (still unique and stable).
std::string entry_id(const SiteLinks& links, const std::string& path, const std::string& urn_tail) {
  if (!links.base_url.empty()) return links.absolute(path);
  return "urn:privascore:" + urn_tail;
}

std::string html(std::string_view text) {
  return xml_escape(text);
}

std::string level_name(const Methodology* m, const std::string& level, Lang lang) {
  if (level.empty()) return "–";
  if (m) {
    if (const Level* l = m->level(level)) return l->symbol + " " + l->label.get(lang);
  }
  return level;
}

std::string feature_name(const Methodology* m, const std::string& id, Lang lang) {
  if (m) {
    if (const Feature* f = m->feature(id)) return f->name.get(lang);
  }
  return id;
}

std::string signed_number(int v) {
  return (v > 0 ? "+" : v < 0 ? "−" : "±") + std::to_string(v < 0 ? -v : v);
}

std::string class_label(const Methodology* m, const std::string& id, Lang lang) {
  if (m) {
    if (const ClassBand* c = m->class_band(id)) return c->label.get(lang);
  }
  return id;
}

void add_category_entries(const Category& category, Lang lang, const SiteLinks& links, std::vector<Entry>& out) {
  for (const Edition& e : category.editions) {
    const Methodology* m = category.methodology(e.methodology);
    if (!m) continue;
    const EditionScore score = score_edition(*m, e);
    const std::string edition_path = links.edition(lang, category, e.date);
    const std::string tail = std::string(lang_code(lang)) + ":" + category.id + ":" + e.date.to_string();

    Entry entry;
    entry.date = e.date;
    entry.category = category.id;
    entry.order = 0;
    entry.id = entry_id(links, edition_path, tail);
    entry.title = e.title.get(lang);
    entry.link = links.absolute(edition_path);
    entry.summary = e.summary.get(lang);
    std::string c = "<p>" + html(e.summary.get(lang)) + "</p>\n";
    if (!e.notes.empty()) {
      c += "<ul>\n";
      for (const auto& note : e.notes) {
        c += "<li>" + html(note.text.get(lang));
        if (!note.reason.get(lang).empty()) c += " " + html(note.reason.get(lang));
        c += "</li>\n";
      }
      c += "</ul>\n";
    }
    c += "<p>" + html(tr(lang, "publish_feed_ranking")) + "</p>\n<ol>\n";
    for (const auto& s : score.services) {
      c += "<li>" + html(s.assessment->name) + ": " + std::to_string(s.points) + "/" + std::to_string(s.max_points) +
           " – " + html(s.klass->symbol + " " + s.klass->label.get(lang)) + "</li>\n";
    }
    c += "</ol>\n";
    entry.content_html = std::move(c);
    out.push_back(std::move(entry));

    const Edition* previous = category.previous(e);
    if (!previous || !category.methodology(previous->methodology)) continue;
    const EditionDiff diff = diff_editions(category, *previous, e);
    int order = 1;
    auto service_name = [&](const std::string& id, const Edition& in) {
      const Assessment* a = in.assessment(id);
      return a ? a->name : id;
    };
    auto notes_for = [&](const std::string& id) {
      std::string n;
      for (const auto& note : e.notes) {
        if (note.service != id) continue;
        n += "<p>" + html(note.text.get(lang));
        if (!note.reason.get(lang).empty()) n += " " + html(note.reason.get(lang));
        n += "</p>\n";
      }
      return n;
    };
    for (const auto& id : diff.joined) {
      const ServiceScore* s = score.service(id);
      Entry j;
      j.date = e.date;
      j.category = category.id;
      j.order = order++;
      const std::string path = links.service(lang, category, e.date, id);
      j.id = entry_id(links, path, tail + ":" + id);
      j.title = tr(lang, "publish_feed_joined", {{"service", service_name(id, e)}});
      if (s)
        j.title +=
            " – " + std::to_string(s->points) + "/" + std::to_string(s->max_points) + ", " + s->klass->label.get(lang);
      j.link = links.absolute(path);
      j.summary = j.title;
      j.content_html = "<p>" + html(j.title) + "</p>\n" + notes_for(id);
      out.push_back(std::move(j));
    }
    for (const auto& id : diff.left) {
      Entry l;
      l.date = e.date;
      l.category = category.id;
      l.order = order++;
      l.id = entry_id(links, edition_path + "#left-" + id, tail + ":left:" + id);
      l.title = tr(lang, "publish_feed_left", {{"service", service_name(id, *previous)}});
      l.link = links.absolute(edition_path);
      l.summary = l.title;
      l.content_html = "<p>" + html(l.title) + "</p>\n" + notes_for(id);
      out.push_back(std::move(l));
    }
    for (const auto& change : diff.changed) {
      Entry ch;
      ch.date = e.date;
      ch.category = category.id;
      ch.order = order++;
      const std::string path = links.service(lang, category, e.date, change.id);
      ch.id = entry_id(links, path, tail + ":" + change.id);
      ch.title = tr(lang, "publish_feed_change_entry",
                    {{"service", change.name},
                     {"from", std::to_string(change.from_points)},
                     {"to", std::to_string(change.to_points)}});
      if (change.from_class != change.to_class) {
        ch.title += " – " + tr(lang, "publish_feed_change_class",
                               {{"from", class_label(diff.from_methodology, change.from_class, lang)},
                                {"to", class_label(diff.to_methodology, change.to_class, lang)}});
      }
      ch.link = links.absolute(path);
      ch.summary = ch.title;
      std::string body = "<p>" + html(ch.title) + "</p>\n";
      if (!change.causes.empty()) {
        body += "<ul>\n";
        for (const auto& cause : change.causes) {
          body += "<li>" + html(feature_name(diff.to_methodology, cause.feature, lang)) + ": " +
                  html(level_name(diff.from_methodology, cause.from_level, lang)) + " → " +
                  html(level_name(diff.to_methodology, cause.to_level, lang)) + " (" + signed_number(cause.delta()) +
                  ")</li>\n";
        }
        body += "</ul>\n";
      }
      body += notes_for(change.id);
      ch.content_html = std::move(body);
      out.push_back(std::move(ch));
    }
  }
}

std::string render(const std::vector<Entry>& unsorted, Lang lang, const SiteLinks& links, const std::string& title,
                   const std::string& self_path, const std::string& alternate_path, const std::string& feed_urn) {
  std::vector<Entry> entries = unsorted;
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.date != b.date) return a.date > b.date;
    if (a.category != b.category) return a.category < b.category;
    return a.order < b.order;
  });
  Date updated{1970, 1, 1};
  for (const auto& e : entries) updated = std::max(updated, e.date);

  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  x += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + std::string(lang_code(lang)) + "\">\n";
  x += "  <id>" + xml_escape(entry_id(links, self_path, feed_urn)) + "</id>\n";
  x += "  <title>" + xml_escape(title) + "</title>\n";
  x += "  <updated>" + timestamp(updated) + "</updated>\n";
  x += "  <author><name>" + xml_escape(tr(lang, "publish_feed_author")) + "</name></author>\n";
  x += "  <generator>privascore</generator>\n";
  x += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_escape(links.absolute(self_path)) + "\"/>\n";
  x += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(links.absolute(alternate_path)) + "\"/>\n";
  for (const auto& e : entries) {
    x += "  <entry>\n";
    x += "    <id>" + xml_escape(e.id) + "</id>\n";
    x += "    <title>" + xml_escape(e.title) + "</title>\n";
    x += "    <published>" + timestamp(e.date) + "</published>\n";
    x += "    <updated>" + timestamp(e.date) + "</updated>\n";
    x += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(e.link) + "\"/>\n";
    x += "    <summary>" + xml_escape(e.summary) + "</summary>\n";
    x += "    <content type=\"html\">" + xml_escape(e.content_html) + "</content>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

}  // namespace

std::string category_feed(const Category& category, Lang lang, const SiteLinks& links, const std::string& self_path) {
  std::vector<Entry> entries;
  add_category_entries(category, lang, links, entries);
  const Methodology* m = category.latest_methodology();
  const std::string name = m ? m->name.get(lang) : category.id;
  return render(entries, lang, links, tr(lang, "publish_feed_title_category", {{"category", name}}), self_path,
                links.category(lang, category), std::string(lang_code(lang)) + ":" + category.id + ":feed");
}

std::string site_feed(const Catalogue& catalogue, Lang lang, const SiteLinks& links, const std::string& self_path) {
  std::vector<Entry> entries;
  for (const auto& category : catalogue.categories) add_category_entries(category, lang, links, entries);
  return render(entries, lang, links, tr(lang, "publish_feed_title_site"), self_path, links.home(lang),
                std::string(lang_code(lang)) + ":feed");
}

}  // namespace privascore::publish
