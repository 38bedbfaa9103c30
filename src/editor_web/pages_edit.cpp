// Proposing changes: the category and service overviews, the rating form
// (with optimistic locking), new and retired services and variants, and
// methodology changes. Every save creates or updates a draft.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "editor/draft_payload.h"
#include "editor/drafts.h"
#include "editor_web/editor_pages.h"
#include "loader/loader.h"
#include "util/text.h"
#include "web/urls.h"

namespace privascore::editor {

using nlohmann::json;

namespace {

constexpr std::size_t k_max_text = 20'000;       // characters of one justification or reason
constexpr std::size_t k_max_evidence_rows = 12;  // evidence entries one rating form holds
constexpr std::size_t k_blank_evidence_rows = 2;

using Fields = std::map<std::string, std::string>;

// Line endings as the browser sends them (CRLF) become LF.
std::string text_field(const Form& form, const std::string& name) {
  std::string out;
  for (char c : form.get(name))
    if (c != '\r') out += c;
  return out;
}

Fields fields_of(const Form& form) {
  Fields out;
  for (const auto& [k, v] : form.fields())
    if (!out.count(k)) out[k] = v.find('\r') == std::string::npos ? v : text_field(form, k);
  return out;
}

const std::string& get(const Fields& f, const std::string& key) {
  static const std::string k_empty;
  auto it = f.find(key);
  return it == f.end() ? k_empty : it->second;
}

// Checks one text field: valid UTF-8, no control characters but line
// breaks and tabs, at most k_max_text characters.
void check_text(const Ctx& ctx, const std::string& value, const std::string& label, std::vector<std::string>& errors) {
  if (find_invalid_utf8(value) != std::string::npos) {
    errors.push_back(ctx.f("edit_error_utf8", {{"field", label}}));
    return;
  }
  for (unsigned char c : value) {
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
      errors.push_back(ctx.f("edit_error_control", {{"field", label}}));
      return;
    }
  }
  if (display_width(value) > k_max_text) {
    errors.push_back(ctx.f("edit_error_too_long", {{"field", label}, {"max", std::to_string(k_max_text)}}));
  }
}

void require(const Ctx& ctx, const std::string& value, const std::string& label, std::vector<std::string>& errors) {
  if (is_blank(value))
    errors.push_back(ctx.f("edit_error_required", {{"field", label}}));
  else
    check_text(ctx, value, label, errors);
}

Text reason_of(const Fields& f) {
  return Text{std::string(trim(get(f, "reason_de"))), std::string(trim(get(f, "reason_en")))};
}

void check_reason(const Ctx& ctx, const Fields& f, std::vector<std::string>& errors) {
  require(ctx, get(f, "reason_de"), ctx.t("edit_field_reason_de"), errors);
  require(ctx, get(f, "reason_en"), ctx.t("edit_field_reason_en"), errors);
}

std::int64_t to_int(const std::string& s, std::int64_t fallback = 0) {
  if (s.empty() || s.size() > 9) return fallback;
  std::int64_t v = 0;
  bool negative = false;
  std::size_t i = 0;
  if (s[0] == '-') {
    negative = true;
    i = 1;
    if (s.size() == 1) return fallback;
  }
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return fallback;
    v = v * 10 + (s[i] - '0');
  }
  return negative ? -v : v;
}

json errors_view(const std::vector<std::string>& errors) {
  json out = json::array();
  for (const std::string& e : errors) out.push_back({{"text", e}});
  return out;
}

// ---- finding what a page is about -----------------------------------------

struct Target {
  const Category* category = nullptr;
  const Edition* edition = nullptr;          // latest
  const Methodology* methodology = nullptr;  // of the latest edition
  std::optional<Assessment> service;         // published, or proposed by a live service-add draft
  bool proposed = false;                     // the service exists only as a draft
};

Result<Target> find_target(Ctx& ctx, bool need_service) {
  Target t;
  t.category = ctx.catalogue->category(ctx.param("category"));
  if (!t.category || !t.category->latest_edition()) {
    return fail(ErrorKind::not_found, ctx.f("edit_no_category", {{"id", ctx.param("category")}}));
  }
  t.edition = t.category->latest_edition();
  t.methodology = t.category->methodology(t.edition->methodology);
  if (!t.methodology) return fail(ErrorKind::internal, "the latest edition's methodology is missing");
  if (!need_service) return t;
  const std::string& id = ctx.param("service");
  if (const Assessment* a = t.edition->assessment(id)) {
    t.service = *a;
    return t;
  }
  auto added = live_draft(ctx.db, t.category->id, DraftKind::service_add, id, "", "");
  if (!added) return tl::unexpected(added.error());
  if (*added) {
    auto a = service_from_json((*added)->payload);
    if (!a) return tl::unexpected(a.error());
    for (const Feature& f : t.methodology->features) {
      a->ratings.push_back(Rating{f.id, Rating::k_unknown, RatingStatus::unverified, Text{}, {}, {}, {}});
    }
    t.service = std::move(*a);
    t.proposed = true;
    return t;
  }
  return fail(ErrorKind::not_found, ctx.f("edit_no_service", {{"id", id}}));
}

