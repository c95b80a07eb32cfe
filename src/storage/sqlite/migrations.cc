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

// Issue 3 (Access). Users and their credentials, sessions and login
// throttling; regional organisations; the relationships that open a
// household (regisseur, assignments, involved organisations, break-the-glass)
// and sharing bases; the hash-chained, append-only audit log.
//
// Households lose the free-text regisseur (a user reference replaces it;
// rows from v1 keep NULL until they are next updated) and gain their list
// summary, kept by the person writes, so the list reads one row per
// household. household_organisations gains the household's tenant and name
// key (rewritten with every household write), so a partner's list walks
// its organisation's links in list order instead of sorting them all.
constexpr std::string_view kV2Access = R"sql(
CREATE TABLE organisation_tenants (
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
  PRIMARY KEY (organisation_id, tenant_id)
) WITHOUT ROWID;
CREATE INDEX organisation_tenants_tenant ON organisation_tenants(tenant_id, organisation_id);

CREATE TABLE users (
  id                   INTEGER PRIMARY KEY,
  version              INTEGER NOT NULL,
  username             TEXT NOT NULL UNIQUE,
  display_name         TEXT NOT NULL,
  email                TEXT NOT NULL DEFAULT '',
  organisation_id      INTEGER NOT NULL REFERENCES organisations(id),
  roles                TEXT NOT NULL DEFAULT '',
  active               INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  demo                 INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  password_hash        TEXT NOT NULL DEFAULT '',
  totp_sealed          TEXT NOT NULL DEFAULT '',
  totp_enabled         INTEGER NOT NULL DEFAULT 0 CHECK (totp_enabled IN (0, 1)),
  totp_last_step       INTEGER NOT NULL DEFAULT 0,
  enrolment_token_hash TEXT UNIQUE,
  enrolment_expires_at INTEGER,
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL
);
CREATE INDEX users_organisation ON users(organisation_id);
CREATE TABLE recovery_codes (
  user_id   INTEGER NOT NULL REFERENCES users(id),
  code_hash TEXT NOT NULL,
  used_at   INTEGER,
  PRIMARY KEY (user_id, code_hash)
) WITHOUT ROWID;
CREATE TABLE sessions (
  token_hash          TEXT PRIMARY KEY,
  user_id             INTEGER NOT NULL REFERENCES users(id),
  csrf_token          TEXT NOT NULL,
  mfa_done            INTEGER NOT NULL DEFAULT 0 CHECK (mfa_done IN (0, 1)),
  created_at          INTEGER NOT NULL,
  last_seen_at        INTEGER NOT NULL,
  absolute_expires_at INTEGER NOT NULL,
  client_ip           TEXT NOT NULL DEFAULT '',
  revoked             INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE login_throttle (
  key             TEXT PRIMARY KEY,
  failures        INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL,
  locked_until    INTEGER NOT NULL
) WITHOUT ROWID;

ALTER TABLE households ADD COLUMN regisseur_user_id INTEGER REFERENCES users(id);
ALTER TABLE households DROP COLUMN regisseur;
ALTER TABLE households ADD COLUMN member_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN head_wijk TEXT NOT NULL DEFAULT '';
ALTER TABLE households ADD COLUMN head_kern TEXT NOT NULL DEFAULT '';
ALTER TABLE households ADD COLUMN first_housing_date TEXT;
-- The head is the first hoofdpersoon by id, else the first member by id,
-- exactly as the v1 list computed it per row.
UPDATE households SET
  member_count = (SELECT count(*) FROM persons p WHERE p.household_id = households.id),
  head_wijk = coalesce((SELECT p.wijk FROM persons p WHERE p.household_id = households.id
                        ORDER BY p.role <> 'hoofdpersoon', p.id LIMIT 1), ''),
  head_kern = coalesce((SELECT p.kern FROM persons p WHERE p.household_id = households.id
                        ORDER BY p.role <> 'hoofdpersoon', p.id LIMIT 1), ''),
  first_housing_date = (SELECT min(p.housing_date) FROM persons p
                        WHERE p.household_id = households.id);
-- A regisseur's own households in list order.
CREATE INDEX households_regisseur ON households(tenant_id, regisseur_user_id, name_key, id);

ALTER TABLE household_organisations ADD COLUMN tenant_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE household_organisations ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE household_organisations SET
  tenant_id = (SELECT h.tenant_id FROM households h WHERE h.id = household_id),
  name_key = (SELECT h.name_key FROM households h WHERE h.id = household_id);
-- An organisation's households in one tenant, in list order.
CREATE INDEX household_organisations_partner
  ON household_organisations(organisation_id, tenant_id, name_key, household_id);

CREATE TABLE household_assignments (
  household_id INTEGER NOT NULL REFERENCES households(id),
  user_id      INTEGER NOT NULL REFERENCES users(id),
  kind         TEXT NOT NULL CHECK (kind IN ('begeleider', 'vrijwilliger')),
  PRIMARY KEY (household_id, user_id, kind)
) WITHOUT ROWID;
CREATE INDEX household_assignments_user ON household_assignments(user_id, kind, household_id);

CREATE TABLE sharing_bases (
  id              INTEGER PRIMARY KEY,
  tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
  person_id       INTEGER NOT NULL REFERENCES persons(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  categories      TEXT NOT NULL,
  purpose         TEXT NOT NULL,
  legal_basis     TEXT NOT NULL,
  given           TEXT NOT NULL,
  expires         TEXT,
  withdrawn_at    INTEGER,
  withdrawn_by    INTEGER REFERENCES users(id),
  recorded_by     INTEGER NOT NULL REFERENCES users(id),
  consent_text    TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL
);
CREATE INDEX sharing_bases_person ON sharing_bases(person_id);
CREATE INDEX sharing_bases_organisation ON sharing_bases(organisation_id);

CREATE TABLE break_glass (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  household_id INTEGER NOT NULL REFERENCES households(id),
  reason       TEXT NOT NULL,
  opened_at    INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL
);
CREATE INDEX break_glass_user ON break_glass(user_id, household_id);

-- No foreign keys: the log outlives the rows it names. seq is assigned from
-- audit_head, never by the database, so the chain has no gaps.
CREATE TABLE audit_log (
  seq             INTEGER PRIMARY KEY,
  at              INTEGER NOT NULL,
  user_id         INTEGER,
  organisation_id INTEGER,
  tenant_id       INTEGER,
  action          TEXT NOT NULL,
  resource_type   TEXT NOT NULL,
  resource_id     TEXT NOT NULL,
  household_id    INTEGER,
  person_id       INTEGER,
  categories      TEXT NOT NULL,
  purpose         TEXT NOT NULL,
  break_glass     INTEGER NOT NULL CHECK (break_glass IN (0, 1)),
  outcome         TEXT NOT NULL,
  client_ip       TEXT NOT NULL,
  prev_hash       TEXT NOT NULL,
  hash            TEXT NOT NULL
);
CREATE INDEX audit_log_tenant ON audit_log(tenant_id, seq);
CREATE INDEX audit_log_user ON audit_log(tenant_id, user_id, seq);
CREATE INDEX audit_log_household ON audit_log(tenant_id, household_id, seq);
CREATE INDEX audit_log_person ON audit_log(tenant_id, person_id, seq);
CREATE TABLE audit_head (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  INTEGER NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');
-- Append-only for the application's own connection; someone who can drop
-- these triggers is caught by the hash chain instead.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)sql";

// Issue 4 (Policy). The dated events recorded per person (never deleted: a
// wrong one is voided, with who, when and why) and the policy packs each
// tenant has activated. A pack activation may be written without a user
// (the demo loader, the CLI), hence the nullable recorded_by.
constexpr std::string_view kV3Policy = R"sql(
CREATE TABLE person_events (
  id          INTEGER PRIMARY KEY,
  tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  event       TEXT NOT NULL,
  date        TEXT NOT NULL,
  value       INTEGER,
  code        TEXT NOT NULL DEFAULT '',
  reason      TEXT NOT NULL DEFAULT '',
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  recorded_at INTEGER NOT NULL,
  voided_at   INTEGER,
  voided_by   INTEGER REFERENCES users(id),
  void_reason TEXT NOT NULL DEFAULT ''
);
-- A person's timeline, and the tenant-wide walk in person order.
CREATE INDEX person_events_person ON person_events(tenant_id, person_id, date, id);

CREATE TABLE policy_activations (
  tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
  pack_id     TEXT NOT NULL,
  from_date   TEXT NOT NULL,
  to_date     TEXT,
  recorded_by INTEGER REFERENCES users(id),
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, pack_id, from_date)
) WITHOUT ROWID;
)sql";

