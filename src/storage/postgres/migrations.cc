#include "storage/postgres/migrations.h"

#include <array>

namespace regie::storage::postgres {
namespace {

// Types mirror the SQLite schema's meaning: identity ids, `date` for
// calendar dates, booleans, and timestamps as bigint microseconds since the
// epoch (core::Timestamp). Columns the lists sort on use COLLATE "C" so
// PostgreSQL orders bytes exactly as SQLite's BINARY collation does,
// whatever the database's locale.
constexpr std::string_view kV1Households = R"sql(
CREATE TABLE tenants (
  id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL
);
CREATE TABLE organisations (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES tenants(id),
  name      text COLLATE "C" NOT NULL,
  kind      text NOT NULL
);
CREATE INDEX organisations_tenant ON organisations(tenant_id);
CREATE TABLE households (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id      bigint NOT NULL REFERENCES tenants(id),
  version        bigint NOT NULL,
  name           text NOT NULL,
  name_key       text COLLATE "C" NOT NULL,
  regisseur      text NOT NULL,
  archived       boolean NOT NULL DEFAULT false,
  archived_at    bigint,
  archive_reason text NOT NULL DEFAULT '',
  created_at     bigint NOT NULL,
  updated_at     bigint NOT NULL
);
CREATE INDEX households_list ON households(tenant_id, archived, name_key, id);
-- The list including archived households walks this one in order.
CREATE INDEX households_name ON households(tenant_id, name_key, id);
CREATE TABLE household_organisations (
  household_id    bigint NOT NULL REFERENCES households(id),
  organisation_id bigint NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (household_id, organisation_id)
);
CREATE TABLE persons (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id            bigint NOT NULL REFERENCES tenants(id),
  household_id         bigint NOT NULL REFERENCES households(id),
  version              bigint NOT NULL,
  given_names          text NOT NULL,
  family_name          text NOT NULL,
  name_key             text COLLATE "C" NOT NULL,
  birth_date           date NOT NULL,
  sex                  text NOT NULL,
  nationality          text NOT NULL,
  languages            text NOT NULL DEFAULT '',
  literacy             text NOT NULL,
  highest_education    text NOT NULL,
  bsn                  text,
  v_number             text,
  permit_date          date,
  koppeling_date       date,
  housing_date         date,
  street               text NOT NULL DEFAULT '',
  house_number         text NOT NULL DEFAULT '',
  postal_code          text NOT NULL DEFAULT '',
  city                 text NOT NULL DEFAULT '',
  wijk                 text NOT NULL DEFAULT '',
  kern                 text NOT NULL DEFAULT '',
  role                 text NOT NULL,
  family_reunification boolean NOT NULL DEFAULT false,
  inburgeringsplicht   text NOT NULL,
  exemption_reason     text NOT NULL DEFAULT '',
  created_at           bigint NOT NULL,
  updated_at           bigint NOT NULL
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

}  // namespace regie::storage::postgres
