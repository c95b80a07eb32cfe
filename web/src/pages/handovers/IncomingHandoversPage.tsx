import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormLabel,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import {
  acceptHandover,
  listIncomingHandovers,
  rejectHandover,
  uploadHandover,
} from '../../api/handovers';
import type { HandoverSummary } from '../../api/handovers';
import { TextareaField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { AppLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { formatTimestamp } from '../../lib/dates';
import { useFocusedMessage, useInlineFormFocus } from '../../lib/focus';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { paths } from '../../router/routes';

const REJECT_FIELDS = ['reason'];

type Outcome =
  | { kind: 'imported'; item: HandoverSummary }
  | { kind: 'accepted'; item: HandoverSummary }
  | { kind: 'rejected'; item: HandoverSummary };

/** Reads the chosen file as JSON; the server checks everything else. */
function readPackage(file: File): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      try {
        resolve(JSON.parse(String(reader.result)) as unknown);
      } catch {
        reject(new Error('not_json'));
      }
    };
    reader.onerror = () => reject(new Error('not_json'));
    reader.readAsText(file);
  });
}

function UploadForm({ tenantId, onDone }: { tenantId: number; onDone: (o: Outcome) => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const { saving, error, submit } = useSubmit(
    async () => uploadHandover(tenantId, await readPackage(file!)),
    (item) => onDone({ kind: 'imported', item }),
  );
  const notJson = error instanceof Error && error.message === 'not_json';
  return (
    <section aria-labelledby="inlezen">
      <h2 id="inlezen" className="utrecht-heading-2">
        {t('handovers.uploadHeading')}
      </h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setMissing(file === null);
          if (file !== null) submit();
        }}
      >
        <FormField>
          <FormLabel htmlFor="pakket">{t('handovers.file')}</FormLabel>
          <input
            id="pakket"
            name="pakket"
            type="file"
            accept="application/json,.json"
            aria-describedby={missing ? 'pakket-fout' : undefined}
            aria-invalid={missing || undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {missing ? (
            <Paragraph id="pakket-fout" className="regie-field-error">
              {t('handovers.fileRequired')}
            </Paragraph>
          ) : null}
        </FormField>
        {notJson ? (
          <Alert type="error">
            <Paragraph>{t('handovers.notJson')}</Paragraph>
          </Alert>
        ) : error ? (
          <ProblemAlert error={error} />
        ) : null}
        <Button type="submit" appearance="primary-action-button" busy={saving}>
          {t('handovers.upload')}
        </Button>
      </form>
    </section>
  );
}

function Decision({
  tenantId,
  item,
  onDone,
}: {
  tenantId: number;
  item: HandoverSummary;
  onDone: (o: Outcome) => void;
}) {
  const { t } = useI18n();
  const [rejecting, setRejecting] = useState(false);
  const { formRef, opener } = useInlineFormFocus(rejecting ? 'reject' : null);
  const [reason, setReason] = useState('');
  const accept = useSubmit(
    () => acceptHandover(tenantId, item.id),
    (result) => onDone({ kind: 'accepted', item: result }),
  );
  const reject = useSubmit(
    () => rejectHandover(tenantId, item.id, reason),
    (result) => onDone({ kind: 'rejected', item: result }),
  );
  if (item.status !== 'pending') return null;
  return (
    <>
      {accept.error ? <ProblemAlert error={accept.error} /> : null}
      {!rejecting ? (
        <ButtonGroup>
          <Button appearance="primary-action-button" busy={accept.saving} onClick={accept.submit}>
            {t('handovers.accept', { name: item.household_name })}
          </Button>
          <Button
            ref={opener('reject')}
            appearance="secondary-action-button"
            onClick={() => setRejecting(true)}
          >
            {t('handovers.reject', { name: item.household_name })}
          </Button>
        </ButtonGroup>
      ) : (
        <div ref={formRef}>
          <FormShell
            fields={REJECT_FIELDS}
            label={() => t('handovers.reason')}
            submitLabel={t('handovers.confirmReject')}
            saving={reject.saving}
            error={reject.error}
            onSubmit={reject.submit}
            cancel={
              <Button appearance="subtle-button" onClick={() => setRejecting(false)}>
                {t('common.cancel')}
              </Button>
            }
          >
            <TextareaField
              name="reason"
              label={t('handovers.reason')}
              required
              value={reason}
              onChange={setReason}
            />
          </FormShell>
        </div>
      )}
    </>
  );
}

