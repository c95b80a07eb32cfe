// The half-year progress report (docs/api-contract.md, "Half-year progress
// report"): narrative texts per period, finalising, and the downloads.
import { request } from './client';
import { tenantPath } from './regie';
import type { Items } from './regie';

export type ReportSection =
  | 'resultaatafspraken'
  | 'wat_gaat_goed'
  | 'wat_kan_beter'
  | 'netwerkpartners'
  | 'nieuwe_initiatieven'
  | 'activiteiten'
  | 'trends'
  | 'financieel';

export interface UserRef {
  id: number;
  display_name: string;
}

export interface ReportText {
  section: ReportSection;
  /** 0: the municipality's own text; otherwise the partner organisation's contribution. */
  organisation_id: number;
  organisation_name: string | null;
  /** 0: nothing written yet. */
  version: number;
  text: string;
  saved_at: string | null;
  saved_by: UserRef | null;
}

export interface ProgressReport {
  period: string;
  first_day: string;
  reference_date: string;
  status: 'concept' | 'definitief';
  finalised_at: string | null;
  finalised_by: UserRef | null;
  stamp: {
    reference_date: string;
    packs: { id: string; version: number }[];
    snapshot: string;
  } | null;
  sections: { section: ReportSection; texts: ReportText[] }[];
  access: {
    all_sections: boolean;
    organisation_id: number | null;
    write: boolean;
    finalise: boolean;
    export: boolean;
  };
}

function reportPath(tenantId: number, period: string): string {
  return `${tenantPath(tenantId)}/reports/${encodeURIComponent(period)}`;
}

export function listReports(
  tenantId: number,
  signal?: AbortSignal,
): Promise<Items<{ period: string; status: string }>> {
  return request(`${tenantPath(tenantId)}/reports`, { signal });
}

export function getReport(
  tenantId: number,
  period: string,
  signal?: AbortSignal,
): Promise<ProgressReport> {
  return request(reportPath(tenantId, period), { signal });
}

/** Saves a new version of one text against the version the writer started from. */
export function saveReportText(
  tenantId: number,
  period: string,
  text: Pick<ReportText, 'section' | 'organisation_id' | 'version' | 'text'>,
): Promise<ReportText> {
  return request(`${reportPath(tenantId, period)}/sections/${text.section}`, {
    method: 'PUT',
    body: { version: text.version, text: text.text, organisation_id: text.organisation_id },
  });
}

export function finaliseReport(tenantId: number, period: string): Promise<ProgressReport> {
  return request(`${reportPath(tenantId, period)}/finalise`, { method: 'POST', body: {} });
}

/** The download URL of the report as PDF or HTML, in the UI's language. */
export function reportDownloadHref(
  tenantId: number,
  period: string,
  format: 'pdf' | 'html' | 'xlsx',
  lang: 'nl' | 'en',
): string {
  return `${reportPath(tenantId, period)}.${format}?lang=${lang}`;
}