json base_view(const Ctx& ctx, const Target& t) {
  return {
      {"category",
       {{"id", t.category->id}, {"name", t.methodology->name.get(ctx.lang)}, {"href", "/edit/c/" + t.category->id}}},
      {"edition", t.edition->date.to_string()}};
}

// ---- the rating form -------------------------------------------------------

Fields rating_fields(const Rating& r) {
  Fields f;
  f["level"] = r.level;
  f["status"] = to_string(r.status);
  f["justification_de"] = r.justification.de;
  f["justification_en"] = r.justification.en;
  for (std::size_t i = 0; i < r.evidence.size(); ++i) {
    const Evidence& e = r.evidence[i];
    const std::string n = std::to_string(i);
    f["evidence_url_" + n] = e.url;
    f["evidence_title_" + n] = e.title;
    f["evidence_quote_" + n] = e.quote;
    f["evidence_retrieved_" + n] = e.retrieved ? e.retrieved->to_string() : "";
  }
  return f;
}

std::size_t evidence_rows(const Fields& f) {
  std::size_t rows = 0;
  for (std::size_t i = 0; i < k_max_evidence_rows; ++i) {
    const std::string n = std::to_string(i);
    if (!get(f, "evidence_url_" + n).empty() || !get(f, "evidence_title_" + n).empty() ||
        !get(f, "evidence_quote_" + n).empty() || !get(f, "evidence_retrieved_" + n).empty()) {
      rows = i + 1;
    }
  }
  return rows;
}

// The rating an editor entered, or the problems with it.
Rating rating_from_fields(const Ctx& ctx, const Methodology& m, const std::string& feature, const Fields& f,
                          std::vector<std::string>& errors) {
  Rating r;
  r.feature = feature;
  r.level = get(f, "level");
  if (r.level != Rating::k_unknown && !m.level(r.level)) errors.push_back(ctx.t("edit_error_level"));
  const std::string& status = get(f, "status");
  if (status == "sourced")
    r.status = RatingStatus::sourced;
  else if (status == "unverified")
    r.status = RatingStatus::unverified;
  else
    errors.push_back(ctx.t("edit_error_status"));
  r.justification = Text{std::string(trim(get(f, "justification_de"))), std::string(trim(get(f, "justification_en")))};
  require(ctx, r.justification.de, ctx.t("edit_field_justification_de"), errors);
  require(ctx, r.justification.en, ctx.t("edit_field_justification_en"), errors);
  const std::size_t rows = evidence_rows(f);
  for (std::size_t i = 0; i < rows; ++i) {
    const std::string n = std::to_string(i);
    Evidence e;
    e.url = trim(get(f, "evidence_url_" + n));
    e.title = trim(get(f, "evidence_title_" + n));
    e.quote = trim(get(f, "evidence_quote_" + n));
    const std::string retrieved{trim(get(f, "evidence_retrieved_" + n))};
    if (e.url.empty() && e.title.empty() && e.quote.empty() && retrieved.empty()) continue;
    const std::string label = ctx.f("edit_evidence_n", {{"n", std::to_string(i + 1)}});
    if (web::safe_external_url(e.url).empty()) errors.push_back(ctx.f("edit_error_url", {{"field", label}}));
    require(ctx, e.title, label + " – " + ctx.t("edit_field_title"), errors);
    check_text(ctx, e.quote, label + " – " + ctx.t("edit_field_quote"), errors);
    if (!retrieved.empty()) {
      e.retrieved = Date::parse(retrieved);
      if (!e.retrieved) errors.push_back(ctx.f("edit_error_date", {{"field", label}}));
    }
    r.evidence.push_back(std::move(e));
  }
  if (r.status == RatingStatus::sourced && r.evidence.empty()) errors.push_back(ctx.t("edit_error_sourced"));
  return r;
}

json rating_form_view(const Ctx& ctx, const Methodology& m, const Fields& f) {
  json v;
  v["levels"] = level_options(ctx, m, get(f, "level"));
  v["sourced"] = get(f, "status") == "sourced";
  v["unverified"] = get(f, "status") != "sourced";
  v["justification_de"] = get(f, "justification_de");
  v["justification_en"] = get(f, "justification_en");
  v["correction"] = get(f, "note_kind") == "correction";
  v["reason_de"] = get(f, "reason_de");
  v["reason_en"] = get(f, "reason_en");
  json rows = json::array();
  const std::size_t n_rows = std::min(k_max_evidence_rows, evidence_rows(f) + k_blank_evidence_rows);
  for (std::size_t i = 0; i < n_rows; ++i) {
    const std::string n = std::to_string(i);
    rows.push_back({{"n", n},
                    {"label", ctx.f("edit_evidence_n", {{"n", std::to_string(i + 1)}})},
                    {"url", get(f, "evidence_url_" + n)},
                    {"title", get(f, "evidence_title_" + n)},
                    {"quote", get(f, "evidence_quote_" + n)},
                    {"retrieved", get(f, "evidence_retrieved_" + n)}});
  }
  v["evidence"] = rows;
  return v;
}

