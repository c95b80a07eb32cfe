#include "render/plan_document.h"

#include <algorithm>
#include <cstdio>

namespace regie::render {
namespace {

class PlanWriter {
 public:
  PlanWriter(const PlanPrintout& p, Language language)
      : p_(p), language_(language), domains_(p.domains != nullptr ? *p.domains : Defaults()) {}

  Document Build() {
    const core::Plan& plan = p_.view.plan;
    const std::string version = std::to_string(plan.version);
    Document doc;
    doc.metadata = {.title = T("title") + " – " + p_.household_name,
                    .author = p_.municipality.empty() ? "Regie" : p_.municipality,
                    .subject = T("metadata_subject"),
                    .creator = "Regie",
                    .created = p_.printed_at};
    doc.header = Fill(Fill(T("header"), "household", p_.household_name), "version", version);
    doc.footer = Fill(T("footer"), "municipality", p_.municipality);
    doc.page_label = T("page_label");
    doc.title_page = TitlePageOf();
    if (plan.version == 0) {
      doc.blocks.emplace_back(Paragraph{.text = T("no_plan")});
      return doc;
    }
    if (p_.view.hidden > 0)
      doc.blocks.emplace_back(
          Paragraph{.text = Fill(T("hidden_goals"), "count", std::to_string(p_.view.hidden)),
                    .emphasis = true});
    if (plan.goals.empty()) doc.blocks.emplace_back(Paragraph{.text = T("no_goals")});
    for (int64_t person : PersonsInOrder()) Person(doc, person);
    Agreement(doc);
    return doc;
  }

 private:
  static const core::PlanDomains& Defaults() {
    static const core::PlanDomains kDefaults = core::PlanDomains::Defaults();
    return kDefaults;
  }

  std::string T(std::string_view key) const { return Text(language_, "plan", key); }

  std::string PersonName(int64_t id) const {
    auto it = p_.person_names.find(id);
    return it != p_.person_names.end() ? it->second : T("person_unknown");
  }

  std::string DomainLabel(const std::string& code) const {
    const core::PlanDomain* d = domains_.Find(code);
    if (d == nullptr) return code;
    return language_ == Language::kEn ? d->label_en : d->label_nl;
  }

  std::string LanguageName(const std::string& code) const {
    std::optional<std::string> name = FindText(language_, "language", code);
    return name ? *name : code;
  }

  TitlePage TitlePageOf() const {
    const core::Plan& plan = p_.view.plan;
    TitlePage t{.title = T("title"),
                .subtitle = Fill(T("subtitle"), "household", p_.household_name),
                .facts = {},
                .note = T("intro")};
    if (!p_.municipality.empty())
      t.facts.items.emplace_back(T("fact_municipality"), p_.municipality);
    if (plan.version > 0) {
      t.facts.items.emplace_back(T("fact_version"), std::to_string(plan.version));
      t.facts.items.emplace_back(T("fact_saved"), FormatDate(plan.saved_at.ToDate()));
      if (!p_.saved_by.empty()) t.facts.items.emplace_back(T("fact_saved_by"), p_.saved_by);
      t.facts.items.emplace_back(
          T("fact_status"), p_.agreements.empty() ? T("status_not_agreed")
                                                  : Fill(T("status_agreed"), "date",
                                                         FormatDate(p_.agreements.front().date)));
    }
    t.facts.items.emplace_back(T("fact_printed"), FormatDate(p_.printed_at.ToDate()));
    return t;
  }

  // Persons in the order their first goal appears in the plan.
  std::vector<int64_t> PersonsInOrder() const {
    std::vector<int64_t> out;
    for (const core::PlanGoal& g : p_.view.plan.goals)
      if (std::find(out.begin(), out.end(), g.person_id) == out.end()) out.push_back(g.person_id);
    return out;
  }

  bool Restricted(const core::PlanGoal& g) const { return p_.view.restricted.contains(g.key); }

  std::string GoalText(const core::PlanGoal& g) const {
    return Restricted(g) ? T("goal_restricted") : g.text;
  }

