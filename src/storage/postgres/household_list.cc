// The household list: one row per household from its denormalised summary,
// optionally restricted to the households a user has a relationship with.
// The statement has the shape of the SQLite adapter's (household_list.cc
// there explains the branches); here parameters are numbered as they are
// added, so only the ones a variant uses are sent.
#include <algorithm>
#include <array>

#include "core/text.h"
#include "ports/cursor.h"
#include "storage/common/list_filters.h"
#include "storage/postgres/postgres_repositories.h"

namespace regie::storage::postgres {
namespace {

constexpr int kMaxLimit = 200;

constexpr std::string_view kColumns =
    "SELECT h.id, h.version, h.name, coalesce(h.regisseur_user_id, 0), "
    "coalesce(u.display_name, ''), h.archived, h.member_count, h.head_wijk, h.head_kern, "
    "h.first_housing_date, ";

// Builds the statement text and its parameters together. Each placeholder
// is created once, on first use, and reused by every branch.
class ListBuilder {
 public:
  // `wanted`: the branches to build, by rank (with visible_to).
  ListBuilder(const ports::HouseholdQuery& q, const std::optional<ports::ListPosition>& after,
              std::string text_key, int limit, RankFlags wanted)
      : q_(q), after_(after), text_key_(std::move(text_key)), limit_(limit), wanted_(wanted) {}

  // Only household `id`, in any branch: is a cursor's row one the user sees?
  void OnlyId(int64_t id) { only_id_ = id; }

  std::string Sql() {
    if (!q_.visible_to) {
      return std::string(kColumns) +
             "0 FROM households h LEFT JOIN users u ON u.id = h.regisseur_user_id "
             "WHERE h.tenant_id = " +
             Tenant() + Conditions("h.name_key", "h.id") + " ORDER BY h.name_key, h.id LIMIT " +
             Limit();
    }
    std::string branches;
    for (size_t i = 0; i < kRanked.size(); ++i) {
      if (!wanted_[i]) continue;
      if (!branches.empty()) branches += " UNION ALL ";
      branches += "(" + Branch(kRanked[i], static_cast<int>(i) + 1) + ")";
    }
    return std::string(kColumns) + "c.rel FROM (SELECT id, min(rel) AS rel FROM (" + branches +
           ") b GROUP BY id) c JOIN households h ON h.id = c.id "
           "LEFT JOIN users u ON u.id = h.regisseur_user_id ORDER BY h.name_key, h.id LIMIT " +
           Limit();
  }

  const Params& params() const { return params_; }

 private:
  std::string Tenant() { return Once(tenant_, q_.tenant_id); }
  std::string Limit() { return Once(limit_ph_, int64_t{limit_} + 1); }
  std::string User() { return Once(user_, q_.visible_to->user_id); }
  std::string Organisation() { return Once(organisation_, q_.visible_to->organisation_id); }
  std::string Now() { return Once(now_, q_.visible_to->now.micros); }

  template <typename T>
  std::string Once(std::string& placeholder, const T& value) {
    if (placeholder.empty()) placeholder = params_.Next(value);
    return placeholder;
  }

  // As in the SQLite adapter: absent filters are left out, so the keyset
  // bound and `archived = false` stay index conditions. Without
  // `member_names` the text matches the household's name only.
  std::string Conditions(std::string_view key, std::string_view id, bool member_names = true) {
    std::string sql;
    if (!q_.include_archived) sql += " AND h.archived = false";
    if (only_id_) sql += " AND " + std::string(id) + " = " + Once(only_id_ph_, *only_id_);
    if (after_) {
      // name_key is COLLATE "C": the bound compares bytes, like SQLite's BINARY.
      sql += " AND (" + std::string(key) + ", " + std::string(id) + ") > (" +
             Once(after_key_, after_->name_key) + ", " + Once(after_id_, after_->id) + ")";
    }
    if (!text_key_.empty()) {
      // strpos, not ILIKE: a plain substring of the folded key, so % and _
      // are ordinary characters and both backends match alike.
      const std::string k = Once(text_, text_key_);
      if (!member_names) return sql + " AND strpos(h.name_key, " + k + ") > 0" + Rest();
      sql += " AND (strpos(h.name_key, " + k +
             ") > 0 OR EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND "
             "strpos(p.name_key, " +
             k + ") > 0))";
    }
    return sql + Rest();
  }