// Issue 4 (Contacts and cadence). Contact moments of a household, append-only.
// Participants are free-text one-line names (validation refuses line
// breaks), so they are stored newline-joined in one column, the same on
// both backends. contact_persons holds the persons a contact concerns (none
// = the whole household).
constexpr std::string_view kV4Contacts = R"sql(
CREATE TABLE contacts (
  id                   INTEGER PRIMARY KEY,
  tenant_id            INTEGER NOT NULL REFERENCES tenants(id),
  household_id         INTEGER NOT NULL REFERENCES households(id),
  date                 TEXT NOT NULL,
  type                 TEXT NOT NULL,
  participants         TEXT NOT NULL DEFAULT '',
  interpreter          INTEGER NOT NULL DEFAULT 0,
  interpreter_language TEXT,
  note                 TEXT NOT NULL DEFAULT '',
  recorded_by          INTEGER NOT NULL REFERENCES users(id),
  recorded_at          INTEGER NOT NULL
);
-- A household's contacts, newest first.
CREATE INDEX contacts_household ON contacts(tenant_id, household_id, date, id);
CREATE TABLE contact_persons (
  contact_id INTEGER NOT NULL REFERENCES contacts(id),
  person_id  INTEGER NOT NULL REFERENCES persons(id),
  PRIMARY KEY (contact_id, person_id)
) WITHOUT ROWID;
CREATE TRIGGER contacts_no_update BEFORE UPDATE ON contacts
BEGIN SELECT RAISE(ABORT, 'contacts are append-only'); END;
CREATE TRIGGER contacts_no_delete BEFORE DELETE ON contacts
BEGIN SELECT RAISE(ABORT, 'contacts are append-only'); END;
)sql";

// Issue 4 (Assessments over time). ZRM, participatieladder and Ferm Werk
// observations of a person, stored as (item, value) rows (see
// core::ToItems). Append-only: the only change is voiding, once; event_id
// is the policy event recorded with it (voided together).
constexpr std::string_view kV7Assessments = R"sql(
CREATE TABLE assessments (
  id          INTEGER PRIMARY KEY,
  tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  kind        TEXT NOT NULL,
  date        TEXT NOT NULL,
  assessor    TEXT NOT NULL DEFAULT '',
  event_id    INTEGER REFERENCES person_events(id),
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  recorded_at INTEGER NOT NULL,
  voided_at   INTEGER,
  voided_by   INTEGER REFERENCES users(id),
  void_reason TEXT NOT NULL DEFAULT ''
);
-- A person's assessments over time.
CREATE INDEX assessments_person ON assessments(tenant_id, person_id, date, id);
CREATE TABLE assessment_items (
  assessment_id INTEGER NOT NULL REFERENCES assessments(id),
  item          TEXT NOT NULL,
  value         INTEGER NOT NULL,
  PRIMARY KEY (assessment_id, item, value)
) WITHOUT ROWID;
CREATE TRIGGER assessments_only_void BEFORE UPDATE ON assessments
WHEN OLD.voided_at IS NOT NULL OR NEW.voided_at IS NULL OR NEW.id IS NOT OLD.id
  OR NEW.tenant_id IS NOT OLD.tenant_id OR NEW.person_id IS NOT OLD.person_id
  OR NEW.kind IS NOT OLD.kind OR NEW.date IS NOT OLD.date OR NEW.assessor IS NOT OLD.assessor
  OR NEW.event_id IS NOT OLD.event_id OR NEW.recorded_by IS NOT OLD.recorded_by
  OR NEW.recorded_at IS NOT OLD.recorded_at
