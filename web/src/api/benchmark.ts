// The regional benchmark (docs/api-contract.md, "Regional benchmark").
import { request } from './client';
import { BASE, tenantPath } from './regie';
import type { Items } from './regie';

export type CountState = 'shown' | 'below_threshold' | 'complementary';

/** A published count: `value` is null unless the state is "shown". */
export interface BenchmarkCount {
  value: number | null;
  text: string;
  state: CountState;
}

export interface BenchmarkCell {
  satisfied: BenchmarkCount;
  not_satisfied: BenchmarkCount;
  within_window: BenchmarkCount;
  anchor_missing: BenchmarkCount;
  total: BenchmarkCount;
  percent: number | null;
  interval: { lower: number; upper: number } | null;
  target: string | null;
}

export interface BenchmarkFigures {
  tenant_id?: number;
  total: BenchmarkCell | null;
  cohorts: Record<string, BenchmarkCell>;
}

export interface Region {
  code: string;
  name: string;
  kind: 'regio' | 'g40';
}

export interface BenchmarkMember {
  tenant_id: number;
  code: string;
  name: string;
  own: boolean;
  persons: BenchmarkCount;
}

export interface BenchmarkIndicator {
  id: string;
  pack_id: string;
  label_nl: string;
  label_en: string;
  domain: string;
  theme: string;
  deadline: boolean;
  target_percent: number | null;
  members: BenchmarkFigures[];
  region: BenchmarkFigures;
}

export interface G40Reference {
  source: {
    title: string;
    publisher: string;
    date: string;
    section: string;
    respondents: string;
    data: string;
  };
  statements: {
    statement: number;
    text_nl: string;
    n: number;
    answers: { answer: string; count: number }[];
  }[];
}

export interface Benchmark {
  region: Region;
  on: string;
  own_tenant_id: number;
  members: BenchmarkMember[];
  total: { persons: BenchmarkCount };
  cohorts: string[];
  indicators: BenchmarkIndicator[];
  reference: G40Reference;
}

export interface RegionMembership {
  region: Region;
  joined_at: string;
  sharing: boolean;
  decided_at: string | null;
  decided_by: { id: number; display_name: string } | null;
}

export async function listRegions(
  tenantId: number,
  signal?: AbortSignal,
): Promise<RegionMembership[]> {
  return (await request<Items<RegionMembership>>(`${tenantPath(tenantId)}/regions`, { signal }))
    .items;
}

export function setRegionSharing(
  tenantId: number,
  code: string,
  sharing: boolean,
): Promise<RegionMembership> {
  return request(`${tenantPath(tenantId)}/regions/${encodeURIComponent(code)}/sharing`, {
    method: 'PUT',
    body: { sharing },
  });
}

export function getBenchmark(
  tenantId: number,
  region: string,
  on: string | null,
  signal?: AbortSignal,
): Promise<Benchmark> {
  const query = new URLSearchParams({ region });
  if (on) query.set('on', on);
  return request(`${tenantPath(tenantId)}/benchmark?${query.toString()}`, { signal });
}

export function getG40Reference(signal?: AbortSignal): Promise<G40Reference> {
  return request(`${BASE}/reference/g40-2018`, { signal });
}
