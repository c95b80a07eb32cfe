// The household list: one row per household from its denormalised summary,
// optionally restricted to the households a user has a relationship with.
#include <algorithm>
#include <array>

#include "core/text.h"
#include "ports/cursor.h"
#include "storage/common/list_filters.h"
#include "storage/sqlite/sqlite_repositories.h"

namespace regie::storage::sqlite {
namespace {

constexpr int kMaxLimit = 200;

// Which parts the statement has. The text depends only on this, so each
// variant is prepared once per connection. Parameters have fixed numbers:
//   ?1 tenant, ?3 ?4 cursor (name key, id), ?5 text key, ?6 wijk, ?7 kern,
//   ?8 housed from, ?9 housed to, ?10 rows to fetch (limit + 1),
//   ?11 user, ?12 the user's organisation, ?13 now (micros), ?14 one id.
// An absent filter is left out rather than written as "?n IS NULL OR ...":
// that keeps `archived = 0` and the keyset bound sargable, so every branch
// walks an index in list order and stops after one page.
struct ListShape {
  bool include_archived = false;
  bool after = false;
  bool text = false;
  bool wijk = false;
  bool kern = false;
  bool housed_from = false;
  bool housed_to = false;
  RankFlags relationships{};  // by kRanked; all false: no visibility
  bool visibility = false;
  bool only_id = false;  // just household ?14: is the cursor's row one the user may see?
};

// The filters on household `h`, with the keyset bound on `key`/`id` (the
// columns of whichever index the branch walks in list order). Without
// `member_names` the text matches the household's name only.
std::string Conditions(const ListShape& shape, std::string_view key, std::string_view id,
                       bool member_names = true) {
  std::string sql;
  if (!shape.include_archived) sql += " AND h.archived = 0";
  if (shape.after) sql += " AND (" + std::string(key) + ", " + std::string(id) + ") > (?3, ?4)";
  if (shape.only_id) sql += " AND " + std::string(id) + " = ?14";
  // Text, wijk, kern and housing match any member, so they stay on persons.
  if (shape.text && !member_names) sql += " AND instr(h.name_key, ?5) > 0";
  if (shape.text && member_names)
    sql +=
        " AND (instr(h.name_key, ?5) > 0 OR EXISTS (SELECT 1 FROM persons p"
        " WHERE p.household_id = h.id AND instr(p.name_key, ?5) > 0))";
  if (shape.wijk)
    sql += " AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND p.wijk = ?6)";
  if (shape.kern)
    sql += " AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND p.kern = ?7)";
  if (shape.housed_from || shape.housed_to) {
    sql += " AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id";
    if (shape.housed_from) sql += " AND p.housing_date >= ?8";
    if (shape.housed_to) sql += " AND p.housing_date <= ?9";
    sql += ")";
  }
  return sql;
}

constexpr std::string_view kColumns =
    "SELECT h.id, h.version, h.name, coalesce(h.regisseur_user_id, 0), "
    "coalesce(u.display_name, ''), h.archived, h.member_count, h.head_wijk, h.head_kern, "
    "h.first_housing_date, ";

// One branch per relationship: the first page of the households it opens,
// in list order. The union of the branches' first pages holds the first
// page of their union, and a household's best rank among the branches that
// return it is its strongest relationship (each branch that holds a
// household of the final page returns it, being a subset ranked alike).
std::string Branch(const ListShape& shape, core::Relationship rel) {
  const std::string h_filters =
      Conditions(shape, "h.name_key", "h.id", FiltersOf(rel).member_names);
  const std::string h_order = " ORDER BY h.name_key, h.id LIMIT ?10";
  switch (rel) {
    case core::Relationship::kRegisseur:  // households_regisseur, in order
      return "SELECT h.id FROM households h WHERE h.tenant_id = ?1 AND h.regisseur_user_id = ?11" +
             h_filters + h_order;
    // CROSS JOIN keeps the left table outermost in SQLite's plan. Without
    // statistics the planner would rather walk the whole tenant in name
    // order and probe each household, which for a caseload of a few
    // hundred among thousands costs far more than sorting the caseload.
    case core::Relationship::kBegeleider:
    case core::Relationship::kVrijwilliger:  // a caseload: few enough to sort
      return std::string(
                 "SELECT h.id FROM household_assignments a CROSS JOIN households h "
                 "ON h.id = a.household_id WHERE a.user_id = ?11 AND a.kind = '") +
             (rel == core::Relationship::kBegeleider ? "begeleider" : "vrijwilliger") +
             "' AND h.tenant_id = ?1" + h_filters + h_order;
    case core::Relationship::kPartner:  // possibly most of the tenant: walk the links in order
      return "SELECT o.household_id AS id FROM household_organisations o CROSS JOIN households h "
             "ON h.id = o.household_id WHERE o.organisation_id = ?12 AND o.tenant_id = ?1" +
             Conditions(shape, "o.name_key", "o.household_id", FiltersOf(rel).member_names) +
             " ORDER BY o.name_key, o.household_id LIMIT ?10";
    case core::Relationship::kBreakGlass:  // DISTINCT: several openings are one household
      return "SELECT DISTINCT h.id, h.name_key FROM break_glass g CROSS JOIN households h "
             "ON h.id = g.household_id WHERE g.user_id = ?11 AND g.opened_at <= ?13 "
             "AND g.expires_at > ?13 AND h.tenant_id = ?1" +
             h_filters + h_order;
    // Receivers of a referral open its household from their referrals
    // page; the list shows the households they are involved with.
    case core::Relationship::kReferral:
    case core::Relationship::kNone:
      break;
  }
  return {};
}

std::string ListSql(const ListShape& shape) {
  if (!shape.visibility) {
    return std::string(kColumns) +
           "0 FROM households h LEFT JOIN users u ON u.id = h.regisseur_user_id "
           "WHERE h.tenant_id = ?1" +
           Conditions(shape, "h.name_key", "h.id") + " ORDER BY h.name_key, h.id LIMIT ?10";
  }
  std::string branches;
  for (size_t i = 0; i < kRanked.size(); ++i) {
    if (!shape.relationships[i]) continue;
    if (!branches.empty()) branches += " UNION ALL ";
    branches +=
        "SELECT id, " + std::to_string(i + 1) + " AS rel FROM (" + Branch(shape, kRanked[i]) + ")";
  }
  return std::string(kColumns) + "c.rel FROM (SELECT id, min(rel) AS rel FROM (" + branches +
         ") GROUP BY id) c JOIN households h ON h.id = c.id "
         "LEFT JOIN users u ON u.id = h.regisseur_user_id "
         "ORDER BY h.name_key, h.id LIMIT ?10";
}

}  // namespace

StatusOr<bool> SqliteHouseholds::Visible(const ports::HouseholdQuery& q,
                                         const RankFlags& relationships, int64_t id) {
  if (!Any(relationships)) return false;
  const ListShape shape{.include_archived = true,
                        .relationships = relationships,
                        .visibility = true,
                        .only_id = true};
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(ListSql(shape)));
  s.Bind(1, q.tenant_id).Bind(10, int64_t{1}).Bind(14, id);
  s.Bind(11, q.visible_to->user_id)
      .Bind(12, q.visible_to->organisation_id)
      .Bind(13, q.visible_to->now.micros);
  const bool found = s.Step();
  REGIE_RETURN_IF_ERROR(s.status());
  return found;
}

