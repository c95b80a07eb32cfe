import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { AuditRecord } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { shortCategoryList } from '../../lib/categories';
import { formatDateTime, formatTimestamp } from '../../lib/dates';
import { enumLabel } from '../../lib/enumLabel';
import { labelOrCode } from '../../lib/milestones';
import type { Translate } from '../../i18n/i18n';

const BREAK_GLASS_PREFIX = 'break_glass: ';

/** The reason typed when opening with break-the-glass, without the server's marker. */
export function breakGlassReason(purpose: string): string {
  return purpose.startsWith(BREAK_GLASS_PREFIX)
    ? purpose.slice(BREAK_GLASS_PREFIX.length)
    : purpose;
}

/** An audit action in words ("read" -> "Bekeken"); an unknown one as its code. */
export function auditActionLabel(t: Translate, action: string): string {
  return labelOrCode(t, `audit.actions.${action}`, action);
}

/** What a record is about in words ("plan_versions" -> "Versies van het plan"); else its code. */
export function auditResourceLabel(t: Translate, resource: string): string {
  return labelOrCode(t, `audit.resources.${resource}`, resource);
}

const PURPOSE_CODE = /^([a-z][a-z0-9_]*)([:\s][\s\S]*)?$/;

/**
 * The purpose or reason of a record in words: the server writes a code
 * ("regisseur_of_household", "password_verified"), sometimes followed by
 * free text ("finalise: tenant_changes:9", "case_team_exact csv"). A known
 * code becomes its label, the rest stays as written; free text as it is.
 */
export function auditPurposeLabel(t: Translate, purpose: string): string {
  const m = PURPOSE_CODE.exec(purpose);
  if (!m) return purpose;
  const code = m[1]!;
  const label = labelOrCode(t, `audit.purposes.${code}`, '');
  return label ? `${label}${m[2] ?? ''}` : purpose;
}

/** The purpose in words, with the code as written on hover (as in the CSV export). */
function PurposeText({ purpose }: { purpose: string }) {
  const { t } = useI18n();
  const text = auditPurposeLabel(t, purpose);
  return text === purpose ? <>{purpose}</> : <span title={purpose}>{text}</span>;
}

/** Audit records, newest first; break-the-glass rows stand out with their reason. */
export function AuditTable({ items, caption }: { items: readonly AuditRecord[]; caption: string }) {
  const { t } = useI18n();
  return (
    // Wide: it scrolls sideways, so keyboard users can focus it to scroll.
    <div className="regie-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table className="regie-table regie-fit-table regie-audit-table">
        <TableCaption className="regie-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('audit.col.at')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.user')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.action')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.col.resource')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.col.household')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.col.person')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.col.categories')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.col.outcome')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.col.purpose')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.col.ip')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((r) => (
            <TableRow key={r.seq} className={r.break_glass ? 'regie-row-break-glass' : undefined}>
              <TableCell>
                {/* Date and time may go on two lines; each stays whole. */}
                <span className="regie-nowrap">{formatTimestamp(r.at)}</span>{' '}
                <span className="regie-nowrap">{formatDateTime(r.at, true).split(' ')[1]}</span>
              </TableCell>
              <TableCell className="regie-break-anywhere">
                {r.user ? r.user.display_name : t('audit.noUser')}
              </TableCell>
              <TableCell>
                {auditActionLabel(t, r.action)}
                {r.break_glass ? (
                  <span className="regie-badge regie-badge--warning">{t('audit.breakGlass')}</span>
                ) : null}
              </TableCell>
              <TableCell className="regie-break-anywhere">
                {auditResourceLabel(t, r.resource_type)}
                {r.resource_id ? ` ${r.resource_id}` : ''}
              </TableCell>
              <TableCell className="regie-numeric">{r.household_id ?? ''}</TableCell>
              <TableCell className="regie-numeric">{r.person_id ?? ''}</TableCell>
              <TableCell className="regie-break-anywhere">
                {shortCategoryList(t, r.categories)}
              </TableCell>
              <TableCell>{enumLabel(t, 'outcome', r.outcome)}</TableCell>
              <TableCell className="regie-break-anywhere">
                {r.break_glass && r.purpose ? (
                  <strong>
                    {t('audit.reason')}: {breakGlassReason(r.purpose)}
                  </strong>
                ) : (
                  <PurposeText purpose={r.purpose} />
                )}
              </TableCell>
              <TableCell className="regie-break-anywhere">{r.client_ip}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