const Variant* variant_of(const Assessment& a, const std::string& id) {
  return id.empty() ? nullptr : a.variant(id);
}

// The rating that is published now for a service or one of its variants.
std::optional<Rating> published_rating(const Assessment& a, const std::string& variant, const std::string& feature) {
  if (const Variant* v = variant_of(a, variant)) {
    if (const Rating* r = v->rating(feature)) return *r;
  }
  if (const Rating* r = a.rating(feature)) return *r;
  return std::nullopt;
}

json draft_summary(const Ctx& ctx, const Draft& d) {
  return {{"id", d.id},
          {"href", "/edit/drafts/" + std::to_string(d.id)},
          {"version", d.version},
          {"status", ctx.t(std::string("edit_status_") + to_string(d.status))},
          {"updated_by", d.updated_by},
          {"updated", display_time(ctx, d.updated_at)}};
}

web::Response rating_page(Ctx& ctx, const Target& t, const std::string& variant, const Fields& fields,
                          const std::optional<Draft>& base, const std::vector<std::string>& errors, int status,
                          const json& conflict) {
  const Feature* feature = t.methodology->feature(ctx.param("feature"));
  json v = frame_view(
      ctx, ctx.f("edit_rating_title", {{"service", t.service->name}, {"feature", feature->name.get(ctx.lang)}}));
  v.update(base_view(ctx, t));
  v["service"] = {
      {"id", t.service->id}, {"name", t.service->name}, {"href", "/edit/c/" + t.category->id + "/s/" + t.service->id}};
  v["feature"] = {{"id", feature->id},
                  {"name", feature->name.get(ctx.lang)},
                  {"explanation", feature->explanation.get(ctx.lang)},
                  {"weight", feature->weight}};
  v["variant"] = variant;
  v["action"] = "/edit/c/" + t.category->id + "/s/" + t.service->id + "/r/" + feature->id;
  if (auto published = published_rating(*t.service, variant, feature->id); published && !t.proposed)
    v["published"] = rating_view(ctx, *t.methodology, *published);
  v["form"] = rating_form_view(ctx, *t.methodology, fields);
  v["base_draft"] = base ? base->id : 0;
  v["base_version"] = base ? base->version : 0;
  if (base) v["draft"] = draft_summary(ctx, *base);
  v["errors"] = errors_view(errors);
  v["has_errors"] = !errors.empty();
  v["conflict"] = conflict;
  return render(ctx, "edit_rating", v, status);
}

Result<Target> rating_target(Ctx& ctx) {
  auto t = find_target(ctx, true);
  if (!t) return t;
  if (!t->methodology->feature(ctx.param("feature"))) {
    return fail(ErrorKind::not_found, ctx.f("edit_no_feature", {{"id", ctx.param("feature")}}));
  }
  const std::string& variant = ctx.request.method == "POST" ? ctx.form.get("variant") : ctx.query.get("variant");
  if (!variant.empty()) {
    const Variant* v = t->service->variant(variant);
    if (!v || v->is_default) return fail(ErrorKind::not_found, ctx.f("edit_no_variant", {{"id", variant}}));
  }
  return t;
}

// A save outcome as a response: the draft page, or the conflict page.
web::Response after_save(Ctx& ctx, const Result<SaveOutcome>& saved,
                         const std::function<web::Response(const SaveOutcome&)>& on_conflict) {
  if (!saved) return error_page(ctx, saved.error());
  if (saved->kind == SaveOutcome::Kind::conflict) return on_conflict(*saved);
  return see_other("/edit/drafts/" + std::to_string(saved->draft->id));
}

// A draft save that has no form to re-show: a conflict is reported plainly.
web::Response simple_conflict(Ctx& ctx, const SaveOutcome& outcome) {
  std::string message = ctx.t("edit_conflict_exists");
  if (outcome.draft) message += " " + ctx.f("edit_conflict_see", {{"id", std::to_string(outcome.draft->id)}});
  return message_page(ctx, 409, ctx.t("edit_conflict_title"), message);
}

}  // namespace

// ---- category and service --------------------------------------------------