BEGIN SELECT RAISE(ABORT, 'assessments are append-only; only voiding, once'); END;
CREATE TRIGGER assessments_no_delete BEFORE DELETE ON assessments
BEGIN SELECT RAISE(ABORT, 'assessments are append-only'); END;
CREATE TRIGGER assessment_items_no_update BEFORE UPDATE ON assessment_items
BEGIN SELECT RAISE(ABORT, 'assessments are append-only'); END;
CREATE TRIGGER assessment_items_no_delete BEFORE DELETE ON assessment_items
BEGIN SELECT RAISE(ABORT, 'assessments are append-only'); END;
)sql";

// Issue 4 (worklist target): a per-tenant change counter, raised by triggers
// on every write that can change case data or access, so a cached answer
// (the worklist) is served only while nothing it depends on changed. The
// triggers keep every writer honest without code in the repositories.
constexpr std::string_view kV8ChangeCounter = R"sql(
CREATE TABLE tenant_changes (
  tenant_id INTEGER PRIMARY KEY REFERENCES tenants(id),
  n         INTEGER NOT NULL
);
INSERT INTO tenant_changes (tenant_id, n) SELECT id, 0 FROM tenants;
CREATE TRIGGER tenants_changes AFTER INSERT ON tenants
BEGIN INSERT INTO tenant_changes (tenant_id, n) VALUES (NEW.id, 0); END;
CREATE TRIGGER households_changes_insert AFTER INSERT ON households
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER households_changes_update AFTER UPDATE ON households
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER households_changes_delete AFTER DELETE ON households
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = OLD.tenant_id; END;
CREATE TRIGGER persons_changes_insert AFTER INSERT ON persons
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER persons_changes_update AFTER UPDATE ON persons
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER persons_changes_delete AFTER DELETE ON persons
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = OLD.tenant_id; END;
CREATE TRIGGER sharing_bases_changes_insert AFTER INSERT ON sharing_bases
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER sharing_bases_changes_update AFTER UPDATE ON sharing_bases
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER sharing_bases_changes_delete AFTER DELETE ON sharing_bases
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = OLD.tenant_id; END;
CREATE TRIGGER person_events_changes_insert AFTER INSERT ON person_events
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER person_events_changes_update AFTER UPDATE ON person_events
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER person_events_changes_delete AFTER DELETE ON person_events
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = OLD.tenant_id; END;
CREATE TRIGGER policy_activations_changes_insert AFTER INSERT ON policy_activations
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER policy_activations_changes_update AFTER UPDATE ON policy_activations
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER policy_activations_changes_delete AFTER DELETE ON policy_activations
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = OLD.tenant_id; END;
CREATE TRIGGER contacts_changes_insert AFTER INSERT ON contacts
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER contacts_changes_update AFTER UPDATE ON contacts
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER contacts_changes_delete AFTER DELETE ON contacts
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = OLD.tenant_id; END;
CREATE TRIGGER assessments_changes_insert AFTER INSERT ON assessments
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER assessments_changes_update AFTER UPDATE ON assessments
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER assessments_changes_delete AFTER DELETE ON assessments
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = OLD.tenant_id; END;
CREATE TRIGGER household_organisations_changes_insert AFTER INSERT ON household_organisations
BEGIN UPDATE tenant_changes SET n = n + 1
  WHERE tenant_id = (SELECT tenant_id FROM households WHERE id = NEW.household_id); END;
CREATE TRIGGER household_organisations_changes_update AFTER UPDATE ON household_organisations
BEGIN UPDATE tenant_changes SET n = n + 1
  WHERE tenant_id = (SELECT tenant_id FROM households WHERE id = NEW.household_id); END;
CREATE TRIGGER household_organisations_changes_delete AFTER DELETE ON household_organisations
BEGIN UPDATE tenant_changes SET n = n + 1
  WHERE tenant_id = (SELECT tenant_id FROM households WHERE id = OLD.household_id); END;
CREATE TRIGGER household_assignments_changes_insert AFTER INSERT ON household_assignments
BEGIN UPDATE tenant_changes SET n = n + 1
  WHERE tenant_id = (SELECT tenant_id FROM households WHERE id = NEW.household_id); END;
CREATE TRIGGER household_assignments_changes_update AFTER UPDATE ON household_assignments
BEGIN UPDATE tenant_changes SET n = n + 1
  WHERE tenant_id = (SELECT tenant_id FROM households WHERE id = NEW.household_id); END;
CREATE TRIGGER household_assignments_changes_delete AFTER DELETE ON household_assignments
BEGIN UPDATE tenant_changes SET n = n + 1
  WHERE tenant_id = (SELECT tenant_id FROM households WHERE id = OLD.household_id); END;
CREATE TRIGGER break_glass_changes_insert AFTER INSERT ON break_glass
BEGIN UPDATE tenant_changes SET n = n + 1
  WHERE tenant_id = (SELECT tenant_id FROM households WHERE id = NEW.household_id); END;
CREATE TRIGGER break_glass_changes_update AFTER UPDATE ON break_glass
BEGIN UPDATE tenant_changes SET n = n + 1
  WHERE tenant_id = (SELECT tenant_id FROM households WHERE id = NEW.household_id); END;
CREATE TRIGGER break_glass_changes_delete AFTER DELETE ON break_glass
BEGIN UPDATE tenant_changes SET n = n + 1
  WHERE tenant_id = (SELECT tenant_id FROM households WHERE id = OLD.household_id); END;
