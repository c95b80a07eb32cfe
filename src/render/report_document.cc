#include "render/report_document.h"

#include <algorithm>
#include <cstdio>

#include "core/casework/plan_domains.h"
#include "core/indicators/suppress.h"
#include "render/plan_document.h"

namespace regie::render {
namespace {

namespace ind = core::indicators;

constexpr size_t kSeriesPerChart = 4;  // more lines than this cannot be told apart
constexpr double kDaysPerWeek = 7.0;

std::string Percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", v);
  return buf;
}

std::string Weeks(int32_t days) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f", static_cast<double>(days) / kDaysPerWeek);
  return buf;
}

// The total cell of an indicator (breakdown kTotal), if anyone is in it.
const ind::ShownCell* TotalCell(const ind::ShownIndicator& indicator) {
  for (const ind::ShownBreakdown& b : indicator.breakdowns)
    if (b.breakdown.first == ind::Dimension::kTotal && b.breakdown.second == ind::Dimension::kTotal)
      return b.cells.empty() ? nullptr : &b.cells.front();
  return nullptr;
}

const ind::ShownBreakdown* CohortBreakdown(const ind::ShownIndicator& indicator) {
  for (const ind::ShownBreakdown& b : indicator.breakdowns)
    if (b.breakdown.first == ind::Dimension::kCohort &&
        b.breakdown.second == ind::Dimension::kTotal)
      return &b;
  return nullptr;
}

class ReportWriter {
 public:
  ReportWriter(const ReportInput& in, Language language)
      : in_(in),
        language_(language),
        view_(in.figures != nullptr
                  ? ind::Suppress(*in.figures, ind::Audience::kExport)
                  : ind::View{.audience = ind::Audience::kExport, .suppressed = true}) {}

  Document Build() {
    Document doc;
    const std::string period = PeriodLabel();
    doc.metadata = {.title = T("title") + " – " + in_.municipality + " – " + period,
                    .author = in_.municipality.empty() ? "Regie" : in_.municipality,
                    .subject = T("title"),
                    .creator = "Regie",
                    .created = in_.generated_at};
    doc.header = Fill(Fill(T("header"), "municipality", in_.municipality), "period", period);
    doc.footer = Final() ? T("footer_final") : T("footer_concept");
    doc.page_label = T("page_label");
    doc.title_page = TitlePageOf(period);
    doc_ = &doc;
    Add(TableOfContents{.title = T("toc")});
    Introduction();
    Results();
    for (core::ReportSection s : core::SectionsOf(in_.period)) {
      if (s == core::ReportSection::kResultaatafspraken) continue;  // with the figures
      Section(s);
    }
    Colophon();
    return doc;
  }

 private:
  std::string T(std::string_view key) const { return Text(language_, "report", key); }
  bool Final() const { return in_.report.status == core::ReportStatus::kDefinitief; }
  template <typename B>
  void Add(B block) {
    doc_->blocks.emplace_back(std::move(block));
  }

  std::string PeriodLabel() const {
    return Fill(T(in_.period.half == 1 ? "period_h1" : "period_h2"), "year",
                std::to_string(in_.period.year));
  }

  const ind::Stamp& StampUsed() const { return in_.report.stamp ? *in_.report.stamp : view_.stamp; }

  TitlePage TitlePageOf(const std::string& period) const {
    TitlePage t;
    t.title = T("title");
    t.subtitle = Fill(Fill(T("subtitle"), "municipality", in_.municipality), "period", period);
    t.facts.items.emplace_back(T("fact_municipality"), in_.municipality);
    t.facts.items.emplace_back(
        T("fact_period"), FormatDate(in_.period.First()) + " – " + FormatDate(in_.period.Last()));
    t.facts.items.emplace_back(T("fact_reference_date"), FormatDate(in_.period.Last()));
    std::string status = T("status_concept");
    if (Final() && in_.report.finalised_at)
      status = Fill(Fill(T("status_final"), "date", FormatDate(in_.report.finalised_at->ToDate())),
                    "by", in_.finalised_by);
    t.facts.items.emplace_back(T("fact_status"), status);
    t.facts.items.emplace_back(T("fact_generated"), FormatDate(in_.generated_at.ToDate()));
    t.note = Final() ? T("title_note_final") : T("title_note_concept");
    return t;
  }

  // The narratives of one section: the municipality's text first, then
  // (network partners) each organisation's under its name.
  std::vector<const core::ReportNarrative*> TextsOf(core::ReportSection section) const {
    std::vector<const core::ReportNarrative*> out;
    for (const core::ReportNarrative& n : in_.narratives)
      if (n.section == section && n.version > 0 && !n.text.empty()) out.push_back(&n);
    std::sort(out.begin(), out.end(), [this](const auto* a, const auto* b) {
      if ((a->organisation_id == 0) != (b->organisation_id == 0)) return a->organisation_id == 0;
      return OrganisationName(a->organisation_id) < OrganisationName(b->organisation_id);
    });
    return out;
  }

