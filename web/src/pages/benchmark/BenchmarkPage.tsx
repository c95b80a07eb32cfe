import {
  FormField,
  FormLabel,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { getBenchmark, listRegions } from '../../api/benchmark';
import type { Benchmark, BenchmarkIndicator } from '../../api/benchmark';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { barRows, countsText, intervalText, percentText } from '../../lib/benchmark';
import { formatDate } from '../../lib/dates';
import { useResource } from '../../lib/useResource';
import { BarChart } from './BarChart';
import { G40Table } from './G40Table';

function IndicatorSection({
  benchmark,
  indicator,
}: {
  benchmark: Benchmark;
  indicator: BenchmarkIndicator;
}) {
  const { t, lang } = useI18n();
  const label = lang === 'en' && indicator.label_en ? indicator.label_en : indicator.label_nl;
  const regionLabel = t('benchmark.regionTotal', { name: benchmark.region.name });
  const rows = barRows(benchmark, indicator, regionLabel);
  const headingId = `ind-${indicator.pack_id}-${indicator.id}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const cellOf = (key: string) =>
    key === 'region'
      ? indicator.region.total
      : (indicator.members.find((f) => String(f.tenant_id) === key)?.total ?? null);
  return (
    <section
      aria-labelledby={headingId}
      className="regie-benchmark-indicator"
      data-indicator={indicator.id}
    >
      <Heading2 id={headingId}>{label}</Heading2>
      <Paragraph className="regie-cell-note">
        {indicator.theme}
        {indicator.target_percent !== null
          ? ` · ${t('benchmark.target', { percent: indicator.target_percent })}`
          : ''}
      </Paragraph>
      <div className="regie-table-scroll">
        <Table className="regie-table">
          <TableCaption className="regie-visually-hidden">{label}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('benchmark.col.municipality')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('benchmark.col.percent')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('benchmark.col.interval')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('benchmark.col.counts')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('benchmark.col.within')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => {
              const cell = cellOf(r.key);
              return (
                <TableRow
                  key={r.key}
                  data-row={r.key}
                  className={r.own ? 'regie-row-own' : r.regional ? 'regie-row-total' : undefined}
                >
                  <TableHeaderCell scope="row">
                    {r.label}
                    {r.own ? <span className="regie-cell-note"> {t('benchmark.own')}</span> : null}
                  </TableHeaderCell>
                  <TableCell>{percentText(cell)}</TableCell>
                  <TableCell>{intervalText(cell)}</TableCell>
                  <TableCell>{countsText(cell)}</TableCell>
                  <TableCell>{cell ? cell.within_window.text : '–'}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <BarChart rows={rows} label={t('benchmark.chartLabel', { indicator: label })} />
    </section>
  );
}

function BenchmarkView({ tenantId, region }: { tenantId: number; region: string }) {
  const { t } = useI18n();
  const { resource } = useResource(
    (signal) => getBenchmark(tenantId, region, null, signal),
    [tenantId, region],
  );
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <ProblemAlert error={resource.error} />;
  const b = resource.data;
  return (
    <>
      <Paragraph data-testid="benchmark-summary">
        {t('benchmark.summary', {
          region: b.region.name,
          date: formatDate(b.on),
          count: b.members.length,
          names: b.members.map((m) => m.name).join(', '),
        })}
      </Paragraph>
      <Paragraph>{t('benchmark.suppression')}</Paragraph>
      {b.indicators.length === 0 ? <Paragraph>{t('benchmark.noCommon')}</Paragraph> : null}
      {b.indicators.map((ind) => (
        <IndicatorSection key={`${ind.pack_id}/${ind.id}`} benchmark={b} indicator={ind} />
      ))}
      <G40Table reference={b.reference} />
    </>
  );
}

/**
 * "Regionale vergelijking" (beleid): the municipality's indicators beside
 * those of the other municipalities of a region that share theirs, and the
 * regional total, all with small-cell suppression, plus the G40 survey of
 * January 2018 as a reference.
 */
export function BenchmarkPage({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  const { resource } = useResource((signal) => listRegions(tenantId, signal), [tenantId]);
  const [chosen, setChosen] = useState<string | null>(null);
  const regions = resource.status === 'ready' ? resource.data : [];
  const region = chosen ?? regions.find((r) => r.sharing)?.region.code ?? regions[0]?.region.code;
  return (
    <>
      <PageHeading title={t('benchmark.title')} />
      <Paragraph>{t('benchmark.intro')}</Paragraph>
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {resource.status === 'ready' && regions.length === 0 ? (
        <Paragraph>{t('benchmark.noRegions')}</Paragraph>
      ) : null}
      {regions.length > 0 ? (
        <FormField>
          <FormLabel htmlFor="regio">{t('benchmark.region')}</FormLabel>
          <Select id="regio" value={region} onChange={(e) => setChosen(e.target.value)}>
            {regions.map((r) => (
              <SelectOption key={r.region.code} value={r.region.code}>
                {r.region.name}
                {r.sharing ? '' : ` (${t('benchmark.notSharing')})`}
              </SelectOption>
            ))}
          </Select>
        </FormField>
      ) : null}
      {region ? <BenchmarkView tenantId={tenantId} region={region} /> : null}
    </>
  );
}
