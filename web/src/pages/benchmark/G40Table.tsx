import {
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { G40Reference } from '../../api/benchmark';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/translate';

/** The G40 survey of January 2018 as a reference, with its source line. */
export function G40Table({ reference }: { reference: G40Reference }) {
  const { t } = useI18n();
  const s = reference.source;
  return (
    <section aria-labelledby="g40-2018" className="regie-g40">
      <Heading2 id="g40-2018">{t('benchmark.g40.title')}</Heading2>
      <Paragraph>{t('benchmark.g40.intro')}</Paragraph>
      {reference.statements.map((st) => (
        <div className="regie-table-scroll" key={st.statement}>
          <Table className="regie-table">
            <TableCaption>
              {t('benchmark.g40.statement', { number: st.statement, text: st.text_nl })}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('benchmark.g40.answer')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('benchmark.g40.count')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('benchmark.g40.share')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {st.answers.map((a) => (
                <TableRow key={a.answer}>
                  <TableHeaderCell scope="row">
                    {t(`benchmark.g40.answers.${a.answer}` as MessageKey)}
                  </TableHeaderCell>
                  <TableCell>
                    {a.count} / {st.n}
                  </TableCell>
                  <TableCell>{((100 * a.count) / st.n).toFixed(0)}%</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ))}
      <Paragraph className="regie-source" data-testid="g40-source">
        {t('benchmark.g40.source', {
          title: s.title,
          publisher: s.publisher,
          date: s.date,
          section: s.section,
          respondents: s.respondents,
        })}
      </Paragraph>
    </section>
  );
}
