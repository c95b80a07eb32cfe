import { ButtonLink, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef } from 'react';
import { auditCsvHref, listAudit, listUsers } from '../../api/access';
import type { User } from '../../api/types';
import { AppLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import {
  AUDIT_FILTER_FIELDS,
  auditFiltersFromSearch,
  auditSearchFromFilters,
} from '../../lib/auditFilters';
import {
  currentCursor,
  cursorStackFrom,
  nextPage,
  pageNumber,
  previousPage,
} from '../../lib/cursorStack';
import type { CursorStack } from '../../lib/cursorStack';
import { useResource } from '../../lib/useResource';
import { navigate, useLocation } from '../../router/router';
import { paths } from '../../router/routes';
import { Pagination } from '../households/Pagination';
import { AuditFilterForm } from './AuditFilterForm';
import { AuditTable } from './AuditTable';

const NO_USERS: readonly User[] = [];

/**
 * "Auditlog" (auditor): who did what to which personal data, newest first,
 * filtered through the URL, paged with the API's cursor, and exported as CSV
 * with the same filters (the export is audited too).
 */
export function AuditPage({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  const location = useLocation();
  const filters = useMemo(() => auditFiltersFromSearch(location.search), [location.search]);
  const cursors = cursorStackFrom(location.state.cursors);
  const after = currentCursor(cursors);
  const { resource } = useResource(
    (signal) => listAudit(tenantId, filters, after, signal),
    [tenantId, filters, after],
  );
  const users = useResource(
    (signal) => listUsers(tenantId, undefined, signal),
    [tenantId],
  ).resource;

  const resultsRef = useRef<HTMLHeadingElement>(null);
  const firstKey = useRef(location.key);
  useEffect(() => {
    if (location.key !== firstKey.current) resultsRef.current?.focus();
  }, [location.key]);

  const auditPath = paths.audit(tenantId);
  const goToPage = (stack: CursorStack) =>
    navigate(auditPath + location.search, { state: { cursors: stack } });
  const page = pageNumber(cursors);

  return (
    <>
      <PageHeading title={t('audit.title')} />
      <Paragraph>{t('audit.intro')}</Paragraph>
      <AuditFilterForm
        key={location.search}
        filters={filters}
        users={users.status === 'ready' ? users.data : NO_USERS}
        error={resource.status === 'error' ? resource.error : null}
        resetHref={auditPath}
        onSearch={(f) => navigate(auditPath + auditSearchFromFilters(f))}
      />
      <div className="regie-page-actions">
        <ButtonLink
          href={auditCsvHref(tenantId, filters)}
          download
          appearance="secondary-action-button"
        >
          {t('audit.export')}
        </ButtonLink>
      </div>
      <section aria-labelledby="resultaten" className="regie-results">
        <Heading2 id="resultaten" ref={resultsRef} tabIndex={-1}>
          {t('list.results')}
        </Heading2>
        {resource.status === 'loading' ? <Loading /> : null}
        {resource.status === 'error' ? (
          <ProblemAlert error={resource.error} shownFields={AUDIT_FILTER_FIELDS}>
            {page > 1 ? (
              <Paragraph>
                <AppLink href={auditPath + location.search}>{t('list.firstPage')}</AppLink>
              </Paragraph>
            ) : null}
          </ProblemAlert>
        ) : null}
        {resource.status === 'ready' && resource.data.items.length === 0 ? (
          <Paragraph role="status">{t('audit.empty')}</Paragraph>
        ) : null}
        {resource.status === 'ready' && resource.data.items.length > 0 ? (
          <>
            <Paragraph role="status" className="regie-count">
              {t('audit.count', { count: resource.data.items.length, page })}
            </Paragraph>
            <AuditTable items={resource.data.items} caption={t('audit.caption', { page })} />
            <Pagination
              page={page}
              hasPrevious={page > 1}
              hasNext={resource.data.next !== null}
              onPrevious={() => goToPage(previousPage(cursors))}
              onNext={() => resource.data.next && goToPage(nextPage(cursors, resource.data.next))}
            />
          </>
        ) : null}
      </section>
    </>
  );
}
