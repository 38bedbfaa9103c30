#include "render/toml_writer.h"

#include <cstdio>

#include "util/text.h"

namespace privascore {

namespace {

void append_escaped_ascii_or_utf8(std::string& out, std::string_view valid) {
  for (char ch : valid) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04X", c);
          out += buffer;
        } else {
          out += ch;  // printable ASCII or a byte of a valid UTF-8 sequence
        }
    }
  }
}

// Writes `key = value` lines and keeps track of the output.
class Writer {
 public:
  void line(std::string_view key, const std::string& value) {
    m_out.append(key);
    m_out += " = ";
    m_out += value;
    m_out += '\n';
  }
  void string(std::string_view key, const std::string& value) { line(key, toml_string(value)); }
  void optional_string(std::string_view key, const std::string& value) {
    if (!value.empty()) string(key, value);
  }
  void integer(std::string_view key, long long value) { line(key, std::to_string(value)); }
  void date(std::string_view key, const Date& value) { line(key, value.to_string()); }
  void text(std::string_view key, const Text& value) { line(key, toml_text(value)); }
  void header(std::string_view name) {
    m_out += "\n[[";
    m_out.append(name);
    m_out += "]]\n";
  }
  void table(std::string_view name) {
    m_out += "\n[";
    m_out.append(name);
    m_out += "]\n";
  }

  std::string take() { return std::move(m_out); }

 private:
  std::string m_out;
};

// [[rating]] or [[variant.rating]] tables with their evidence.
void write_ratings(Writer& w, const std::string& table, const std::vector<Rating>& ratings) {
  for (const Rating& r : ratings) {
    w.header(table);
    w.string("feature", r.feature);
    w.string("level", r.level);
    w.string("status", to_string(r.status));
    w.text("justification", r.justification);
    for (const Evidence& ev : r.evidence) {
      w.header(table + ".evidence");
      w.string("url", ev.url);
      w.string("title", ev.title);
      w.optional_string("quote", ev.quote);
      if (ev.retrieved) w.date("retrieved", *ev.retrieved);
    }
  }
}

}  // namespace

std::string toml_string(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  while (!text.empty()) {
    const std::size_t bad = find_invalid_utf8(text);
    if (bad == std::string_view::npos) {
      append_escaped_ascii_or_utf8(out, text);
      break;
    }
    append_escaped_ascii_or_utf8(out, text.substr(0, bad));
    out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
    text.remove_prefix(bad + 1);
  }
  out += '"';
  return out;
}

std::string toml_text(const Text& text) {
  return "{ de = " + toml_string(text.de) + ", en = " + toml_string(text.en) + " }";
}

