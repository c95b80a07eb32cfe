#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/policy/compiled.h"
#include "core/policy/engine.h"
#include "core/policy/model.h"

// JSON views of policy packs and evaluation results (docs/api-contract.md,
// "Policy"). Pure rendering: no storage, no access decisions (what the
// caller may see comes in as HiddenDates).
namespace regie::http::policy_json {

// The events whose dates one caller may not see of one person: a person
// event (housing, permit, koppeling, birth) whose person field the caller's
// field filter withholds, and every derived event computed from one. The
// events category opens the timeline, the basic data its person dates: a
// partner with an `inburgering` basis alone sees the timeline but not the
// housing date, so nothing computed from that date may show either. A due
// date is its anchor plus the pack's published deadline, so it would give
// the anchor away; an anchor date is the date itself.
class HiddenDates {
 public:
  HiddenDates() = default;  // hides nothing
  // `shows` answers for a person field ("housing_date", ...).
  HiddenDates(const core::policy::CompiledPolicy& policy,
              const std::function<bool(std::string_view field)>& shows);

  // Whether some event of the policy is hidden: then the reference date
  // must not move either (every status changes on the dates it hides).
  bool Any() const { return any_; }
  bool Hides(std::string_view event) const;

  // The milestone's due date comes from a hidden anchor (a fixed deadline
  // does not). Its status, reason and extension count are computed from
  // that due date (and whether the anchor happened at all, and the age on
  // it): the timeline and the worklist leave such a milestone out.
  bool HidesDue(const core::policy::Milestone& m) const;
  // Any event that satisfies the rule is hidden: the satisfied date may be
  // its date.
  bool HidesAnyOf(const std::vector<core::policy::EventMatch>& matches) const;
  // The cadence counts from a hidden date: its start, a stop or a
  // satisfying event. Its due dates, status and counts all come from them,
  // and whether the next due date follows from the start or from the last
  // contact depends on the hidden start too, so this is decided by the rule,
  // not by the result: the timeline and the worklist leave such a cadence
  // out.
  bool HidesCadence(const core::policy::Cadence& c) const;

 private:
  const core::policy::CompiledPolicy* policy_ = nullptr;
  std::vector<bool> hidden_;  // by event index
  bool any_ = false;
};

nlohmann::json Label(const core::policy::LocalizedText& text);
nlohmann::json OptDate(const std::optional<core::Date>& date);
nlohmann::json Source(const core::policy::SourceRef& source);

// {"id","version","title"} of a pack version.
nlohmann::json PackRef(const core::policy::Pack& pack);

// One MilestoneItem / CadenceItem of a person's timeline; `housing` places
// the milestone in its band (pass nullopt when the caller may not see the
// housing date: the band is the due date's distance from it). Callers leave
// out what `hidden.HidesDue` / `hidden.HidesCadence` say (nothing of such an
// item can be shown); of a milestone that stays, the anchor and satisfied
// dates that are `hidden` events are null.
nlohmann::json MilestoneItem(const core::policy::CompiledPolicy& policy,
                             const core::policy::MilestoneResult& result,
                             std::optional<core::Date> housing, const HiddenDates& hidden = {});
nlohmann::json CadenceItem(const core::policy::CompiledPolicy& policy,
                           const core::policy::CadenceResult& result);

// Who a rule applies to, in words ("age 18-67; inburgeringsplichtig; ...");
// "iedereen / everyone" when nothing is restricted.
std::string ApplicabilityText(const core::policy::Applicability& applies);

// A PackSummary without activations: `versions` are all versions of one id
// in validity order; `detail` adds the rules of each version.
nlohmann::json PackJson(const std::vector<const core::policy::Pack*>& versions,
                        const std::string& tenant_code, bool detail);

}  // namespace regie::http::policy_json