web::Response page_category(Ctx& ctx) {
  auto t = find_target(ctx, false);
  if (!t) return error_page(ctx, t.error());
  const web::CategoryView* view = ctx.site_data->by_id(t->category->id);
  auto live = list_drafts(ctx.db, DraftFilter{t->category->id, {DraftStatus::open, DraftStatus::approved}, ""});
  if (!live) return error_page(ctx, live.error());
  json v = frame_view(ctx, t->methodology->name.get(ctx.lang));
  v.update(base_view(ctx, *t));
  json services = json::array();
  const web::PageEnv env = ctx.page_env();
  if (view && view->latest()) {
    for (const ServiceScore& s : view->latest()->services) {
      const auto drafts =
          std::count_if(live->begin(), live->end(), [&](const Draft& d) { return d.service == s.assessment->id; });
      services.push_back({{"rank", s.rank},
                          {"name", s.assessment->name},
                          {"href", "/edit/c/" + t->category->id + "/s/" + s.assessment->id},
                          {"points", s.points},
                          {"max", s.max_points},
                          {"class", web::class_view(env, *s.klass)},
                          {"drafts", drafts}});
    }
  }
  json proposed = json::array();
  for (const Draft& d : *live) {
    if (d.kind != DraftKind::service_add) continue;
    proposed.push_back({{"name", d.payload.value("name", d.service)},
                        {"href", "/edit/c/" + t->category->id + "/s/" + d.service},
                        {"draft", "/edit/drafts/" + std::to_string(d.id)}});
  }
  v["services"] = services;
  v["proposed"] = proposed;
  v["has_proposed"] = !proposed.empty();
  v["live_drafts"] = live->size();
  v["links"] = {{"new_service", "/edit/c/" + t->category->id + "/new-service"},
                {"methodology", "/edit/c/" + t->category->id + "/methodology"},
                {"preview", "/edit/c/" + t->category->id + "/preview"},
                {"preview_all", "/edit/c/" + t->category->id + "/preview?drafts=all"},
                {"publish", "/edit/c/" + t->category->id + "/publish"},
                {"audit", "/edit/audit?category=" + t->category->id}};
  v["can_publish"] = can_publish(ctx.user().role);
  v["can_change_methodology"] = can_change_methodology(ctx.user().role);
  return render(ctx, "edit_category", v);
}

web::Response page_service(Ctx& ctx) {
  auto t = find_target(ctx, true);
  if (!t) return error_page(ctx, t.error());
  auto live =
      list_drafts(ctx.db, DraftFilter{t->category->id, {DraftStatus::open, DraftStatus::approved}, t->service->id});
  if (!live) return error_page(ctx, live.error());
  const Assessment& a = *t->service;
  json v = frame_view(ctx, a.name);
  v.update(base_view(ctx, *t));
  v["service"] = {{"id", a.id},
                  {"name", a.name},
                  {"vendor", a.vendor},
                  {"website", a.website},
                  {"href", "/edit/c/" + t->category->id + "/s/" + a.id},
                  {"audit", "/edit/audit?service=" + a.id}};
  v["proposed"] = t->proposed;
  const std::string base = "/edit/c/" + t->category->id + "/s/" + a.id;
  auto rows_for = [&](const std::string& variant) {
    json rows = json::array();
    for (const Feature& f : t->methodology->features) {
      json row = {{"name", f.name.get(ctx.lang)},
                  {"weight", f.weight},
                  {"edit", base + "/r/" + f.id + (variant.empty() ? "" : "?variant=" + variant)}};
      if (auto r = published_rating(a, variant, f.id)) {
        row["level"] = web::level_view(ctx.page_env(), t->methodology->level(r->level), r->unknown());
        const Variant* own = variant_of(a, variant);
        row["inherited"] = own && !own->rating(f.id);
      }
      for (const Draft& d : *live) {
        if (d.kind == DraftKind::rating && d.feature == f.id && d.variant == variant) {
          row["draft"] = draft_summary(ctx, d);
          row["draft"]["level"] = d.payload.value("level", "");
        }
      }
      rows.push_back(row);
    }
    return rows;
  };
  v["ratings"] = rows_for("");
  json variants = json::array();
  for (const Variant& var : a.variants) {
    if (var.is_default) continue;
    variants.push_back({{"id", var.id},
                        {"name", var.name.get(ctx.lang)},
                        {"operator", var.operator_name},
                        {"ratings", rows_for(var.id)},
                        {"retire", base + "/v/" + var.id + "/retire"}});
  }
  v["variants"] = variants;
  v["has_variants"] = !variants.empty();
  v["new_variant"] = base + "/new-variant";
  v["retire"] = base + "/retire";
  json drafts = json::array();
  for (const Draft& d : *live) {
    if (d.kind == DraftKind::rating) continue;
    json row = draft_summary(ctx, d);
    row["kind"] = ctx.t(std::string("edit_kind_") + to_string(d.kind));
    drafts.push_back(row);
  }
  v["other_drafts"] = drafts;
  v["has_other_drafts"] = !drafts.empty();
  return render(ctx, "edit_service", v);
}

// ---- ratings ---------------------------------------------------------------

web::Response page_rating(Ctx& ctx) {
  auto t = rating_target(ctx);
  if (!t) return error_page(ctx, t.error());
  const std::string variant = ctx.query.get("variant");
  const std::string& feature = ctx.param("feature");
  auto live = live_draft(ctx.db, t->category->id, DraftKind::rating, t->service->id, variant, feature);
  if (!live) return error_page(ctx, live.error());
  Fields fields;
  if (*live) {
    auto r = rating_from_json((*live)->payload);
    if (!r) return error_page(ctx, r.error());
    fields = rating_fields(*r);
    fields["note_kind"] = (*live)->payload.value("note_kind", "reassessment");
    fields["reason_de"] = (*live)->reason.de;
    fields["reason_en"] = (*live)->reason.en;
  } else if (auto r = published_rating(*t->service, variant, feature)) {
    fields = rating_fields(*r);
  }
  return rating_page(ctx, *t, variant, fields, *live, {}, 200, nullptr);
}