std::string methodology_toml(const Methodology& m) {
  Writer w;
  w.string("category", m.category);
  w.integer("version", m.version);
  w.date("effective", m.effective);
  w.text("name", m.name);
  w.text("summary", m.summary);
  w.text("slug", m.slug);
  w.string("weights_provenance", to_string(m.weights_provenance));
  w.text("provenance_note", m.provenance_note);
  if (m.hosting_note) w.text("hosting_note", *m.hosting_note);
  for (const Level& l : m.levels) {
    w.header("level");
    w.string("id", l.id);
    w.integer("points", l.points);
    w.string("colour", l.colour);
    w.string("symbol", l.symbol);
    w.text("label", l.label);
  }
  for (const Feature& f : m.features) {
    w.header("feature");
    w.string("id", f.id);
    w.string("anchor", f.anchor);
    w.integer("weight", f.weight);
    w.text("name", f.name);
    w.text("explanation", f.explanation);
    if (f.knockout) {
      w.line("knockout", "{ level = " + toml_string(f.knockout->level) + ", cap = " + toml_string(f.knockout->cap) +
                             ", reason = " + toml_text(f.knockout->reason) + " }");
    }
  }
  for (const Standard& s : m.standards) {
    w.header("standard");
    w.string("id", s.id);
    w.text("name", s.name);
    w.text("reason", s.reason);
  }
  for (const ClassBand& c : m.classes) {
    w.header("class");
    w.string("id", c.id);
    w.string("colour", c.colour);
    w.string("symbol", c.symbol);
    w.text("label", c.label);
    if (c.lower) w.integer(c.lower->inclusive ? "at_least" : "more_than", c.lower->value);
    if (c.upper) w.integer(c.upper->inclusive ? "at_most" : "less_than", c.upper->value);
  }
  if (m.derivation) {
    // Only the parameters of the rule: the loader rejects the others.
    w.table("derivation");
    w.string("rule", m.derivation->rule);
    if (m.derivation->rule == "proportional") {
      w.integer("factor", m.derivation->factor);
    } else {
      w.integer("lowest", m.derivation->lowest);
      w.integer("step", m.derivation->step);
    }
  }
  for (const LiteratureSource& src : m.sources) {
    w.header("source");
    w.string("id", src.id);
    w.string("title", src.title);
    w.integer("year", src.year);
    w.optional_string("url", src.url);
    w.string("kind", src.kind);
    std::string names = "[";
    for (std::size_t i = 0; i < src.names.size(); ++i) names += (i ? ", " : "") + toml_string(src.names[i]);
    w.line("names", names + "]");
  }
  return w.take();
}

std::string edition_toml(const Edition& e) {
  Writer w;
  w.string("category", e.category);
  w.date("date", e.date);
  w.integer("methodology", e.methodology);
  w.text("title", e.title);
  w.text("summary", e.summary);
  w.optional_string("source", e.source);
  if (e.services.empty()) {
    w.line("services", "[]");
  } else {
    std::string list = "[\n";
    for (const auto& id : e.services) list += "  " + toml_string(id) + ",\n";
    list += "]";
    w.line("services", list);
  }
  for (const EditionNote& n : e.notes) {
    w.header("note");
    w.string("kind", n.kind);
    w.optional_string("service", n.service);
    w.optional_string("feature", n.feature);
    w.text("text", n.text);
    w.text("reason", n.reason);
  }
  for (const PublishedFigure& p : e.published) {
    w.header("published");
    w.string("service", p.service);
    if (p.points) w.integer("points", *p.points);
    w.optional_string("class", p.class_id);
    if (p.methodology) w.integer("methodology", *p.methodology);
  }
  return w.take();
}

std::string assessment_toml(const Assessment& a) {
  Writer w;
  w.string("id", a.id);
  w.string("name", a.name);
  w.string("vendor", a.vendor);
  w.string("website", a.website);
  w.optional_string("licence", a.licence);
  w.optional_string("repository", a.repository);
  if (a.note) w.text("note", *a.note);
  write_ratings(w, "rating", a.ratings);
  for (const Variant& v : a.variants) {
    w.header("variant");
    w.string("id", v.id);
    w.text("name", v.name);
    w.optional_string("operator", v.operator_name);
    w.optional_string("url", v.url);
    if (v.is_default) w.line("default", "true");
    if (v.note) w.text("note", *v.note);
    write_ratings(w, "variant.rating", v.ratings);
  }
  return w.take();
}

std::vector<TomlFile> catalogue_toml_files(const Catalogue& catalogue) {
  std::vector<TomlFile> files;
  for (const Category& c : catalogue.categories) {
    for (const auto& [version, m] : c.methodologies) {
      files.push_back({c.id + "/methodology/v" + std::to_string(version) + ".toml", methodology_toml(m)});
    }
    for (const Edition& e : c.editions) {
      const std::string dir = c.id + "/editions/" + e.date.to_string() + "/";
      files.push_back({dir + "edition.toml", edition_toml(e)});
      for (const Assessment& a : e.assessments) {
        files.push_back({dir + "services/" + a.id + ".toml", assessment_toml(a)});
      }
    }
  }
  return files;
}

}  // namespace privascore