CREATE TRIGGER signals_changes_insert AFTER INSERT ON signals
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER signals_changes_update AFTER UPDATE ON signals
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER signals_changes_delete AFTER DELETE ON signals
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = OLD.tenant_id; END;
CREATE TRIGGER plans_changes_insert AFTER INSERT ON plans
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER plans_changes_update AFTER UPDATE ON plans
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER plans_changes_delete AFTER DELETE ON plans
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = OLD.tenant_id; END;
CREATE TRIGGER plan_versions_changes_insert AFTER INSERT ON plan_versions
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER plan_versions_changes_update AFTER UPDATE ON plan_versions
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER plan_versions_changes_delete AFTER DELETE ON plan_versions
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = OLD.tenant_id; END;
CREATE TRIGGER plan_open_actions_changes_insert AFTER INSERT ON plan_open_actions
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER plan_open_actions_changes_update AFTER UPDATE ON plan_open_actions
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER plan_open_actions_changes_delete AFTER DELETE ON plan_open_actions
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = OLD.tenant_id; END;
CREATE TRIGGER plan_agreements_changes_insert AFTER INSERT ON plan_agreements
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER plan_agreements_changes_update AFTER UPDATE ON plan_agreements
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER plan_agreements_changes_delete AFTER DELETE ON plan_agreements
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = OLD.tenant_id; END;
)sql";

// Issue 4 (Casework): signals (vroegsignalering). The signal row holds the
// current state (updated by each transition, guarded by `version`); every
// transition is appended to signal_history, which triggers keep
// append-only. signal_persons holds the persons a signal concerns (none =
// the whole household). Indexed by routed organisation and by reporter, so
// a partner's signal list never walks households.
constexpr std::string_view kV5Signals = R"sql(
CREATE TABLE signals (
  id                       INTEGER PRIMARY KEY,
  tenant_id                INTEGER NOT NULL REFERENCES tenants(id),
  household_id             INTEGER NOT NULL REFERENCES households(id),
  category                 TEXT NOT NULL,
  urgency                  TEXT NOT NULL,
  description              TEXT NOT NULL,
  reporter_user_id         INTEGER NOT NULL REFERENCES users(id),
  reporter_organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  routed_organisation_id   INTEGER NOT NULL REFERENCES organisations(id),
  state                    TEXT NOT NULL,
  filed_at                 INTEGER NOT NULL,
  acknowledge_due          TEXT NOT NULL,
  follow_up_due            TEXT,
  acknowledged_at          INTEGER,
  acknowledged_by          INTEGER REFERENCES users(id),
  closed_at                INTEGER,
  closed_by                INTEGER REFERENCES users(id),
  result                   TEXT NOT NULL DEFAULT '',
  withdraw_reason          TEXT NOT NULL DEFAULT '',
  updated_at               INTEGER NOT NULL,
  version                  INTEGER NOT NULL
);
CREATE INDEX signals_household ON signals(tenant_id, household_id, filed_at, id);
CREATE INDEX signals_routed ON signals(routed_organisation_id, tenant_id, state);
CREATE INDEX signals_reporter ON signals(reporter_user_id, tenant_id);
CREATE TABLE signal_persons (
  signal_id INTEGER NOT NULL REFERENCES signals(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  PRIMARY KEY (signal_id, person_id)
) WITHOUT ROWID;
CREATE TABLE signal_history (
  id              INTEGER PRIMARY KEY,
  signal_id       INTEGER NOT NULL REFERENCES signals(id),
  action          TEXT NOT NULL,
  from_state      TEXT,
  to_state        TEXT NOT NULL,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  note            TEXT NOT NULL DEFAULT '',
  by_user         INTEGER NOT NULL REFERENCES users(id),
  at              INTEGER NOT NULL
);
CREATE INDEX signal_history_signal ON signal_history(signal_id, id);
CREATE TRIGGER signal_history_no_update BEFORE UPDATE ON signal_history
BEGIN SELECT RAISE(ABORT, 'signal history is append-only'); END;
CREATE TRIGGER signal_history_no_delete BEFORE DELETE ON signal_history
BEGIN SELECT RAISE(ABORT, 'signal history is append-only'); END;
CREATE TRIGGER signals_no_delete BEFORE DELETE ON signals
BEGIN SELECT RAISE(ABORT, 'signals are never deleted'); END;
)sql";

// Issue 4 (Casework: the personal plan). Migration 6; 5 is the signals'.
// Every save is a full new version: plan_versions with its goals and
// actions, never updated (triggers). `plans` holds one row per household
// with its current version: the row a save checks and bumps, so two saves
// on the same base version cannot both win (and the primary key of
// plan_versions backs that up). plan_open_actions mirrors the open and
// running actions of the current version only, indexed by responsible
// organisation and user, so the worklist of a partner with thousands of
// households reads just its own actions.
constexpr std::string_view kV6Plans = R"sql(
CREATE TABLE plans (
  household_id    INTEGER PRIMARY KEY REFERENCES households(id),
  tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
  current_version INTEGER NOT NULL
);
CREATE TABLE plan_versions (
  household_id INTEGER NOT NULL REFERENCES households(id),
  version      INTEGER NOT NULL CHECK (version > 0),
  tenant_id    INTEGER NOT NULL REFERENCES tenants(id),
  saved_by     INTEGER NOT NULL REFERENCES users(id),
  saved_at     INTEGER NOT NULL,
  next_key     INTEGER NOT NULL,
  goal_count   INTEGER NOT NULL,
  PRIMARY KEY (household_id, version)
) WITHOUT ROWID;
CREATE TABLE plan_goals (
  household_id INTEGER NOT NULL,
  version      INTEGER NOT NULL,
  goal_key     INTEGER NOT NULL,
  position     INTEGER NOT NULL,
  person_id    INTEGER NOT NULL REFERENCES persons(id),
  domain       TEXT NOT NULL,
  text         TEXT NOT NULL,
  target_date  TEXT NOT NULL,
  status       TEXT NOT NULL,
  PRIMARY KEY (household_id, version, goal_key),
  FOREIGN KEY (household_id, version) REFERENCES plan_versions(household_id, version)
) WITHOUT ROWID;
CREATE TABLE plan_actions (
  household_id    INTEGER NOT NULL,
  version         INTEGER NOT NULL,
  action_key      INTEGER NOT NULL,
  goal_key        INTEGER NOT NULL,
  position        INTEGER NOT NULL,
  text            TEXT NOT NULL,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  user_id         INTEGER REFERENCES users(id),
  due_date        TEXT NOT NULL,
  status          TEXT NOT NULL,
  result          TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (household_id, version, action_key),
  FOREIGN KEY (household_id, version, goal_key)
    REFERENCES plan_goals(household_id, version, goal_key)
) WITHOUT ROWID;
CREATE TABLE plan_open_actions (
  household_id    INTEGER NOT NULL REFERENCES households(id),
  action_key      INTEGER NOT NULL,
  tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
  organisation_id INTEGER NOT NULL,
  user_id         INTEGER,
  due_date        TEXT NOT NULL,
  PRIMARY KEY (household_id, action_key)
) WITHOUT ROWID;
CREATE INDEX plan_open_actions_organisation
  ON plan_open_actions(organisation_id, tenant_id, due_date);
