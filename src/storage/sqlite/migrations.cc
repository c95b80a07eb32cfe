#include "storage/sqlite/migrations.h"

#include <array>

namespace regie::storage::sqlite {
namespace {

constexpr std::string_view kV1Households = R"sql(
CREATE TABLE tenants (
  id   INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);
CREATE TABLE organisations (
  id        INTEGER PRIMARY KEY,
  tenant_id INTEGER NOT NULL REFERENCES tenants(id),
  name      TEXT NOT NULL,
  kind      TEXT NOT NULL
);
CREATE INDEX organisations_tenant ON organisations(tenant_id);
CREATE TABLE households (
  id             INTEGER PRIMARY KEY,
  tenant_id      INTEGER NOT NULL REFERENCES tenants(id),
  version        INTEGER NOT NULL,
  name           TEXT NOT NULL,
  name_key       TEXT NOT NULL,
  regisseur      TEXT NOT NULL,
  archived       INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  archived_at    INTEGER,
  archive_reason TEXT NOT NULL DEFAULT '',
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);
CREATE INDEX households_list ON households(tenant_id, archived, name_key, id);
-- The list including archived households walks this one in order.
CREATE INDEX households_name ON households(tenant_id, name_key, id);
CREATE TABLE household_organisations (
  household_id    INTEGER NOT NULL REFERENCES households(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (household_id, organisation_id)
) WITHOUT ROWID;
CREATE TABLE persons (
  id                   INTEGER PRIMARY KEY,
  tenant_id            INTEGER NOT NULL REFERENCES tenants(id),
  household_id         INTEGER NOT NULL REFERENCES households(id),
  version              INTEGER NOT NULL,
  given_names          TEXT NOT NULL,
  family_name          TEXT NOT NULL,
  name_key             TEXT NOT NULL,
  birth_date           TEXT NOT NULL,
  sex                  TEXT NOT NULL,
  nationality          TEXT NOT NULL,
  languages            TEXT NOT NULL DEFAULT '',
  literacy             TEXT NOT NULL,
  highest_education    TEXT NOT NULL,
  bsn                  TEXT,
  v_number             TEXT,
  permit_date          TEXT,
  koppeling_date       TEXT,
  housing_date         TEXT,
  street               TEXT NOT NULL DEFAULT '',
  house_number         TEXT NOT NULL DEFAULT '',
  postal_code          TEXT NOT NULL DEFAULT '',
  city                 TEXT NOT NULL DEFAULT '',
  wijk                 TEXT NOT NULL DEFAULT '',
  kern                 TEXT NOT NULL DEFAULT '',
  role                 TEXT NOT NULL,
  family_reunification INTEGER NOT NULL DEFAULT 0 CHECK (family_reunification IN (0, 1)),
  inburgeringsplicht   TEXT NOT NULL,
  exemption_reason     TEXT NOT NULL DEFAULT '',
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL
);
CREATE UNIQUE INDEX persons_bsn ON persons(tenant_id, bsn) WHERE bsn IS NOT NULL;
CREATE INDEX persons_household ON persons(household_id);
CREATE INDEX persons_wijk ON persons(tenant_id, wijk);
CREATE INDEX persons_kern ON persons(tenant_id, kern);
CREATE INDEX persons_housing ON persons(tenant_id, housing_date);
CREATE INDEX persons_name ON persons(tenant_id, name_key);
)sql";

constexpr std::array kMigrations = {
    Migration{1, "households_and_persons", kV1Households},
};

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

}  // namespace regie::storage::sqlite