web::Response save_rating(Ctx& ctx) {
  auto t = rating_target(ctx);
  if (!t) return error_page(ctx, t.error());
  const std::string variant = ctx.form.get("variant");
  const std::string& feature = ctx.param("feature");
  const Fields fields = fields_of(ctx.form);
  std::vector<std::string> errors;
  Rating rating = rating_from_fields(ctx, *t->methodology, feature, fields, errors);
  check_reason(ctx, fields, errors);
  const std::int64_t base_draft = to_int(ctx.form.get("base_draft"));
  const int base_version = static_cast<int>(to_int(ctx.form.get("base_version")));
  auto live = live_draft(ctx.db, t->category->id, DraftKind::rating, t->service->id, variant, feature);
  if (!live) return error_page(ctx, live.error());
  std::optional<Draft> shown_base;
  if (*live && (*live)->id == base_draft) shown_base = *live;
  if (!errors.empty()) {
    // Re-show exactly what was entered, on the base the editor had.
    std::optional<Draft> base = shown_base;
    return rating_page(ctx, *t, variant, fields, base, errors, 400, nullptr);
  }

  // A publication since the form was opened may have changed this rating.
  const std::string base_edition = ctx.form.get("base_edition");
  const auto published = published_rating(*t->service, variant, feature);
  if (!*live && base_draft == 0 && !base_edition.empty() && base_edition != t->edition->date.to_string()) {
    const Edition* old = t->category->find_edition(base_edition);
    const Assessment* old_a = old ? old->assessment(t->service->id) : nullptr;
    const auto old_rating = old_a ? published_rating(*old_a, variant, feature) : std::nullopt;
    if (!old_rating || !published || rating_json(*old_rating) != rating_json(*published)) {
      json conflict = {{"message", ctx.t("edit_conflict_published")}};
      if (published) conflict["theirs"] = rating_view(ctx, *t->methodology, *published);
      conflict["theirs_by"] = ctx.f("edit_conflict_published_in", {{"date", t->edition->date.to_string()}});
      conflict["mine"] = rating_view(ctx, *t->methodology, rating);
      return rating_page(ctx, *t, variant, fields, std::nullopt, {}, 409, conflict);
    }
  }

  DraftInput in;
  in.category = t->category->id;
  in.kind = DraftKind::rating;
  in.service = t->service->id;
  in.variant = variant;
  in.feature = feature;
  in.payload = rating_json(rating);
  in.payload["note_kind"] = ctx.form.get("note_kind") == "correction" ? "correction" : "reassessment";
  if (published && !t->proposed) in.before = rating_json(*published);
  in.reason = reason_of(fields);
  in.base_draft = base_draft;
  in.base_version = base_version;
  auto saved = save_draft(ctx.db, in, ctx.user(), ctx.clock);
  return after_save(ctx, saved, [&](const SaveOutcome& outcome) {
    // Both versions side by side; the form keeps what this editor wrote and
    // now sits on the current draft, so saving again is a deliberate choice.
    json conflict = {{"message", ctx.t("edit_conflict_message")}};
    if (outcome.draft) {
      if (auto theirs = rating_from_json(outcome.draft->payload)) {
        conflict["theirs"] = rating_view(ctx, *t->methodology, *theirs);
      }
      conflict["theirs_by"] = ctx.f("edit_conflict_by", {{"user", outcome.draft->updated_by},
                                                         {"time", display_time(ctx, outcome.draft->updated_at)},
                                                         {"version", std::to_string(outcome.draft->version)}});
      conflict["theirs_reason"] = outcome.draft->reason.get(ctx.lang);
    } else {
      conflict["message"] = ctx.t("edit_conflict_gone");
      if (published) conflict["theirs"] = rating_view(ctx, *t->methodology, *published);
      conflict["theirs_by"] = ctx.f("edit_conflict_published_in", {{"date", t->edition->date.to_string()}});
    }
    conflict["mine"] = rating_view(ctx, *t->methodology, rating);
    return rating_page(ctx, *t, variant, fields, outcome.draft, {}, 409, conflict);
  });
}

// ---- services and variants -------------------------------------------------

