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

// Issue 3 (Access); the same tables, columns, indexes and trigger names
// as SQLite's migration 2 (see there for the why of each). Text that is
// sorted or compared by range is COLLATE "C".
constexpr std::string_view kV2Access = R"sql(
CREATE TABLE organisation_tenants (
  organisation_id bigint NOT NULL REFERENCES organisations(id),
  tenant_id       bigint NOT NULL REFERENCES tenants(id),
  PRIMARY KEY (organisation_id, tenant_id)
);
CREATE INDEX organisation_tenants_tenant ON organisation_tenants(tenant_id, organisation_id);

CREATE TABLE users (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version              bigint NOT NULL,
  username             text COLLATE "C" NOT NULL UNIQUE,
  display_name         text COLLATE "C" NOT NULL,
  email                text NOT NULL DEFAULT '',
  organisation_id      bigint NOT NULL REFERENCES organisations(id),
  roles                text NOT NULL DEFAULT '',
  active               boolean NOT NULL DEFAULT true,
  demo                 boolean NOT NULL DEFAULT false,
  password_hash        text NOT NULL DEFAULT '',
  totp_sealed          text NOT NULL DEFAULT '',
  totp_enabled         boolean NOT NULL DEFAULT false,
  totp_last_step       bigint NOT NULL DEFAULT 0,
  enrolment_token_hash text UNIQUE,
  enrolment_expires_at bigint,
  created_at           bigint NOT NULL,
  updated_at           bigint NOT NULL
);
CREATE INDEX users_organisation ON users(organisation_id);
CREATE TABLE recovery_codes (
  user_id   bigint NOT NULL REFERENCES users(id),
  code_hash text NOT NULL,
  used_at   bigint,
  PRIMARY KEY (user_id, code_hash)
);
CREATE TABLE sessions (
  token_hash          text PRIMARY KEY,
  user_id             bigint NOT NULL REFERENCES users(id),
  csrf_token          text NOT NULL,
  mfa_done            boolean NOT NULL DEFAULT false,
  created_at          bigint NOT NULL,
  last_seen_at        bigint NOT NULL,
  absolute_expires_at bigint NOT NULL,
  client_ip           text NOT NULL DEFAULT '',
  revoked             boolean NOT NULL DEFAULT false
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE login_throttle (
  key             text PRIMARY KEY,
  failures        integer NOT NULL,
  last_failure_at bigint NOT NULL,
  locked_until    bigint NOT NULL
);

ALTER TABLE households
  DROP COLUMN regisseur,
  ADD COLUMN regisseur_user_id bigint REFERENCES users(id),
  ADD COLUMN member_count integer NOT NULL DEFAULT 0,
  ADD COLUMN head_wijk text NOT NULL DEFAULT '',
  ADD COLUMN head_kern text NOT NULL DEFAULT '',
  ADD COLUMN first_housing_date date;
UPDATE households h SET member_count = c.n, first_housing_date = c.first_housing
FROM (SELECT household_id, count(*) AS n, min(housing_date) AS first_housing
      FROM persons GROUP BY household_id) c
WHERE c.household_id = h.id;
-- The head is the first hoofdpersoon by id, else the first member by id.
UPDATE households h SET head_wijk = hd.wijk, head_kern = hd.kern
FROM (SELECT DISTINCT ON (household_id) household_id, wijk, kern FROM persons
      ORDER BY household_id, role <> 'hoofdpersoon', id) hd
WHERE hd.household_id = h.id;
CREATE INDEX households_regisseur ON households(tenant_id, regisseur_user_id, name_key, id);

ALTER TABLE household_organisations
  ADD COLUMN tenant_id bigint,
  ADD COLUMN name_key text COLLATE "C";
UPDATE household_organisations o SET tenant_id = h.tenant_id, name_key = h.name_key
FROM households h WHERE h.id = o.household_id;
ALTER TABLE household_organisations
  ALTER COLUMN tenant_id SET NOT NULL,
  ALTER COLUMN name_key SET NOT NULL;
CREATE INDEX household_organisations_partner
  ON household_organisations(organisation_id, tenant_id, name_key, household_id);

CREATE TABLE household_assignments (
  household_id bigint NOT NULL REFERENCES households(id),
  user_id      bigint NOT NULL REFERENCES users(id),
  kind         text NOT NULL CHECK (kind IN ('begeleider', 'vrijwilliger')),
  PRIMARY KEY (household_id, user_id, kind)
);
CREATE INDEX household_assignments_user ON household_assignments(user_id, kind, household_id);

CREATE TABLE sharing_bases (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id       bigint NOT NULL REFERENCES tenants(id),
  person_id       bigint NOT NULL REFERENCES persons(id),
  organisation_id bigint NOT NULL REFERENCES organisations(id),
  categories      text NOT NULL,
  purpose         text NOT NULL,
  legal_basis     text NOT NULL,
  given           date NOT NULL,
  expires         date,
  withdrawn_at    bigint,
  withdrawn_by    bigint REFERENCES users(id),
  recorded_by     bigint NOT NULL REFERENCES users(id),
  consent_text    text NOT NULL DEFAULT '',
  created_at      bigint NOT NULL
);
CREATE INDEX sharing_bases_person ON sharing_bases(person_id);
CREATE INDEX sharing_bases_organisation ON sharing_bases(organisation_id);

CREATE TABLE break_glass (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users(id),
  household_id bigint NOT NULL REFERENCES households(id),
  reason       text NOT NULL,
  opened_at    bigint NOT NULL,
  expires_at   bigint NOT NULL
);
CREATE INDEX break_glass_user ON break_glass(user_id, household_id);

CREATE TABLE audit_log (
  seq             bigint PRIMARY KEY,
  at              bigint NOT NULL,
  user_id         bigint,
  organisation_id bigint,
  tenant_id       bigint,
  action          text NOT NULL,
  resource_type   text NOT NULL,
  resource_id     text NOT NULL,
  household_id    bigint,
  person_id       bigint,
  categories      text NOT NULL,
  purpose         text NOT NULL,
  break_glass     boolean NOT NULL,
  outcome         text NOT NULL,
  client_ip       text NOT NULL,
  prev_hash       text NOT NULL,
  hash            text NOT NULL
);
CREATE INDEX audit_log_tenant ON audit_log(tenant_id, seq);
CREATE INDEX audit_log_user ON audit_log(tenant_id, user_id, seq);
CREATE INDEX audit_log_household ON audit_log(tenant_id, household_id, seq);
CREATE INDEX audit_log_person ON audit_log(tenant_id, person_id, seq);
CREATE TABLE audit_head (
  id   integer PRIMARY KEY CHECK (id = 1),
  seq  bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$fn$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
-- TRUNCATE fires no row triggers; PostgreSQL has it, SQLite does not.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
)sql";

// Issue 4 (Policy); see the SQLite twin.
constexpr std::string_view kV3Policy = R"sql(
CREATE TABLE person_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id   bigint NOT NULL REFERENCES tenants(id),
  person_id   bigint NOT NULL REFERENCES persons(id),
  event       text NOT NULL,
  date        date NOT NULL,
  value       integer,
  code        text NOT NULL DEFAULT '',
  reason      text NOT NULL DEFAULT '',
  recorded_by bigint NOT NULL REFERENCES users(id),
  recorded_at bigint NOT NULL,
  voided_at   bigint,
  voided_by   bigint REFERENCES users(id),
  void_reason text NOT NULL DEFAULT ''
);
-- A person's timeline, and the tenant-wide walk in person order.
CREATE INDEX person_events_person ON person_events(tenant_id, person_id, date, id);

