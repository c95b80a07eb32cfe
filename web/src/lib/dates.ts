// Dates travel as ISO 8601 (`jjjj-mm-dd`) and are shown as `dd-mm-jjjj`.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UI_DATE = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/;

function pad(n: number | string): string {
  return String(n).padStart(2, '0');
}

/** `2024-03-05` -> `05-03-2024`; null/empty -> ''. Anything else is returned unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/** The local calendar date of an ISO timestamp, as `dd-mm-jjjj`. */
export function formatTimestamp(timestamp: string | null | undefined): string {
  if (!timestamp) return '';
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return '';
  return `${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${d.getFullYear()}`;
}

/**
 * What a user typed in a date field, for the API: `5-3-2024`, `05-03-2024`,
 * `05/03/2024` or `05.03.2024` become `2024-03-05`; an ISO date stays as it is;
 * an empty field is null. Any other text is passed on trimmed, so the server
 * rejects it with a field error (calendar checks are the server's job).
 */
export function parseDateInput(text: string): string | null {
  const value = text.trim();
  if (!value) return null;
  const m = UI_DATE.exec(value);
  if (m) return `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`;
  return value;
}

/** Local date and time of an ISO timestamp: `dd-mm-jjjj uu:mm` (with `:ss` if asked). */
export function formatDateTime(timestamp: string | null | undefined, withSeconds = false): string {
  if (!timestamp) return '';
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return '';
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return `${formatTimestamp(timestamp)} ${withSeconds ? `${time}:${pad(d.getSeconds())}` : time}`;
}

/** Today's local date as ISO `jjjj-mm-dd`. */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
