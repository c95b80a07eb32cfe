import { Heading1 } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import { hasNavigated } from '../router/router';

/**
 * The h1 of a page. Sets the document title and, when a navigation in the app
 * opens a new page, receives focus so screen reader and keyboard users start
 * at its top (not on the first load: then the skip link comes first). Pages
 * are keyed by path, so this runs once per page; a page that navigates within
 * itself (list paging) moves focus itself. `autoFocus` focuses it on mount
 * regardless, for a step of a flow that stays on one URL (login, enrolment).
 */
export function PageHeading({ title, autoFocus = false }: { title: string; autoFocus?: boolean }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [title, t]);

  useEffect(() => {
    if (autoFocus || hasNavigated()) ref.current?.focus();
    // Once per mount: a step change remounts the heading (keyed by its title).
  }, []);

  return (
    <Heading1 ref={ref} tabIndex={-1} className="regie-page-heading">
      {title}
    </Heading1>
  );
}