CREATE TABLE policy_activations (
  tenant_id   bigint NOT NULL REFERENCES tenants(id),
  pack_id     text COLLATE "C" NOT NULL,
  from_date   date NOT NULL,
  to_date     date,
  recorded_by bigint REFERENCES users(id),
  recorded_at bigint NOT NULL,
  PRIMARY KEY (tenant_id, pack_id, from_date)
);
)sql";

// Issue 4 (Contacts and cadence); see the SQLite twin.
constexpr std::string_view kV4Contacts = R"sql(
CREATE TABLE contacts (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id            bigint NOT NULL REFERENCES tenants(id),
  household_id         bigint NOT NULL REFERENCES households(id),
  date                 date NOT NULL,
  type                 text NOT NULL,
  participants         text NOT NULL DEFAULT '',
  interpreter          boolean NOT NULL DEFAULT false,
  interpreter_language text,
  note                 text NOT NULL DEFAULT '',
  recorded_by          bigint NOT NULL REFERENCES users(id),
  recorded_at          bigint NOT NULL
);
-- A household's contacts, newest first.
CREATE INDEX contacts_household ON contacts(tenant_id, household_id, date, id);
CREATE TABLE contact_persons (
  contact_id bigint NOT NULL REFERENCES contacts(id),
  person_id  bigint NOT NULL REFERENCES persons(id),
  PRIMARY KEY (contact_id, person_id)
);
CREATE FUNCTION contacts_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'contacts are append-only';
END
$fn$;
CREATE TRIGGER contacts_no_update BEFORE UPDATE OR DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION contacts_append_only();
)sql";

// Issue 4 (Assessments over time); see the SQLite migration for the model.
constexpr std::string_view kV7Assessments = R"sql(
CREATE TABLE assessments (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id   bigint NOT NULL REFERENCES tenants(id),
  person_id   bigint NOT NULL REFERENCES persons(id),
  kind        text NOT NULL,
  date        date NOT NULL,
  assessor    text NOT NULL DEFAULT '',
  event_id    bigint REFERENCES person_events(id),
  recorded_by bigint NOT NULL REFERENCES users(id),
  recorded_at bigint NOT NULL,
  voided_at   bigint,
  voided_by   bigint REFERENCES users(id),
  void_reason text NOT NULL DEFAULT ''
);
CREATE INDEX assessments_person ON assessments(tenant_id, person_id, date, id);
CREATE TABLE assessment_items (
  assessment_id bigint NOT NULL REFERENCES assessments(id),
  item          text NOT NULL,
  value         integer NOT NULL,
  PRIMARY KEY (assessment_id, item, value)
);
CREATE FUNCTION assessments_only_void() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'assessments' AND OLD.voided_at IS NULL
     AND NEW.voided_at IS NOT NULL
     AND (NEW.id, NEW.tenant_id, NEW.person_id, NEW.kind, NEW.date, NEW.assessor,
          NEW.recorded_by, NEW.recorded_at)
         IS NOT DISTINCT FROM (OLD.id, OLD.tenant_id, OLD.person_id, OLD.kind, OLD.date,
          OLD.assessor, OLD.recorded_by, OLD.recorded_at)
     AND NEW.event_id IS NOT DISTINCT FROM OLD.event_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'assessments are append-only; only voiding, once';
