import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Referral } from '../../api/referrals';
import { AppLink } from '../../components/links';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatTimestamp } from '../../lib/dates';
import { listedPersonName } from '../../lib/personName';
import { paths } from '../../router/routes';
import { ReferralActions } from './ReferralActions';
import { ReferralHistory } from './ReferralHistory';

interface Props {
  tenantId: number;
  referrals: readonly Referral[];
  /** The page over many households names the household; the section does not. */
  showHousehold: boolean;
  labelledBy: string;
  onChanged: (referral: Referral) => void;
  /** An action's form opened in a row. */
  onOpenAction?: () => void;
}

/**
 * Referrals with persons, organisations, package, state and response date
 * (overdue when passed), and what the server let through: the reason and
 * the notes only in the full view.
 */
export function ReferralsTable({
  tenantId,
  referrals,
  showHousehold,
  labelledBy,
  onChanged,
  onOpenAction,
}: Props) {
  const { t } = useI18n();
  const reasons = referrals.some((r) => r.reason !== undefined);
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table regie-fit-table regie-referrals" aria-labelledby={labelledBy}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('referrals.col.created')}</TableHeaderCell>
            {showHousehold ? (
              <TableHeaderCell scope="col">{t('referrals.col.household')}</TableHeaderCell>
            ) : null}
            <TableHeaderCell scope="col">{t('referrals.col.persons')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('referrals.col.from')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('referrals.col.to')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('referrals.col.package')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('referrals.col.state')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('referrals.col.respondBy')}</TableHeaderCell>
            {reasons ? (
              <TableHeaderCell scope="col">{t('referrals.col.reason')}</TableHeaderCell>
            ) : null}
            <TableHeaderCell scope="col">{t('referrals.col.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {referrals.map((r) => (
            <TableRow key={r.id} data-referral={r.id}>
              <TableCell className="regie-nowrap">{formatTimestamp(r.created_at)}</TableCell>
              {showHousehold ? (
                <TableCell className="regie-break-anywhere">
                  <AppLink href={paths.household(tenantId, r.household.id)}>
                    {r.household.name}
                  </AppLink>
                </TableCell>
              ) : null}
              <TableHeaderCell scope="row" className="regie-break-anywhere">
                {r.persons.map((p) => listedPersonName(t, p)).join(', ')}
              </TableHeaderCell>
              <TableCell className="regie-break-anywhere">
                {r.from_organisation.name ?? ''}
              </TableCell>
              <TableCell className="regie-break-anywhere">{r.to_organisation.name ?? ''}</TableCell>
              <TableCell data-package className="regie-break-anywhere">
                {r.package.map((c) => t(`enum.category.${c}`)).join(', ')}
              </TableCell>
              <TableCell>
                {t(`referrals.state.${r.state}`)}
                {r.decision_note ? (
                  <span className="regie-cell-note regie-pre-line">{r.decision_note}</span>
                ) : null}
              </TableCell>
              <TableCell>
                <span className="regie-nowrap">{formatDate(r.respond_by)}</span>
                {r.overdue ? (
                  <span className="regie-badge regie-badge--warning">{t('referrals.overdue')}</span>
                ) : null}
              </TableCell>
              {reasons ? (
                <TableCell className="regie-pre-line regie-break-anywhere">
                  {r.reason ?? <span className="regie-muted">{t('referrals.hidden')}</span>}
                  {r.checklist && r.checklist.length > 0 ? (
                    <ul className="regie-checklist">
                      {r.checklist.map((item) => (
                        <li key={item}>{item}</li>
                      ))}
                    </ul>
                  ) : null}
                </TableCell>
              ) : null}
              <TableCell className="regie-actions-cell">
                <ReferralActions
                  tenantId={tenantId}
                  referral={r}
                  onChanged={onChanged}
                  onOpen={onOpenAction}
                />
                <ReferralHistory tenantId={tenantId} referralId={r.id} version={r.version} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
