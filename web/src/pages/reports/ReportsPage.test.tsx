import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProgressReport } from '../../api/reports';
import { todayIso } from '../../lib/dates';
import { duePeriod, periodCode, recentPeriods } from '../../lib/reportPeriods';
import { fakeApi, json, problem } from '../../test/fakeApi';
import { makeMe } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { ReportsPage } from './ReportsPage';

const PERIOD = periodCode(duePeriod(todayIso()));
const BASE = `/api/v1/tenants/1/reports/${PERIOD}`;

function report(overrides: Partial<ProgressReport> = {}): ProgressReport {
  return {
    period: PERIOD,
    first_day: '2026-01-01',
    reference_date: '2026-06-30',
    status: 'concept',
    finalised_at: null,
    finalised_by: null,
    stamp: null,
    sections: [
      {
        section: 'wat_gaat_goed',
        texts: [
          {
            section: 'wat_gaat_goed',
            organisation_id: 0,
            organisation_name: null,
            version: 1,
            text: 'Taalcafés lopen goed.',
            saved_at: '2026-07-02T09:00:00.000000Z',
            saved_by: { id: 3, display_name: 'F. de Vries' },
          },
        ],
      },
    ],
    access: {
      all_sections: true,
      organisation_id: null,
      write: true,
      finalise: true,
      export: true,
    },
    ...overrides,
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ReportsPage', () => {
  it('saves a text against its version and offers the downloads', async () => {
    const calls = fakeApi({
      'GET /api/v1/tenants/1/reports': () =>
        json({ items: [{ period: '2017H2', status: 'definitief' }] }),
      [`GET ${BASE}`]: () => json(report()),
      [`PUT ${BASE}/sections/wat_gaat_goed`]: () =>
        json({ ...report().sections[0]!.texts[0], version: 2, text: 'Nog beter.' }),
    });
    renderSignedIn(<ReportsPage tenantId={1} />, makeMe(['regisseur']));
    const section = await screen.findByRole('region', { name: 'Wat gaat goed' });
    expect(within(section).getByText(/Versie 1, opgeslagen door F\. de Vries/)).toBeTruthy();
    fireEvent.change(within(section).getByLabelText('Tekst van de gemeente'), {
      target: { value: 'Nog beter.' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Tekst opslaan' }));
    expect(await within(section).findByText('Opgeslagen.')).toBeTruthy();
    expect(within(section).getByText(/Versie 2/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      version: 1,
      text: 'Nog beter.',
      organisation_id: 0,
    });
    const pdf = screen.getByRole('link', { name: 'Download PDF' });
    expect(pdf.getAttribute('href')).toBe(`${BASE}.pdf?lang=nl`);
    // Stored periods are offered next to the recent ones.
    expect(screen.getByRole('option', { name: 'Tweede halfjaar 2017' })).toBeTruthy();
  });

  it('explains a version conflict and offers to reload', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/reports': () => json({ items: [] }),
      [`GET ${BASE}`]: () => json(report()),
      [`PUT ${BASE}/sections/wat_gaat_goed`]: () =>
        problem(409, { code: 'report_version_conflict' }),
    });
    renderSignedIn(<ReportsPage tenantId={1} />, makeMe(['beleid']));
    const section = await screen.findByRole('region', { name: 'Wat gaat goed' });
    fireEvent.click(within(section).getByRole('button', { name: 'Tekst opslaan' }));
    expect(
      await within(section).findByText(/Iemand anders heeft deze tekst intussen/),
    ).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Opnieuw laden' })).toBeTruthy();
  });

  it('names the field errors of a refused text and marks the text', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/reports': () => json({ items: [] }),
      [`GET ${BASE}`]: () => json(report()),
      [`PUT ${BASE}/sections/wat_gaat_goed`]: () =>
        problem(422, {
          code: 'validation_failed',
          message_nl: 'Niet alle gegevens zijn goed ingevuld. Bekijk de velden met een melding.',
          errors: [
            {
              field: 'text',
              code: 'too_long',
              message_nl: 'Deze tekst is te lang.',
              message_en: 'This text is too long.',
            },
          ],
        }),
    });
    renderSignedIn(<ReportsPage tenantId={1} />, makeMe(['regisseur']));
    const section = await screen.findByRole('region', { name: 'Wat gaat goed' });
    const text = within(section).getByLabelText('Tekst van de gemeente');
    expect(text.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(within(section).getByRole('button', { name: 'Tekst opslaan' }));
    expect(
      await within(section).findByText('Tekst van de gemeente: Deze tekst is te lang.'),
    ).toBeTruthy();
    expect(text.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a final report read-only, without finalising or editors', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/reports': () => json({ items: [] }),
      [`GET ${BASE}`]: () =>
        json(
          report({
            status: 'definitief',
            finalised_at: '2026-07-10T10:00:00.000000Z',
            finalised_by: { id: 4, display_name: 'B. Beleid' },
            stamp: {
              reference_date: '2026-06-30',
              packs: [{ id: 'nl-wet-inburgering-2021', version: 1 }],
              snapshot: 'tenant_changes:1042',
            },
            access: {
              all_sections: true,
              organisation_id: null,
              write: false,
              finalise: false,
              export: true,
            },
          }),
        ),
    });
    renderSignedIn(<ReportsPage tenantId={1} />, makeMe(['partner']));
    expect(await screen.findByText(/^Definitief sinds/)).toBeTruthy();
    // The snapshot in words, not the server's counter code.
    expect(
      screen.getByText(
        '30-06-2026 · gegevensstand na 1.042 wijzigingen · nl-wet-inburgering-2021 v1',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/tenant_changes/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Tekst opslaan' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Rapportage definitief maken' })).toBeNull();
    expect(screen.getByText('Taalcafés lopen goed.')).toBeTruthy();
  });

  it('does not offer to finalise the half-year that has not ended yet', async () => {
    const current = recentPeriods(todayIso(), 1)[0]!;
    const last = current.endsWith('H1')
      ? `30-06-${current.slice(0, 4)}`
      : `31-12-${current.slice(0, 4)}`;
    fakeApi({
      'GET /api/v1/tenants/1/reports': () => json({ items: [] }),
      [`GET ${BASE}`]: () => json(report()),
      [`GET /api/v1/tenants/1/reports/${current}`]: () => json(report({ period: current })),
    });
    renderSignedIn(<ReportsPage tenantId={1} />, makeMe(['beleid']));
    // The last ended half-year can be finalised.
    expect(await screen.findByRole('button', { name: 'Rapportage definitief maken' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Periode'), { target: { value: current } });
    expect(
      await screen.findByText(
        `Een halfjaar kan pas na afloop definitief worden gemaakt. Dit halfjaar loopt tot en met ${last}.`,
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Rapportage definitief maken' })).toBeNull();
  });

  it('warns in the confirmation which sections are still empty', async () => {
    const empty = {
      section: 'wat_kan_beter' as const,
      organisation_id: 0,
      organisation_name: null,
      version: 0,
      text: '',
      saved_at: null,
      saved_by: null,
    };
    const sections = [
      ...report().sections,
      { section: 'wat_kan_beter' as const, texts: [empty] },
      { section: 'trends' as const, texts: [{ ...empty, section: 'trends' as const, text: ' ' }] },
    ];
    fakeApi({
      'GET /api/v1/tenants/1/reports': () => json({ items: [] }),
      [`GET ${BASE}`]: () => json(report({ sections })),
    });
    renderSignedIn(<ReportsPage tenantId={1} />, makeMe(['beleid']));
    fireEvent.click(await screen.findByRole('button', { name: 'Rapportage definitief maken' }));
    const warning = screen.getByText(/deze onderdelen zijn nog leeg/);
    expect(warning.textContent).toContain(
      'Wat gaat nog niet goed en wat verbeteren we, Ontwikkelingen en trends.',
    );
    expect(warning.textContent).not.toContain('Wat gaat goed,');
    expect(screen.getByRole('button', { name: 'Ja, maak definitief' })).toBeTruthy();
  });

  it("shows the server's refusal of a half-year that has not ended", async () => {
    fakeApi({
      'GET /api/v1/tenants/1/reports': () => json({ items: [] }),
      [`GET ${BASE}`]: () => json(report()),
      [`POST ${BASE}/finalise`]: () =>
        problem(409, {
          code: 'period_not_ended',
          message_nl: 'Dit halfjaar is nog niet voorbij.',
          message_en: 'This half-year has not ended yet.',
        }),
    });
    renderSignedIn(<ReportsPage tenantId={1} />, makeMe(['beleid']));
    fireEvent.click(await screen.findByRole('button', { name: 'Rapportage definitief maken' }));
    expect(screen.queryByText(/deze onderdelen zijn nog leeg/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ja, maak definitief' }));
    expect(await screen.findByText('Dit halfjaar is nog niet voorbij.')).toBeTruthy();
  });
});