END
$fn$;
CREATE TRIGGER assessments_only_void BEFORE UPDATE OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION assessments_only_void();
CREATE TRIGGER assessment_items_append_only BEFORE UPDATE OR DELETE ON assessment_items
  FOR EACH ROW EXECUTE FUNCTION assessments_only_void();
)sql";

// Issue 4 (worklist target): the per-tenant change counter (see the SQLite
// migration). The triggers are deferred constraint triggers: they run at
// commit, after every row lock the transaction takes, so the counter row
// (locked until commit) can never be part of a lock cycle; a transaction
// raises each tenant's counter once.
constexpr std::string_view kV8ChangeCounter = R"sql(
CREATE TABLE tenant_changes (
  tenant_id bigint PRIMARY KEY REFERENCES tenants(id),
  n         bigint NOT NULL
);
INSERT INTO tenant_changes (tenant_id, n) SELECT id, 0 FROM tenants;
CREATE FUNCTION tenant_changes_create() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO tenant_changes (tenant_id, n) VALUES (NEW.id, 0);
  RETURN NULL;
END
$fn$;
CREATE TRIGGER tenants_changes AFTER INSERT ON tenants
  FOR EACH ROW EXECUTE FUNCTION tenant_changes_create();
CREATE FUNCTION tenant_changes_bump() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  row_data record;
  tenant bigint;
  flag text;
BEGIN
  IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
  IF TG_ARGV[0] = 'household' THEN
    SELECT h.tenant_id INTO tenant FROM households h WHERE h.id = row_data.household_id;
  ELSE
    tenant := row_data.tenant_id;
  END IF;
  IF tenant IS NULL THEN RETURN NULL; END IF;
  flag := 'regie.changed_' || tenant || '_' || txid_current();
  IF current_setting(flag, true) = '1' THEN RETURN NULL; END IF;
  PERFORM set_config(flag, '1', true);
  UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = tenant;
  RETURN NULL;
END
$fn$;
CREATE CONSTRAINT TRIGGER households_changes AFTER INSERT OR UPDATE OR DELETE ON households
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('tenant');
CREATE CONSTRAINT TRIGGER persons_changes AFTER INSERT OR UPDATE OR DELETE ON persons
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('tenant');
CREATE CONSTRAINT TRIGGER sharing_bases_changes AFTER INSERT OR UPDATE OR DELETE ON sharing_bases
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('tenant');
CREATE CONSTRAINT TRIGGER person_events_changes AFTER INSERT OR UPDATE OR DELETE ON person_events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('tenant');
CREATE CONSTRAINT TRIGGER policy_activations_changes AFTER INSERT OR UPDATE OR DELETE ON policy_activations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('tenant');
CREATE CONSTRAINT TRIGGER contacts_changes AFTER INSERT OR UPDATE OR DELETE ON contacts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('tenant');
CREATE CONSTRAINT TRIGGER assessments_changes AFTER INSERT OR UPDATE OR DELETE ON assessments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('tenant');
CREATE CONSTRAINT TRIGGER household_organisations_changes AFTER INSERT OR UPDATE OR DELETE ON household_organisations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('household');
CREATE CONSTRAINT TRIGGER household_assignments_changes AFTER INSERT OR UPDATE OR DELETE ON household_assignments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('household');
CREATE CONSTRAINT TRIGGER break_glass_changes AFTER INSERT OR UPDATE OR DELETE ON break_glass
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('household');
CREATE CONSTRAINT TRIGGER signals_changes AFTER INSERT OR UPDATE OR DELETE ON signals
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('tenant');
CREATE CONSTRAINT TRIGGER plans_changes AFTER INSERT OR UPDATE OR DELETE ON plans
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('tenant');
CREATE CONSTRAINT TRIGGER plan_versions_changes AFTER INSERT OR UPDATE OR DELETE ON plan_versions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('tenant');
CREATE CONSTRAINT TRIGGER plan_open_actions_changes AFTER INSERT OR UPDATE OR DELETE ON plan_open_actions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('tenant');
CREATE CONSTRAINT TRIGGER plan_agreements_changes AFTER INSERT OR UPDATE OR DELETE ON plan_agreements
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('tenant');
)sql";

