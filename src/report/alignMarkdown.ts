/** The `align` result as Markdown tables, for a paper or a pull request. */
import type { AlignResult } from '../align/align.js';
import type { Interval } from '../align/bootstrap.js';
import { fixed, percent } from './table.js';

const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
const withCi = (value: string, ci: Interval | undefined, format: (x: number) => string) =>
  ci ? `${value} (${format(ci[0])}–${format(ci[1])})` : value;

export function renderAlignMarkdown(result: AlignResult): string {
  const boot = result.bootstrap;
  const f = (x: number) => fixed(x, 3);
  const out = [
    `Target: ${result.target.name} (${result.target.queries} queries${result.sample ? `, ${result.sample.per_group} per ${result.sample.by}` : ''}); α = ${result.params.alpha}, l_max = ${result.params.lmax}, c = ${fixed(result.params.scale, 3)}${boot ? `; ${Math.round(100 * boot.level)}% bootstrap intervals` : ''}.`,
    '',
    line(['role', 'dataset', 'queries', 'D(T‖X)', 'A_KL', 'coverage']),
    line(['---', '---', '---:', '---:', '---:', '---:']),
    ...result.rows.map((r, k) =>
      line([
        r.role,
        r.name,
        String(r.queries),
        withCi(f(r.kl), boot?.rows[k]?.kl, f),
        withCi(f(r.alignment), boot?.rows[k]?.alignment, f),
        withCi(percent(r.coverage), boot?.rows[k]?.coverage, (x) => percent(x)),
      ]),
    ),
  ];
  if (result.ratios.length > 0) {
    out.push('', line(['train', 'pred', 'AR', 'decision']), line(['---', '---', '---:', '---']));
    result.ratios.forEach((r, k) => {
      out.push(line([r.train, r.pred, withCi(f(r.ar), boot?.ratios[k], f), result.confidence[k] ?? r.decision]));
    });
  }
  if (result.strata) {
    const st = result.strata;
    const first = st.strata[0];
    out.push(
      '',
      line([
        st.key,
        'queries',
        'n-gram mass',
        ...(first?.rows.map((r) => `D(T‖${r.name})`) ?? []),
        ...(first?.ratios.map((r) => `AR ${r.train}/${r.pred}`) ?? []),
      ]),
      line(['---', '---:', '---:', ...(first?.rows.map(() => '---:') ?? []), ...(first?.ratios.map(() => '---:') ?? [])]),
      ...st.strata.map((s) =>
        line([
          `${s.stratum}${s.small ? ' (few)' : ''}`,
          String(s.queries),
          percent(s.mass_share),
          ...s.rows.map((r) => f(r.kl)),
          ...s.ratios.map((r) => withCi(f(r.ar), r.ci, f)),
        ]),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
