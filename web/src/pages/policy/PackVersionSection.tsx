import {
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { PackVersionDetail } from '../../api/policyTypes';
import { SourceNote } from '../../components/policy/SourceNote';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/dates';
import { domainLabel, formatPeriod, localText } from '../../lib/milestones';
import { deadlineText, eventNamer, windowText } from '../../lib/packDisplay';

/** A table under its own h3; nothing but a line when the version has none of these. */
function Part({
  id,
  heading,
  count,
  empty,
  head,
  children,
}: {
  id: string;
  heading: string;
  count: number;
  empty: string;
  head: readonly string[];
  children: ReactNode;
}) {
  return (
    <>
      <Heading3 id={id} className="regie-h3">
        {heading}
      </Heading3>
      {count === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        // Wide: a named region that keyboard users can focus and scroll.
        <div className="regie-table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
          <Table className="regie-table regie-pack-table" aria-labelledby={id}>
            <TableHeader>
              <TableRow>
                {head.map((h) => (
                  <TableHeaderCell key={h} scope="col">
                    {h}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>{children}</TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

/** "a, b, c", or a dash read as "none". */
function list(items: readonly string[], none: string): string {
  return items.length > 0 ? items.join(', ') : none;
}

/** One version of a pack with every rule it holds and where each comes from. */
export function PackVersionSection({
  tenantId,
  version: v,
}: {
  tenantId: number;
  version: PackVersionDetail;
}) {
  const { t, lang } = useI18n();
  const name = eventNamer(v.events, lang);
  const none = t('packs.none');
  const id = (part: string) => `versie-${v.version}-${part}`;
  return (
    <section aria-labelledby={id('kop')} className="regie-pack-version">
      <Heading2 id={id('kop')}>
        {t('packs.versionHeading', {
          version: v.version,
          window: windowText(t, v.valid_from, v.valid_to),
        })}
      </Heading2>
      <Paragraph>
        <SourceNote tenantId={tenantId} source={v.source} />
      </Paragraph>

      <Part
        id={id('mijlpalen')}
        heading={t('packs.milestones', { count: v.milestones.length })}
        count={v.milestones.length}
        empty={t('packs.noMilestones')}
        head={[
          t('milestones.col.milestone'),
          t('milestones.col.domain'),
          t('packs.col.deadline'),
          t('packs.col.applies'),
          t('packs.col.satisfiedBy'),
          t('packs.col.exceptions'),
        ]}
      >
        {v.milestones.map((m) => (
          <TableRow key={m.id} data-milestone={m.id}>
            <TableHeaderCell scope="row">
              {localText(m.label, lang)}
              <span className="regie-cell-note">{m.id}</span>
              <SourceNote tenantId={tenantId} source={m.source} note={m.note} />
            </TableHeaderCell>
            <TableCell>{domainLabel(t, m.domain)}</TableCell>
            <TableCell>{deadlineText(t, m.deadline, m.anchor ? name(m.anchor) : '')}</TableCell>
            <TableCell>{m.applies || t('packs.everyone')}</TableCell>
            <TableCell>{list(m.satisfied_by.map(name), none)}</TableCell>
            <TableCell>
              {t('packs.extensions', { list: list(m.extensions, none) })}
              <span className="regie-cell-note">
                {t('packs.exemptions', { list: list(m.exemptions.map(name), none) })}
              </span>
            </TableCell>
          </TableRow>
        ))}
      </Part>

      <Part
        id={id('afspraken')}
        heading={t('packs.cadences', { count: v.cadences.length })}
        count={v.cadences.length}
        empty={t('packs.noCadences')}
        head={[
          t('cadences.col.label'),
          t('milestones.col.domain'),
          t('cadences.col.every'),
          t('packs.col.start'),
          t('packs.col.stop'),
        ]}
      >
        {v.cadences.map((c) => (
          <TableRow key={c.id} data-cadence={c.id}>
            <TableHeaderCell scope="row">
              {localText(c.label, lang)}
              <span className="regie-cell-note">{c.id}</span>
              <SourceNote tenantId={tenantId} source={c.source} note={c.note} />
            </TableHeaderCell>
            <TableCell>{domainLabel(t, c.domain)}</TableCell>
            <TableCell>{t('cadences.every', { period: formatPeriod(t, c.every) })}</TableCell>
            <TableCell>{c.start ? name(c.start) : none}</TableCell>
            <TableCell>{list(c.stop.map(name), none)}</TableCell>
          </TableRow>
        ))}
      </Part>

      <Part
        id={id('indicatoren')}
        heading={t('packs.indicators', { count: v.indicators.length })}
        count={v.indicators.length}
        empty={t('packs.noIndicators')}
        head={[
          t('packs.col.indicator'),
          t('milestones.col.domain'),
          t('packs.col.target'),
          t('packs.col.period'),
        ]}
      >
        {v.indicators.map((i) => (
          <TableRow key={i.id} data-indicator={i.id}>
            <TableHeaderCell scope="row">
              {localText(i.label, lang)}
              {i.theme ? <span className="regie-cell-note">{i.theme}</span> : null}
              <SourceNote tenantId={tenantId} source={i.source} note={i.note} />
            </TableHeaderCell>
            <TableCell>{domainLabel(t, i.domain)}</TableCell>
            <TableCell className="regie-numeric">
              {i.target_percent === null
                ? t('packs.noTarget')
                : t('packs.percent', { value: i.target_percent })}
            </TableCell>
            <TableCell className="regie-nowrap">
              {t('packs.window', {
                from: formatDate(i.period_from),
                to: formatDate(i.period_to),
              })}
            </TableCell>
          </TableRow>
        ))}
      </Part>

      <Part
        id={id('gebeurtenissen')}
        heading={t('packs.events', { count: v.events.length })}
        count={v.events.length}
        empty={t('packs.noEvents')}
        head={[t('events.col.event'), t('packs.col.kind'), t('packs.col.value')]}
      >
        {v.events.map((e) => (
          <TableRow key={e.id}>
            <TableHeaderCell scope="row">
              {localText(e.label, lang)}
              <span className="regie-cell-note">{e.id}</span>
            </TableHeaderCell>
            <TableCell>{t(`enum.eventKind.${e.kind}`)}</TableCell>
            <TableCell>{t(`enum.eventValue.${e.value}`)}</TableCell>
          </TableRow>
        ))}
      </Part>

      <Heading3 id={id('codelijsten')} className="regie-h3">
        {t('packs.codeLists', { count: v.code_lists.length })}
      </Heading3>
      {v.code_lists.length === 0 ? <Paragraph>{t('packs.noCodeLists')}</Paragraph> : null}
      {v.code_lists.map((l) => (
        <div
          key={l.id}
          className="regie-table-scroll"
          role="region"
          aria-labelledby={id(`codes-${l.id}`)}
          tabIndex={0}
        >
          <Table className="regie-table regie-code-list">
            <TableCaption id={id(`codes-${l.id}`)}>
              {localText(l.label, lang)}
              {l.outcome ? ` (${t('packs.outcome')})` : ''}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('packs.col.code')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('packs.col.meaning')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {l.codes.map((c) => (
                <TableRow key={c.code}>
                  <TableHeaderCell scope="row">{c.code}</TableHeaderCell>
                  <TableCell>{localText(c.label, lang)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ))}
    </section>
  );
}