// Issue 4 (Casework): signals; see the SQLite twin.
constexpr std::string_view kV5Signals = R"sql(
CREATE TABLE signals (
  id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id                bigint NOT NULL REFERENCES tenants(id),
  household_id             bigint NOT NULL REFERENCES households(id),
  category                 text NOT NULL,
  urgency                  text NOT NULL,
  description              text NOT NULL,
  reporter_user_id         bigint NOT NULL REFERENCES users(id),
  reporter_organisation_id bigint NOT NULL REFERENCES organisations(id),
  routed_organisation_id   bigint NOT NULL REFERENCES organisations(id),
  state                    text NOT NULL,
  filed_at                 bigint NOT NULL,
  acknowledge_due          date NOT NULL,
  follow_up_due            date,
  acknowledged_at          bigint,
  acknowledged_by          bigint REFERENCES users(id),
  closed_at                bigint,
  closed_by                bigint REFERENCES users(id),
  result                   text NOT NULL DEFAULT '',
  withdraw_reason          text NOT NULL DEFAULT '',
  updated_at               bigint NOT NULL,
  version                  bigint NOT NULL
);
CREATE INDEX signals_household ON signals(tenant_id, household_id, filed_at, id);
CREATE INDEX signals_routed ON signals(routed_organisation_id, tenant_id, state);
CREATE INDEX signals_reporter ON signals(reporter_user_id, tenant_id);
CREATE TABLE signal_persons (
  signal_id bigint NOT NULL REFERENCES signals(id),
  person_id bigint NOT NULL REFERENCES persons(id),
  PRIMARY KEY (signal_id, person_id)
);
CREATE TABLE signal_history (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  signal_id       bigint NOT NULL REFERENCES signals(id),
  action          text NOT NULL,
  from_state      text,
  to_state        text NOT NULL,
  organisation_id bigint NOT NULL REFERENCES organisations(id),
  note            text NOT NULL DEFAULT '',
  by_user         bigint NOT NULL REFERENCES users(id),
  at              bigint NOT NULL
);
CREATE INDEX signal_history_signal ON signal_history(signal_id, id);
CREATE FUNCTION signal_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'signal history is append-only';
END
$fn$;
CREATE TRIGGER signal_history_no_update BEFORE UPDATE OR DELETE ON signal_history
  FOR EACH ROW EXECUTE FUNCTION signal_history_append_only();
CREATE TRIGGER signals_no_delete BEFORE DELETE ON signals
  FOR EACH ROW EXECUTE FUNCTION signal_history_append_only();
)sql";

// Issue 4 (Casework: the personal plan); see the SQLite twin. Migration 6;
// 5 is the signals'.
constexpr std::string_view kV6Plans = R"sql(
CREATE TABLE plans (
  household_id    bigint PRIMARY KEY REFERENCES households(id),
  tenant_id       bigint NOT NULL REFERENCES tenants(id),
  current_version bigint NOT NULL
);
CREATE TABLE plan_versions (
  household_id bigint NOT NULL REFERENCES households(id),
  version      bigint NOT NULL CHECK (version > 0),
  tenant_id    bigint NOT NULL REFERENCES tenants(id),
  saved_by     bigint NOT NULL REFERENCES users(id),
  saved_at     bigint NOT NULL,
  next_key     bigint NOT NULL,
  goal_count   bigint NOT NULL,
  PRIMARY KEY (household_id, version)
);
CREATE TABLE plan_goals (
  household_id bigint NOT NULL,
  version      bigint NOT NULL,
  goal_key     bigint NOT NULL,
  position     integer NOT NULL,
  person_id    bigint NOT NULL REFERENCES persons(id),
  domain       text NOT NULL,
  text         text NOT NULL,
  target_date  date NOT NULL,
  status       text NOT NULL,
  PRIMARY KEY (household_id, version, goal_key),
  FOREIGN KEY (household_id, version) REFERENCES plan_versions(household_id, version)
);
CREATE TABLE plan_actions (
  household_id    bigint NOT NULL,
  version         bigint NOT NULL,
  action_key      bigint NOT NULL,
  goal_key        bigint NOT NULL,
  position        integer NOT NULL,
  text            text NOT NULL,
  organisation_id bigint NOT NULL REFERENCES organisations(id),
  user_id         bigint REFERENCES users(id),
  due_date        date NOT NULL,
  status          text NOT NULL,
  result          text NOT NULL DEFAULT '',
  PRIMARY KEY (household_id, version, action_key),
  FOREIGN KEY (household_id, version, goal_key)
    REFERENCES plan_goals(household_id, version, goal_key)
);
CREATE TABLE plan_open_actions (
  household_id    bigint NOT NULL REFERENCES households(id),
  action_key      bigint NOT NULL,
  tenant_id       bigint NOT NULL REFERENCES tenants(id),
  organisation_id bigint NOT NULL,
  user_id         bigint,
  due_date        date NOT NULL,
  PRIMARY KEY (household_id, action_key)
);
CREATE INDEX plan_open_actions_organisation
  ON plan_open_actions(organisation_id, tenant_id, due_date);
CREATE INDEX plan_open_actions_user ON plan_open_actions(user_id, tenant_id, due_date);
CREATE TABLE plan_agreements (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id    bigint NOT NULL REFERENCES tenants(id),
  household_id bigint NOT NULL,
  plan_version bigint NOT NULL,
  date         date NOT NULL,
  interpreter  boolean NOT NULL DEFAULT false,
  language     text,
  recorded_by  bigint NOT NULL REFERENCES users(id),
  recorded_at  bigint NOT NULL,
  FOREIGN KEY (household_id, plan_version) REFERENCES plan_versions(household_id, version)
);
CREATE INDEX plan_agreements_household ON plan_agreements(household_id, id);
CREATE TABLE plan_agreement_signers (
  agreement_id bigint NOT NULL REFERENCES plan_agreements(id),
  person_id    bigint NOT NULL REFERENCES persons(id),
  PRIMARY KEY (agreement_id, person_id)
);
CREATE FUNCTION plan_immutable() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'plan versions and agreements are append-only';
END
$fn$;
CREATE TRIGGER plan_versions_immutable BEFORE UPDATE OR DELETE ON plan_versions
  FOR EACH ROW EXECUTE FUNCTION plan_immutable();
