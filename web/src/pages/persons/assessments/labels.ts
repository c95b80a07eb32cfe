// Words for assessment codes; a code the UI does not know is shown as is.
import { ASSESSMENT_KINDS, FERM_WERK_OUTCOMES, ZRM_DOMAINS } from '../../../api/assessments';
import type { Assessment } from '../../../api/assessments';
import type { Translate } from '../../../i18n/i18n';
import { enumLabel } from '../../../lib/enumLabel';

const has = (list: readonly (string | number)[], v: string | number) => list.includes(v);

export function kindLabel(t: Translate, kind: string): string {
  return has(ASSESSMENT_KINDS, kind) ? enumLabel(t, 'assessmentKind', kind) : kind;
}

export function domainLabel(t: Translate, domain: string): string {
  return has(ZRM_DOMAINS, domain) ? enumLabel(t, 'zrmDomain', domain) : domain;
}

/** "2. Niet zelfredzaam". */
export function scoreLabel(t: Translate, score: number): string {
  return score >= 1 && score <= 5
    ? t('assessments.numbered', { number: score, label: enumLabel(t, 'zrmScore', String(score)) })
    : String(score);
}

/** "3. Deelname georganiseerde activiteiten". */
export function rungLabel(t: Translate, rung: number): string {
  return rung >= 1 && rung <= 6
    ? t('assessments.numbered', { number: rung, label: enumLabel(t, 'ladderRung', String(rung)) })
    : String(rung);
}

/** "C: Werkervaringsplaats, proefplaatsing of vrijwilligerswerk". */
export function outcomeLabel(t: Translate, outcome: string): string {
  return has(FERM_WERK_OUTCOMES, outcome)
    ? t('assessments.codeWithLabel', {
        code: outcome,
        label: enumLabel(t, 'fermWerkOutcome', outcome),
      })
    : outcome;
}

/** What an assessment says, in one or two short lines. */
export function resultLines(t: Translate, a: Assessment): string[] {
  switch (a.kind) {
    case 'zrm': {
      const lines = [
        (a.zrm ?? [])
          .map((s) =>
            t('assessments.scoreSummary', { domain: domainLabel(t, s.domain), score: s.score }),
          )
          .join(', '),
      ];
      if (a.hidden_domains) lines.push(t('assessments.hiddenCount', { count: a.hidden_domains }));
      return lines;
    }
    case 'participatieladder':
      return [
        a.rung === undefined
          ? ''
          : t('assessments.rungSummary', {
              rung: a.rung,
              label: enumLabel(t, 'ladderRung', String(a.rung)),
            }),
        t('assessments.presentSummary', {
          rungs: a.rungs_present?.length
            ? a.rungs_present.join(', ')
            : t('assessments.presentNone'),
        }),
      ];
    case 'ferm_werk':
      return [a.outcome ? outcomeLabel(t, a.outcome) : ''];
    default:
      return [];
  }
}