  // The member filters: wijk, kern and housing date.
  std::string Rest() {
    std::string sql;
    if (q_.wijk) {
      sql += " AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND p.wijk = " +
             Once(wijk_, *q_.wijk) + ")";
    }
    if (q_.kern) {
      sql += " AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND p.kern = " +
             Once(kern_, *q_.kern) + ")";
    }
    if (q_.housed_from || q_.housed_to) {
      sql += " AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id";
      if (q_.housed_from)
        sql += " AND p.housing_date >= " + Once(from_, q_.housed_from->ToString());
      if (q_.housed_to) sql += " AND p.housing_date <= " + Once(to_, q_.housed_to->ToString());
      sql += ")";
    }
    return sql;
  }

  // The first page of the households one relationship opens, in list order.
  std::string Branch(core::Relationship rel, int rank) {
    const std::string r = std::to_string(rank);
    const bool names = FiltersOf(rel).member_names;
    const std::string order = " ORDER BY h.name_key, h.id LIMIT ";
    switch (rel) {
      case core::Relationship::kRegisseur:
        return "SELECT h.id, " + r + " AS rel FROM households h WHERE h.tenant_id = " + Tenant() +
               " AND h.regisseur_user_id = " + User() + Conditions("h.name_key", "h.id", names) +
               order + Limit();
      case core::Relationship::kBegeleider:
      case core::Relationship::kVrijwilliger: {
        // A caseload: look each household up and sort them. OFFSET 0 keeps
        // the planner from flattening the lookup into a hash join against
        // an index scan of the whole tenant (which default cost settings
        // prefer), so the cost grows with the caseload, not the tenant.
        const std::string tenant = Tenant();
        const std::string lookup =
            "(SELECT h.id, h.name_key FROM households h WHERE h.id = "
            "a.household_id AND h.tenant_id = " +
            tenant + Conditions("h.name_key", "h.id", names) + " OFFSET 0) h";
        return "SELECT h.id, " + r + " AS rel FROM household_assignments a CROSS JOIN LATERAL " +
               lookup + " WHERE a.user_id = " + User() + " AND a.kind = '" +
               (rel == core::Relationship::kBegeleider ? "begeleider" : "vrijwilliger") + "'" +
               order + Limit();
      }
      case core::Relationship::kPartner:
        return "SELECT o.household_id AS id, " + r +
               " AS rel FROM household_organisations o JOIN households h "
               "ON h.id = o.household_id WHERE o.organisation_id = " +
               Organisation() + " AND o.tenant_id = " + Tenant() +
               Conditions("o.name_key", "o.household_id", names) +
               " ORDER BY o.name_key, o.household_id LIMIT " + Limit();
      case core::Relationship::kBreakGlass: {
        const std::string now = Now();
        return "SELECT h.id, " + r +
               " AS rel FROM households h WHERE h.id IN (SELECT g.household_id FROM break_glass g "
               "WHERE g.user_id = " +
               User() + " AND g.opened_at <= " + now + " AND g.expires_at > " + now +
               ") AND h.tenant_id = " + Tenant() + Conditions("h.name_key", "h.id", names) + order +
               Limit();
      }
      // Receivers of a referral open its household from their referrals
      // page; the list shows the households they are involved with.
      case core::Relationship::kReferral:
      case core::Relationship::kNone:
        break;
    }
    return {};
  }