CREATE INDEX plan_open_actions_user ON plan_open_actions(user_id, tenant_id, due_date);
CREATE TABLE plan_agreements (
  id           INTEGER PRIMARY KEY,
  tenant_id    INTEGER NOT NULL REFERENCES tenants(id),
  household_id INTEGER NOT NULL,
  plan_version INTEGER NOT NULL,
  date         TEXT NOT NULL,
  interpreter  INTEGER NOT NULL DEFAULT 0,
  language     TEXT,
  recorded_by  INTEGER NOT NULL REFERENCES users(id),
  recorded_at  INTEGER NOT NULL,
  FOREIGN KEY (household_id, plan_version) REFERENCES plan_versions(household_id, version)
);
CREATE INDEX plan_agreements_household ON plan_agreements(household_id, id);
CREATE TABLE plan_agreement_signers (
  agreement_id INTEGER NOT NULL REFERENCES plan_agreements(id),
  person_id    INTEGER NOT NULL REFERENCES persons(id),
  PRIMARY KEY (agreement_id, person_id)
) WITHOUT ROWID;
CREATE TRIGGER plan_versions_no_update BEFORE UPDATE ON plan_versions
BEGIN SELECT RAISE(ABORT, 'plan versions are immutable'); END;
CREATE TRIGGER plan_versions_no_delete BEFORE DELETE ON plan_versions
BEGIN SELECT RAISE(ABORT, 'plan versions are immutable'); END;
CREATE TRIGGER plan_goals_no_update BEFORE UPDATE ON plan_goals
BEGIN SELECT RAISE(ABORT, 'plan versions are immutable'); END;
CREATE TRIGGER plan_actions_no_update BEFORE UPDATE ON plan_actions
BEGIN SELECT RAISE(ABORT, 'plan versions are immutable'); END;
CREATE TRIGGER plan_agreements_no_update BEFORE UPDATE ON plan_agreements
BEGIN SELECT RAISE(ABORT, 'plan agreements are append-only'); END;
CREATE TRIGGER plan_agreements_no_delete BEFORE DELETE ON plan_agreements
BEGIN SELECT RAISE(ABORT, 'plan agreements are append-only'); END;
)sql";

// Handover of a household to another municipality (docs/handover.md). The
// instance's signing key (secret sealed under the server key, one row), the
// sender keys each tenant trusts, and every package sent or received, kept
// verbatim. Packages hold case data (an incoming one becomes a household on
// acceptance), so they move the change counter like the casework tables.
constexpr std::string_view kV9Handover = R"sql(
CREATE TABLE handover_signing_key (
  singleton     INTEGER PRIMARY KEY CHECK (singleton = 1),
  key_id        TEXT NOT NULL,
  public_key    TEXT NOT NULL,
  sealed_secret TEXT NOT NULL,
  created_at    INTEGER NOT NULL
);
CREATE TABLE handover_trusted_keys (
  id         INTEGER PRIMARY KEY,
  tenant_id  INTEGER NOT NULL REFERENCES tenants(id),
  key_id     TEXT NOT NULL,
  name       TEXT NOT NULL,
  public_key TEXT NOT NULL,
  added_by   INTEGER REFERENCES users(id),
  added_at   INTEGER NOT NULL,
  UNIQUE (tenant_id, key_id)
);
CREATE TABLE handover_packages (
  id               INTEGER PRIMARY KEY,
  tenant_id        INTEGER NOT NULL REFERENCES tenants(id),
  package_id       TEXT NOT NULL,
  direction        TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
  status           TEXT NOT NULL
                   CHECK (status IN ('pending', 'accepted', 'rejected', 'exported')),
  content_hash     TEXT NOT NULL,
  document         TEXT NOT NULL,
  sender_code      TEXT NOT NULL,
  sender_name      TEXT NOT NULL,
  sender_regisseur TEXT NOT NULL,
  household_name   TEXT NOT NULL,
  person_count     INTEGER NOT NULL,
  key_id           TEXT NOT NULL,
  trusted          INTEGER NOT NULL DEFAULT 0,
  household_id     INTEGER REFERENCES households(id),
  recorded_by      INTEGER REFERENCES users(id),
  recorded_at      INTEGER NOT NULL,
  decided_by       INTEGER REFERENCES users(id),
  decided_at       INTEGER,
  decision_reason  TEXT NOT NULL DEFAULT '',
  UNIQUE (tenant_id, direction, package_id)
);
CREATE INDEX handover_packages_list ON handover_packages(tenant_id, direction, recorded_at);
CREATE INDEX handover_packages_household ON handover_packages(household_id);
CREATE TRIGGER handover_packages_no_delete BEFORE DELETE ON handover_packages
BEGIN SELECT RAISE(ABORT, 'handover packages are kept'); END;
CREATE TRIGGER handover_packages_changes_insert AFTER INSERT ON handover_packages
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER handover_packages_changes_update AFTER UPDATE ON handover_packages
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
)sql";