StatusOr<ports::HouseholdPage> SqliteHouseholds::List(const ports::HouseholdQuery& q) {
  const RankFlags visible = VisibleRanks(q);
  // The cursor names the last row of the previous page; continue after its
  // current (name key, id).
  std::optional<ports::ListPosition> after;
  if (q.after) {
    const std::optional<int64_t> decoded = ports::DecodeCursor(*q.after);
    const int64_t id = decoded.value_or(0);
    bool usable = decoded.has_value();
    std::optional<std::string> key;
    // A cursor names a row the list showed this user. Any other id is
    // refused alike, whether it exists or not: a page after another
    // household would tell where its name sorts.
    if (usable && q.visible_to) {
      REGIE_ASSIGN_OR_RETURN(usable, Visible(q, visible, id));
    }
    if (usable) {
      REGIE_ASSIGN_OR_RETURN(
          Stmt k,
          conn_.Prepare("SELECT name_key FROM households WHERE id = ?1 AND tenant_id = ?2"));
      k.Bind(1, id).Bind(2, q.tenant_id);
      if (k.Step()) key = k.Text(0);
      REGIE_RETURN_IF_ERROR(k.status());
    }
    if (!key)
      return InvalidArgument("invalid_cursor", "cursor was not issued by this list",
                             {{"after", "invalid_cursor"}});
    after = ports::ListPosition{std::move(*key), id};
  }
  const int limit = std::clamp(q.limit, 1, kMaxLimit);
  // An empty search key (e.g. only white space) filters nothing.
  std::string text_key = q.text ? core::SearchKey(*q.text) : std::string();
  ListShape shape{.include_archived = q.include_archived,
                  .after = after.has_value(),
                  .text = !text_key.empty(),
                  .wijk = q.wijk.has_value(),
                  .kern = q.kern.has_value(),
                  .housed_from = q.housed_from.has_value(),
                  .housed_to = q.housed_to.has_value()};
  if (q.visible_to) {
    shape.visibility = true;
    // A branch whose relationship cannot see a filtered field matches nothing.
    shape.relationships = AnsweringRanks(q, visible);
    // No relationship the user's roles allow (or that the filters leave): nothing to see.
    if (!Any(shape.relationships)) return ports::HouseholdPage{};
  }
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(ListSql(shape)));
  s.Bind(1, q.tenant_id);
  if (after) s.Bind(3, after->name_key).Bind(4, after->id);
  if (shape.text) s.Bind(5, text_key);
  if (q.wijk) s.Bind(6, *q.wijk);
  if (q.kern) s.Bind(7, *q.kern);
  if (q.housed_from) s.Bind(8, q.housed_from->ToString());
  if (q.housed_to) s.Bind(9, q.housed_to->ToString());
  s.Bind(10, int64_t{limit + 1});  // one extra row tells whether there is a next page
  if (q.visible_to) {
    s.Bind(11, q.visible_to->user_id)
        .Bind(12, q.visible_to->organisation_id)
        .Bind(13, q.visible_to->now.micros);
  }

  ports::HouseholdPage page;
  while (s.Step()) {
    if (static_cast<int>(page.items.size()) == limit) {
      page.next = ports::EncodeCursor(page.items.back().summary.id);
      break;
    }
    ports::HouseholdListItem item;
    core::HouseholdSummary& h = item.summary;
    h.id = s.Int(0);
    h.version = s.Int(1);
    h.name = s.Text(2);
    h.regisseur_user_id = s.Int(3);
    h.regisseur_name = s.Text(4);
    h.archived = s.Int(5) != 0;
    h.member_count = static_cast<int>(s.Int(6));
    h.wijk = s.Text(7);
    h.kern = s.Text(8);
    if (auto d = s.OptText(9)) h.housing_date = core::Date::Parse(*d);
    item.relationship = FromRank(s.Int(10));
    page.items.push_back(std::move(item));
  }
  REGIE_RETURN_IF_ERROR(s.status());
  if (q.visible_to && q.visible_to->break_glass) {
    REGIE_ASSIGN_OR_RETURN(
        Stmt b, conn_.Prepare("SELECT min(t) FROM (SELECT opened_at AS t FROM break_glass "
                              "WHERE user_id = ?1 AND opened_at > ?2 UNION ALL SELECT expires_at "
                              "FROM break_glass WHERE user_id = ?1 AND expires_at > ?2)"));
    b.Bind(1, q.visible_to->user_id).Bind(2, q.visible_to->now.micros);
    if (b.Step() && !b.IsNull(0)) page.visibility_changes_at = core::Timestamp{b.Int(0)};
    REGIE_RETURN_IF_ERROR(b.status());
  }
  return page;
}

}  // namespace regie::storage::sqlite
