import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Intake } from '../../../api/intake';
import { fakeApi, json, problem } from '../../../test/fakeApi';
import { makeMe } from '../../../test/fixtures';
import { renderSignedIn } from '../../../test/render';
import { IntakeSection } from './IntakeSection';

const URL = '/api/v1/tenants/1/persons/9/intake';

function intake(overrides: Partial<Intake> = {}): Intake {
  return {
    person_id: 9,
    version: 1,
    status: 'concept',
    adult: true,
    intake_date: '2026-11-10',
    participants: [
      { user_id: 1, organisation_id: 10, display_name: 'Fatima', organisation_name: 'Gemeente' },
    ],
    interpreter: false,
    interpreter_language: null,
    domains: [],
    education: [],
    work: [],
    languages: [],
    learnability: null,
    interests: '',
    availability_dagdelen: null,
    health_screening: { done: null, date: null },
    health_notes: '',
    noa: [],
    recorded_by: { id: 1, display_name: 'Fatima' },
    saved_by: { id: 1, display_name: 'Fatima' },
    saved_at: '2026-11-10T10:00:00.000000Z',
    finalised_by: null,
    finalised_at: null,
    hidden_parts: ['health_notes'],
    hidden_domains: 0,
    hidden_noa: 1,
    domains_config: [
      { code: 'wonen', label_nl: 'Wonen', label_en: 'Housing', category: 'basis', visible: true },
      {
        code: 'werk_inkomen',
        label_nl: 'Werk en inkomen',
        label_en: 'Work',
        category: 'werk_inkomen',
        visible: true,
      },
    ],
    noa_config: [{ component: 'nederlands_toets', category: 'inburgering', visible: true }],
    access: {
      relationship: 'begeleider',
      edit: true,
      edit_frame: true,
      finalise: true,
      reopen: false,
      visible_categories: ['basis', 'inburgering', 'werk_inkomen'],
    },
    participant_options: [
      { user_id: 1, organisation_id: 10, display_name: 'Fatima', organisation_name: 'Gemeente' },
      { user_id: 2, organisation_id: 20, display_name: 'Bram', organisation_name: 'VWN' },
    ],
    ...overrides,
  };
}

