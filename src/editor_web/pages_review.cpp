// Drafts and their review, the preview of the next edition, publication.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "editor/draft_apply.h"
#include "editor/draft_payload.h"
#include "editor/drafts.h"
#include "editor_web/editor_pages.h"
#include "scoring/diff.h"
#include "scoring/scoring.h"
#include "util/text.h"

namespace privascore::editor {

using nlohmann::json;

namespace {

std::string crlf_to_lf(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != '\r') out += c;
  return out;
}

std::optional<std::int64_t> draft_id(const Ctx& ctx) {
  const std::string& id = ctx.param("id");
  if (id.empty() || id.size() > 12 || id.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(id);
}

const Category* category_of(const Ctx& ctx, const std::string& id) {
  return ctx.catalogue->category(id);
}

std::string kind_label(const Ctx& ctx, DraftKind kind) {
  return ctx.t(std::string("edit_kind_") + to_string(kind));
}

std::string feature_label(const Ctx& ctx, const Category* c, const std::string& feature) {
  const Methodology* m = c ? c->latest_methodology() : nullptr;
  const Feature* f = m ? m->feature(feature) : nullptr;
  return f ? f->name.get(ctx.lang) : feature;
}

json draft_row(const Ctx& ctx, const Draft& d) {
  const Category* c = category_of(ctx, d.category);
  return {{"id", d.id},
          {"href", "/edit/drafts/" + std::to_string(d.id)},
          {"kind", kind_label(ctx, d.kind)},
          {"category", d.category},
          {"service", d.service},
          {"variant", d.variant},
          {"feature", d.feature.empty() ? "" : feature_label(ctx, c, d.feature)},
          {"status", ctx.t(std::string("edit_status_") + to_string(d.status))},
          {"status_css", to_string(d.status)},
          {"author", d.author},
          {"version", d.version},
          {"updated", display_time(ctx, d.updated_at)}};
}

// The proposed and the replaced state of a draft, for people to compare.
json change_view(const Ctx& ctx, const Draft& d) {
  const Category* c = category_of(ctx, d.category);
  const Methodology* m = c ? c->latest_methodology() : nullptr;
  json v;
  switch (d.kind) {
    case DraftKind::rating: {
      if (!m) break;
      if (auto after = rating_from_json(d.payload)) v["rating_after"] = rating_view(ctx, *m, *after);
      if (d.before) {
        if (auto before = rating_from_json(*d.before)) v["rating_before"] = rating_view(ctx, *m, *before);
      }
      v["correction"] = d.payload.value("note_kind", "") == "correction";
      break;
    }
    case DraftKind::service_add:
    case DraftKind::service_retire: {
      const json& s = d.kind == DraftKind::service_add ? d.payload : (d.before ? *d.before : d.payload);
      if (auto a = service_from_json(s)) {
        v["service_fields"] = {{"id", a->id},
                               {"name", a->name},
                               {"vendor", a->vendor},
                               {"website", a->website},
                               {"licence", a->licence},
                               {"repository", a->repository},
                               {"note", a->note ? a->note->get(ctx.lang) : ""}};
      }
      break;
    }
    case DraftKind::variant_add:
    case DraftKind::variant_retire: {
      const json& s = d.kind == DraftKind::variant_add ? d.payload : (d.before ? *d.before : d.payload);
      if (auto var = variant_from_json(s)) {
        v["variant_fields"] = {{"id", var->id},
                               {"name", var->name.get(ctx.lang)},
                               {"operator", var->operator_name},
                               {"url", var->url},
                               {"note", var->note ? var->note->get(ctx.lang) : ""}};
      }
      break;
    }
    case DraftKind::methodology: {
      auto after = methodology_edit_from_json(d.payload);
      auto before = d.before ? methodology_edit_from_json(*d.before) : tl::unexpected(Error{});
      if (!after || !m) break;
      json weights = json::array();
      for (const auto& [feature, weight] : after->weights) {
        int old = 0;
        if (before)
          for (const auto& [f, w] : before->weights)
            if (f == feature) old = w;
        weights.push_back(
            {{"name", feature_label(ctx, c, feature)}, {"before", old}, {"after", weight}, {"changed", old != weight}});
      }
      json classes = json::array();
      Methodology proposed = apply_methodology_edit(*m, *after, m->version + 1, m->effective);
      for (const ClassBand& band : proposed.classes) {
        const ClassBand* old = m->class_band(band.id);
        classes.push_back({{"label", band.label.get(ctx.lang)},
                           {"before", old ? old->range_text(ctx.lang) : ""},
                           {"after", band.range_text(ctx.lang)},
                           {"changed", !old || old->range_text(ctx.lang) != band.range_text(ctx.lang)}});
      }
      v["weights"] = weights;
      v["classes"] = classes;
      v["is_methodology"] = true;
      break;
    }
  }
  return v;
}

Date next_day(const Date& d) {
  Date n{d.year, d.month, d.day + 1};
  if (n.valid()) return n;
  n = Date{d.year, d.month + 1, 1};
  if (n.valid()) return n;
  return Date{d.year + 1, 1, 1};
}

// Today, or the day after the latest edition when that is later.
Date default_date(const Ctx& ctx, const Category& c) {
  const Date today = Date::parse(iso_date(ctx.clock.now())).value_or(Date{});
  const Edition* latest = c.latest_edition();
  if (latest && today <= latest->date) return next_day(latest->date);
  return today;
}

// The preview of a category's next edition as a view.
json preview_view(const Ctx& ctx, const Category& category, const DraftEdition& draft) {
  const web::PageEnv env = ctx.page_env();
  json v;
  const Category with = with_draft_edition(category, draft);
  const Edition& next = with.editions.back();
  const Edition& latest = with.editions[with.editions.size() - 2];
  const Methodology* m = with.methodology(next.methodology);
  const EditionScore score = score_edition(*m, next);
  const EditionDiff diff = diff_editions(with, latest, next);
  json rows = json::array();
  for (const ServiceScore& s : score.services) {
    json row = {{"rank", s.rank},
                {"name", s.assessment->name},
                {"points", s.points},
                {"max", s.max_points},
                {"class", web::class_view(env, *s.klass)},
                {"provisional", s.provisional}};
    for (const ServiceChange& change : diff.changed) {
      if (change.id != s.assessment->id) continue;
      row["delta"] = web::signed_points(change.delta());
      if (change.from_rank != change.to_rank)
        row["rank_change"] = std::to_string(change.from_rank) + " → " + std::to_string(change.to_rank);
      if (change.from_class != change.to_class) {
        const ClassBand* from = with.methodology(latest.methodology)->class_band(change.from_class);
        row["class_change"] =
            (from ? from->label.get(ctx.lang) : change.from_class) + " → " + s.klass->label.get(ctx.lang);
      }
    }
    if (std::find(diff.joined.begin(), diff.joined.end(), s.assessment->id) != diff.joined.end()) row["joined"] = true;
    rows.push_back(row);
  }
  json changes = json::array();
  for (const ServiceChange& change : diff.changed) {
    json causes = json::array();
    for (const FeatureChange& fc : change.causes) {
      causes.push_back({{"feature", feature_label(ctx, &with, fc.feature)},
                        {"from", fc.from_level},
                        {"to", fc.to_level},
                        {"delta", web::signed_points(fc.delta())}});
    }
    changes.push_back({{"name", change.name},
                       {"from", change.from_points},
                       {"to", change.to_points},
                       {"delta", web::signed_points(change.delta())},
                       {"causes", causes}});
  }
  json methodology_changes = json::array();
  for (const privascore::MethodologyChange& mc : diff.methodology_changes)
    methodology_changes.push_back({{"kind", mc.kind}, {"subject", mc.subject}, {"from", mc.from}, {"to", mc.to}});
  json notes = json::array();
  for (const EditionNote& n : next.notes)
    notes.push_back({{"kind", n.kind}, {"text", n.text.get(ctx.lang)}, {"reason", n.reason.get(ctx.lang)}});
  json skipped = json::array();
  for (const auto& [id, why] : draft.skipped)
    skipped.push_back({{"href", "/edit/drafts/" + std::to_string(id)}, {"id", id}, {"why", why}});
  json problems = json::array();
  for (const std::string& p : validate_draft_edition(category, draft)) problems.push_back({{"text", p}});
  v["date"] = next.date.to_string();
  v["latest"] = latest.date.to_string();
  v["methodology"] = next.methodology;
  v["new_methodology"] = draft.methodology.has_value();
  v["scores"] = rows;
  auto names = [&](const std::vector<std::string>& ids, const Edition& edition) {
    json out = json::array();
    for (const std::string& id : ids) {
      const Assessment* a = edition.assessment(id);
      out.push_back({{"name", a ? a->name : id}});
    }
    return out;
  };
  v["joined"] = names(diff.joined, next);
  v["has_joined"] = !diff.joined.empty();
  v["left"] = names(diff.left, latest);
  v["has_left"] = !diff.left.empty();
  v["has_methodology_changes"] = !diff.methodology_changes.empty();
  v["changes"] = changes;
  v["has_changes"] = !changes.empty() || !diff.joined.empty() || !diff.left.empty();
  v["unchanged"] = diff.unchanged;
  v["methodology_changes"] = methodology_changes;
  v["notes"] = notes;
  v["skipped"] = skipped;
  v["has_skipped"] = !skipped.empty();
  v["problems"] = problems;
  v["has_problems"] = !problems.empty();
  v["applied"] = draft.applied.size();
  return v;
}

}  // namespace

web::Response page_drafts(Ctx& ctx) {
  DraftFilter filter;
  const std::string& status = ctx.query.get("status");
  if (status == "all") {
  } else if (auto s = parse_draft_status(status)) {
    filter.statuses = {*s};
  } else {
    filter.statuses = {DraftStatus::open, DraftStatus::approved};
  }
  filter.category = ctx.query.get("category");
  auto drafts = list_drafts(ctx.db, filter);
  if (!drafts) return error_page(ctx, drafts.error());
  json v = frame_view(ctx, ctx.t("edit_drafts_title"));
  json rows = json::array();
  for (auto it = drafts->rbegin(); it != drafts->rend(); ++it) rows.push_back(draft_row(ctx, *it));
  v["drafts"] = rows;
  v["has_drafts"] = !rows.empty();
  v["filters"] = json::array({{{"href", "/edit/drafts"}, {"label", ctx.t("edit_filter_live")}},
                              {{"href", "/edit/drafts?status=published"}, {"label", ctx.t("edit_status_published")}},
                              {{"href", "/edit/drafts?status=rejected"}, {"label", ctx.t("edit_status_rejected")}},
                              {{"href", "/edit/drafts?status=withdrawn"}, {"label", ctx.t("edit_status_withdrawn")}},
                              {{"href", "/edit/drafts?status=all"}, {"label", ctx.t("edit_filter_all")}}});
  return render(ctx, "edit_drafts", v);
}

web::Response page_draft(Ctx& ctx) {
  auto id = draft_id(ctx);
  if (!id) return message_page(ctx, 404, ctx.t("edit_not_found_title"), ctx.t("edit_not_found"));
  auto draft = get_draft(ctx.db, *id);
  if (!draft) return error_page(ctx, draft.error());
  const Draft& d = *draft;
  const User& me = ctx.user();
  const bool authored = std::find(d.authors.begin(), d.authors.end(), me.name) != d.authors.end();
  json v = frame_view(ctx, ctx.f("edit_draft_title", {{"id", std::to_string(d.id)}}));
  json row = draft_row(ctx, d);
  row["authors"] = d.authors;
  row["authors_text"] = [&] {
    std::string s;
    for (const std::string& a : d.authors) s += (s.empty() ? "" : ", ") + a;
    return s;
  }();
  row["reason_de"] = d.reason.de;
  row["reason_en"] = d.reason.en;
  row["created"] = display_time(ctx, d.created_at);
  row["reviewer"] = d.reviewer;
  row["review_comment"] = d.review_comment;
  row["reviewed"] = display_time(ctx, d.reviewed_at);
  row["published_edition"] = d.published_edition;
  v["draft"] = row;
  v["change"] = change_view(ctx, d);
  const std::string base = "/edit/drafts/" + std::to_string(d.id);
  v["can_review"] = can_review(me.role) && !authored && d.status == DraftStatus::open;
  v["own_draft"] = authored && d.status == DraftStatus::open && can_review(me.role);
  v["review_action"] = base + "/review";
  v["can_withdraw"] = authored && d.live();
  v["withdraw_action"] = base + "/withdraw";
  if (d.live() && d.kind == DraftKind::rating) {
    v["edit_href"] = "/edit/c/" + d.category + "/s/" + d.service + "/r/" + d.feature +
                     (d.variant.empty() ? "" : "?variant=" + d.variant);
  }
  v["service_href"] = d.service.empty() ? "" : "/edit/c/" + d.category + "/s/" + d.service;
  v["audit_href"] = "/edit/audit?service=" + d.service;
  return render(ctx, "edit_draft", v);
}

web::Response do_review(Ctx& ctx) {
  auto id = draft_id(ctx);
  if (!id) return message_page(ctx, 404, ctx.t("edit_not_found_title"), ctx.t("edit_not_found"));
  const std::string& decision = ctx.form.get("decision");
  if (decision != "approve" && decision != "reject") {
    return message_page(ctx, 400, ctx.t("edit_error_title"), ctx.t("edit_error_decision"));
  }
  const int version = std::atoi(ctx.form.get("version").c_str());
  auto reviewed = review_draft(ctx.db, *id, version, decision == "approve", crlf_to_lf(ctx.form.get("comment")),
                               ctx.user(), ctx.clock);
  if (!reviewed) return error_page(ctx, reviewed.error());
  return see_other("/edit/drafts/" + std::to_string(*id));
}

web::Response do_withdraw(Ctx& ctx) {
  auto id = draft_id(ctx);
  if (!id) return message_page(ctx, 404, ctx.t("edit_not_found_title"), ctx.t("edit_not_found"));
  auto withdrawn = withdraw_draft(ctx.db, *id, ctx.user(), ctx.clock);
  if (!withdrawn) return error_page(ctx, withdrawn.error());
  return see_other("/edit/drafts/" + std::to_string(*id));
}

web::Response page_preview(Ctx& ctx) {
  const Category* c = category_of(ctx, ctx.param("category"));
  if (!c || !c->latest_edition()) return message_page(ctx, 404, ctx.t("edit_not_found_title"), ctx.t("edit_not_found"));
  const bool all = ctx.query.get("drafts") == "all";
  DraftFilter filter{c->id, {DraftStatus::approved}, ""};
  if (all) filter.statuses.push_back(DraftStatus::open);
  auto drafts = list_drafts(ctx.db, filter);
  if (!drafts) return error_page(ctx, drafts.error());
  EditionPlan plan;
  plan.date = default_date(ctx, *c);
  auto draft = build_draft_edition(*c, *drafts, plan);
  if (!draft) return error_page(ctx, draft.error());
  const Methodology* m = c->latest_methodology();
  json v = frame_view(ctx, ctx.f("edit_preview_title", {{"category", m->name.get(ctx.lang)}}));
  v["category"] = {{"name", m->name.get(ctx.lang)}, {"href", "/edit/c/" + c->id}};
  v["all"] = all;
  v["switch_href"] = "/edit/c/" + c->id + "/preview" + (all ? "" : "?drafts=all");
  v["preview"] = preview_view(ctx, *c, *draft);
  v["publish_href"] = "/edit/c/" + c->id + "/publish";
  v["can_publish"] = can_publish(ctx.user().role) && !all;
  return render(ctx, "edit_preview", v);
}

namespace {

web::Response publish_form(Ctx& ctx, const Category& c, const std::vector<std::string>& errors, int status) {
  const Methodology* m = c.latest_methodology();
  const Edition* latest = c.latest_edition();
  json v = frame_view(ctx, ctx.f("edit_publish_title", {{"category", m->name.get(ctx.lang)}}));
  v["category"] = {{"name", m->name.get(ctx.lang)}, {"href", "/edit/c/" + c.id}};
  v["action"] = "/edit/c/" + c.id + "/publish";
  v["preview_href"] = "/edit/c/" + c.id + "/preview";
  const bool posted = ctx.request.method == "POST";
  auto field = [&](const char* key, const std::string& fallback) { return posted ? ctx.form.get(key) : fallback; };
  v["form"] = {{"date", field("date", default_date(ctx, c).to_string())},
               {"title_de", field("title_de", latest->title.de)},
               {"title_en", field("title_en", latest->title.en)},
               {"summary_de", field("summary_de", latest->summary.de)},
               {"summary_en", field("summary_en", latest->summary.en)},
               {"note_de", field("note_de", "")},
               {"note_en", field("note_en", "")},
               {"note_reason_de", field("note_reason_de", "")},
               {"note_reason_en", field("note_reason_en", "")}};
  auto approved = list_drafts(ctx.db, DraftFilter{c.id, {DraftStatus::approved}, ""});
  if (!approved) return error_page(ctx, approved.error());
  json rows = json::array();
  for (const Draft& d : *approved) rows.push_back(draft_row(ctx, d));
  v["approved"] = rows;
  v["has_approved"] = !rows.empty();
  v["latest"] = latest->date.to_string();
  json errs = json::array();
  for (const std::string& e : errors) errs.push_back({{"text", e}});
  v["errors"] = errs;
  v["has_errors"] = !errors.empty();
  return render(ctx, "edit_publish", v, status);
}

}  // namespace

web::Response page_publish(Ctx& ctx) {
  const Category* c = category_of(ctx, ctx.param("category"));
  if (!c || !c->latest_edition()) return message_page(ctx, 404, ctx.t("edit_not_found_title"), ctx.t("edit_not_found"));
  if (!can_publish(ctx.user().role)) {
    return message_page(ctx, 403, ctx.t("edit_forbidden_title"), ctx.t("edit_publish_forbidden"));
  }
  return publish_form(ctx, *c, {}, 200);
}

web::Response do_publish(Ctx& ctx) {
  const Category* c = category_of(ctx, ctx.param("category"));
  if (!c || !c->latest_edition()) return message_page(ctx, 404, ctx.t("edit_not_found_title"), ctx.t("edit_not_found"));
  if (!can_publish(ctx.user().role)) {
    return message_page(ctx, 403, ctx.t("edit_forbidden_title"), ctx.t("edit_publish_forbidden"));
  }
  std::vector<std::string> errors;
  EditionPlan plan;
  auto date = Date::parse(ctx.form.get("date"));
  if (!date) errors.push_back(ctx.t("edit_error_publish_date"));
  plan.date = date.value_or(Date{});
  plan.title = Text{crlf_to_lf(ctx.form.get("title_de")), crlf_to_lf(ctx.form.get("title_en"))};
  plan.summary = Text{crlf_to_lf(ctx.form.get("summary_de")), crlf_to_lf(ctx.form.get("summary_en"))};
  if (is_blank(plan.title.de) || is_blank(plan.title.en) || is_blank(plan.summary.de) || is_blank(plan.summary.en))
    errors.push_back(ctx.t("edit_error_publish_texts"));
  const Text note{crlf_to_lf(ctx.form.get("note_de")), crlf_to_lf(ctx.form.get("note_en"))};
  const Text note_reason{crlf_to_lf(ctx.form.get("note_reason_de")), crlf_to_lf(ctx.form.get("note_reason_en"))};
  if (!is_blank(note.de) || !is_blank(note.en) || !is_blank(note_reason.de) || !is_blank(note_reason.en)) {
    if (is_blank(note.de) || is_blank(note.en) || is_blank(note_reason.de) || is_blank(note_reason.en))
      errors.push_back(ctx.t("edit_error_publish_note"));
    plan.note = EditionNote{"other", "", "", note, note_reason, {}};
  }
  for (const std::string* text :
       std::initializer_list<const std::string*>{&plan.title.de, &plan.title.en, &plan.summary.de, &plan.summary.en,
                                                 &note.de, &note.en, &note_reason.de, &note_reason.en}) {
    if (find_invalid_utf8(*text) != std::string::npos || text->size() > 20'000) {
      errors.push_back(ctx.t("edit_error_publish_texts"));
      break;
    }
  }
  if (!errors.empty()) return publish_form(ctx, *c, errors, 400);
  auto published = publish_edition(ctx.db, c->id, plan, ctx.user(), ctx.clock, ctx.config.open_data_dir, ctx.hooks);
  if (!published) {
    if (published.error().kind == ErrorKind::invalid) return publish_form(ctx, *c, {published.error().message}, 400);
    return error_page(ctx, published.error());
  }
  // The running site shows the new edition from now on.
  ctx.published(published->catalogue);
  json v = frame_view(ctx, ctx.t("edit_published_title"));
  v["category"] = {{"name", c->latest_methodology()->name.get(ctx.lang)}, {"href", "/edit/c/" + c->id}};
  v["date"] = plan.date.to_string();
  v["applied"] = published->draft.applied.size();
  json skipped = json::array();
  for (const auto& [id, why] : published->draft.skipped)
    skipped.push_back({{"href", "/edit/drafts/" + std::to_string(id)}, {"id", id}, {"why", why}});
  v["skipped"] = skipped;
  v["has_skipped"] = !skipped.empty();
  v["open_data"] = ctx.config.open_data_dir;
  json written = json::array();
  for (const std::string& path : published->open_data.written)
    written.push_back({{"path", ctx.config.open_data_dir + "/" + path}});
  v["open_data_written"] = written;
  v["open_data_error"] = published->open_data_error;
  json problems = json::array();
  for (const std::string& p : published->open_data.problems) problems.push_back({{"text", p}});
  v["open_data_problems"] = problems;
  return render(ctx, "edit_published", v);
}

}  // namespace privascore::editor