CREATE TRIGGER plan_goals_immutable BEFORE UPDATE ON plan_goals
  FOR EACH ROW EXECUTE FUNCTION plan_immutable();
CREATE TRIGGER plan_actions_immutable BEFORE UPDATE ON plan_actions
  FOR EACH ROW EXECUTE FUNCTION plan_immutable();
CREATE TRIGGER plan_agreements_immutable BEFORE UPDATE OR DELETE ON plan_agreements
  FOR EACH ROW EXECUTE FUNCTION plan_immutable();
)sql";

// Handover of a household to another municipality (docs/handover.md); same
// design as the SQLite migration 9, counter triggers deferred as in v8.
constexpr std::string_view kV9Handover = R"sql(
CREATE TABLE handover_signing_key (
  singleton     integer PRIMARY KEY CHECK (singleton = 1),
  key_id        text NOT NULL,
  public_key    text NOT NULL,
  sealed_secret text NOT NULL,
  created_at    bigint NOT NULL
);
CREATE TABLE handover_trusted_keys (
  id         bigserial PRIMARY KEY,
  tenant_id  bigint NOT NULL REFERENCES tenants(id),
  key_id     text NOT NULL,
  name       text NOT NULL,
  public_key text NOT NULL,
  added_by   bigint REFERENCES users(id),
  added_at   bigint NOT NULL,
  UNIQUE (tenant_id, key_id)
);
CREATE TABLE handover_packages (
  id               bigserial PRIMARY KEY,
  tenant_id        bigint NOT NULL REFERENCES tenants(id),
  package_id       text NOT NULL,
  direction        text NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
  status           text NOT NULL
                   CHECK (status IN ('pending', 'accepted', 'rejected', 'exported')),
  content_hash     text NOT NULL,
  document         text NOT NULL,
  sender_code      text NOT NULL,
  sender_name      text NOT NULL,
  sender_regisseur text NOT NULL,
  household_name   text NOT NULL,
  person_count     bigint NOT NULL,
  key_id           text NOT NULL,
  trusted          boolean NOT NULL DEFAULT false,
  household_id     bigint REFERENCES households(id),
  recorded_by      bigint REFERENCES users(id),
  recorded_at      bigint NOT NULL,
  decided_by       bigint REFERENCES users(id),
  decided_at       bigint,
  decision_reason  text NOT NULL DEFAULT '',
  UNIQUE (tenant_id, direction, package_id)
);
CREATE INDEX handover_packages_list ON handover_packages(tenant_id, direction, recorded_at);
CREATE INDEX handover_packages_household ON handover_packages(household_id);
CREATE FUNCTION handover_packages_kept() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN RAISE EXCEPTION 'handover packages are kept'; END $fn$;
CREATE TRIGGER handover_packages_no_delete BEFORE DELETE ON handover_packages
  FOR EACH ROW EXECUTE FUNCTION handover_packages_kept();
CREATE CONSTRAINT TRIGGER handover_packages_changes AFTER INSERT OR UPDATE OR DELETE ON handover_packages
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('tenant');
)sql";

// Broad intakes of adults; see the SQLite twin.
constexpr std::string_view kV10Intakes = R"sql(
CREATE TABLE intakes (
  person_id       bigint PRIMARY KEY REFERENCES persons(id),
  tenant_id       bigint NOT NULL REFERENCES tenants(id),
  current_version bigint NOT NULL CHECK (current_version > 0)
);
CREATE TABLE intake_versions (
  person_id            bigint NOT NULL REFERENCES persons(id),
  version              bigint NOT NULL CHECK (version > 0),
  tenant_id            bigint NOT NULL REFERENCES tenants(id),
  status               text NOT NULL CHECK (status IN ('concept', 'afgerond')),
  intake_date          date NOT NULL,
  interpreter          boolean NOT NULL,
  interpreter_language text,
  recorded_by          bigint NOT NULL REFERENCES users(id),
  saved_by             bigint NOT NULL REFERENCES users(id),
  saved_at             bigint NOT NULL,
  finalised_by         bigint REFERENCES users(id),
  finalised_at         bigint,
  PRIMARY KEY (person_id, version)
);
CREATE TABLE intake_items (
  person_id bigint NOT NULL,
  version   bigint NOT NULL,
  part      text NOT NULL,
  position  integer NOT NULL,
  field     text NOT NULL,
  value     text NOT NULL,
  PRIMARY KEY (person_id, version, part, position, field),
  FOREIGN KEY (person_id, version) REFERENCES intake_versions(person_id, version)
);
CREATE FUNCTION intake_immutable() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'intake versions are immutable';
END
$fn$;
CREATE TRIGGER intake_versions_immutable BEFORE UPDATE OR DELETE ON intake_versions
  FOR EACH ROW EXECUTE FUNCTION intake_immutable();
