// Types of the policy issue of the API v1 (docs/api-contract.md, "Policy
// (issue 5): events, milestones, packs"). Dates are ISO `YYYY-MM-DD`.
import type { ReferralWorkItem } from './referrals';
import type { SignalWorkItem } from './signals';
import type { UserRef } from './types';

/** A text of a policy pack in both UI languages. */
export interface LocalText {
  nl: string;
  en: string;
}

/** Where a rule comes from: the policy document and its section. */
export interface SourceRef {
  document: string;
  section: string;
}

export const MILESTONE_STATUSES = [
  'op_tijd',
  'te_laat',
  'open',
  'verlopen',
  'niet_van_toepassing',
  'vrijgesteld',
] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** Why the engine decided a status (src/core/policy/engine.h); '' for no particular reason. */
export const MILESTONE_REASONS = [
  'pack_not_in_force',
  'pack_not_activated',
  'age',
  'role',
  'inburgeringsplicht',
  'leerplicht',
  'literacy',
  'family_reunification',
  'learning_route',
  'field',
  'exempt_from_inburgering',
  'exemption_event',
  'anchor_missing',
  'extended',
  'stopped',
] as const;

/** The due date's distance from the housing date in months (seed 000 §5.3). */
export const BANDS = ['0-3', '3-6', '6-15', '15+'] as const;
export type Band = (typeof BANDS)[number];

export interface PackRef {
  id: string;
  version: number;
  title: LocalText;
}

export interface MilestoneItem {
  id: string;
  pack: PackRef;
  label: LocalText;
  domain: string;
  status: MilestoneStatus;
  reason: string;
  anchor_date: string | null;
  due_date: string | null;
  satisfied_date: string | null;
  extensions: number;
  band: Band | null;
  source: SourceRef;
  note: string;
}

export interface CadenceItem {
  id: string;
  pack: PackRef;
  label: LocalText;
  domain: string;
  status: MilestoneStatus;
  reason: string;
  start: string | null;
  last: string | null;
  next_due: string | null;
  stopped: string | null;
  met: number;
  late: number;
  /** A period such as "3 months". */
  every: string;
  source: SourceRef;
  note: string;
}

export interface Timeline {
  on: string;
  housing_date: string | null;
  /**
   * The caller does not see a person date the packs count from: what is due
   * from it is left out, and `on` can only be today.
   */
  dates_withheld: boolean;
  milestones: MilestoneItem[];
  cadences: CadenceItem[];
  /** Ids of recorded events no active pack declares. */
  unknown_events: string[];
}

export interface PersonEvent {
  id: number;
  person_id: number;
  event: string;
  label: LocalText | null;
  /** False for an event no active pack declares: stored and reported, never dropped. */
  known: boolean;
  date: string;
  value: number | null;
  code: string | null;
  code_label: LocalText | null;
  reason: string;
  recorded_by: UserRef | null;
  recorded_at: string;
  voided: boolean;
  voided_at: string | null;
  void_reason: string;
}

/** What a client sends; the date may be left out so the server reports it. */
export interface PersonEventInput {
  event: string;
  date?: string;
  value?: number;
  code?: string;
  reason?: string;
}

export const WORK_KINDS = ['milestone', 'cadence', 'action'] as const;

export interface WorkItem {
  household: { id: number; name: string };
  person: { id: number; name: string };
  kind: (typeof WORK_KINDS)[number];
  id: string;
  label: LocalText | string;
  domain: string;
  due_date: string;
  pack_id: string;
}

/** Every kind of the worklist, for its filter and the start page's counts. */
export const ALL_WORK_KINDS = ['milestone', 'cadence', 'signal', 'action', 'referral'] as const;
export type AnyWorkKind = (typeof ALL_WORK_KINDS)[number];

export interface WorkCount {
  overdue: number;
  week: number;
}

export interface Worklist {
  on: string;
  /** Per kind, over the whole list (filters do not apply). */
  counts?: Partial<Record<AnyWorkKind, WorkCount>>;
  items: (WorkItem | SignalWorkItem | ReferralWorkItem)[];
}

export interface WorklistFilters {
  kind?: AnyWorkKind | '';
  due?: 'overdue' | 'week' | '';
  householdId?: number | null;
}

export const PACK_SCOPES = ['national', 'municipality'] as const;
export type PackScope = (typeof PACK_SCOPES)[number];

export interface PackCounts {
  events: number;
  milestones: number;
  cadences: number;
  indicators: number;
  code_lists: number;
}

export interface PackVersionSummary {
  version: number;
  valid_from: string;
  valid_to: string | null;
  source: SourceRef;
  counts: PackCounts;
}

/** A window in which the tenant applies a pack (to persons whose version anchor lies in it). */
export interface PackActivation {
  from: string;
  to: string | null;
  recorded_by: UserRef | null;
  recorded_at: string;
}

export interface PackSummary {
  id: string;
  title: LocalText;
  scope: PackScope;
  municipalities: string[];
  /** Whether the pack's scope includes this tenant. */
  applicable: boolean;
  versions: PackVersionSummary[];
  activations: PackActivation[];
}

export interface PackMilestone {
  id: string;
  label: LocalText;
  domain: string;
  anchor: string;
  /** A period ("10 weeks") or a fixed date ("2018-10-01"). */
  deadline: string;
  applies: string;
  satisfied_by: string[];
  extensions: string[];
  exemptions: string[];
  source: SourceRef;
  note: string;
}

export interface PackCadence {
  id: string;
  label: LocalText;
  domain: string;
  start: string;
  stop: string[];
  every: string;
  source: SourceRef;
  note: string;
}

export interface PackIndicator {
  id: string;
  label: LocalText;
  domain: string;
  theme: string;
  target_percent: number | null;
  period_from: string;
  period_to: string;
  source: SourceRef;
  note: string;
}

export const EVENT_KINDS = ['recorded', 'person', 'derived'] as const;
export const EVENT_VALUES = ['none', 'integer', 'code'] as const;

export interface PackEvent {
  id: string;
  label: LocalText;
  kind: (typeof EVENT_KINDS)[number];
  value: (typeof EVENT_VALUES)[number];
  /** Not (yet) in the contract: the code list of a code-valued event (the packs declare it). */
  code_list?: string;
  /** Not (yet) in the contract: the unit of an integer value ("uren_per_week"). */
  unit?: string;
  /** Not (yet) in the contract: the pack asks for a reason with this event. */
  requires_reason?: boolean;
}

export interface Code {
  code: string;
  label: LocalText | string;
}

export interface CodeList {
  id: string;
  label: LocalText;
  outcome: boolean;
  codes: Code[];
}

export interface PackVersionDetail extends PackVersionSummary {
  milestones: PackMilestone[];
  cadences: PackCadence[];
  indicators: PackIndicator[];
  events: PackEvent[];
  code_lists: CodeList[];
}

export interface PackDetail extends Omit<PackSummary, 'versions'> {
  versions: PackVersionDetail[];
}

export interface Activation {
  pack_id: string;
  from: string;
  to: string | null;
  recorded_by: UserRef | null;
  recorded_at: string;
}

/** What a client sends; `from` may be left out so the server reports it. */
export interface ActivationInput {
  pack_id: string;
  from?: string;
  to?: string;
}
