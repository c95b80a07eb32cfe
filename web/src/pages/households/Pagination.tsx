import { Button } from '@utrecht/component-library-react';
import { useI18n } from '../../i18n/i18n';

interface Props {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous/next paging; the API pages forward only, the list remembers the way back. */
export function Pagination({ page, hasPrevious, hasNext, onPrevious, onNext }: Props) {
  const { t } = useI18n();
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="regie-pagination" aria-label={t('list.pagination')}>
      {hasPrevious ? (
        <Button appearance="secondary-action-button" onClick={onPrevious}>
          {t('list.previous')}
        </Button>
      ) : null}
      <span className="regie-pagination__page">{t('list.page', { page })}</span>
      {hasNext ? (
        <Button appearance="secondary-action-button" onClick={onNext}>
          {t('list.next')}
        </Button>
      ) : null}
    </nav>
  );
}
