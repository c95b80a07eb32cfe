// How policy packs are described in the UI: scope, validity and activation
// windows, and the names of the events their rules refer to.
import type { PackEvent, PackSummary } from '../api/policyTypes';
import type { Translate } from '../i18n/i18n';
import type { Lang } from '../i18n/translate';
import { formatDate } from './dates';
import { formatPeriod, localText } from './milestones';

/** "01-01-2017 t/m 31-12-2020", or "vanaf 01-01-2017" without an end. */
export function windowText(t: Translate, from: string, to: string | null): string {
  return to
    ? t('packs.window', { from: formatDate(from), to: formatDate(to) })
    : t('packs.windowOpen', { from: formatDate(from) });
}

/** "Landelijk", or "Gemeentelijk (GM0632)". */
export function scopeText(
  t: Translate,
  pack: Pick<PackSummary, 'scope' | 'municipalities'>,
): string {
  const scope = t(`enum.packScope.${pack.scope}`);
  return pack.scope === 'municipality' && pack.municipalities.length > 0
    ? `${scope} (${pack.municipalities.join(', ')})`
    : scope;
}

/**
 * Names events by their label in the pack version; an undeclared id stays as
 * it is. A condition on the value stays with the name ("Trede bereikt >= 3").
 */
export function eventNamer(
  events: readonly Pick<PackEvent, 'id' | 'label'>[],
  lang: Lang,
): (id: string) => string {
  const labels = new Map(events.map((e) => [e.id, localText(e.label, lang)]));
  return (text) => {
    const m = /^(\S+)(\s*[<>=].*)$/.exec(text);
    const id = m ? m[1]! : text;
    const name = labels.get(id) || id;
    return m ? `${name}${m[2]}` : name;
  };
}

/** "10 weken na Huisvesting", or "uiterlijk 01-10-2018" for a fixed date. */
export function deadlineText(t: Translate, deadline: string, anchor: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(deadline.trim()))
    return t('packs.deadlineDate', { date: formatDate(deadline.trim()) });
  return anchor
    ? t('packs.deadlineAfter', { period: formatPeriod(t, deadline), anchor })
    : formatPeriod(t, deadline);
}
