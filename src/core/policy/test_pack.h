#pragma once

// A small valid pack built in code for the core policy unit tests.

#include <string>
#include <utility>

#include "core/policy/model.h"

namespace regie::core::policy::testing {

inline Date D(const char* iso) { return *Date::Parse(iso); }

inline EventDecl Event(std::string id, EventKind kind = EventKind::kRecorded) {
  EventDecl e;
  e.id = std::move(id);
  e.label = {"nl " + e.id, "en " + e.id};
  e.kind = kind;
  e.where = {"test.toml", 10, 1};
  return e;
}

inline Pack TestPack() {
  Pack p;
  p.id = "test-pack";
  p.version = 1;
  p.title = {"Testpakket", "Test pack"};
  p.valid_from = D("2020-01-01");
  p.version_anchor = "housing";
  p.source = {"doc.txt", "§1"};
  p.where = {"test.toml", 1, 1};
  EventDecl housing = Event("housing", EventKind::kPersonField);
  housing.person_field = PersonDateField::kHousingDate;
  p.events.push_back(housing);
  p.events.push_back(Event("intake"));
  p.events.push_back(Event("plan"));
  EventDecl ext = Event("intake_extended");
  ext.requires_reason = true;
  p.events.push_back(ext);
  EventDecl exempt = Event("intake_exempt");
  exempt.requires_reason = true;
  p.events.push_back(exempt);
  p.events.push_back(Event("contact"));
  p.events.push_back(Event("guidance_ended"));
  EventDecl ladder = Event("ladder");
  ladder.value_kind = EventValueKind::kInteger;
  p.events.push_back(ladder);
  EventDecl derived = Event("plan_next_day", EventKind::kDerived);
  derived.derived_from = {"plan"};
  derived.offset = {1, DurationUnit::kDays};
  p.events.push_back(derived);

  Milestone intake;
  intake.id = "t.intake";
  intake.label = {"Intake", "Intake"};
  intake.domain = "werk_inkomen";
  intake.anchor = "housing";
  intake.deadline.after = Duration{4, DurationUnit::kWeeks};
  intake.satisfied_by = {{"intake", std::nullopt, {}}};
  intake.extensions = {{"intake_extended", {2, DurationUnit::kWeeks}, 1, {}}};
  intake.exemptions = {"intake_exempt"};
  intake.source = {"doc.txt", "§2"};
  intake.where = {"test.toml", 20, 1};
  p.milestones.push_back(intake);

  Milestone ladder_rung;
  ladder_rung.id = "t.ladder";
  ladder_rung.label = {"Trede 4", "Rung 4"};
  ladder_rung.domain = "werk_inkomen";
  ladder_rung.anchor = "housing";
  ladder_rung.deadline.after = Duration{1, DurationUnit::kYears};
  ladder_rung.applies.min_age = 18;
  ladder_rung.satisfied_by = {{"ladder", 4, {}}};
  ladder_rung.source = {"doc.txt", "§3"};
  ladder_rung.where = {"test.toml", 30, 1};
  p.milestones.push_back(ladder_rung);

  Milestone follow_up;
  follow_up.id = "t.follow_up";
  follow_up.label = {"Vervolg", "Follow-up"};
  follow_up.domain = "werk_inkomen";
  follow_up.anchor = "plan_next_day";
  follow_up.deadline.after = Duration{1, DurationUnit::kMonths};
  follow_up.satisfied_by = {{"contact", std::nullopt, {}}};
  follow_up.source = {"doc.txt", "§4"};
  follow_up.where = {"test.toml", 40, 1};
  p.milestones.push_back(follow_up);

  Cadence contact;
  contact.id = "t.contact";
  contact.label = {"Contact", "Contact"};
  contact.domain = "werk_inkomen";
  contact.start = "plan";
  contact.stop = {"guidance_ended"};
  contact.every = {3, DurationUnit::kMonths};
  contact.satisfied_by = {{"contact", std::nullopt, {}}};
  contact.source = {"doc.txt", "§5"};
  contact.where = {"test.toml", 50, 1};
  p.cadences.push_back(contact);

  Indicator plan_rate;
  plan_rate.id = "t.ind_intake";
  plan_rate.label = {"Intake op tijd", "Intake on time"};
  plan_rate.domain = "werk_inkomen";
  plan_rate.population.cohort_event = "housing";
  plan_rate.measure.kind = MeasureKind::kMilestoneOnTime;
  plan_rate.measure.milestone = "t.intake";
  plan_rate.target_percent = 90;
  plan_rate.period_from = D("2020-01-01");
  plan_rate.period_to = D("2020-12-31");
  plan_rate.source = {"doc.txt", "§6"};
  plan_rate.where = {"test.toml", 60, 1};
  p.indicators.push_back(plan_rate);

  Indicator rung;
  rung.id = "t.ind_rung";
  rung.label = {"Trede 4 of hoger", "Rung 4 or higher"};
  rung.domain = "werk_inkomen";
  rung.population.cohort_event = "housing";
  rung.population.min_age = 18;
  rung.population.residence_event = "housing";
  rung.population.min_residence = Duration{6, DurationUnit::kMonths};
  rung.measure.kind = MeasureKind::kState;
  StateCondition latest;
  latest.test = StateTest::kLatest;
  latest.event = "ladder";
  latest.min_value = 4;
  rung.measure.any = {latest};
  rung.period_from = D("2020-01-01");
  rung.period_to = D("2020-12-31");
  rung.source = {"doc.txt", "§7"};
  rung.where = {"test.toml", 70, 1};
  p.indicators.push_back(rung);
  return p;
}

}  // namespace regie::core::policy::testing