namespace {

web::Response new_service_page(Ctx& ctx, const Target& t, const Fields& f, const std::vector<std::string>& errors,
                               int status) {
  json v = frame_view(ctx, ctx.t("edit_new_service_title"));
  v.update(base_view(ctx, t));
  v["action"] = "/edit/c/" + t.category->id + "/new-service";
  for (const char* key :
       {"id", "name", "vendor", "website", "licence", "repository", "note_de", "note_en", "reason_de", "reason_en"}) {
    v["form"][key] = get(f, key);
  }
  v["errors"] = errors_view(errors);
  v["has_errors"] = !errors.empty();
  return render(ctx, "edit_new_service", v, status);
}

web::Response new_variant_page(Ctx& ctx, const Target& t, const Fields& f, const std::vector<std::string>& errors,
                               int status) {
  json v = frame_view(ctx, ctx.f("edit_new_variant_title", {{"service", t.service->name}}));
  v.update(base_view(ctx, t));
  v["service"] = {{"name", t.service->name}, {"href", "/edit/c/" + t.category->id + "/s/" + t.service->id}};
  v["action"] = "/edit/c/" + t.category->id + "/s/" + t.service->id + "/new-variant";
  for (const char* key :
       {"id", "name_de", "name_en", "operator", "url", "note_de", "note_en", "reason_de", "reason_en"})
    v["form"][key] = get(f, key);
  v["errors"] = errors_view(errors);
  v["has_errors"] = !errors.empty();
  return render(ctx, "edit_new_variant", v, status);
}

}  // namespace

web::Response page_new_service(Ctx& ctx) {
  auto t = find_target(ctx, false);
  if (!t) return error_page(ctx, t.error());
  return new_service_page(ctx, *t, {}, {}, 200);
}

web::Response save_new_service(Ctx& ctx) {
  auto t = find_target(ctx, false);
  if (!t) return error_page(ctx, t.error());
  const Fields f = fields_of(ctx.form);
  std::vector<std::string> errors;
  Assessment a;
  a.id = trim(get(f, "id"));
  a.name = trim(get(f, "name"));
  a.vendor = trim(get(f, "vendor"));
  a.website = trim(get(f, "website"));
  a.licence = trim(get(f, "licence"));
  a.repository = trim(get(f, "repository"));
  if (!is_valid_id(a.id)) errors.push_back(ctx.t("edit_error_id"));
  if (t->edition->assessment(a.id)) errors.push_back(ctx.f("edit_error_service_exists", {{"id", a.id}}));
  require(ctx, a.name, ctx.t("edit_field_name"), errors);
  require(ctx, a.vendor, ctx.t("edit_field_vendor"), errors);
  if (web::safe_external_url(a.website).empty())
    errors.push_back(ctx.f("edit_error_url", {{"field", ctx.t("edit_field_website")}}));
  check_text(ctx, a.licence, ctx.t("edit_field_licence"), errors);
  if (!a.repository.empty() && web::safe_external_url(a.repository).empty())
    errors.push_back(ctx.f("edit_error_url", {{"field", ctx.t("edit_field_repository")}}));
  const Text note{std::string(trim(get(f, "note_de"))), std::string(trim(get(f, "note_en")))};
  if (!note.empty()) {
    require(ctx, note.de, ctx.t("edit_field_note_de"), errors);
    require(ctx, note.en, ctx.t("edit_field_note_en"), errors);
    a.note = note;
  }
  check_reason(ctx, f, errors);
  if (!errors.empty()) return new_service_page(ctx, *t, f, errors, 400);
  DraftInput in;
  in.category = t->category->id;
  in.kind = DraftKind::service_add;
  in.service = a.id;
  in.payload = service_json(a);
  in.reason = reason_of(f);
  auto saved = save_draft(ctx.db, in, ctx.user(), ctx.clock);
  return after_save(ctx, saved, [&](const SaveOutcome& o) { return simple_conflict(ctx, o); });
}

web::Response save_retire_service(Ctx& ctx) {
  auto t = find_target(ctx, true);
  if (!t) return error_page(ctx, t.error());
  if (t->proposed) return message_page(ctx, 400, ctx.t("edit_error_title"), ctx.t("edit_error_retire_proposed"));
  const Fields f = fields_of(ctx.form);
  std::vector<std::string> errors;
  check_reason(ctx, f, errors);
  if (!errors.empty()) return message_page(ctx, 400, ctx.t("edit_error_title"), errors.front());
  DraftInput in;
  in.category = t->category->id;
  in.kind = DraftKind::service_retire;
  in.service = t->service->id;
  in.payload = json::object();
  in.before = service_json(*t->service);
  in.reason = reason_of(f);
  auto saved = save_draft(ctx.db, in, ctx.user(), ctx.clock);
  return after_save(ctx, saved, [&](const SaveOutcome& o) { return simple_conflict(ctx, o); });
}

web::Response page_new_variant(Ctx& ctx) {
  auto t = find_target(ctx, true);
  if (!t) return error_page(ctx, t.error());
  return new_variant_page(ctx, *t, {}, {}, 200);
}

