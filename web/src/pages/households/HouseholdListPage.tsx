import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef } from 'react';
import { listHouseholds } from '../../api/regie';
import { Flash } from '../../components/Flash';
import { AppButtonLink, AppLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import {
  currentCursor,
  cursorStackFrom,
  nextPage,
  pageNumber,
  previousPage,
} from '../../lib/cursorStack';
import type { CursorStack } from '../../lib/cursorStack';
import { filtersFromSearch, searchFromFilters } from '../../lib/listSearch';
import { canBreakGlass, canCreateHousehold } from '../../lib/roles';
import { useResource } from '../../lib/useResource';
import { navigate, useLocation } from '../../router/router';
import { paths } from '../../router/routes';
import { useMe } from '../../session/session';
import { FILTER_FIELDS, HouseholdFilterForm } from './HouseholdFilterForm';
import { HouseholdTable } from './HouseholdTable';
import { Pagination } from './Pagination';

/**
 * "Huishoudens": search, filters and one page of results. The filters live in
 * the URL query; the cursors of earlier pages live in the history entry, so
 * back and forward return to the same page of the same search.
 */
export function HouseholdListPage({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  const { roles } = useMe().user;
  const location = useLocation();
  const filters = useMemo(() => filtersFromSearch(location.search), [location.search]);
  const cursors = cursorStackFrom(location.state.cursors);
  const after = currentCursor(cursors);
  const { resource } = useResource(
    (signal) => listHouseholds(tenantId, filters, after, signal),
    [tenantId, filters, after],
  );

  // A new search or page within this list: continue at the results.
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const firstKey = useRef(location.key);
  useEffect(() => {
    if (location.key !== firstKey.current) resultsRef.current?.focus();
  }, [location.key]);

  const listPath = paths.households(tenantId);
  const goToPage = (stack: CursorStack) =>
    navigate(listPath + location.search, { state: { cursors: stack } });
  const page = pageNumber(cursors);
  const filtered = location.search !== '';

  return (
    <>
      <PageHeading title={t('list.title')} />
      <Flash />
      {canCreateHousehold(roles) || canBreakGlass(roles) ? (
        <div className="regie-page-actions">
          {canCreateHousehold(roles) ? (
            <AppButtonLink href={paths.householdNew(tenantId)} appearance="primary-action-button">
              {t('list.new')}
            </AppButtonLink>
          ) : null}
          {canBreakGlass(roles) ? (
            <AppButtonLink
              href={paths.breakGlassSearch(tenantId)}
              appearance="secondary-action-button"
            >
              {t('breakGlass.searchLink')}
            </AppButtonLink>
          ) : null}
        </div>
      ) : null}
      <HouseholdFilterForm
        key={location.search}
        filters={filters}
        error={resource.status === 'error' ? resource.error : null}
        resetHref={listPath}
        onSearch={(f) => navigate(listPath + searchFromFilters(f))}
      />
      <section aria-labelledby="resultaten" className="regie-results">
        <Heading2 id="resultaten" ref={resultsRef} tabIndex={-1}>
          {t('list.results')}
        </Heading2>
        {resource.status === 'loading' ? <Loading /> : null}
        {resource.status === 'error' ? (
          <ProblemAlert error={resource.error} shownFields={FILTER_FIELDS}>
            {page > 1 ? (
              <Paragraph>
                <AppLink href={listPath + location.search}>{t('list.firstPage')}</AppLink>
              </Paragraph>
            ) : null}
          </ProblemAlert>
        ) : null}
        {resource.status === 'ready' && resource.data.items.length === 0 ? (
          <div role="status">
            <Paragraph>{t(filtered ? 'list.emptyFiltered' : 'list.empty')}</Paragraph>
            {filtered ? (
              <Paragraph>
                <AppLink href={listPath}>{t('list.reset')}</AppLink>
              </Paragraph>
            ) : null}
          </div>
        ) : null}
        {resource.status === 'ready' && resource.data.items.length > 0 ? (
          <>
            <Paragraph role="status" className="regie-count">
              {resource.data.items.length === 1
                ? t('list.countOne', { page })
                : t('list.count', { count: resource.data.items.length, page })}
            </Paragraph>
            <HouseholdTable
              tenantId={tenantId}
              items={resource.data.items}
              caption={t('list.caption', { page })}
            />
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