  const ports::HouseholdQuery& q_;
  const std::optional<ports::ListPosition>& after_;
  std::string text_key_;
  int limit_;
  RankFlags wanted_;
  std::optional<int64_t> only_id_;
  Params params_;
  std::string tenant_, limit_ph_, user_, organisation_, now_, after_key_, after_id_, text_, wijk_,
      kern_, from_, to_, only_id_ph_;
};

}  // namespace

StatusOr<bool> PgHouseholds::Visible(const ports::HouseholdQuery& q, const RankFlags& relationships,
                                     int64_t id) {
  if (!Any(relationships)) return false;
  const ports::HouseholdQuery lookup{
      .tenant_id = q.tenant_id, .visible_to = q.visible_to, .include_archived = true};
  const std::optional<ports::ListPosition> no_position;  // the builder keeps a reference
  ListBuilder b(lookup, no_position, std::string(), 1, relationships);
  b.OnlyId(id);
  const std::string sql = b.Sql();
  REGIE_ASSIGN_OR_RETURN(Result shown, conn_.Exec(sql, b.params()));
  return shown.rows() > 0;
}

StatusOr<ports::HouseholdPage> PgHouseholds::List(const ports::HouseholdQuery& q) {
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
          Result k, conn_.Exec("SELECT name_key FROM households WHERE id = $1 AND tenant_id = $2",
                               Params().Add(id).Add(q.tenant_id)));
      if (k.rows() == 1) key = k.Text(0, 0);
    }
    if (!key)
      return InvalidArgument("invalid_cursor", "cursor was not issued by this list",
                             {{"after", "invalid_cursor"}});
    after = ports::ListPosition{std::move(*key), id};
  }
  const int limit = std::clamp(q.limit, 1, kMaxLimit);
  // An empty search key (e.g. only white space) filters nothing.
  std::string text_key = q.text ? core::SearchKey(*q.text) : std::string();
  // A filter that is not storable text cannot equal stored text: no rows,
  // as on SQLite, without sending the server a value it would refuse.
  for (const std::optional<std::string>* filter : {&q.wijk, &q.kern}) {
    if (*filter && !IsStorableText(**filter)) return ports::HouseholdPage{};
  }
  if (!IsStorableText(text_key)) return ports::HouseholdPage{};
  // A branch whose relationship cannot see a filtered field matches nothing.
  const RankFlags wanted = AnsweringRanks(q, visible);
  // No relationship the user's roles allow (or that the filters leave): nothing to see.
  if (q.visible_to && !Any(wanted)) return ports::HouseholdPage{};

  ListBuilder builder(q, after, std::move(text_key), limit, wanted);
  std::string sql = builder.Sql();
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(sql, builder.params()));
  ports::HouseholdPage page;
  for (int i = 0; i < r.rows(); ++i) {
    if (i == limit) {
      page.next = ports::EncodeCursor(page.items.back().summary.id);
      break;
    }
    ports::HouseholdListItem item;
    core::HouseholdSummary& h = item.summary;
    h.id = r.Int(i, 0);
    h.version = r.Int(i, 1);
    h.name = r.Text(i, 2);
    h.regisseur_user_id = r.Int(i, 3);
    h.regisseur_name = r.Text(i, 4);
    h.archived = r.Bool(i, 5);
    h.member_count = static_cast<int>(r.Int(i, 6));
    h.wijk = r.Text(i, 7);
    h.kern = r.Text(i, 8);
    if (auto d = r.OptText(i, 9)) h.housing_date = core::Date::Parse(*d);
    item.relationship = FromRank(r.Int(i, 10));
    page.items.push_back(std::move(item));
  }
  if (q.visible_to && q.visible_to->break_glass) {
    REGIE_ASSIGN_OR_RETURN(
        Result b, conn_.Exec("SELECT min(t) FROM (SELECT opened_at AS t FROM break_glass "
                             "WHERE user_id = $1 AND opened_at > $2 UNION ALL SELECT expires_at "
                             "FROM break_glass WHERE user_id = $1 AND expires_at > $2) AS b",
                             Params().Add(q.visible_to->user_id).Add(q.visible_to->now.micros)));
    if (b.rows() == 1 && !b.IsNull(0, 0)) page.visibility_changes_at = core::Timestamp{b.Int(0, 0)};
  }
  return page;
}

}  // namespace regie::storage::postgres