/**
 * "Inkomende overdrachten" (regisseur): packages other municipalities sent,
 * as summaries only (no personal data beyond the household's name and
 * size), to upload, accept as a new household with its history, or reject
 * with a reason.
 */
export function IncomingHandoversPage({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  // The list reloads after every outcome: focus goes to its confirmation.
  const { message: outcome, show: setOutcome, ref: outcomeRef } = useFocusedMessage<Outcome>();
  const { resource, reload } = useResource(
    (signal) => listIncomingHandovers(tenantId, signal),
    [tenantId],
  );
  const done = (o: Outcome) => {
    setOutcome(o);
    reload();
  };
  const items = resource.status === 'ready' ? resource.data : null;
  return (
    <>
      <PageHeading title={t('handovers.pageTitle')} />
      <Paragraph>{t('handovers.intro')}</Paragraph>
      {outcome ? (
        <div ref={outcomeRef} tabIndex={-1} className="regie-focus-target">
          <Alert type="ok">
            <Paragraph role="status">
              {t(`handovers.done.${outcome.kind}`, {
                name: outcome.item.household_name,
                sender: outcome.item.sender.tenant_name,
              })}{' '}
              {outcome.kind === 'accepted' && outcome.item.household_id !== null ? (
                <AppLink href={paths.household(tenantId, outcome.item.household_id)}>
                  {t('handovers.openHousehold', { name: outcome.item.household_name })}
                </AppLink>
              ) : null}
            </Paragraph>
          </Alert>
        </div>
      ) : null}
      <UploadForm tenantId={tenantId} onDone={done} />
      <section aria-labelledby="overdrachten-lijst">
        <h2 id="overdrachten-lijst" className="utrecht-heading-2">
          {t('handovers.listHeading')}
        </h2>
        {resource.status === 'loading' ? <Loading /> : null}
        {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
        {items && items.length === 0 ? <Paragraph>{t('handovers.none')}</Paragraph> : null}
        {items && items.length > 0 ? (
          <Table className="regie-table" aria-labelledby="overdrachten-lijst">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('handovers.col.household')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('handovers.col.sender')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('handovers.col.received')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('handovers.col.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('handovers.col.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => (
                <TableRow key={item.id}>
                  <TableHeaderCell scope="row">
                    {item.household_id !== null ? (
                      <AppLink href={paths.household(tenantId, item.household_id)}>
                        {item.household_name}
                      </AppLink>
                    ) : (
                      item.household_name
                    )}{' '}
                    ({t('handovers.persons', { count: item.person_count })})
                  </TableHeaderCell>
                  <TableCell>
                    {item.sender.tenant_name} ({item.sender.tenant_code})
                    {item.sender_regisseur ? `, ${item.sender_regisseur}` : ''}
                    {item.trusted ? null : (
                      <Paragraph className="regie-warning-text">
                        {t('handovers.untrusted')}
                      </Paragraph>
                    )}
                  </TableCell>
                  <TableCell>{formatTimestamp(item.recorded_at)}</TableCell>
                  <TableCell>
                    {t(`handovers.status.${item.status}`)}
                    {item.decision_reason ? `: ${item.decision_reason}` : ''}
                  </TableCell>
                  <TableCell>
                    <Decision tenantId={tenantId} item={item} onDone={done} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </section>
    </>
  );
}
