// `regie region add|join|leave|list`: the regions of the regional benchmark
// and their member municipalities. Creating a region and admitting a
// municipality are agreements between municipalities, made outside Regie
// and recorded by the operator; whether a member shares its figures is
// its own beheer's decision in the web UI, never the CLI's.
#include <spdlog/spdlog.h>

#include <cstdio>

#include "app/app_support.h"
#include "app/commands.h"
#include "app/system_clock.h"

namespace regie::app {
namespace {

int Fail(const Status& s) {
  spdlog::error("event=failed error=\"{}\"", s.ToString());
  return 1;
}

// Opens the database, runs `body` in one write transaction and commits.
template <typename Body>
int InWrite(const std::string& db_url, Body body) {
  std::unique_ptr<ports::Database> db = OpenMigrated(db_url, 1);
  if (!db) return 1;
  auto tx = db->Begin(ports::TxMode::kWrite);
  if (!tx.ok()) return Fail(tx.status());
  Status s = body(**tx);
  if (!s.ok()) return Fail(s);
  s = (*tx)->Commit();
  return s.ok() ? 0 : Fail(s);
}

Status Membership(ports::Transaction& tx, const RegionOptions& o, bool join) {
  REGIE_ASSIGN_OR_RETURN(core::Region region, tx.Regions().RegionByCode(o.code));
  REGIE_ASSIGN_OR_RETURN(core::Tenant tenant, tx.Tenants().GetByCode(o.tenant));
  if (join) {
    REGIE_RETURN_IF_ERROR(tx.Regions().Join(region.id, tenant.id, SystemClock().Now()));
  } else {
    REGIE_RETURN_IF_ERROR(tx.Regions().Leave(region.id, tenant.id));
  }
  std::printf("%s %s %s\n", tenant.data.name.c_str(), join ? "joined" : "left",
              region.data.code.c_str());
  return Status();
}

}  // namespace

int RunRegionAdd(const RegionOptions& options) {
  std::optional<core::RegionKind> kind = core::ParseEnum<core::RegionKind>(options.kind);
  if (!kind) {
    std::fprintf(stderr, "--kind must be regio or g40\n");
    return 2;
  }
  core::RegionData data{options.code, options.name, *kind};
  if (Status s = core::ValidateRegion(data); !s.ok()) {
    for (const FieldError& e : s.field_errors())
      std::fprintf(stderr, "--%s: %s\n", e.field.c_str(), e.code.c_str());
    return 2;
  }
  return InWrite(options.db_url, [&data](ports::Transaction& tx) -> Status {
    REGIE_ASSIGN_OR_RETURN(core::Region r, tx.Regions().CreateRegion(data, SystemClock().Now()));
    std::printf("region %s (%s) created\n", r.data.code.c_str(), r.data.name.c_str());
    return Status();
  });
}

int RunRegionJoin(const RegionOptions& options) {
  return InWrite(options.db_url,
                 [&options](ports::Transaction& tx) { return Membership(tx, options, true); });
}

int RunRegionLeave(const RegionOptions& options) {
  return InWrite(options.db_url,
                 [&options](ports::Transaction& tx) { return Membership(tx, options, false); });
}

int RunRegionList(const std::string& db_url) {
  std::unique_ptr<ports::Database> db = OpenMigrated(db_url, 1);
  if (!db) return 1;
  auto tx = db->Begin(ports::TxMode::kRead);
  if (!tx.ok()) return Fail(tx.status());
  auto regions = (*tx)->Regions().ListRegions();
  if (!regions.ok()) return Fail(regions.status());
  for (const core::Region& r : *regions) {
    std::printf("%s\t%s\t%s\n", r.data.code.c_str(), std::string(core::ToCode(r.data.kind)).c_str(),
                r.data.name.c_str());
    auto members = (*tx)->Regions().Members(r.id);
    if (!members.ok()) return Fail(members.status());
    for (const core::RegionMember& m : *members)
      std::printf("  %s\t%s\t%s\n", m.tenant_code.c_str(), m.tenant_name.c_str(),
                  m.sharing ? "deelt / shares" : "deelt niet / does not share");
  }
  return 0;
}

}  // namespace regie::app
