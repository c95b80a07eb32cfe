import {
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { searchAllHouseholds } from '../../api/regie';
import type { HouseholdHit } from '../../api/types';
import { FormErrorsContext } from '../../components/form/FormErrors';
import { TextField } from '../../components/form/fields';
import { AppLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { clientFieldError, clientValidation } from '../../lib/clientProblem';
import { fieldErrorsOf, NO_ERRORS } from '../../lib/fieldErrors';
import { useResource } from '../../lib/useResource';
import { navigate, useLocation } from '../../router/router';
import { paths } from '../../router/routes';

export const MIN_SEARCH = 3;

function Hits({ tenantId, hits }: { tenantId: number; hits: readonly HouseholdHit[] }) {
  const { t } = useI18n();
  if (hits.length === 0) return <Paragraph role="status">{t('breakGlass.noHits')}</Paragraph>;
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table">
        <TableCaption className="regie-visually-hidden">{t('breakGlass.hitsCaption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('breakGlass.col.id')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('breakGlass.col.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">
              <span className="regie-visually-hidden">{t('household.col.actions')}</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {hits.map((h) => (
            <TableRow key={h.id}>
              <TableCell className="regie-numeric">{h.id}</TableCell>
              <TableHeaderCell scope="row">{h.name}</TableHeaderCell>
              <TableCell>
                <AppLink
                  href={paths.breakGlass(tenantId, h.id)}
                  onClick={(e) => {
                    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                    e.preventDefault();
                    navigate(paths.breakGlass(tenantId, h.id), { state: { name: h.name } });
                  }}
                >
                  {t('breakGlass.open')} <span className="regie-visually-hidden">{h.name}</span>
                </AppLink>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * "Zoeken buiten mijn huishoudens" (regisseur, partner): the tenant-wide
 * search by name, at most 10 hits of id and name, each to be opened with
 * break-the-glass. The search itself is audited.
 */
export function BreakGlassSearchPage({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  const location = useLocation();
  const q = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  const [value, setValue] = useState(q);
  const tooShort = q !== '' && [...q].length < MIN_SEARCH;
  const { resource } = useResource(
    (signal) => (q && !tooShort ? searchAllHouseholds(tenantId, q, signal) : Promise.resolve(null)),
    [tenantId, q, tooShort],
  );
  const error = tooShort
    ? clientValidation([
        clientFieldError('q', 'too_short', 'breakGlass.qTooShort', { min: MIN_SEARCH }),
      ])
    : resource.status === 'error'
      ? resource.error
      : null;
  const errors = useMemo(
    () => (error instanceof ApiError ? fieldErrorsOf(error.problem, ['q']) : NO_ERRORS),
    [error],
  );
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const firstKey = useRef(location.key);
  useEffect(() => {
    if (location.key !== firstKey.current) resultsRef.current?.focus();
  }, [location.key]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = value.trim();
    navigate(
      `${paths.breakGlassSearch(tenantId)}${query ? `?${new URLSearchParams({ q: query })}` : ''}`,
    );
  };

  return (
    <>
      <Paragraph className="regie-back">
        <AppLink href={paths.households(tenantId)}>{t('household.backToList')}</AppLink>
      </Paragraph>
      <PageHeading title={t('breakGlass.searchTitle')} />
      <Paragraph>{t('breakGlass.searchIntro')}</Paragraph>
      <FormErrorsContext.Provider value={errors}>
        <form
          role="search"
          aria-label={t('breakGlass.searchTitle')}
          onSubmit={submit}
          noValidate
          className="regie-filters"
        >
          <TextField
            name="q"
            label={t('breakGlass.q')}
            description={t('breakGlass.qDescription', { min: MIN_SEARCH })}
            value={value}
            onChange={setValue}
            inputProps={{ type: 'search', autoComplete: 'off' }}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button">
              {t('list.search')}
            </Button>
          </ButtonGroup>
        </form>
      </FormErrorsContext.Provider>
      {q ? (
        <section aria-labelledby="resultaten" className="regie-results">
          <Heading2 id="resultaten" ref={resultsRef} tabIndex={-1}>
            {t('list.results')}
          </Heading2>
          {resource.status === 'loading' ? <Loading /> : null}
          {error && errors.ordered.length === 0 ? <ProblemAlert error={error} /> : null}
          {resource.status === 'ready' && resource.data ? (
            <Hits tenantId={tenantId} hits={resource.data} />
          ) : null}
        </section>
      ) : null}
    </>
  );
}
