import { Figure } from '../../app/components/Card';
import { formatCurrency, formatExactCount } from '../../format/format';
import { METRICS } from '../../metrics/definitions';
import type { ServiceValueReport } from '../graphql/service-value.query';

/**
 * The two headline value figures, the same on the Overview and on the Value page: value at risk
 * and the workspace-wide CLV uplift of answered over missed, with its 95% interval.
 */
export function ValueHeadlineFigures({ report, currency }: { report: ServiceValueReport; currency: string }) {
  const money = (value: number) => formatCurrency(value, currency);
  const overall = report.uplift.find((u) => u.segment === '');
  return (
    <>
      <Figure
        id="valueAtRisk"
        metric={METRICS.valueAtRisk}
        label="Value at risk"
        value={money(report.valueAtRisk)}
        caption={`${formatExactCount(report.customersAtRisk)} customers with a missed negative message`}
      />
      {overall && (
        <Figure
          id="clvUplift"
          metric={METRICS.serviceUplift}
          label="CLV uplift, answered vs missed"
          value={overall.clv.estimate === null ? '—' : money(overall.clv.estimate)}
          caption={
            overall.clv.low !== null && overall.clv.high !== null
              ? `95% interval ${money(overall.clv.low)} to ${money(overall.clv.high)}`
              : 'no interval'
          }
        />
      )}
    </>
  );
}