// Broad intakes of adults (intake issue): `intakes` holds the current
// version per person and is the row a save locks; versions are immutable,
// their parts (core::ToIntakeItems) are (part, position, field, value)
// rows so a new intake field needs no migration.
constexpr std::string_view kV10Intakes = R"sql(
CREATE TABLE intakes (
  person_id       INTEGER PRIMARY KEY REFERENCES persons(id),
  tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
  current_version INTEGER NOT NULL CHECK (current_version > 0)
);
CREATE TABLE intake_versions (
  person_id            INTEGER NOT NULL REFERENCES persons(id),
  version              INTEGER NOT NULL CHECK (version > 0),
  tenant_id            INTEGER NOT NULL REFERENCES tenants(id),
  status               TEXT NOT NULL CHECK (status IN ('concept', 'afgerond')),
  intake_date          TEXT NOT NULL,
  interpreter          INTEGER NOT NULL CHECK (interpreter IN (0, 1)),
  interpreter_language TEXT,
  recorded_by          INTEGER NOT NULL REFERENCES users(id),
  saved_by             INTEGER NOT NULL REFERENCES users(id),
  saved_at             INTEGER NOT NULL,
  finalised_by         INTEGER REFERENCES users(id),
  finalised_at         INTEGER,
  PRIMARY KEY (person_id, version)
) WITHOUT ROWID;
CREATE TABLE intake_items (
  person_id INTEGER NOT NULL,
  version   INTEGER NOT NULL,
  part      TEXT NOT NULL,
  position  INTEGER NOT NULL,
  field     TEXT NOT NULL,
  value     TEXT NOT NULL,
  PRIMARY KEY (person_id, version, part, position, field),
  FOREIGN KEY (person_id, version) REFERENCES intake_versions(person_id, version)
) WITHOUT ROWID;
CREATE TRIGGER intake_versions_no_update BEFORE UPDATE ON intake_versions
BEGIN SELECT RAISE(ABORT, 'intake versions are immutable'); END;
CREATE TRIGGER intake_versions_no_delete BEFORE DELETE ON intake_versions
BEGIN SELECT RAISE(ABORT, 'intake versions are immutable'); END;
CREATE TRIGGER intake_items_no_update BEFORE UPDATE ON intake_items
BEGIN SELECT RAISE(ABORT, 'intake versions are immutable'); END;
CREATE TRIGGER intake_items_no_delete BEFORE DELETE ON intake_items
BEGIN SELECT RAISE(ABORT, 'intake versions are immutable'); END;
CREATE TRIGGER intakes_changes_insert AFTER INSERT ON intakes
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER intakes_changes_update AFTER UPDATE ON intakes
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER intakes_changes_delete AFTER DELETE ON intakes
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = OLD.tenant_id; END;
CREATE TRIGGER intake_versions_changes_insert AFTER INSERT ON intake_versions
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
)sql";

// Issue "Casework: referrals and warm handovers". Migration 9. The row holds
// the current state (version-checked by every transition, so of a
// concurrent accept and withdraw exactly one wins); referral_history keeps
// every transition with its time and acting user, append-only. The
// package is the comma-separated category codes; the checklist the
// template's items, one per line. Indexed by receiving and by sending
// organisation (the partner's referrals page and worklist) and by
// household. On the change counter: a transition changes what the
// receiver may see and the worklist.
constexpr std::string_view kV11Referrals = R"sql(
CREATE TABLE referrals (
  id                   INTEGER PRIMARY KEY,
  tenant_id            INTEGER NOT NULL REFERENCES tenants(id),
  household_id         INTEGER NOT NULL REFERENCES households(id),
  from_organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  to_organisation_id   INTEGER NOT NULL REFERENCES organisations(id),
  created_by           INTEGER NOT NULL REFERENCES users(id),
  created_at           INTEGER NOT NULL,
  reason               TEXT NOT NULL,
  package              TEXT NOT NULL,
  template             TEXT NOT NULL DEFAULT '',
  checklist            TEXT NOT NULL DEFAULT '',
  respond_by           TEXT NOT NULL,
  retention_days       INTEGER NOT NULL CHECK (retention_days >= 0),
  state                TEXT NOT NULL CHECK (state IN
                         ('voorgesteld', 'geaccepteerd', 'afgewezen', 'ingetrokken', 'afgerond')),
  decided_at           INTEGER,
  decided_by           INTEGER REFERENCES users(id),
  decision_note        TEXT NOT NULL DEFAULT '',
  completed_at         INTEGER,
  completed_by         INTEGER REFERENCES users(id),
  completion_note      TEXT NOT NULL DEFAULT '',
  updated_at           INTEGER NOT NULL,
  version              INTEGER NOT NULL
);
CREATE INDEX referrals_to ON referrals(to_organisation_id, tenant_id, state);
CREATE INDEX referrals_from ON referrals(from_organisation_id, tenant_id, state);
CREATE INDEX referrals_household ON referrals(household_id, created_at);
CREATE TABLE referral_persons (
  referral_id INTEGER NOT NULL REFERENCES referrals(id),
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  PRIMARY KEY (referral_id, person_id)
) WITHOUT ROWID;
CREATE TABLE referral_history (
  id          INTEGER PRIMARY KEY,
  referral_id INTEGER NOT NULL REFERENCES referrals(id),
  tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
  action      TEXT NOT NULL,
  from_state  TEXT,
  to_state    TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  by_user     INTEGER NOT NULL REFERENCES users(id),
  at          INTEGER NOT NULL
);
CREATE INDEX referral_history_referral ON referral_history(referral_id, id);
CREATE TRIGGER referral_history_no_update BEFORE UPDATE ON referral_history
BEGIN SELECT RAISE(ABORT, 'referral history is append-only'); END;
CREATE TRIGGER referral_history_no_delete BEFORE DELETE ON referral_history
BEGIN SELECT RAISE(ABORT, 'referral history is append-only'); END;
CREATE TRIGGER referrals_no_delete BEFORE DELETE ON referrals
BEGIN SELECT RAISE(ABORT, 'referrals are never deleted'); END;
CREATE TRIGGER referral_persons_no_update BEFORE UPDATE ON referral_persons
BEGIN SELECT RAISE(ABORT, 'the persons of a referral do not change'); END;
CREATE TRIGGER referrals_changes_insert AFTER INSERT ON referrals
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER referrals_changes_update AFTER UPDATE ON referrals
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
)sql";

