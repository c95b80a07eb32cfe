import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, noContent, problem } from '../../test/fakeApi';
import { renderWithI18n } from '../../test/render';
import { EnrolPage } from './EnrolPage';

const TOKEN = 'tok_abc-123';
const BASE = `/api/v1/auth/enrol/${TOKEN}`;
// An SVG with a script: shown as an image it can never run.
const QR =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><script>alert(1)</script><rect width="1" height="1"/></svg>';
const CODES = Array.from({ length: 10 }, (_, i) => `code-${String(i).padStart(4, '0')}-abcd`);

const info = {
  username: 'a.bakker',
  display_name: 'A. Bakker',
  organisation: { id: 2, name: 'Vluchtelingenwerk', kind: 'vluchtelingenwerk' },
};

function enrolApi(
  passwordAnswer = () =>
    json({
      totp_secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
      otpauth_uri: 'otpauth://totp/Regie:a.bakker?secret=JBSWY3DPEHPK3PXPJBSWY3DP',
      qr_svg: QR,
      recovery_codes: CODES,
    }),
) {
  return fakeApi({
    [`GET ${BASE}`]: () => json(info),
    [`POST ${BASE}`]: passwordAnswer,
    [`POST ${BASE}/confirm`]: ({ body }) =>
      (body as { code: string }).code === '123456'
        ? noContent()
        : problem(422, {
            code: 'validation_failed',
            errors: [
              {
                field: 'code',
                code: 'totp_invalid',
                message_nl: 'De code klopt niet.',
                message_en: 'Wrong code.',
              },
            ],
          }),
  });
}

function type(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('EnrolPage', () => {
  it('checks length and equality of the password before sending', async () => {
    const calls = enrolApi();
    renderWithI18n(<EnrolPage token={TOKEN} />);
    expect(
      await screen.findByText(
        /Deze link is voor A\. Bakker \(gebruikersnaam a\.bakker\) van Vluchtelingenwerk/,
      ),
    ).toBeTruthy();
    type(/^Nieuw wachtwoord/, 'kort');
    type(/^Herhaal het wachtwoord/, 'anders');
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(
      await screen.findByRole('link', {
        name: 'Nieuw wachtwoord: Kies een wachtwoord van minstens 12 tekens.',
      }),
    ).toBeTruthy();
    expect(
      screen.getByRole('link', {
        name: 'Herhaal het wachtwoord: De twee wachtwoorden zijn niet gelijk.',
      }),
    ).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('shows the server password policy at the field', async () => {
    enrolApi(() =>
      problem(422, {
        code: 'validation_failed',
        errors: [
          {
            field: 'password',
            code: 'password_common',
            message_nl: 'Dit wachtwoord is te bekend.',
            message_en: 'Too common.',
          },
        ],
      }),
    );
    renderWithI18n(<EnrolPage token={TOKEN} />);
    await screen.findByLabelText(/^Nieuw wachtwoord/);
    type(/^Nieuw wachtwoord/, 'welkom welkom 123');
    type(/^Herhaal het wachtwoord/, 'welkom welkom 123');
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    const field = screen.getByLabelText(/^Nieuw wachtwoord/);
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    const described = field
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('Dit wachtwoord is te bekend.');
  });

  it('shows the QR code as an image, the secret in groups and the recovery codes, then confirms', async () => {
    const calls = enrolApi();
    const { container } = renderWithI18n(<EnrolPage token={TOKEN} />);
    await screen.findByLabelText(/^Nieuw wachtwoord/);
    type(/^Nieuw wachtwoord/, 'een lange zin als wachtwoord');
    type(/^Herhaal het wachtwoord/, 'een lange zin als wachtwoord');
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));

    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Tweestapsverificatie instellen',
    });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      password: 'een lange zin als wachtwoord',
    });

    const img = screen.getByRole('img', {
      name: 'QR-code om Regie toe te voegen aan uw authenticator-app',
    }) as HTMLImageElement;
    const [prefix, data] = img.getAttribute('src')!.split(',');
    expect(prefix).toBe('data:image/svg+xml;base64');
    expect(atob(data!)).toBe(QR);
    // The server's markup is never part of the page.
    expect(container.querySelector('svg, script')).toBeNull();

    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP')).toBeTruthy();
    const list = screen.getByRole('heading', { name: 'Bewaar uw herstelcodes' }).parentElement!;
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(CODES);
    expect(screen.getByText(/U ziet deze codes maar één keer/)).toBeTruthy();

    type(/^Code/, '000000');
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByRole('link', { name: 'Code: De code klopt niet.' })).toBeTruthy();

    type(/^Code/, '123 456');
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Uw account is klaar' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ga naar inloggen' }).getAttribute('href')).toBe(
      '/inloggen',
    );
    // Secret and codes are gone once the setup is done.
    expect(screen.queryByText(CODES[0]!)).toBeNull();
    expect(calls.filter((c) => c.url.pathname.endsWith('/confirm')).map((c) => c.body)).toEqual([
      { code: '000000' },
      { code: '123456' },
    ]);
  });

  it('explains an unknown, used or expired link', async () => {
    fakeApi({ [`GET ${BASE}`]: () => problem(404, { code: 'enrolment_invalid' }) });
    renderWithI18n(<EnrolPage token={TOKEN} />);
    expect(await screen.findByText(/Deze inschrijflink werkt niet/)).toBeTruthy();
    expect(screen.queryByLabelText(/^Nieuw wachtwoord/)).toBeNull();
  });
});