CREATE TRIGGER intake_items_immutable BEFORE UPDATE OR DELETE ON intake_items
  FOR EACH ROW EXECUTE FUNCTION intake_immutable();
CREATE CONSTRAINT TRIGGER intakes_changes AFTER INSERT OR UPDATE OR DELETE ON intakes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('tenant');
CREATE CONSTRAINT TRIGGER intake_versions_changes AFTER INSERT ON intake_versions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('tenant');
)sql";

// Issue "Casework: referrals and warm handovers". Migration 9; see the
// SQLite twin. The change counter is a deferred constraint trigger like
// migration 8's.
constexpr std::string_view kV11Referrals = R"sql(
CREATE TABLE referrals (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id            bigint NOT NULL REFERENCES tenants(id),
  household_id         bigint NOT NULL REFERENCES households(id),
  from_organisation_id bigint NOT NULL REFERENCES organisations(id),
  to_organisation_id   bigint NOT NULL REFERENCES organisations(id),
  created_by           bigint NOT NULL REFERENCES users(id),
  created_at           bigint NOT NULL,
  reason               text NOT NULL,
  package              text NOT NULL,
  template             text NOT NULL DEFAULT '',
  checklist            text NOT NULL DEFAULT '',
  respond_by           date NOT NULL,
  retention_days       integer NOT NULL CHECK (retention_days >= 0),
  state                text NOT NULL CHECK (state IN
                         ('voorgesteld', 'geaccepteerd', 'afgewezen', 'ingetrokken', 'afgerond')),
  decided_at           bigint,
  decided_by           bigint REFERENCES users(id),
  decision_note        text NOT NULL DEFAULT '',
  completed_at         bigint,
  completed_by         bigint REFERENCES users(id),
  completion_note      text NOT NULL DEFAULT '',
  updated_at           bigint NOT NULL,
  version              bigint NOT NULL
);
CREATE INDEX referrals_to ON referrals(to_organisation_id, tenant_id, state);
CREATE INDEX referrals_from ON referrals(from_organisation_id, tenant_id, state);
CREATE INDEX referrals_household ON referrals(household_id, created_at);
CREATE TABLE referral_persons (
  referral_id bigint NOT NULL REFERENCES referrals(id),
  person_id   bigint NOT NULL REFERENCES persons(id),
  PRIMARY KEY (referral_id, person_id)
);
CREATE TABLE referral_history (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  referral_id bigint NOT NULL REFERENCES referrals(id),
  tenant_id   bigint NOT NULL REFERENCES tenants(id),
  action      text NOT NULL,
  from_state  text,
  to_state    text NOT NULL,
  note        text NOT NULL DEFAULT '',
  by_user     bigint NOT NULL REFERENCES users(id),
  at          bigint NOT NULL
);
CREATE INDEX referral_history_referral ON referral_history(referral_id, id);
CREATE FUNCTION referral_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'referral history is append-only';
END
$fn$;
CREATE TRIGGER referral_history_no_update BEFORE UPDATE OR DELETE ON referral_history
  FOR EACH ROW EXECUTE FUNCTION referral_history_append_only();
CREATE TRIGGER referrals_no_delete BEFORE DELETE ON referrals
  FOR EACH ROW EXECUTE FUNCTION referral_history_append_only();
CREATE TRIGGER referral_persons_no_update BEFORE UPDATE ON referral_persons
  FOR EACH ROW EXECUTE FUNCTION referral_history_append_only();
CREATE CONSTRAINT TRIGGER referrals_changes AFTER INSERT OR UPDATE OR DELETE ON referrals
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('tenant');
)sql";

// Half-year progress reports (issue 6). Migration 12; see the SQLite twin.
// No case data: no change-counter triggers.
constexpr std::string_view kV12ProgressReports = R"sql(
CREATE TABLE progress_reports (
  tenant_id      bigint NOT NULL REFERENCES tenants(id),
  period         text NOT NULL,
  status         text NOT NULL CHECK (status IN ('concept', 'definitief')),
  finalised_by   bigint REFERENCES users(id),
  finalised_at   bigint,
  reference_date date,
  packs          text,
  snapshot       text,
  PRIMARY KEY (tenant_id, period)
);
CREATE TABLE report_narratives (
  tenant_id       bigint NOT NULL,
  period          text NOT NULL,
  section         text NOT NULL,
  organisation_id bigint NOT NULL CHECK (organisation_id >= 0),
  current_version bigint NOT NULL CHECK (current_version > 0),
  PRIMARY KEY (tenant_id, period, section, organisation_id),
  FOREIGN KEY (tenant_id, period) REFERENCES progress_reports(tenant_id, period)
);
CREATE TABLE report_narrative_versions (
  tenant_id       bigint NOT NULL,
  period          text NOT NULL,
  section         text NOT NULL,
  organisation_id bigint NOT NULL,
  version         bigint NOT NULL CHECK (version > 0),
  text            text NOT NULL,
  saved_by        bigint NOT NULL REFERENCES users(id),
  saved_at        bigint NOT NULL,
  PRIMARY KEY (tenant_id, period, section, organisation_id, version),
  FOREIGN KEY (tenant_id, period, section, organisation_id)
    REFERENCES report_narratives(tenant_id, period, section, organisation_id)
);
CREATE FUNCTION progress_report_frozen() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'progress reports are never deleted';
  END IF;
  IF OLD.status = 'definitief' THEN
    RAISE EXCEPTION 'a final progress report is frozen';
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER progress_reports_frozen BEFORE UPDATE OR DELETE ON progress_reports
  FOR EACH ROW EXECUTE FUNCTION progress_report_frozen();
