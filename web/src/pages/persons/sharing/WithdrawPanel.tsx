import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { withdrawSharingBasis } from '../../../api/access';
import type { SharingBasis } from '../../../api/types';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useI18n } from '../../../i18n/i18n';
import { categoryList } from '../../../lib/categories';
import { useSubmit } from '../../../lib/useSubmit';

interface Props {
  tenantId: number;
  basis: SharingBasis;
  personName: string;
  onWithdrawn: (basis: SharingBasis) => void;
  onCancel: () => void;
}

/** Asks once more before a basis is withdrawn: access stops at once and cannot be restored. */
export function WithdrawPanel({ tenantId, basis, personName, onWithdrawn, onCancel }: Props) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { saving, error, submit } = useSubmit(
    () => withdrawSharingBasis(tenantId, basis.id),
    onWithdrawn,
  );
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="intrekken" className="regie-confirm-panel">
      <Heading2 id="intrekken" ref={headingRef} tabIndex={-1}>
        {t('sharing.withdrawHeading', { organisation: basis.organisation.name })}
      </Heading2>
      {error ? <ProblemAlert error={error} /> : null}
      <Alert type="warning">
        <Paragraph>
          {t('sharing.withdrawWarning', {
            organisation: basis.organisation.name,
            categories: categoryList(t, basis.categories),
            name: personName,
          })}
        </Paragraph>
      </Alert>
      <ButtonGroup>
        <Button appearance="primary-action-button" hint="danger" busy={saving} onClick={submit}>
          {t('sharing.withdrawConfirm')}
        </Button>
        <Button appearance="subtle-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </section>
  );
}