  void Person(Document& doc, int64_t person) const {
    doc.blocks.emplace_back(Heading{.level = 1, .text = PersonName(person)});
    doc.blocks.emplace_back(Heading{.level = 2, .text = T("goals_heading")});
    Table goals{.header = {T("col_goal"), T("col_domain"), T("col_when"), T("col_status")},
                .widths = {0.44, 0.22, 0.16, 0.18},
                .rows = {}};
    Table actions{.header = {T("col_action"), T("col_for_goal"), T("col_who"), T("col_when"),
                             T("col_status")},
                  .widths = {0.39, 0.11, 0.2, 0.15, 0.15},
                  .rows = {}};
    // Goals are numbered per person; an action names its goal by number,
    // so a long goal text is printed once.
    int number = 0;
    for (const core::PlanGoal& g : p_.view.plan.goals) {
      if (g.person_id != person) continue;
      const std::string goal_number = std::to_string(++number);
      const bool restricted = Restricted(g);
      goals.rows.push_back(
          {goal_number + ". " + GoalText(g), DomainLabel(g.domain),
           restricted ? "–" : FormatDate(g.target_date),
           restricted ? "–" : T("goal_status_" + std::string(core::ToCode(g.status)))});
      for (const core::PlanAction& a : g.actions) {
        std::string what = a.text;
        if (!a.result.empty()) what += "\n" + Fill(T("result"), "result", a.result);
        auto org = p_.organisation_names.find(a.organisation_id);
        std::string who =
            org != p_.organisation_names.end() ? org->second : std::to_string(a.organisation_id);
        if (a.user_id) {
          auto it = p_.user_names.find(*a.user_id);
          if (it != p_.user_names.end() && !it->second.empty()) who += "\n" + it->second;
        }
        actions.rows.push_back({std::move(what), Fill(T("goal_number"), "number", goal_number),
                                std::move(who), FormatDate(a.due_date),
                                T("action_status_" + std::string(core::ToCode(a.status)))});
      }
    }
    doc.blocks.emplace_back(std::move(goals));
    doc.blocks.emplace_back(Heading{.level = 2, .text = T("actions_heading")});
    if (actions.rows.empty())
      doc.blocks.emplace_back(Paragraph{.text = T("actions_none")});
    else
      doc.blocks.emplace_back(std::move(actions));
  }

  void Agreement(Document& doc) const {
    doc.blocks.emplace_back(Heading{.level = 1, .text = T("agreement_heading")});
    for (const core::PlanAgreement& a : p_.agreements) {
      KeyValues kv;
      kv.items.emplace_back(T("agreement_date"), FormatDate(a.date));
      kv.items.emplace_back(T("agreement_version"), std::to_string(a.plan_version));
      std::string interpreter = T("agreement_interpreter_no");
      if (a.interpreter)
        interpreter =
            a.language ? Fill(T("agreement_interpreter_yes"), "language", LanguageName(*a.language))
                       : T("agreement_interpreter_yes_plain");
      kv.items.emplace_back(T("agreement_interpreter"), interpreter);
      std::string signers;
      for (int64_t id : a.signed_by) signers += (signers.empty() ? "" : ", ") + PersonName(id);
      kv.items.emplace_back(T("agreement_signed_by"), signers);
      auto recorder = p_.user_names.find(a.recorded_by);
      if (recorder != p_.user_names.end() && !recorder->second.empty())
        kv.items.emplace_back(T("agreement_recorded_by"), recorder->second);
      doc.blocks.emplace_back(std::move(kv));
    }
    if (!p_.agreements.empty()) return;
    doc.blocks.emplace_back(Paragraph{.text = T("status_not_agreed")});
    Signatures s{.intro = T("sign_intro"), .captions = {}};
    for (int64_t id : p_.signers)
      s.captions.push_back(Fill(T("sign_caption"), "name", PersonName(id)));
    s.captions.push_back(T("sign_regisseur"));
    doc.blocks.emplace_back(std::move(s));
  }

  const PlanPrintout& p_;
  Language language_;
  const core::PlanDomains& domains_;
};

}  // namespace

std::string FormatDate(core::Date date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d-%02d-%04d", date.day(), date.month(), date.year());
  return buf;
}

Document PlanDocument(const PlanPrintout& printout, Language language) {
  return PlanWriter(printout, language).Build();
}

}  // namespace regie::render