CREATE FUNCTION report_narrative_immutable() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'report narrative versions are immutable';
END
$fn$;
CREATE TRIGGER report_narrative_versions_immutable BEFORE UPDATE OR DELETE
  ON report_narrative_versions FOR EACH ROW EXECUTE FUNCTION report_narrative_immutable();
CREATE TRIGGER report_narratives_no_delete BEFORE DELETE ON report_narratives
  FOR EACH ROW EXECUTE FUNCTION report_narrative_immutable();
)sql";

// Issue "Monitoring": the regional benchmark. Migration 13 (see the SQLite
// migration for the design). The change counter triggers are deferred
// constraint triggers, like migration 8.
constexpr std::string_view kV13Regions = R"sql(
CREATE TABLE regions (
  id         bigserial PRIMARY KEY,
  code       text NOT NULL UNIQUE,
  name       text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('regio', 'g40')),
  created_at bigint NOT NULL
);
CREATE TABLE region_members (
  region_id  bigint NOT NULL REFERENCES regions(id),
  tenant_id  bigint NOT NULL REFERENCES tenants(id),
  joined_at  bigint NOT NULL,
  sharing    boolean NOT NULL DEFAULT false,
  decided_at bigint,
  decided_by bigint REFERENCES users(id),
  PRIMARY KEY (region_id, tenant_id)
);
CREATE INDEX region_members_tenant ON region_members(tenant_id);
CREATE TABLE region_sharing_history (
  id         bigserial PRIMARY KEY,
  region_id  bigint NOT NULL REFERENCES regions(id),
  tenant_id  bigint NOT NULL REFERENCES tenants(id),
  sharing    boolean NOT NULL,
  decided_by bigint REFERENCES users(id),
  decided_at bigint NOT NULL
);
CREATE INDEX region_sharing_history_member ON region_sharing_history(region_id, tenant_id, id);
CREATE FUNCTION region_sharing_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'sharing history is append-only';
END
$fn$;
CREATE TRIGGER region_sharing_history_no_change BEFORE UPDATE OR DELETE ON region_sharing_history
  FOR EACH ROW EXECUTE FUNCTION region_sharing_history_append_only();
CREATE CONSTRAINT TRIGGER region_members_changes AFTER INSERT OR UPDATE OR DELETE ON region_members
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump('tenant');
)sql";

// Issue "Monitoring": a final progress report keeps its figures. Migration
// 14 (see the SQLite migration for the design).
constexpr std::string_view kV14ReportFigures = R"sql(
CREATE TABLE progress_report_figures (
  tenant_id bigint NOT NULL,
  period    text NOT NULL,
  figures   text NOT NULL,
  PRIMARY KEY (tenant_id, period),
  FOREIGN KEY (tenant_id, period) REFERENCES progress_reports(tenant_id, period)
);
CREATE FUNCTION progress_report_figures_frozen() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'the figures of a final report are frozen';
END
$fn$;
CREATE TRIGGER progress_report_figures_frozen BEFORE UPDATE OR DELETE
  ON progress_report_figures FOR EACH ROW EXECUTE FUNCTION progress_report_figures_frozen();
)sql";

// Fast household reads; see the SQLite twin. Once per transaction, like
// tenant_changes_bump, and deferred to commit.
constexpr std::string_view kV15UserChanges = R"sql(
CREATE FUNCTION tenant_changes_bump_all() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  flag text;
BEGIN
  flag := 'regie.changed_all_' || txid_current();
  IF current_setting(flag, true) = '1' THEN RETURN NULL; END IF;
  PERFORM set_config(flag, '1', true);
  UPDATE tenant_changes SET n = n + 1;
  RETURN NULL;
END
$fn$;
CREATE CONSTRAINT TRIGGER users_changes
  AFTER UPDATE OF display_name, roles, active, organisation_id OR DELETE ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump_all();
CREATE CONSTRAINT TRIGGER organisations_changes
  AFTER UPDATE OF tenant_id, name, kind OR DELETE ON organisations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_changes_bump_all();
)sql";

// Reading a whole tenant's population in pages of persons; see the SQLite
// twin. Keyset pages (tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3)
// become one ordered index range each.
constexpr std::string_view kV16PersonPages = R"sql(
CREATE INDEX persons_tenant ON persons(tenant_id, id);
)sql";

// Single sign-on binds an account to the identity provider's subject (the
// ID token's `sub`, stable for a person at that issuer, and unique only
// within it) on its first login, found by the configured claim; later
// logins go by the subject, so an e-mail address that moves to someone else
// at the provider does not take the account along. One subject per account
// and issuer, one account per subject. Resetting the enrolment, or a new
// e-mail address or username for the account, removes the binding.
constexpr std::string_view kV17FederatedIdentities = R"sql(
CREATE TABLE federated_identities (
  issuer    text NOT NULL,
  subject   text NOT NULL,
  user_id   bigint NOT NULL REFERENCES users(id),
  linked_at bigint NOT NULL,
  PRIMARY KEY (issuer, subject),
  UNIQUE (user_id, issuer)
);
)sql";

