import {
  Alert,
  Button,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { listContacts } from '../../api/contacts';
import type { Contact } from '../../api/contacts';
import type { Household } from '../../api/types';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { languageLabel } from '../../lib/displayNames';
import { usePageMessageSlot } from '../../lib/pageMessages';
import { canChangePersons } from '../../lib/householdAccess';
import { formatDate } from '../../lib/dates';
import { useResource } from '../../lib/useResource';
import { ContactForm } from './ContactForm';

function ContactsTable({ contacts }: { contacts: readonly Contact[] }) {
  const { t, lang } = useI18n();
  const notes = contacts.some((c) => c.note !== undefined);
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table regie-contacts" aria-labelledby="contactmomenten">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('contacts.col.date')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('contacts.col.type')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('contacts.col.participants')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('contacts.col.interpreter')}</TableHeaderCell>
            {notes ? <TableHeaderCell scope="col">{t('contacts.col.note')}</TableHeaderCell> : null}
            <TableHeaderCell scope="col">{t('contacts.col.recordedBy')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {contacts.map((c) => (
            <TableRow key={c.id} data-contact={c.type}>
              <TableCell className="regie-nowrap">{formatDate(c.date)}</TableCell>
              <TableHeaderCell scope="row">{t(`contacts.type.${c.type}`)}</TableHeaderCell>
              <TableCell>{c.participants.join(', ')}</TableCell>
              <TableCell>
                {c.interpreter
                  ? c.interpreter_language
                    ? t('contacts.interpreterIn', {
                        language: languageLabel(c.interpreter_language, lang),
                      })
                    : t('common.yes')
                  : t('common.no')}
              </TableCell>
              {notes ? <TableCell className="regie-pre-line">{c.note ?? ''}</TableCell> : null}
              <TableCell>{c.recorded_by.display_name}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * "Contactmomenten" of a household: everyone who may see the household sees
 * the list (notes only with category notities); the regisseur and assigned
 * begeleiders record new ones.
 */
export function ContactsSection({ household }: { household: Household }) {
  const { t } = useI18n();
  const { tenant_id: tenantId, id: householdId } = household;
  const { resource, reload } = useResource(
    (signal) => listContacts(tenantId, householdId, signal),
    [tenantId, householdId],
  );
  const canRecord = canChangePersons(household);
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState(false);
  const slot = usePageMessageSlot();
  const doneRef = useRef<HTMLDivElement>(null);
  const formHeadingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  useEffect(() => {
    if (adding) formHeadingRef.current?.focus();
  }, [adding]);
  const contacts = resource.status === 'ready' ? resource.data : null;

  return (
    <section aria-labelledby="contactmomenten" className="regie-contacts-section">
      <Heading2 id="contactmomenten">{t('contacts.heading')}</Heading2>
      {done && slot.visible ? (
        <div ref={doneRef} tabIndex={-1} className="regie-focus-target">
          <Alert type="ok">
            <Paragraph>{t('contacts.saved')}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {contacts && contacts.length === 0 ? <Paragraph>{t('contacts.none')}</Paragraph> : null}
      {contacts && contacts.length > 0 ? <ContactsTable contacts={contacts} /> : null}
      {canRecord && !adding ? (
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            setDone(false);
            slot.claim();
            setAdding(true);
          }}
        >
          {t('contacts.add')}
        </Button>
      ) : null}
      {canRecord && adding ? (
        <section aria-labelledby="contact-vastleggen" className="regie-confirm-panel">
          <Heading3 id="contact-vastleggen" ref={formHeadingRef} tabIndex={-1} className="regie-h3">
            {t('contacts.addHeading')}
          </Heading3>
          <ContactForm
            tenantId={tenantId}
            householdId={householdId}
            persons={household.persons}
            onSaved={() => {
              setAdding(false);
              setDone(true);
              slot.claim();
              reload();
            }}
            onCancel={() => setAdding(false)}
          />
        </section>
      ) : null}
    </section>
  );
}
