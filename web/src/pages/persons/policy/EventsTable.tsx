import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { PersonEvent } from '../../../api/policyTypes';
import { useI18n } from '../../../i18n/i18n';
import type { Translate } from '../../../i18n/i18n';
import type { Lang } from '../../../i18n/translate';
import { formatDate, formatTimestamp } from '../../../lib/dates';
import { localText } from '../../../lib/milestones';

/** The event's name: its label in the packs, or its id when no active pack knows it. */
export function eventName(e: Pick<PersonEvent, 'label' | 'event'>, lang: Lang): string {
  return localText(e.label, lang) || e.event;
}

function valueText(e: PersonEvent, t: Translate, lang: Lang): string {
  if (e.code !== null && e.code !== '') {
    const label = localText(e.code_label, lang);
    return label ? t('events.codeWithLabel', { code: e.code, label }) : e.code;
  }
  return e.value === null ? '' : String(e.value);
}

interface Props {
  events: readonly PersonEvent[];
  labelledBy: string;
  /** Offered for events that still count; without it nothing can be voided. */
  onVoid?: (event: PersonEvent) => void;
}

/** A person's recorded events, voided ones struck through with who voided them and why. */
export function EventsTable({ events, labelledBy, onVoid }: Props) {
  const { t, lang } = useI18n();
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table regie-events" aria-labelledby={labelledBy}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('events.col.date')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('events.col.event')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('events.col.value')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('events.col.reason')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('events.col.recordedBy')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('events.col.status')}</TableHeaderCell>
            {onVoid ? (
              <TableHeaderCell scope="col">
                <span className="regie-visually-hidden">{t('household.col.actions')}</span>
              </TableHeaderCell>
            ) : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {events.map((e) => {
            const name = eventName(e, lang);
            const struck = e.voided ? 'regie-struck' : undefined;
            return (
              <TableRow
                key={e.id}
                data-event={e.event}
                className={e.voided ? 'regie-row-muted regie-row-voided' : undefined}
              >
                <TableCell className={`regie-nowrap ${struck ?? ''}`.trim()}>
                  {formatDate(e.date)}
                </TableCell>
                <TableHeaderCell scope="row">
                  {/* The pack's code only on hover, for who compares with the pack. */}
                  <span className={struck} title={e.label ? e.event : undefined}>
                    {name}
                  </span>
                  {!e.known ? (
                    <span className="regie-badge regie-badge--warning">
                      {t('events.unknownBadge')}
                    </span>
                  ) : null}
                </TableHeaderCell>
                <TableCell className={struck}>{valueText(e, t, lang)}</TableCell>
                <TableCell className={struck}>{e.reason}</TableCell>
                <TableCell>
                  {e.recorded_by?.display_name ?? t('common.none')}
                  <span className="regie-cell-note">{formatTimestamp(e.recorded_at)}</span>
                </TableCell>
                <TableCell>
                  {e.voided ? (
                    <>
                      {e.voided_at
                        ? t('events.voidedOn', { date: formatTimestamp(e.voided_at) })
                        : t('events.voided')}
                      {e.void_reason ? (
                        <span className="regie-cell-note">
                          {t('events.voidReason', { reason: e.void_reason })}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    t('events.valid')
                  )}
                </TableCell>
                {onVoid ? (
                  <TableCell>
                    {!e.voided ? (
                      <Button
                        appearance="subtle-button"
                        hint="danger"
                        className="regie-nowrap"
                        data-void={e.id}
                        onClick={() => onVoid(e)}
                      >
                        {t('events.void')}{' '}
                        <span className="regie-visually-hidden">
                          {t('events.voidWhich', { event: name, date: formatDate(e.date) })}
                        </span>
                      </Button>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
