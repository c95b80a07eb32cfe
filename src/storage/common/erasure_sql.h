#pragma once

#include <array>
#include <string_view>

// The statements that erase one household (ports::RetentionRepository), the
// same text on both backends: `$1` is the household id. SQLite takes `$N`
// for a named parameter and numbers those by first appearance, so every
// statement here names its parameters in the order $1, $2, $3. Children before parents, so every
// foreign key holds after each statement. Shared, so a table added later is erased on both backends
// or on neither: the contract test finds any table left holding a household's or person's id.
namespace regie::storage {

inline constexpr std::string_view kGrantErasure =
    "INSERT INTO erasure_grant (household_id) VALUES ($1)";
inline constexpr std::string_view kEndErasure = "DELETE FROM erasure_grant";

// Incoming handover packages never accepted (rejected, or left pending):
// their retention counts from the rejection, or from receipt while pending.
// $1 tenant, $2 cutoff, $3 limit.
inline constexpr std::string_view kListUnacceptedPackages =
    "SELECT id, at FROM (SELECT id, "
    "CASE WHEN status = 'rejected' THEN decided_at ELSE recorded_at END AS at "
    "FROM handover_packages WHERE tenant_id = $1 AND direction = 'incoming' "
    "AND status IN ('rejected', 'pending')) p WHERE at < $2 ORDER BY at, id LIMIT $3";
// Whether package $2 of tenant $3 is one of those before cutoff $1 (no row:
// not in the tenant).
inline constexpr std::string_view kIsUnacceptedPackage =
    "SELECT COALESCE(direction = 'incoming' AND status IN ('rejected', 'pending') AND "
    "(CASE WHEN status = 'rejected' THEN decided_at ELSE recorded_at END) < $1, false) "
    "FROM handover_packages WHERE id = $2 AND tenant_id = $3";

inline constexpr std::array<std::string_view, 28> kEraseHousehold = {
    "DELETE FROM contact_persons WHERE contact_id IN "
    "(SELECT id FROM contacts WHERE household_id = $1)",
    "DELETE FROM contacts WHERE household_id = $1",
    "DELETE FROM assessment_items WHERE assessment_id IN "
    "(SELECT a.id FROM assessments a JOIN persons p ON p.id = a.person_id "
    "WHERE p.household_id = $1)",
    "DELETE FROM assessments WHERE person_id IN (SELECT id FROM persons WHERE household_id = $1)",
    "DELETE FROM signal_persons WHERE signal_id IN "
    "(SELECT id FROM signals WHERE household_id = $1)",
    "DELETE FROM signal_history WHERE signal_id IN "
    "(SELECT id FROM signals WHERE household_id = $1)",
    "DELETE FROM signals WHERE household_id = $1",
    "DELETE FROM plan_agreement_signers WHERE agreement_id IN "
    "(SELECT id FROM plan_agreements WHERE household_id = $1)",
    "DELETE FROM plan_agreements WHERE household_id = $1",
    "DELETE FROM plan_actions WHERE household_id = $1",
    "DELETE FROM plan_goals WHERE household_id = $1",
    "DELETE FROM plan_open_actions WHERE household_id = $1",
    "DELETE FROM plans WHERE household_id = $1",
    "DELETE FROM plan_versions WHERE household_id = $1",
    "DELETE FROM intake_items WHERE person_id IN (SELECT id FROM persons WHERE household_id = $1)",
    "DELETE FROM intakes WHERE person_id IN (SELECT id FROM persons WHERE household_id = $1)",
    "DELETE FROM intake_versions WHERE person_id IN "
    "(SELECT id FROM persons WHERE household_id = $1)",
    "DELETE FROM referral_persons WHERE referral_id IN "
    "(SELECT id FROM referrals WHERE household_id = $1)",
    "DELETE FROM referral_history WHERE referral_id IN "
    "(SELECT id FROM referrals WHERE household_id = $1)",
    "DELETE FROM referrals WHERE household_id = $1",
    "DELETE FROM handover_packages WHERE household_id = $1",
    "DELETE FROM person_events WHERE person_id IN (SELECT id FROM persons WHERE household_id = $1)",
    "DELETE FROM sharing_bases WHERE person_id IN (SELECT id FROM persons WHERE household_id = $1)",
    "DELETE FROM break_glass WHERE household_id = $1",
    "DELETE FROM household_assignments WHERE household_id = $1",
    "DELETE FROM household_organisations WHERE household_id = $1",
    "DELETE FROM persons WHERE household_id = $1",
    "DELETE FROM households WHERE id = $1",
};

}  // namespace regie::storage