// The end of the retention period; see the SQLite twin. The guard
// functions are replaced with ones that let a DELETE through while the
// erasing transaction holds a row in erasure_grant (uncommitted, so no other
// transaction sees it); everything else they refuse as before.
constexpr std::string_view kV18Erasure = R"sql(
CREATE TABLE erasure_grant (
  household_id bigint PRIMARY KEY
);
-- Erasing deletes persons, events and households, and every delete checks
-- the rows that reference them: an index on each referencing column keeps
-- that check a lookup instead of a scan of the table (the tenant-led
-- indexes serve the reads, but cannot serve the key check).
CREATE INDEX person_events_person_fk ON person_events(person_id);
CREATE INDEX assessments_person_fk ON assessments(person_id);
CREATE INDEX assessments_event_fk ON assessments(event_id) WHERE event_id IS NOT NULL;
CREATE INDEX contacts_household_fk ON contacts(household_id);
CREATE INDEX contact_persons_person_fk ON contact_persons(person_id);
CREATE INDEX signals_household_fk ON signals(household_id);
CREATE INDEX signal_persons_person_fk ON signal_persons(person_id);
CREATE INDEX break_glass_household_fk ON break_glass(household_id);
CREATE INDEX plan_goals_person_fk ON plan_goals(person_id);
CREATE INDEX plan_agreement_signers_person_fk ON plan_agreement_signers(person_id);
CREATE INDEX referral_persons_person_fk ON referral_persons(person_id);
-- The login throttle used to leave a zero row per client address
-- (a row to lock); it now locks the key itself, so those rows only take room.
DELETE FROM login_throttle WHERE failures = 0 AND locked_until = 0;
CREATE FUNCTION erasure_granted() RETURNS boolean LANGUAGE sql STABLE AS $fn$
  SELECT EXISTS (SELECT 1 FROM erasure_grant)
$fn$;
-- A grant left at commit would lift the guards for every later transaction:
-- the commit fails instead.
CREATE FUNCTION erasure_grant_ends() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF erasure_granted() THEN
    RAISE EXCEPTION 'an erasure grant must end in the transaction that took it';
  END IF;
  RETURN NULL;
END
$fn$;
CREATE CONSTRAINT TRIGGER erasure_grant_ends AFTER INSERT ON erasure_grant
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION erasure_grant_ends();
CREATE OR REPLACE FUNCTION contacts_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' AND erasure_granted() THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'contacts are append-only';
END
$fn$;
CREATE OR REPLACE FUNCTION assessments_only_void() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' AND erasure_granted() THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'assessments' AND OLD.voided_at IS NULL
     AND NEW.voided_at IS NOT NULL
     AND (NEW.id, NEW.tenant_id, NEW.person_id, NEW.kind, NEW.date, NEW.assessor,
          NEW.recorded_by, NEW.recorded_at)
         IS NOT DISTINCT FROM (OLD.id, OLD.tenant_id, OLD.person_id, OLD.kind, OLD.date,
          OLD.assessor, OLD.recorded_by, OLD.recorded_at)
     AND NEW.event_id IS NOT DISTINCT FROM OLD.event_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'assessments are append-only; only voiding, once';
END
$fn$;
CREATE OR REPLACE FUNCTION signal_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' AND erasure_granted() THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'signal history is append-only';
END
$fn$;
CREATE OR REPLACE FUNCTION plan_immutable() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' AND erasure_granted() THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'plan versions and agreements are append-only';
END
$fn$;
CREATE OR REPLACE FUNCTION handover_packages_kept() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' AND erasure_granted() THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'handover packages are kept';
END
$fn$;
CREATE OR REPLACE FUNCTION intake_immutable() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' AND erasure_granted() THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'intake versions are immutable';
END
$fn$;
CREATE OR REPLACE FUNCTION referral_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' AND erasure_granted() THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'referral history is append-only';
END
$fn$;
)sql";

constexpr std::array kMigrations = {
    Migration{1, "households_and_persons", kV1Households},
    Migration{2, "access", kV2Access},
    Migration{3, "policy", kV3Policy},
    Migration{4, "contacts", kV4Contacts},
    Migration{5, "signals", kV5Signals},
    Migration{6, "plans", kV6Plans},
    Migration{7, "assessments", kV7Assessments},
    Migration{8, "change_counter", kV8ChangeCounter},
    Migration{9, "handover", kV9Handover},
    Migration{10, "intakes", kV10Intakes},
    Migration{11, "referrals", kV11Referrals},
    Migration{12, "progress_reports", kV12ProgressReports},
    Migration{13, "regions", kV13Regions},
    Migration{14, "report_figures", kV14ReportFigures},
    Migration{15, "user_changes", kV15UserChanges},
    Migration{16, "person_pages", kV16PersonPages},
    Migration{17, "federated_identities", kV17FederatedIdentities},
    Migration{18, "erasure", kV18Erasure},
};

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

}  // namespace regie::storage::postgres
