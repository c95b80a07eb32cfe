// Handover of a household to another municipality (docs/handover.md,
// docs/api-contract.md "Handover").
import { request } from './client';
import { tenantPath } from './regie';
import type { Items } from './regie';

export type HandoverStatus = 'pending' | 'accepted' | 'rejected' | 'exported';

export interface HandoverSummary {
  id: number;
  package_id: string;
  direction: 'incoming' | 'outgoing';
  status: HandoverStatus;
  sender: { tenant_code: string; tenant_name: string };
  sender_regisseur: string;
  household_name: string;
  person_count: number;
  key_id: string;
  trusted: boolean;
  household_id: number | null;
  recorded_at: string;
  decided_at: string | null;
  decision_reason: string;
}

/** The signed document (regie.handover/v1), passed on as it came. */
export interface HandoverDocument {
  format: string;
  package: { package_id: string; [key: string]: unknown };
  signature: Record<string, string>;
}

function packagePath(tenantId: number, householdId: number): string {
  return `${tenantPath(tenantId)}/households/${householdId}/handover-package`;
}

/** Exports the household (it is archived by the server) and returns the signed package. */
export function exportHandover(tenantId: number, householdId: number): Promise<HandoverDocument> {
  return request(packagePath(tenantId, householdId), { method: 'POST' });
}

export async function listIncomingHandovers(
  tenantId: number,
  signal?: AbortSignal,
): Promise<HandoverSummary[]> {
  return (await request<Items<HandoverSummary>>(`${tenantPath(tenantId)}/handovers`, { signal }))
    .items;
}

export function uploadHandover(tenantId: number, document: unknown): Promise<HandoverSummary> {
  return request(`${tenantPath(tenantId)}/handovers`, { method: 'POST', body: document });
}

export function acceptHandover(tenantId: number, id: number): Promise<HandoverSummary> {
  return request(`${tenantPath(tenantId)}/handovers/${id}/accept`, {
    method: 'POST',
    body: { regisseur_user_id: null },
  });
}

export function rejectHandover(
  tenantId: number,
  id: number,
  reason: string,
): Promise<HandoverSummary> {
  return request(`${tenantPath(tenantId)}/handovers/${id}/reject`, {
    method: 'POST',
    body: { reason },
  });
}

/** Offers `document` to the browser as a file download. */
export function downloadDocument(document_: HandoverDocument): void {
  const blob = new Blob([JSON.stringify(document_, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `overdracht-${document_.package.package_id}.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}