// Half-year progress reports (issue 6, "voortgangsrapportage"). Migration
// 12. progress_reports holds per tenant and period the status and, once
// final, the stamp of its figures; the row is what a save or a finalise
// locks, and a final row never changes again. Each narrative text (one per
// section, and per partner organisation in "netwerkpartners";
// organisation_id 0 is the municipality's own text) has its current
// version beside immutable versions. Narratives and aggregate figures are
// no case data: no change-counter triggers.
constexpr std::string_view kV12ProgressReports = R"sql(
CREATE TABLE progress_reports (
  tenant_id      INTEGER NOT NULL REFERENCES tenants(id),
  period         TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('concept', 'definitief')),
  finalised_by   INTEGER REFERENCES users(id),
  finalised_at   INTEGER,
  reference_date TEXT,
  packs          TEXT,
  snapshot       TEXT,
  PRIMARY KEY (tenant_id, period)
) WITHOUT ROWID;
CREATE TABLE report_narratives (
  tenant_id       INTEGER NOT NULL,
  period          TEXT NOT NULL,
  section         TEXT NOT NULL,
  organisation_id INTEGER NOT NULL CHECK (organisation_id >= 0),
  current_version INTEGER NOT NULL CHECK (current_version > 0),
  PRIMARY KEY (tenant_id, period, section, organisation_id),
  FOREIGN KEY (tenant_id, period) REFERENCES progress_reports(tenant_id, period)
) WITHOUT ROWID;
CREATE TABLE report_narrative_versions (
  tenant_id       INTEGER NOT NULL,
  period          TEXT NOT NULL,
  section         TEXT NOT NULL,
  organisation_id INTEGER NOT NULL,
  version         INTEGER NOT NULL CHECK (version > 0),
  text            TEXT NOT NULL,
  saved_by        INTEGER NOT NULL REFERENCES users(id),
  saved_at        INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, period, section, organisation_id, version),
  FOREIGN KEY (tenant_id, period, section, organisation_id)
    REFERENCES report_narratives(tenant_id, period, section, organisation_id)
) WITHOUT ROWID;
CREATE TRIGGER progress_reports_frozen BEFORE UPDATE ON progress_reports
WHEN OLD.status = 'definitief'
BEGIN SELECT RAISE(ABORT, 'a final progress report is frozen'); END;
CREATE TRIGGER progress_reports_no_delete BEFORE DELETE ON progress_reports
BEGIN SELECT RAISE(ABORT, 'progress reports are never deleted'); END;
CREATE TRIGGER report_narratives_no_delete BEFORE DELETE ON report_narratives
BEGIN SELECT RAISE(ABORT, 'report narratives are never deleted'); END;
CREATE TRIGGER report_narrative_versions_no_update BEFORE UPDATE ON report_narrative_versions
BEGIN SELECT RAISE(ABORT, 'report narrative versions are immutable'); END;
CREATE TRIGGER report_narrative_versions_no_delete BEFORE DELETE ON report_narrative_versions
BEGIN SELECT RAISE(ABORT, 'report narrative versions are immutable'); END;
)sql";

// Issue "Monitoring": the regional benchmark. Migration 13. Regions group
// tenants; a member's sharing decision (opt-in) is the row's `sharing`
// with when and by whom it was last decided, and every decision is kept in
// region_sharing_history (append-only). Membership and sharing are on the
// change counter of the member tenant: the benchmark's cache is keyed on
// the members' counters, so an opt-out is seen by the next request.
constexpr std::string_view kV13Regions = R"sql(
CREATE TABLE regions (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('regio', 'g40')),
  created_at INTEGER NOT NULL
);
CREATE TABLE region_members (
  region_id  INTEGER NOT NULL REFERENCES regions(id),
  tenant_id  INTEGER NOT NULL REFERENCES tenants(id),
  joined_at  INTEGER NOT NULL,
  sharing    INTEGER NOT NULL DEFAULT 0 CHECK (sharing IN (0, 1)),
  decided_at INTEGER,
  decided_by INTEGER REFERENCES users(id),
  PRIMARY KEY (region_id, tenant_id)
) WITHOUT ROWID;
CREATE INDEX region_members_tenant ON region_members(tenant_id);
CREATE TABLE region_sharing_history (
  id         INTEGER PRIMARY KEY,
  region_id  INTEGER NOT NULL REFERENCES regions(id),
  tenant_id  INTEGER NOT NULL REFERENCES tenants(id),
  sharing    INTEGER NOT NULL CHECK (sharing IN (0, 1)),
  decided_by INTEGER REFERENCES users(id),
  decided_at INTEGER NOT NULL
);
CREATE INDEX region_sharing_history_member ON region_sharing_history(region_id, tenant_id, id);
CREATE TRIGGER region_sharing_history_no_update BEFORE UPDATE ON region_sharing_history
BEGIN SELECT RAISE(ABORT, 'sharing history is append-only'); END;
CREATE TRIGGER region_sharing_history_no_delete BEFORE DELETE ON region_sharing_history
BEGIN SELECT RAISE(ABORT, 'sharing history is append-only'); END;
CREATE TRIGGER region_members_changes_insert AFTER INSERT ON region_members
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER region_members_changes_update AFTER UPDATE ON region_members
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = NEW.tenant_id; END;
CREATE TRIGGER region_members_changes_delete AFTER DELETE ON region_members
BEGIN UPDATE tenant_changes SET n = n + 1 WHERE tenant_id = OLD.tenant_id; END;
)sql";

// Issue "Monitoring": a final progress report keeps its figures. Migration
// 14. The exact figures the report was finalised with (the indicator
// engine's report as JSON, written by the HTTP layer), so every later
// download shows the numbers the council received, whatever is recorded
// afterwards. Written once in the finalise transaction; never changed.
constexpr std::string_view kV14ReportFigures = R"sql(
CREATE TABLE progress_report_figures (
  tenant_id INTEGER NOT NULL,
  period    TEXT NOT NULL,
  figures   TEXT NOT NULL,
  PRIMARY KEY (tenant_id, period),
  FOREIGN KEY (tenant_id, period) REFERENCES progress_reports(tenant_id, period)
) WITHOUT ROWID;
CREATE TRIGGER progress_report_figures_no_update BEFORE UPDATE ON progress_report_figures
BEGIN SELECT RAISE(ABORT, 'the figures of a final report are frozen'); END;
CREATE TRIGGER progress_report_figures_no_delete BEFORE DELETE ON progress_report_figures
BEGIN SELECT RAISE(ABORT, 'the figures of a final report are frozen'); END;
)sql";