describe('IntakeSection', () => {
  it('names the hidden parts and shows a domain error at its field', async () => {
    const calls = fakeApi({
      [`GET ${URL}`]: () => json(intake()),
      [`PUT ${URL}`]: () =>
        problem(422, {
          code: 'validation_failed',
          errors: [
            {
              field: 'domains/1/situation',
              code: 'too_long',
              message_nl: 'Deze tekst is te lang.',
              message_en: 'This text is too long.',
            },
          ],
        }),
    });
    renderSignedIn(<IntakeSection tenantId={1} personId={9} />, makeMe(['begeleider']));
    await screen.findByRole('heading', { level: 2, name: 'Brede intake' });
    expect(await screen.findByText(/Niet zichtbaar voor u.*medische gegevens/)).toBeTruthy();
    expect(screen.queryByLabelText('Medische bijzonderheden')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Bram (VWN)' }));
    const wonen = screen.getByRole('group', { name: 'Wonen' });
    fireEvent.change(within(wonen).getByLabelText('Situatie'), { target: { value: 'Huis' } });
    const werk = screen.getByRole('group', { name: 'Werk en inkomen' });
    fireEvent.change(within(werk).getByLabelText('Situatie'), { target: { value: 'x'.repeat(9) } });
    fireEvent.click(screen.getByRole('button', { name: 'Intake opslaan' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!.body as {
      participants: unknown[];
      domains: { domain: string }[];
      intake_date: string;
    };
    expect(put.participants).toEqual([
      { user_id: 1, organisation_id: 10 },
      { user_id: 2, organisation_id: 20 },
    ]);
    expect(put.domains.map((d) => d.domain)).toEqual(['wonen', 'werk_inkomen']);
    expect(put.intake_date).toBe('2026-11-10');
    // The body's second domain is werk_inkomen: the message is shown there.
    const field = await within(werk).findByText('Deze tekst is te lang.');
    expect(field).toBeTruthy();
    expect(within(wonen).queryByText('Deze tekst is te lang.')).toBeNull();
  });

  it('shows a finalised intake read-only and hides itself when refused', async () => {
    fakeApi({
      [`GET ${URL}`]: () =>
        json(
          intake({
            status: 'afgerond',
            access: { ...intake().access, edit: false, finalise: false },
            languages: [
              { language: 'nl', skill: 'lezen', level: 'A2', test_date: null, source: 'NOA' },
            ],
          }),
        ),
    });
    const { unmount } = renderSignedIn(
      <IntakeSection tenantId={1} personId={9} />,
      makeMe(['begeleider']),
    );
    expect(await screen.findByText(/U kunt deze intake lezen/)).toBeTruthy();
    expect(screen.getByText(/A2/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Intake opslaan' })).toBeNull();
    unmount();

    fakeApi({ [`GET ${URL}`]: () => problem(403, { code: 'forbidden' }) });
    renderSignedIn(<IntakeSection tenantId={1} personId={9} />, makeMe(['vrijwilliger']));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(screen.queryByRole('heading', { name: 'Brede intake' })).toBeNull();
  });
  it('shows a reader every part the server sent, health included, and nothing hidden', async () => {
    fakeApi({
      [`GET ${URL}`]: () =>
        json(
          intake({
            status: 'afgerond',
            hidden_parts: ['education', 'work', 'languages', 'learnability', 'interests'],
            health_screening: { done: true, date: '2026-10-01' },
            health_notes: 'Rugklachten, bekend bij de huisarts',
            availability_dagdelen: 6,
            access: {
              ...intake().access,
              relationship: 'referral',
              edit: false,
              finalise: false,
              visible_categories: ['basis', 'gezondheid'],
            },
          }),
        ),
    });
    renderSignedIn(<IntakeSection tenantId={1} personId={9} />, makeMe(['partner']));
    expect(await screen.findByText('Rugklachten, bekend bij de huisarts')).toBeTruthy();
    expect(screen.getByText('Ja, 01-10-2026')).toBeTruthy();
    expect(screen.getByText('6')).toBeTruthy();
    expect(screen.queryByText(/Opleiding en diploma/)).toBeNull();
  });

  it('says why finalising was refused, field by field', async () => {
    const calls = fakeApi({
      [`GET ${URL}`]: () => json(intake({ participants: [] })),
      [`POST ${URL}/finalise`]: () =>
        problem(422, {
          code: 'validation_failed',
          message_nl: 'Niet alle gegevens zijn goed ingevuld. Bekijk de velden met een melding.',
          message_en: 'Not all data is filled in correctly. Check the fields with a message.',
          errors: [
            {
              field: 'participants',
              code: 'required',
              message_nl: 'Dit veld is verplicht.',
              message_en: 'This field is required.',
            },
            {
              field: 'health_screening/done',
              code: 'required',
              message_nl: 'Dit veld is verplicht.',
              message_en: 'This field is required.',
            },
          ],
        }),
    });
    renderSignedIn(<IntakeSection tenantId={1} personId={9} />, makeMe(['begeleider']));
    fireEvent.click(await screen.findByRole('button', { name: 'Intake afronden' }));
    expect(
      await screen.findByText('Deelnemers (gezamenlijke intake): Dit veld is verplicht.'),
    ).toBeTruthy();
    expect(screen.getByText('Gezondheidsscreening gedaan: Dit veld is verplicht.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ version: 1 });
  });

  it('lets the intake be finalised only when no edits are unsaved', async () => {
    let current = intake();
    const calls = fakeApi({
      [`GET ${URL}`]: () => json(current),
      [`PUT ${URL}`]: () => {
        current = intake({ version: 2, interests: 'Voetbal' });
        return json(current);
      },
      [`POST ${URL}/finalise`]: () => json(intake({ version: 3, status: 'afgerond' })),
    });
    renderSignedIn(<IntakeSection tenantId={1} personId={9} />, makeMe(['begeleider']));
    const finalise = await screen.findByRole('button', { name: 'Intake afronden' });
    expect((finalise as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByText(/nog niet zijn opgeslagen/)).toBeNull();

    fireEvent.change(screen.getByLabelText("Interesses en hobby's"), {
      target: { value: 'Voetbal' },
    });
    const waiting = screen.getByRole('button', { name: 'Intake afronden' }) as HTMLButtonElement;
    expect(waiting.disabled).toBe(true);
    const hint = screen.getByText(/U hebt wijzigingen die nog niet zijn opgeslagen/);
    expect(waiting.getAttribute('aria-describedby')).toBe(hint.id);
    fireEvent.click(waiting);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    // Undoing the edit, or saving it, makes finalising possible again.
    fireEvent.change(screen.getByLabelText("Interesses en hobby's"), { target: { value: '' } });
    expect(
      (screen.getByRole('button', { name: 'Intake afronden' }) as HTMLButtonElement).disabled,
    ).toBe(false);
    fireEvent.change(screen.getByLabelText("Interesses en hobby's"), {
      target: { value: 'Voetbal' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Intake opslaan' }));
    expect(await screen.findByText('De intake is opgeslagen.')).toBeTruthy();
    const again = screen.getByRole('button', { name: 'Intake afronden' }) as HTMLButtonElement;
    expect(again.disabled).toBe(false);
    expect(screen.queryByText(/nog niet zijn opgeslagen/)).toBeNull();
    fireEvent.click(again);
    expect(await screen.findByText('De intake is afgerond.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ version: 2 });
  });

  it('disables the participants and interpreter for who may not change the frame', async () => {
    fakeApi({
      [`GET ${URL}`]: () =>
        json(
          intake({ access: { ...intake().access, relationship: 'referral', edit_frame: false } }),
        ),
    });
    renderSignedIn(<IntakeSection tenantId={1} personId={9} />, makeMe(['partner']));
    const fatima = (await screen.findByRole('checkbox', {
      name: 'Fatima (Gemeente)',
    })) as HTMLInputElement;
    const bram = screen.getByRole('checkbox', { name: 'Bram (VWN)' }) as HTMLInputElement;
    const interpreter = screen.getByRole('checkbox', {
      name: 'Er was een tolk',
    }) as HTMLInputElement;
    expect([fatima.disabled, bram.disabled, interpreter.disabled]).toEqual([true, true, true]);
    fireEvent.click(bram);
    expect(bram.checked).toBe(false);
    // The other parts stay editable.
    expect((screen.getByLabelText("Interesses en hobby's") as HTMLTextAreaElement).disabled).toBe(
      false,
    );
  });

  it('keeps the frame checkboxes enabled for the case holder', async () => {
    fakeApi({ [`GET ${URL}`]: () => json(intake()) });
    renderSignedIn(<IntakeSection tenantId={1} personId={9} />, makeMe(['begeleider']));
    const bram = (await screen.findByRole('checkbox', { name: 'Bram (VWN)' })) as HTMLInputElement;
    expect(bram.disabled).toBe(false);
    fireEvent.click(bram);
    expect(bram.checked).toBe(true);
  });
});