web::Response save_new_variant(Ctx& ctx) {
  auto t = find_target(ctx, true);
  if (!t) return error_page(ctx, t.error());
  const Fields f = fields_of(ctx.form);
  std::vector<std::string> errors;
  Variant v;
  v.id = trim(get(f, "id"));
  v.name = Text{std::string(trim(get(f, "name_de"))), std::string(trim(get(f, "name_en")))};
  v.operator_name = trim(get(f, "operator"));
  v.url = trim(get(f, "url"));
  if (!is_valid_id(v.id) || v.id == "default") errors.push_back(ctx.t("edit_error_id"));
  if (t->service->variant(v.id)) errors.push_back(ctx.f("edit_error_variant_exists", {{"id", v.id}}));
  require(ctx, v.name.de, ctx.t("edit_field_name_de"), errors);
  require(ctx, v.name.en, ctx.t("edit_field_name_en"), errors);
  check_text(ctx, v.operator_name, ctx.t("edit_field_operator"), errors);
  if (!v.url.empty() && web::safe_external_url(v.url).empty())
    errors.push_back(ctx.f("edit_error_url", {{"field", ctx.t("edit_field_url")}}));
  const Text note{std::string(trim(get(f, "note_de"))), std::string(trim(get(f, "note_en")))};
  if (!note.empty()) {
    require(ctx, note.de, ctx.t("edit_field_note_de"), errors);
    require(ctx, note.en, ctx.t("edit_field_note_en"), errors);
    v.note = note;
  }
  check_reason(ctx, f, errors);
  if (!errors.empty()) return new_variant_page(ctx, *t, f, errors, 400);
  DraftInput in;
  in.category = t->category->id;
  in.kind = DraftKind::variant_add;
  in.service = t->service->id;
  in.variant = v.id;
  in.payload = variant_json(v);
  in.reason = reason_of(f);
  auto saved = save_draft(ctx.db, in, ctx.user(), ctx.clock);
  return after_save(ctx, saved, [&](const SaveOutcome& o) { return simple_conflict(ctx, o); });
}

web::Response save_retire_variant(Ctx& ctx) {
  auto t = find_target(ctx, true);
  if (!t) return error_page(ctx, t.error());
  const Variant* v = t->service->variant(ctx.param("variant"));
  if (!v || v->is_default)
    return error_page(ctx, Error{ctx.f("edit_no_variant", {{"id", ctx.param("variant")}}), "", ErrorKind::not_found});
  const Fields f = fields_of(ctx.form);
  std::vector<std::string> errors;
  check_reason(ctx, f, errors);
  if (!errors.empty()) return message_page(ctx, 400, ctx.t("edit_error_title"), errors.front());
  DraftInput in;
  in.category = t->category->id;
  in.kind = DraftKind::variant_retire;
  in.service = t->service->id;
  in.variant = v->id;
  in.payload = json::object();
  in.before = variant_json(*v);
  in.reason = reason_of(f);
  auto saved = save_draft(ctx.db, in, ctx.user(), ctx.clock);
  return after_save(ctx, saved, [&](const SaveOutcome& o) { return simple_conflict(ctx, o); });
}

// ---- methodology -----------------------------------------------------------

namespace {

// The methodology a change starts from: the newest version.
const Methodology* newest_methodology(const Category& c) {
  return c.latest_methodology();
}

web::Response methodology_page(Ctx& ctx, const Target& t, const MethodologyEdit& change,
                               const std::optional<Draft>& base, const Fields& reason,
                               const std::vector<std::string>& errors, int status) {
  const Methodology& m = *newest_methodology(*t.category);
  json v = frame_view(ctx, ctx.f("edit_methodology_title", {{"category", m.name.get(ctx.lang)}}));
  v.update(base_view(ctx, t));
  v["action"] = "/edit/c/" + t.category->id + "/methodology";
  v["version"] = m.version;
  v["next_version"] = m.version + 1;
  json weights = json::array();
  for (const auto& [feature, weight] : change.weights) {
    const Feature* f = m.feature(feature);
    weights.push_back({{"id", feature},
                       {"name", f ? f->name.get(ctx.lang) : feature},
                       {"weight", weight},
                       {"current", f ? f->weight : 0}});
  }
  json classes = json::array();
  for (const ClassBounds& c : change.classes) {
    const ClassBand* band = m.class_band(c.id);
    classes.push_back({{"id", c.id},
                       {"label", band ? band->label.get(ctx.lang) : c.id},
                       {"current", band ? band->range_text(ctx.lang) : ""},
                       {"lower", c.lower ? std::to_string(c.lower->value) : ""},
                       {"lower_at_least", c.lower && c.lower->inclusive},
                       {"lower_more_than", c.lower && !c.lower->inclusive},
                       {"upper", c.upper ? std::to_string(c.upper->value) : ""},
                       {"upper_at_most", c.upper && c.upper->inclusive},
                       {"upper_less_than", c.upper && !c.upper->inclusive}});
  }
  v["weights"] = weights;
  v["classes"] = classes;
  v["reason_de"] = get(reason, "reason_de");
  v["reason_en"] = get(reason, "reason_en");
  v["base_draft"] = base ? base->id : 0;
  v["base_version"] = base ? base->version : 0;
  if (base) v["draft"] = draft_summary(ctx, *base);
  v["errors"] = errors_view(errors);
  v["has_errors"] = !errors.empty();
  v["min"] = m.min_points();
  v["max"] = m.max_points();
  return render(ctx, "edit_methodology", v, status);
}

}  // namespace