// Fast household reads: the list and detail cache (http::HouseholdReadCache)
// serves a body while the tenant's change counter stands. Those bodies also
// show users' names (regisseur, begeleiders, vrijwilligers) and
// organisations, which belong to no one tenant: a change of what a body can
// show of them (or of a user's roles and activity) bumps every tenant.
// Rare (user administration), so the cost of recomputing is fine. Not the
// login bookkeeping columns (password, TOTP step): those change per login.
constexpr std::string_view kV15UserChanges = R"sql(
CREATE TRIGGER users_changes_update
AFTER UPDATE OF display_name, roles, active, organisation_id ON users
BEGIN UPDATE tenant_changes SET n = n + 1; END;
CREATE TRIGGER users_changes_delete AFTER DELETE ON users
BEGIN UPDATE tenant_changes SET n = n + 1; END;
CREATE TRIGGER organisations_changes_update
AFTER UPDATE OF tenant_id, name, kind ON organisations
BEGIN UPDATE tenant_changes SET n = n + 1; END;
CREATE TRIGGER organisations_changes_delete AFTER DELETE ON organisations
BEGIN UPDATE tenant_changes SET n = n + 1; END;
)sql";

// Reading a whole tenant's population in pages of persons (indicators,
// reports, the regional benchmark): without an index ordered by tenant and
// id, every page sorted all of the tenant's persons again (10,000
// households: 13 pages of 90 ms). An index on tenant_id is ordered by
// (tenant_id, rowid), so a page is a range walk that stops at its limit.
constexpr std::string_view kV16PersonPages = R"sql(
CREATE INDEX persons_tenant ON persons(tenant_id);
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
  issuer    TEXT NOT NULL,
  subject   TEXT NOT NULL,
  user_id   INTEGER NOT NULL REFERENCES users(id),
  linked_at INTEGER NOT NULL,
  PRIMARY KEY (issuer, subject),
  UNIQUE (user_id, issuer)
);
)sql";

// The end of the retention period (docs/operations.md, `regie erase`): an
// archived household is erased for good, its append-only records included.
// The delete guards stay, but give way while erasure_grant has a row: the
// erasing transaction inserts one, deletes the household's rows and removes
// it again before it commits, so no committed state ever holds a grant and
// no other connection sees one.
constexpr std::string_view kV18Erasure = R"sql(
CREATE TABLE erasure_grant (
  household_id INTEGER PRIMARY KEY
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
DROP TRIGGER contacts_no_delete;
CREATE TRIGGER contacts_no_delete BEFORE DELETE ON contacts
WHEN NOT EXISTS (SELECT 1 FROM erasure_grant)
BEGIN SELECT RAISE(ABORT, 'contacts are append-only'); END;
DROP TRIGGER assessments_no_delete;
CREATE TRIGGER assessments_no_delete BEFORE DELETE ON assessments
WHEN NOT EXISTS (SELECT 1 FROM erasure_grant)
BEGIN SELECT RAISE(ABORT, 'assessments are append-only'); END;
DROP TRIGGER assessment_items_no_delete;
CREATE TRIGGER assessment_items_no_delete BEFORE DELETE ON assessment_items
WHEN NOT EXISTS (SELECT 1 FROM erasure_grant)
BEGIN SELECT RAISE(ABORT, 'assessments are append-only'); END;
DROP TRIGGER signal_history_no_delete;
CREATE TRIGGER signal_history_no_delete BEFORE DELETE ON signal_history
WHEN NOT EXISTS (SELECT 1 FROM erasure_grant)
BEGIN SELECT RAISE(ABORT, 'signal history is append-only'); END;
DROP TRIGGER signals_no_delete;
CREATE TRIGGER signals_no_delete BEFORE DELETE ON signals
WHEN NOT EXISTS (SELECT 1 FROM erasure_grant)
BEGIN SELECT RAISE(ABORT, 'signals are never deleted'); END;
DROP TRIGGER plan_versions_no_delete;
CREATE TRIGGER plan_versions_no_delete BEFORE DELETE ON plan_versions
WHEN NOT EXISTS (SELECT 1 FROM erasure_grant)
BEGIN SELECT RAISE(ABORT, 'plan versions are immutable'); END;
DROP TRIGGER plan_agreements_no_delete;
CREATE TRIGGER plan_agreements_no_delete BEFORE DELETE ON plan_agreements
WHEN NOT EXISTS (SELECT 1 FROM erasure_grant)
BEGIN SELECT RAISE(ABORT, 'plan agreements are append-only'); END;
DROP TRIGGER handover_packages_no_delete;
CREATE TRIGGER handover_packages_no_delete BEFORE DELETE ON handover_packages
WHEN NOT EXISTS (SELECT 1 FROM erasure_grant)
BEGIN SELECT RAISE(ABORT, 'handover packages are kept'); END;
DROP TRIGGER intake_versions_no_delete;
CREATE TRIGGER intake_versions_no_delete BEFORE DELETE ON intake_versions
WHEN NOT EXISTS (SELECT 1 FROM erasure_grant)
BEGIN SELECT RAISE(ABORT, 'intake versions are immutable'); END;
DROP TRIGGER intake_items_no_delete;
CREATE TRIGGER intake_items_no_delete BEFORE DELETE ON intake_items
WHEN NOT EXISTS (SELECT 1 FROM erasure_grant)
BEGIN SELECT RAISE(ABORT, 'intake versions are immutable'); END;
DROP TRIGGER referral_history_no_delete;
CREATE TRIGGER referral_history_no_delete BEFORE DELETE ON referral_history
WHEN NOT EXISTS (SELECT 1 FROM erasure_grant)
BEGIN SELECT RAISE(ABORT, 'referral history is append-only'); END;
DROP TRIGGER referrals_no_delete;
CREATE TRIGGER referrals_no_delete BEFORE DELETE ON referrals
WHEN NOT EXISTS (SELECT 1 FROM erasure_grant)
BEGIN SELECT RAISE(ABORT, 'referrals are never deleted'); END;
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

}  // namespace regie::storage::sqlite
