import { useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router-dom';
import { Card, Figure } from '../../app/components/Card';
import { Loadable } from '../../app/components/Loadable';
import { PageHeader, pageState } from '../../app/components/PageHeader';
import { Chart } from '../../charts/Chart';
import { useDrill } from '../../drilldown/hooks/useDrill';
import { useFilters } from '../../filters/hooks/useFilters';
import { channelLabel } from '../../filters/labels';
import { formatCurrency, formatDateTime, formatExactCount, formatShare } from '../../format/format';
import { METRICS } from '../../metrics/definitions';
import { DataTable, type Column } from '../../tables/components/DataTable';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { COHORT_RETENTION_QUERY, type CohortRetention } from '../graphql/cohort-retention.query';
import { CUSTOMERS_AT_RISK_QUERY, type CustomerAtRisk } from '../graphql/customers-at-risk.query';
import { SERVICE_EFFECTS_QUERY } from '../graphql/service-effects.query';
import { SERVICE_VALUE_QUERY, type ServiceValueRow } from '../graphql/service-value.query';
import { ValueHeadlineFigures } from './ValueHeadlineFigures';
import {
  formatEstimate,
  formatRatio,
  money,
  percent,
  PURCHASE_EXPERIENCE_LABELS,
  valueSegmentLabel,
} from '../value-labels';
import {
  EXPERIENCE_LABELS,
  experienceColour,
  retentionCurves,
  toClvDistributionOption,
  toIntervalOption,
  toRetentionCurvesOption,
} from '../value-options';

export default function ValuePage() {
  const { filter } = useFilters();
  const workspace = useWorkspace();
  const { openDrill, openCustomers } = useDrill();
  const navigate = useNavigate();
  const toMoney = money(workspace.currency);

  const value = useQuery(SERVICE_VALUE_QUERY, { variables: { filter } });
  const cohorts = useQuery(COHORT_RETENTION_QUERY, { variables: { filter } });
  const atRisk = useQuery(CUSTOMERS_AT_RISK_QUERY, { variables: { filter, limit: 50 } });
  const effects = useQuery(SERVICE_EFFECTS_QUERY, { variables: { filter } });
  const effectsReport = (effects.data ?? effects.previousData)?.serviceEffects;

  const report = value.data?.serviceValue ?? value.previousData?.serviceValue;
  const cohortRows = (cohorts.data ?? cohorts.previousData)?.cohortRetention;
  const risk = (atRisk.data ?? atRisk.previousData)?.customersAtRisk;
  const state = pageState(
    [report, cohortRows, risk, effectsReport],
    [value.error, cohorts.error, atRisk.error, effects.error],
  );
  const loading = value.loading || cohorts.loading || atRisk.loading || effects.loading;

  const distribution = report?.distribution ?? [];
  const allRows = (report?.rows ?? []).filter((r) => r.segment === '');
  const uplift = report?.uplift ?? [];
  const curves = cohortRows ? retentionCurves(cohortRows) : [];

  const rowColumns: Column<ServiceValueRow>[] = [
    { id: 'segment', header: 'Segment', value: (r) => r.segment, render: (r) => valueSegmentLabel(r.segment) },
    {
      id: 'experience',
      header: 'Service experience',
      value: (r) => r.experience,
      render: (r) => EXPERIENCE_LABELS[r.experience],
    },
    {
      id: 'customers',
      header: 'Customers',
      numeric: true,
      value: (r) => r.customers,
      render: (r) => formatExactCount(r.customers),
    },
    {
      id: 'clv',
      header: 'Mean predicted CLV (95%)',
      metric: METRICS.predictedClv,
      numeric: true,
      value: (r) => r.clv.estimate,
      render: (r) => formatEstimate(r.clv, toMoney),
    },
    {
      id: 'retention',
      header: 'Retention (95%)',
      metric: METRICS.retention,
      numeric: true,
      value: (r) => r.retention.estimate,
      render: (r) => formatEstimate(r.retention, percent),
    },
    {
      id: 'repeat',
      header: 'Repeat purchase (95%)',
      metric: METRICS.repeatPurchaseRate,
      numeric: true,
      value: (r) => r.repeatPurchaseRate.estimate,
      render: (r) => formatEstimate(r.repeatPurchaseRate, percent),
    },
  ];

  // One row per cohort × experience: its size and the share still buying 1, 3 and 6 months on.
  const retentionAt = (k: number): Column<CohortRetention> => ({
    id: `m${k}`,
    header: `M${k}`,
    metric: METRICS.cohortRetention,
    numeric: true,
    value: (c) => c.retention[k] ?? null,
    render: (c) => (c.retention[k] === undefined ? '—' : formatShare(c.retention[k])),
  });
  const cohortColumns: Column<CohortRetention>[] = [
    { id: 'cohort', header: 'First purchase', value: (c) => c.cohort },
    {
      id: 'experience',
      header: 'Service experience',
      value: (c) => c.experience,
      render: (c) => EXPERIENCE_LABELS[c.experience],
    },
    {
      id: 'customers',
      header: 'Customers',
      numeric: true,
      value: (c) => c.customers,
      render: (c) => formatExactCount(c.customers),
    },
    retentionAt(1),
    retentionAt(3),
    retentionAt(6),
  ];

  const riskColumns: Column<CustomerAtRisk>[] = [
    { id: 'customer', header: 'Customer', value: (c) => c.customerId },
    { id: 'segment', header: 'Segment', value: (c) => c.segment, render: (c) => valueSegmentLabel(c.segment) },
    {
      id: 'clv',
      header: 'Predicted CLV',
      metric: METRICS.predictedClv,
      numeric: true,
      value: (c) => c.predictedClv,
      render: (c) => formatCurrency(c.predictedClv, workspace.currency),
    },
    {
      id: 'pAlive',
      header: 'P(alive)',
      metric: METRICS.pAlive,
      numeric: true,
      value: (c) => c.pAlive,
      render: (c) => formatShare(c.pAlive),
    },
    {
      id: 'missed',
      header: 'Missed negative',
      numeric: true,
      value: (c) => c.missedNegativeMessages,
      render: (c) => formatExactCount(c.missedNegativeMessages),
    },
    {
      id: 'last',
      header: 'Latest missed',
      value: (c) => c.lastMissedAt,
      render: (c) => `${formatDateTime(c.lastMissedAt)} · ${channelLabel(c.lastChannel)}`,
    },
  ];

  return (
    <div className="page" data-page="value" data-state={state} aria-busy={loading}>
      <PageHeader
        title="Value"
        subtitle="What customers are worth, and what service does to it"
        loading={loading && state === 'ready'}
      />
      <div className="panel-grid">
        <Card id="value-summary" title="Value and risk" wide>
          <Loadable
            ready={report !== undefined}
            error={value.error}
            empty={false}
            emptyText=""
            what="Value figures"
            height={90}
            onRetry={() => void value.refetch()}
          >
            {report && (
              <div className="figure-row">
                <ValueHeadlineFigures report={report} currency={workspace.currency} />
                <Figure
                  id="customers"
                  label="Customers with a prediction"
                  value={formatExactCount(distribution.reduce((n, d) => n + d.customers, 0))}
                  caption={
                    report.runId
                      ? `model run ${report.runId.slice(0, 8)}`
                      : 'no CLV model fitted yet: run `resonance fit`'
                  }
                />
              </div>
            )}
          </Loadable>
        </Card>

        <Card
          id="clv-distribution"
          title="Predicted CLV by segment"
          metric={METRICS.predictedClv}
          description="Box: p25–p75, line: median, whiskers: p10 and p90. Click for the segment's messages."
        >
          <Loadable
            ready={report !== undefined}
            error={value.error}
            empty={distribution.length === 0}
            emptyText="No CLV predictions yet: run `resonance fit`."
            what="The CLV distribution"
          >
            <Chart
              build={(p) => toClvDistributionOption(distribution, valueSegmentLabel, toMoney, p)}
              deps={[report, workspace.currency]}
              label="Predicted CLV quantiles per segment"
              onPick={(click) => {
                const d = distribution[click.dataIndex];
                if (d && d.segment !== '')
                  openDrill(valueSegmentLabel(d.segment), { kind: 'segment', value: d.segment });
              }}
            />
          </Loadable>
        </Card>

        <Card
          id="clv-uplift"
          title="CLV uplift of answering, by segment"
          metric={METRICS.serviceUplift}
          description="Mean CLV of answered minus missed customers, 95% bootstrap interval."
        >
          <Loadable
            ready={report !== undefined}
            error={value.error}
            empty={uplift.length === 0}
            emptyText="No answered or missed customers in this period."
            what="The uplift"
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
              label="CLV uplift of answered over missed customers per segment, with intervals"
              onPick={(click) => {
                const u = uplift[click.dataIndex];
                if (u && u.segment !== '')
                  openDrill(valueSegmentLabel(u.segment), { kind: 'segment', value: u.segment });
              }}
            />
          </Loadable>
        </Card>

        <Card
          id="retention-by-experience"
          title="Retention by service experience"
          metric={METRICS.retention}
          description="All segments; 95% bootstrap intervals. Click an experience for its customers."
        >
          <Loadable
            ready={report !== undefined}
            error={value.error}
            empty={allRows.length === 0}
            emptyText="No customers in this period."
            what="Retention"
          >
            <Chart
              build={(p) =>
                toIntervalOption(
                  allRows.map((r) => ({
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
              onPick={(click) => {
                const r = allRows[click.dataIndex];
                if (r)
                  openCustomers(EXPERIENCE_LABELS[r.experience], 'CLV_RUN', {
                    kind: 'experience',
                    value: r.experience,
                  });
              }}
            />
          </Loadable>
        </Card>

        <Card
          id="cohort-retention"
          title="Cohort retention by service experience"
          metric={METRICS.cohortRetention}
          description="Share of first-purchase cohorts still purchasing k months later, weighted over cohorts. Click a curve, or a cohort below, for its customers."
        >
          <Loadable
            ready={cohortRows !== undefined}
            error={cohorts.error}
            empty={curves.length === 0}
            emptyText="No purchase cohorts in this period."
            what="Cohort retention"
          >
            <Chart
              build={(p) => toRetentionCurvesOption(curves, p)}
              deps={[cohortRows]}
              label="Retention curves per service experience"
              onPick={(click) => {
                const curve = curves[click.seriesIndex ?? -1];
                if (curve)
                  openCustomers(`${EXPERIENCE_LABELS[curve.experience]}, purchase cohorts`, 'PURCHASE_COHORTS', {
                    kind: 'experience',
                    value: curve.experience,
                  });
              }}
            />
            <DataTable
              id="cohorts"
              title="Cohorts by service experience"
              columns={cohortColumns}
              rows={cohortRows ?? []}
              rowKey={(c) => `${c.cohort}:${c.experience}`}
              onRowActivate={(c) =>
                openCustomers(
                  `${c.cohort}, ${EXPERIENCE_LABELS[c.experience]}`,
                  'PURCHASE_COHORTS',
                  { kind: 'cohort', value: c.cohort },
                  { kind: 'experience', value: c.experience },
                )
              }
            />
          </Loadable>
        </Card>

        <Card
          id="service-effects"
          title="Order value by service experience"
          metric={METRICS.serviceEffects}
          description={
            effectsReport
              ? `Each purchase against the same customer's purchases with no contact; ${effectsReport.customers} customers bought under two experiences or more. Fast answer ÷ missed negative: ${formatEstimate(effectsReport.upliftFastOverMissedNegative, formatRatio)}.`
              : 'Each purchase against the same customer’s purchases with no contact.'
          }
          wide
        >
          <Loadable
            ready={effectsReport !== undefined}
            error={effects.error}
            empty={(effectsReport?.effects.length ?? 0) === 0}
            emptyText="No customer bought under two service experiences in this period."
            what="Service effects"
          >
            <Chart
              build={(p) =>
                toIntervalOption(
                  (effectsReport?.effects ?? []).map((e) => ({
                    key: e.experience,
                    label: PURCHASE_EXPERIENCE_LABELS[e.experience] ?? e.experience,
                    estimate: { estimate: e.estimate, low: e.low, high: e.high },
                  })),
                  formatRatio,
                  p,
                  'Order value ratio',
                )
              }
              deps={[effectsReport]}
              label="Order value ratio per service experience with intervals, no contact = 1"
              height={260}
            />
          </Loadable>
        </Card>

        <Card id="service-value-rows" title="Service → value by segment" metric={METRICS.serviceUplift} wide>
          <Loadable
            ready={report !== undefined}
            error={value.error}
            empty={(report?.rows.length ?? 0) === 0}
            emptyText="No customers in this period."
            what="Service → value"
            skeleton="table"
          >
            <DataTable
              id="service-value"
              title="Service to value by segment"
              columns={rowColumns}
              rows={report?.rows ?? []}
              rowKey={(r) => `${r.segment}:${r.experience}`}
            />
          </Loadable>
        </Card>

        <Card
          id="customers-at-risk"
          title="Customers at risk"
          metric={METRICS.valueAtRisk}
          description="A missed negative message in the period; highest predicted CLV first. Open one for their timeline."
          wide
        >
          <Loadable
            ready={risk !== undefined}
            error={atRisk.error}
            empty={(risk?.length ?? 0) === 0}
            emptyText="No customer has a missed negative message in this period."
            what="Customers at risk"
            skeleton="table"
          >
            <DataTable
              id="customers-at-risk"
              title="Customers at risk"
              columns={riskColumns}
              rows={risk ?? []}
              rowKey={(c) => c.customerId}
              onRowActivate={(c) => navigate(`/customers?customer=${encodeURIComponent(c.customerId)}`)}
            />
          </Loadable>
        </Card>
      </div>
    </div>
  );
}
