#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/access/plan_access.h"
#include "core/casework/plan.h"
#include "core/casework/plan_domains.h"
#include "render/document.h"
#include "render/texts.h"

// The household's plan as a printable document in plain Dutch (B1) or
// English: per person the goals (topic, target date, status) and the
// actions (who, when, status, result), then the client's agreement with
// the printed version, or lines to sign when there is none yet.
//
// The input is what the caller may see, already decided: `view` is the
// output of core::FilterPlan, and the name maps hold only the names the
// plan JSON and the household JSON would show the same caller. The
// document adds nothing else, so a printout never shows more than the
// screen.
namespace regie::render {

struct PlanPrintout {
  std::string municipality;    // the tenant's name
  std::string household_name;  // as staff refer to the household
  core::PlanView view;         // the printed version, filtered for the caller
  std::string saved_by;        // display name of who saved the version
  // The agreements with the printed version (usually at most one).
  std::vector<core::PlanAgreement> agreements;
  std::map<int64_t, std::string> person_names;  // persons the caller may see
  std::map<int64_t, std::string> organisation_names;
  std::map<int64_t, std::string> user_names;
  // Visible adults who may sign, in household order (the signature block).
  std::vector<int64_t> signers;
  const core::PlanDomains* domains = nullptr;  // null: PlanDomains::Defaults()
  core::Timestamp printed_at;                  // from the injected clock
  std::string printed_by;
};

// dd-mm-jjjj, as the UI shows dates.
std::string FormatDate(core::Date date);

Document PlanDocument(const PlanPrintout& printout, Language language);

}  // namespace regie::render