web::Response page_methodology(Ctx& ctx) {
  auto t = find_target(ctx, false);
  if (!t) return error_page(ctx, t.error());
  if (!can_change_methodology(ctx.user().role)) {
    return message_page(ctx, 403, ctx.t("edit_forbidden_title"), ctx.t("edit_methodology_admin_only"));
  }
  auto live = live_draft(ctx.db, t->category->id, DraftKind::methodology, "", "", "");
  if (!live) return error_page(ctx, live.error());
  MethodologyEdit change = current_weights(*newest_methodology(*t->category));
  Fields reason;
  if (*live) {
    auto proposed = methodology_edit_from_json((*live)->payload);
    if (!proposed) return error_page(ctx, proposed.error());
    change = *proposed;
    reason["reason_de"] = (*live)->reason.de;
    reason["reason_en"] = (*live)->reason.en;
  }
  return methodology_page(ctx, *t, change, *live, reason, {}, 200);
}

web::Response save_methodology(Ctx& ctx) {
  auto t = find_target(ctx, false);
  if (!t) return error_page(ctx, t.error());
  if (!can_change_methodology(ctx.user().role)) {
    return message_page(ctx, 403, ctx.t("edit_forbidden_title"), ctx.t("edit_methodology_admin_only"));
  }
  const Methodology& m = *newest_methodology(*t->category);
  const Fields f = fields_of(ctx.form);
  std::vector<std::string> errors;
  MethodologyEdit change;
  for (const Feature& feature : m.features) {
    const std::int64_t w = to_int(get(f, "weight_" + feature.id), -1);
    if (w < 1 || w > 1000) {
      errors.push_back(ctx.f("edit_error_weight", {{"feature", feature.name.get(ctx.lang)}}));
      change.weights.emplace_back(feature.id, feature.weight);
    } else {
      change.weights.emplace_back(feature.id, static_cast<int>(w));
    }
  }
  for (const ClassBand& band : m.classes) {
    ClassBounds bounds{band.id, std::nullopt, std::nullopt};
    auto read = [&](const char* side, const char* inclusive_op, const char* exclusive_op) -> std::optional<Bound> {
      const std::string op = get(f, std::string(side) + "_op_" + band.id);
      if (op.empty() || op == "none") return std::nullopt;
      const std::int64_t value = to_int(std::string(trim(get(f, std::string(side) + "_" + band.id))), INT32_MIN);
      if (value == INT32_MIN || (op != inclusive_op && op != exclusive_op)) {
        errors.push_back(ctx.f("edit_error_bound", {{"class", band.label.get(ctx.lang)}}));
        return std::nullopt;
      }
      return Bound{static_cast<int>(value), op == inclusive_op};
    };
    bounds.lower = read("lower", "at_least", "more_than");
    bounds.upper = read("upper", "at_most", "less_than");
    change.classes.push_back(bounds);
  }
  check_reason(ctx, f, errors);
  if (errors.empty()) {
    // The classes must still cover every score: checked now, so the admin
    // sees it at once rather than at publication.
    Methodology next = apply_methodology_edit(m, change, m.version + 1, m.effective);
    DiagnosticSink sink;
    validate_methodology(next, sink);
    for (const Diagnostic& d : sink.items())
      if (d.severity == Severity::error) errors.push_back(d.message);
  }
  const std::int64_t base_draft = to_int(ctx.form.get("base_draft"));
  const int base_version = static_cast<int>(to_int(ctx.form.get("base_version")));
  auto live = live_draft(ctx.db, t->category->id, DraftKind::methodology, "", "", "");
  if (!live) return error_page(ctx, live.error());
  if (!errors.empty()) {
    std::optional<Draft> base;
    if (*live && (*live)->id == base_draft) base = *live;
    return methodology_page(ctx, *t, change, base, f, errors, 400);
  }
  DraftInput in;
  in.category = t->category->id;
  in.kind = DraftKind::methodology;
  in.payload = methodology_edit_json(change);
  in.before = methodology_edit_json(current_weights(m));
  in.reason = reason_of(f);
  in.base_draft = base_draft;
  in.base_version = base_version;
  auto saved = save_draft(ctx.db, in, ctx.user(), ctx.clock);
  return after_save(ctx, saved, [&](const SaveOutcome& o) {
    std::vector<std::string> conflict = {ctx.t("edit_conflict_message")};
    if (o.draft)
      conflict.push_back(ctx.f("edit_conflict_by", {{"user", o.draft->updated_by},
                                                    {"time", display_time(ctx, o.draft->updated_at)},
                                                    {"version", std::to_string(o.draft->version)}}));
    return methodology_page(ctx, *t, change, o.draft, f, conflict, 409);
  });
}

}  // namespace privascore::editor
