import { useQuery } from '@apollo/client/react';
import { Card } from '../../app/components/Card';
import { Loadable } from '../../app/components/Loadable';
import { Chart } from '../../charts/Chart';
import { useDrill } from '../../drilldown/hooks/useDrill';
import { useFilters } from '../../filters/hooks/useFilters';
import { METRICS } from '../../metrics/definitions';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { ValueHeadlineFigures } from '../../value/components/ValueHeadlineFigures';
import { SERVICE_VALUE_QUERY } from '../../value/graphql/service-value.query';
import { money, percent, valueSegmentLabel } from '../../value/value-labels';
import {
  EXPERIENCE_LABELS,
  experienceColour,
  toClvDistributionOption,
  toIntervalOption,
} from '../../value/value-options';

/**
 * The executive's value cards under the KPI tiles: CLV by segment, value at risk, the uplift of
 * answering with its interval, retention by service experience. Its own chunk and query, so the
 * tiles never wait for the bootstrap.
 */
export default function OverviewValue() {
  const { filter } = useFilters();
  const workspace = useWorkspace();
  const { openDrill, openCustomers } = useDrill();
  const toMoney = money(workspace.currency);
  const { data, previousData, error, refetch } = useQuery(SERVICE_VALUE_QUERY, { variables: { filter } });
  const report = (data ?? previousData)?.serviceValue;
  const distribution = report?.distribution ?? [];
  const uplift = report?.uplift ?? [];
  const overall = (report?.rows ?? []).filter((r) => r.segment === '');
  const common = { ready: report !== undefined, error, onRetry: () => void refetch() };

  return (
    <section
      className="panel-grid overview-value"
      data-section="value"
      data-state={report ? 'ready' : error ? 'error' : 'loading'}
      aria-label="Value"
    >
      <Card id="value-at-risk" title="Value at risk" metric={METRICS.valueAtRisk}>
        <Loadable {...common} empty={false} emptyText="" what="Value at risk" height={90}>
          {report && (
            <div className="figure-row">
              <ValueHeadlineFigures report={report} currency={workspace.currency} />
            </div>
          )}
        </Loadable>
      </Card>

      <Card
        id="clv-by-segment"
        title="Predicted CLV by segment"
        metric={METRICS.predictedClv}
        description="Median, p25–p75 and p10–p90. Click for the segment's messages."
      >
        <Loadable
          {...common}
          empty={distribution.length === 0}
          emptyText="No CLV predictions yet: run `resonance fit`."
          what="CLV by segment"
          height={260}
        >
          <Chart
            build={(p) => toClvDistributionOption(distribution, valueSegmentLabel, toMoney, p)}
            deps={[report, workspace.currency]}
            label="Predicted CLV per segment"
            height={260}
            onPick={(click) => {
              const d = distribution[click.dataIndex];
              if (d && d.segment !== '') openDrill(valueSegmentLabel(d.segment), { kind: 'segment', value: d.segment });
            }}
          />
        </Loadable>
      </Card>

      <Card
        id="service-uplift"
        title="Service → value uplift"
        metric={METRICS.serviceUplift}
        description="Mean CLV of answered minus missed customers, per segment, 95% interval."
      >
        <Loadable
          {...common}
          empty={uplift.length === 0}
          emptyText="No answered or missed customers in this period."
          what="The uplift"
          height={260}
        >
          <Chart
            build={(p) =>
              toIntervalOption(
                uplift.map((u) => ({ key: u.segment, label: valueSegmentLabel(u.segment), estimate: u.clv })),
                toMoney,
                p,
                'CLV uplift',
              )
            }
            deps={[report, workspace.currency]}
            label="CLV uplift of answering per segment with intervals"
            height={260}
            onPick={(click) => {
              const u = uplift[click.dataIndex];
              if (u && u.segment !== '') openDrill(valueSegmentLabel(u.segment), { kind: 'segment', value: u.segment });
            }}
          />
        </Loadable>
      </Card>

      <Card id="retention-by-experience" title="Retention by service experience" metric={METRICS.retention}>
        <Loadable
          {...common}
          empty={overall.length === 0}
          emptyText="No customers in this period."
          what="Retention"
          height={260}
        >
          <Chart
            build={(p) =>
              toIntervalOption(
                overall.map((r) => ({
                  key: r.experience,
                  label: EXPERIENCE_LABELS[r.experience],
                  estimate: r.retention,
                  color: experienceColour(r.experience, p),
                })),
                percent,
                p,
                'Retention',
              )
            }
            deps={[report]}
            label="Retention per service experience with intervals"
            height={260}
            onPick={(click) => {
              const r = overall[click.dataIndex];
              if (r)
                openCustomers(EXPERIENCE_LABELS[r.experience], 'CLV_RUN', { kind: 'experience', value: r.experience });
            }}
          />
        </Loadable>
      </Card>
    </section>
  );
}