  std::string OrganisationName(int64_t id) const {
    auto it = in_.organisation_names.find(id);
    return it != in_.organisation_names.end() ? it->second : T("organisation_unknown");
  }

  // A typed text as paragraphs: blank lines separate them.
  void Narrative(const std::string& text) {
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find("\n\n", start);
      if (end == std::string::npos) end = text.size();
      std::string para = text.substr(start, end - start);
      while (!para.empty() && (para.back() == '\n' || para.back() == '\r')) para.pop_back();
      if (!para.empty()) Add(Paragraph{.text = para});
      start = end + 2;
    }
  }

  void Section(core::ReportSection section) {
    const std::string code(core::ToCode(section));
    Add(Heading{.level = 1, .text = T("section_" + code)});
    Add(Paragraph{.text = T("lead_" + code)});
    const auto texts = TextsOf(section);
    if (texts.empty()) Add(Paragraph{.text = T("no_text"), .emphasis = true});
    for (const core::ReportNarrative* n : texts) {
      if (n->organisation_id != 0)
        Add(Heading{.level = 2, .text = OrganisationName(n->organisation_id)});
      Narrative(n->text);
    }
    if (section == core::ReportSection::kTrends) CohortTrends();
  }

  void Introduction() {
    Add(Heading{.level = 1, .text = T("intro_heading")});
    Add(Paragraph{
        .text = Fill(Fill(T("intro"), "municipality", in_.municipality), "period", PeriodLabel())});
    Add(Paragraph{.text = T("intro_suppression")});
    KeyValues kv;
    kv.items.emplace_back(T("fact_persons"), view_.persons.Text());
    kv.items.emplace_back(T("fact_reference_date"), FormatDate(in_.period.Last()));
    Add(std::move(kv));
  }

  std::string StatusText(const std::optional<core::stats::TargetStatus>& s) const {
    if (!s) return T("withheld");
    return T("target_" + std::string(core::stats::ToCode(*s)));
  }

  std::string Label(const ind::ShownIndicator& i) const {
    return language_ == Language::kEn && !i.label_en.empty() ? i.label_en : i.label_nl;
  }

  // The pack's theme, else the life domain's name (as plans show it).
  std::string ThemeOf(const ind::ShownIndicator& i) const {
    if (!i.theme.empty()) return i.theme;
    static const core::PlanDomains kDomains = core::PlanDomains::Defaults();
    if (const core::PlanDomain* d = kDomains.Find(i.domain))
      return language_ == Language::kEn ? d->label_en : d->label_nl;
    if (i.domain.empty()) return T("theme_other");
    // An unlisted code reads as words: "wonen_leefbaarheid" -> "Wonen leefbaarheid".
    std::string words = i.domain;
    for (char& c : words)
      if (c == '_') c = ' ';
    if (words[0] >= 'a' && words[0] <= 'z') words[0] = static_cast<char>(words[0] - 'a' + 'A');
    return words;
  }

  std::vector<std::string> Themes() const {
    std::vector<std::string> out;
    for (const ind::ShownIndicator& i : view_.indicators)
      if (std::find(out.begin(), out.end(), ThemeOf(i)) == out.end()) out.push_back(ThemeOf(i));
    return out;
  }

  void Results() {
    Add(Heading{.level = 1, .text = T("section_resultaatafspraken")});
    Add(Paragraph{.text = T("lead_resultaatafspraken")});
    for (const core::ReportNarrative* n : TextsOf(core::ReportSection::kResultaatafspraken))
      Narrative(n->text);
    if (view_.indicators.empty()) {
      Add(Paragraph{.text = T("no_indicators"), .emphasis = true});
    } else {
      Add(Paragraph{.text = T("how_to_read")});
    }
    for (const std::string& theme : Themes()) {
      Add(Heading{.level = 2, .text = theme});
      Table t;
      t.header = {T("col_indicator"), T("col_value"),  T("col_interval"),
                  T("col_target"),    T("col_status"), T("col_within")};
      t.widths = {0.34, 0.13, 0.15, 0.09, 0.14, 0.15};
      std::vector<std::string> rules;
      for (const ind::ShownIndicator& i : view_.indicators) {
        if (ThemeOf(i) != theme) continue;
        const ind::ShownCell* total = TotalCell(i);
        std::string value = T("no_data");
        std::string interval = "–";
        std::string within = i.deadline ? "0" : T("not_applicable");
        std::optional<core::stats::TargetStatus> status;
        if (total != nullptr) {
          value = total->percent ? Fill(Fill(T("value"), "percent", Percent(*total->percent)), "of",
                                        total->satisfied.Text() + " / " + DenominatorText(*total))
                                 : Fill(T("value_withheld"), "of", total->satisfied.Text());
          if (total->wilson)
            interval =
                Percent(100 * total->wilson->lower) + " – " + Percent(100 * total->wilson->upper);
          if (i.deadline) within = total->within_window.Text();
          status = total->target;
        }
        if (!i.target_percent) status = core::stats::TargetStatus::kNoTarget;
        t.rows.push_back({Label(i), value, interval,
                          i.target_percent ? Percent(*i.target_percent) : T("no_target"),
                          StatusText(status), within});
        if (i.total_judgement) {
          const std::string& rule =
              language_ == Language::kEn ? i.total_judgement->rule_en : i.total_judgement->rule_nl;
          if (!rule.empty()) rules.push_back(Label(i) + ": " + rule);
        } else if (i.target_percent) {
          rules.push_back(Label(i) + ": " + T("rule_withheld"));
        }
      }
      Add(std::move(t));
      if (!rules.empty()) {
        Add(Paragraph{.text = T("rules_heading"), .emphasis = true});
        Add(BulletList{.items = std::move(rules)});
      }
    }
    Survival();
    Ladder();
  }

  // The denominator as published: satisfied + not satisfied when both are
  // shown, otherwise withheld ("x"), never derived from a suppressed part.
  std::string DenominatorText(const ind::ShownCell& c) const {
    if (c.satisfied.shown() && c.not_satisfied.shown())
      return std::to_string(c.satisfied.value + c.not_satisfied.value);
    return "x";
  }

  void Survival() {
    bool any = false;
    for (const ind::ShownSurvival& s : view_.survival) any = any || s.available;
    if (!any) return;
    Add(Heading{.level = 2, .text = T("survival_heading")});
    Add(Paragraph{.text = T("survival_lead")});
    Table medians;
    medians.header = {T("col_measure"), T("col_persons"), T("col_median"),
                      T("col_median_interval")};
    medians.widths = {0.4, 0.15, 0.2, 0.25};
    for (const ind::ShownSurvival& s : view_.survival) {
      if (!s.available) continue;
      const std::string name = T("measure_" + std::string(ind::ToCode(s.measure)));
      const core::stats::KmMedian& m = s.total.median;
      medians.rows.push_back({name, s.total.n.Text(),
                              m.median ? Weeks(*m.median) : T("not_reached"),
                              (m.lower ? Weeks(*m.lower) : T("open")) + " – " +
                                  (m.upper ? Weeks(*m.upper) : T("open"))});
      if (s.total.points.empty()) continue;
      Chart c{.kind = ChartKind::kSteps,
              .title = name,
              .x_label = T("axis_weeks"),
              .y_label = T("axis_reached"),
              .y_max = 100};
      ChartSeries total{.label = T("series_total")};
      for (const ind::ShownPoint& p : s.total.points) {
        total.x.push_back(p.time / kDaysPerWeek);
        total.y.push_back(100 * (1 - p.survival));
        total.lower.push_back(100 * (1 - p.upper));
        total.upper.push_back(100 * (1 - p.lower));
      }
      c.series.push_back(std::move(total));
      c.summary = Fill(Fill(T("survival_summary"), "measure", name), "median",
                       m.median ? Weeks(*m.median) : T("not_reached"));
      Add(std::move(c));
    }
    Add(std::move(medians));
    Add(Paragraph{.text = T("survival_note")});
  }

  void Ladder() {
    if (!view_.ladder_available || view_.ladder.empty()) return;
    Add(Heading{.level = 2, .text = T("ladder_heading")});
    Add(Paragraph{.text = T("ladder_lead")});
    Chart c{.kind = ChartKind::kStackedBars,
            .title = T("ladder_chart"),
            .x_label = T("axis_quarter"),
            .y_label = T("axis_persons")};
    Table t;
    t.header = {T("col_quarter")};
    for (size_t r = 1; r < ind::kRungs; ++r)
      t.header.push_back(Fill(T("col_rung"), "rung", std::to_string(r)));
    t.widths = {0.14, 0.09, 0.09, 0.09, 0.09, 0.09, 0.09, 0.32};
    t.header.push_back(T("col_moved"));
    for (size_t r = 1; r < ind::kRungs; ++r)
      c.series.push_back({.label = T("rung_" + std::to_string(r))});
    for (const ind::ShownLadderQuarter& q : view_.ladder) {
      c.categories.push_back(q.label);
      std::vector<std::string> row{q.label};
      for (size_t r = 1; r < ind::kRungs; ++r) {
        const ind::ShownCount& n = q.distribution[r];
        // A withheld count is not drawn: its size would tell what the table hides.
        c.series[r - 1].y.push_back(n.shown() ? static_cast<double>(n.value) : 0);
        row.push_back(n.Text());
      }
      row.push_back(Fill(Fill(Fill(T("moved"), "up", q.up.Text()), "down", q.down.Text()), "same",
                         q.same.Text()));
      t.rows.push_back(std::move(row));
    }
    c.summary = T("ladder_summary");
    Add(std::move(c));
    Add(std::move(t));
    Add(Paragraph{.text = T("ladder_note")});
  }

  // Per theme, the share per housing cohort of up to four indicators, with
  // their intervals: is each new cohort doing better than the last?
  void CohortTrends() {
    const auto& cohorts = view_.labels[static_cast<size_t>(ind::Dimension::kCohort)];
    if (cohorts.empty()) return;
    Add(Heading{.level = 2, .text = T("trend_heading")});
    Add(Paragraph{.text = T("trend_lead")});
    for (const std::string& theme : Themes()) {
      Chart c{.kind = ChartKind::kLines,
              .title = theme,
              .x_label = T("axis_cohort"),
              .y_label = T("axis_percent"),
              .y_max = 100,
              .categories = cohorts};
      for (const ind::ShownIndicator& i : view_.indicators) {
        if (ThemeOf(i) != theme || c.series.size() == kSeriesPerChart) continue;
        const ind::ShownBreakdown* b = CohortBreakdown(i);
        if (b == nullptr) continue;
        ChartSeries s{.label = Label(i)};
        s.y.assign(cohorts.size(), -1);  // -1: no figure (withheld or nobody)
        s.lower.assign(cohorts.size(), -1);
        s.upper.assign(cohorts.size(), -1);
        bool any = false;
        for (const ind::ShownCell& cell : b->cells) {
          if (cell.first >= cohorts.size() || !cell.percent) continue;
          s.y[cell.first] = *cell.percent;
          if (cell.wilson) {
            s.lower[cell.first] = 100 * cell.wilson->lower;
            s.upper[cell.first] = 100 * cell.wilson->upper;
          } else {
            s.lower[cell.first] = s.upper[cell.first] = *cell.percent;
          }
          any = true;
        }
        if (any) c.series.push_back(std::move(s));
      }
      if (c.series.empty()) continue;
      c.summary = Fill(T("trend_summary"), "theme", theme);
      Add(std::move(c));
    }
  }

  void Colophon() {
    Add(Heading{.level = 1, .text = T("colophon_heading")});
    const ind::Stamp& stamp = StampUsed();
    KeyValues kv;
    kv.items.emplace_back(T("fact_reference_date"), FormatDate(stamp.reference_date));
    std::string packs;
    for (const ind::PackVersion& p : stamp.packs)
      packs += (packs.empty() ? "" : ", ") + p.id + " (" + T("version") + " " +
               std::to_string(p.version) + ")";
    kv.items.emplace_back(T("fact_packs"), packs.empty() ? T("none") : packs);
    kv.items.emplace_back(T("fact_snapshot"), stamp.snapshot.empty() ? T("none") : stamp.snapshot);
    kv.items.emplace_back(T("fact_status"),
                          Final() ? T("status_final_short") : T("status_concept"));
    kv.items.emplace_back(T("fact_generated"), FormatDate(in_.generated_at.ToDate()));
    Add(std::move(kv));
    Add(Paragraph{.text = T("colophon_reproducible")});
    // A final report whose data moved on since: say so, with both states,
    // rather than print today's figures under yesterday's stamp unremarked.
    if (Final() && in_.report.stamp && !view_.stamp.snapshot.empty() &&
        view_.stamp.snapshot != in_.report.stamp->snapshot)
      Add(Paragraph{.text = Fill(Fill(T("colophon_recomputed"), "then", in_.report.stamp->snapshot),
                                 "now", view_.stamp.snapshot),
                    .emphasis = true});
    Add(Heading{.level = 2, .text = T("suppression_heading")});
    Add(Paragraph{.text = T("suppression_rule")});
    Add(Heading{.level = 2, .text = T("status_heading")});
    Add(Paragraph{.text = T("status_rule")});
    Add(Heading{.level = 2, .text = T("censoring_heading")});
    Add(Paragraph{.text = T("censoring_rule")});
  }

  const ReportInput& in_;
  Language language_;
  ind::View view_;
  Document* doc_ = nullptr;
};

}  // namespace

Document ReportDocument(const ReportInput& input, Language language) {
  return ReportWriter(input, language).Build();
}

std::string ReportFileStem(const std::string& tenant_code, const core::ReportPeriod& period) {
  std::string code;
  for (char c : tenant_code)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) code += c;
  return "voortgangsrapportage-" + code + "-" + period.ToString();
}

}  // namespace regie::render
