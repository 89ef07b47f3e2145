import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card, Figure } from '../../app/components/Card';
import { Loadable } from '../../app/components/Loadable';
import { PageHeader, pageState } from '../../app/components/PageHeader';
import { toBarOption, type Bar } from '../../charts/bar-option';
import { Chart } from '../../charts/Chart';
import { bucketRange, narrow, type Narrowing } from '../../drilldown/drill';
import { useDrill } from '../../drilldown/hooks/useDrill';
import { useFilters } from '../../filters/hooks/useFilters';
import { channelLabel } from '../../filters/labels';
import {
  formatCount,
  formatDateTime,
  formatExactCount,
  formatNetSentiment,
  formatPercent,
  formatSentiment,
} from '../../format/format';
import { METRICS } from '../../metrics/definitions';
import { DataTable, type Column } from '../../tables/components/DataTable';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import {
  SENTIMENT_QUERY,
  SENTIMENT_ROWS_QUERY,
  SENTIMENT_TREND_QUERY,
  type SentimentFigures,
  type SentimentTrendReport,
} from '../graphql/sentiment.query';
import { TOP_TERMS_QUERY, type SentimentClass } from '../graphql/top-terms.query';
import { VOICE_QUERY, type AmplifiedPost, type BrandVoice } from '../graphql/voice.query';
import {
  toNegativeReachOption,
  toSentimentTrendOption,
  toShareOfVoiceOption,
  toWordCloudOption,
  trendLabel,
} from '../sentiment-options';

const WordCloud = lazy(() => import('../../charts/WordCloud'));

const TONES: { id: 'all' | 'positive' | 'negative'; label: string; sentiment?: SentimentClass }[] = [
  { id: 'negative', label: 'Negative', sentiment: 'NEGATIVE' },
  { id: 'positive', label: 'Positive', sentiment: 'POSITIVE' },
  { id: 'all', label: 'All' },
];

function netBars(rows: readonly SentimentFigures[], label: (key: string) => string): Bar[] {
  return [...rows]
    .sort((a, b) => b.inbound - a.inbound)
    .map((r) => ({
      key: r.key,
      label: label(r.key),
      value: r.netSentiment,
      detail: `${formatExactCount(r.inbound)} messages`,
    }));
}

const GROUP_COLUMNS = (name: string, label: (key: string) => string): Column<SentimentFigures>[] => [
  { id: 'key', header: name, value: (r) => r.key, render: (r) => label(r.key) },
  {
    id: 'inbound',
    header: 'Messages',
    numeric: true,
    value: (r) => r.inbound,
    render: (r) => formatExactCount(r.inbound),
  },
  {
    id: 'positive',
    header: 'Positive',
    numeric: true,
    value: (r) => r.positive,
    render: (r) => formatExactCount(r.positive),
  },
  {
    id: 'negative',
    header: 'Negative',
    numeric: true,
    value: (r) => r.negative,
    render: (r) => formatExactCount(r.negative),
  },
  {
    id: 'net',
    header: 'Net sentiment',
    metric: METRICS.netSentiment,
    numeric: true,
    value: (r) => r.netSentiment,
    render: (r) => formatNetSentiment(r.netSentiment),
  },
];

export default function SentimentPage() {
  const { filter } = useFilters();
  const workspace = useWorkspace();
  const { openDrill } = useDrill();
  const [tone, setTone] = useState<(typeof TONES)[number]['id']>('negative');
  const brandName = (key: string) => workspace.brands.find((b) => b.brand === key)?.name ?? key;

  // The trend of one channel or brand (?trend=channel:twitter), else of everything the filter holds.
  const [params, setParams] = useSearchParams();
  const trendParam = params.get('trend') ?? '';
  const trendOptions = [
    ...workspace.channels.map((c) => ({
      id: `channel:${c}`,
      label: channelLabel(c),
      by: { kind: 'channel', value: c } as Narrowing,
    })),
    ...workspace.brands.map((b) => ({
      id: `brand:${b.brand}`,
      label: b.name,
      by: { kind: 'brand', value: b.brand } as Narrowing,
    })),
  ];
  const trendChoice = trendOptions.find((o) => o.id === trendParam);
  const trendFilter = trendChoice ? narrow(filter, trendChoice.by) : filter;

  const byChannel = useQuery(SENTIMENT_QUERY, { variables: { filter, groupBy: 'CHANNEL' } });
  const trendQuery = useQuery(SENTIMENT_TREND_QUERY, { variables: { filter: trendFilter }, skip: !trendChoice });
  const byBrand = useQuery(SENTIMENT_ROWS_QUERY, { variables: { filter, groupBy: 'BRAND' } });
  const voice = useQuery(VOICE_QUERY, { variables: { filter, top: 10 } });
  const toneChoice = TONES.find((t) => t.id === tone) ?? TONES[0];
  const terms = useQuery(TOP_TERMS_QUERY, {
    variables: { filter, limit: 60, ...(toneChoice?.sentiment ? { sentiment: toneChoice.sentiment } : {}) },
  });

  const report = byChannel.data?.sentiment ?? byChannel.previousData?.sentiment;
  const trendReport: SentimentTrendReport | undefined = trendChoice
    ? (trendQuery.data?.sentiment ?? trendQuery.previousData?.sentiment)
    : report;
  const brands = byBrand.data?.sentiment ?? byBrand.previousData?.sentiment;
  const voiceData = voice.data ?? voice.previousData;
  const termsData = terms.data ?? terms.previousData;
  const loading = byChannel.loading || byBrand.loading || voice.loading || trendQuery.loading;
  const state = pageState([report, brands, voiceData], [byChannel.error, byBrand.error, voice.error]);

  const sov: BrandVoice[] = voiceData?.shareOfVoice.brands ?? [];
  const amp = voiceData?.amplification;

  const postColumns: Column<AmplifiedPost>[] = [
    { id: 'createdAt', header: 'Written', value: (p) => p.createdAt, render: (p) => formatDateTime(p.createdAt) },
    { id: 'channel', header: 'Channel', value: (p) => p.channel, render: (p) => channelLabel(p.channel) },
    { id: 'brand', header: 'Brand', value: (p) => p.brand, render: (p) => brandName(p.brand) },
    { id: 'author', header: 'Author', value: (p) => p.authorHandle, render: (p) => p.authorHandle ?? '—' },
    {
      id: 'text',
      header: 'Post',
      value: (p) => p.text,
      render: (p) => <span className="cell-text">{p.text ?? '—'}</span>,
    },
    {
      id: 'sentiment',
      header: 'Sentiment',
      numeric: true,
      value: (p) => p.sentiment,
      render: (p) => formatSentiment(p.sentiment),
    },
    {
      id: 'amplification',
      header: 'Amplification',
      metric: METRICS.amplification,
      numeric: true,
      value: (p) => p.amplification,
      render: (p) => formatExactCount(p.amplification),
    },
    { id: 'reach', header: 'Reach', numeric: true, value: (p) => p.reach, render: (p) => formatCount(p.reach) },
    { id: 'answered', header: 'Answered', value: (p) => p.answered, render: (p) => (p.answered ? 'Yes' : 'No') },
  ];

  return (
    <div className="page" data-page="sentiment" data-state={state} aria-busy={loading}>
      <PageHeader
        title="Sentiment & amplification"
        subtitle="How brand sentiment moves, where, and how far it travels"
        loading={loading && state === 'ready'}
      />

      <div className="panel-grid">
        <Card id="sentiment-summary" title="Sentiment of the period" wide>
          <Loadable
            ready={report !== undefined}
            error={byChannel.error}
            empty={false}
            emptyText=""
            what="Sentiment"
            skeleton="tiles"
            height={90}
            onRetry={() => void byChannel.refetch()}
          >
            {report && (
              <div className="figure-row">
                <Figure
                  id="netSentiment"
                  metric={METRICS.netSentiment}
                  label="Net sentiment"
                  value={formatNetSentiment(report.total.netSentiment)}
                  caption={`${formatExactCount(report.total.inbound)} inbound messages`}
                />
                <Figure
                  id="positiveShare"
                  metric={METRICS.sentimentShare}
                  label="Positive"
                  value={formatPercent(report.total.positiveShare)}
                  caption={`${formatExactCount(report.total.positive)} messages`}
                />
                <Figure
                  id="negativeShare"
                  metric={METRICS.sentimentShare}
                  label="Negative"
                  value={formatPercent(report.total.negativeShare)}
                  caption={`${formatExactCount(report.total.negative)} messages`}
                />
                <Figure
                  id="amplifiedNegativeReach"
                  metric={METRICS.amplifiedNegativeReach}
                  label="Amplified negative reach"
                  value={formatCount(amp?.amplifiedNegativeReach)}
                  caption={amp ? `${formatExactCount(amp.negativeMessages)} negative public messages` : undefined}
                />
                <Figure
                  id="amplification"
                  metric={METRICS.amplification}
                  label="Shares + quotes"
                  value={formatCount(amp?.amplification)}
                  caption={amp ? `${formatExactCount(amp.publicMessages)} public messages` : undefined}
                />
              </div>
            )}
          </Loadable>
        </Card>

        <Card
          id="sentiment-trend"
          title={trendChoice ? `Sentiment over time: ${trendChoice.label}` : 'Sentiment over time'}
          metric={METRICS.netSentiment}
          description="Messages by sentiment class per bucket, net sentiment as a line. Click a bar for its messages."
          wide
          actions={
            <label className="compare-select">
              <span className="visually-hidden">Trend of</span>
              <select
                value={trendChoice?.id ?? ''}
                onChange={(e) => {
                  const next = new URLSearchParams(params);
                  if (e.target.value) next.set('trend', e.target.value);
                  else next.delete('trend');
                  setParams(next);
                }}
              >
                <option value="">All channels and brands</option>
                <optgroup label="Channel">
                  {trendOptions
                    .filter((o) => o.by.kind === 'channel')
                    .map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.label}
                      </option>
                    ))}
                </optgroup>
                <optgroup label="Brand">
                  {trendOptions
                    .filter((o) => o.by.kind === 'brand')
                    .map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.label}
                      </option>
                    ))}
                </optgroup>
              </select>
            </label>
          }
        >
          <Loadable
            ready={trendReport !== undefined}
            error={trendChoice ? trendQuery.error : byChannel.error}
            empty={(trendReport?.total.inbound ?? 0) === 0}
            emptyText="No inbound messages in this period."
            what="The sentiment trend"
          >
            {trendReport && (
              <Chart
                build={(p) => toSentimentTrendOption(trendReport.trend, trendReport.trendInterval, p)}
                deps={[trendReport]}
                label="Inbound messages by sentiment class per bucket, with net sentiment"
                height={320}
                onPick={(click) => {
                  const point = trendReport.trend[click.dataIndex];
                  if (!point) return;
                  const bucket: Narrowing = {
                    kind: 'period',
                    ...bucketRange(point.key, trendReport.trendInterval === 'WEEK' ? 7 : 1),
                  };
                  const title = trendLabel(point.key, trendReport.trendInterval);
                  if (trendChoice) openDrill(`${trendChoice.label}, ${title}`, trendChoice.by, bucket);
                  else openDrill(title, bucket);
                }}
              />
            )}
          </Loadable>
        </Card>

        <NetSentimentCard
          group="channel"
          description="Most messages first. Click a bar or a row for its messages."
          rows={report?.rows}
          error={byChannel.error}
          emptyText="No messages on any channel."
          labelOf={channelLabel}
          onDrill={openDrill}
        />

        <NetSentimentCard
          group="brand"
          description="Brands of the filter (your own by default). Click for the messages."
          rows={brands?.rows}
          error={byBrand.error}
          emptyText="No messages for these brands."
          labelOf={brandName}
          onDrill={openDrill}
        />

        <Card
          id="share-of-voice"
          title="Share of voice"
          metric={METRICS.shareOfVoice}
          description="Inbound mentions of every tracked brand, competitors included, by sentiment."
        >
          <Loadable
            ready={voiceData !== undefined}
            error={voice.error}
            empty={sov.length === 0}
            emptyText="No brand mentions in this period."
            what="Share of voice"
          >
            <Chart
              build={(p) => toShareOfVoiceOption(sov, p)}
              deps={[voiceData]}
              label="Mentions per brand by sentiment class"
              height={Math.max(180, sov.length * 40 + 40)}
              onPick={(click) => {
                const brand = sov[click.dataIndex];
                if (brand) openDrill(brand.name, { kind: 'brand', value: brand.brand });
              }}
            />
          </Loadable>
        </Card>

        <Card
          id="negative-reach"
          title="Amplified negative reach: answered vs missed"
          metric={METRICS.negativeReachSplit}
          description="Click for the public messages behind it."
        >
          <Loadable
            ready={amp !== undefined}
            error={voice.error}
            empty={(amp?.amplifiedNegativeReach ?? 0) === 0}
            emptyText="No negative public message reached anyone in this period."
            what="Amplified reach"
          >
            {amp && (
              <Chart
                build={(p) =>
                  toNegativeReachOption(
                    {
                      answered: amp.answeredNegativeReach,
                      pending: amp.pendingNegativeReach,
                      missed: amp.missedNegativeReach,
                    },
                    p,
                  )
                }
                deps={[amp]}
                label="Reach of negative public messages answered, pending and missed"
                height={180}
                onPick={() => openDrill('public messages', { kind: 'publicOnly' })}
              />
            )}
          </Loadable>
        </Card>

        <Card
          id="top-terms"
          title="What people write about"
          metric={METRICS.topTerms}
          description="Click a word for the messages using it."
          actions={
            <div className="segmented" role="group" aria-label="Sentiment of the terms">
              {TONES.map((t) => (
                <button key={t.id} type="button" aria-pressed={tone === t.id} onClick={() => setTone(t.id)}>
                  {t.label}
                </button>
              ))}
            </div>
          }
        >
          <Loadable
            ready={termsData !== undefined}
            error={terms.error}
            empty={(termsData?.topTerms.terms.length ?? 0) === 0}
            emptyText="No terms in these messages."
            what="Top terms"
          >
            {termsData && (
              <Suspense fallback={<div className="skeleton" style={{ height: 300 }} />}>
                <WordCloud
                  build={(p) => toWordCloudOption(termsData.topTerms.terms, tone, p)}
                  deps={[termsData, tone]}
                  label={`Word cloud of the most used terms in ${tone} messages`}
                  onPick={(click) => {
                    const term = termsData.topTerms.terms[click.dataIndex];
                    // The messages the word counted: those using it, in the tone the cloud shows.
                    const sentiment = termsData.topTerms.sentiment;
                    if (term)
                      openDrill(
                        sentiment ? `“${term.term}”, ${sentiment.toLowerCase()}` : `“${term.term}”`,
                        { kind: 'term', value: term.term },
                        ...(sentiment ? [{ kind: 'sentiment' as const, value: sentiment }] : []),
                      );
                  }}
                />
              </Suspense>
            )}
          </Loadable>
        </Card>

        <Card
          id="top-posts"
          title="Most amplified posts"
          metric={METRICS.amplification}
          description="Public inbound messages, most shared and quoted first."
          wide
        >
          <Loadable
            ready={amp !== undefined}
            error={voice.error}
            empty={(amp?.topPosts.length ?? 0) === 0}
            emptyText="No public messages were shared in this period."
            what="Amplified posts"
            skeleton="table"
          >
            <DataTable
              id="top-posts"
              title="Most amplified posts"
              columns={postColumns}
              rows={amp?.topPosts ?? []}
              rowKey={(p) => p.interactionId}
            />
          </Loadable>
        </Card>
      </div>
    </div>
  );
}

/**
 * Net sentiment per channel or per brand: bars most messages first and the table behind them,
 * each bar and row drilling to its messages.
 */
function NetSentimentCard({
  group,
  description,
  rows,
  error,
  emptyText,
  labelOf,
  onDrill,
}: {
  group: 'channel' | 'brand';
  description: string;
  rows: readonly SentimentFigures[] | undefined;
  error: Error | undefined;
  emptyText: string;
  labelOf: (key: string) => string;
  onDrill: (label: string, narrowing: Narrowing) => void;
}) {
  const bars = rows ? netBars(rows, labelOf) : [];
  const heading = group === 'channel' ? 'Channel' : 'Brand';
  return (
    <Card
      id={`sentiment-by-${group}`}
      title={`Net sentiment by ${group}`}
      metric={METRICS.netSentiment}
      description={description}
    >
      <Loadable
        ready={rows !== undefined}
        error={error}
        empty={bars.length === 0}
        emptyText={emptyText}
        what={`Sentiment by ${group}`}
      >
        <Chart
          build={(p) =>
            toBarOption(bars, p, {
              seriesName: 'Net sentiment',
              format: formatNetSentiment,
              min: -100,
              max: 100,
              signed: true,
              horizontal: true,
            })
          }
          deps={[rows]}
          label={`Net sentiment per ${group}`}
          height={Math.max(160, bars.length * 34)}
          onPick={(click) => {
            const bar = bars[click.dataIndex];
            if (bar) onDrill(bar.label, { kind: group, value: bar.key });
          }}
        />
        <DataTable
          id={`sentiment-by-${group}`}
          title={`Sentiment by ${group}`}
          columns={GROUP_COLUMNS(heading, labelOf)}
          rows={rows ?? []}
          rowKey={(r) => r.key}
          onRowActivate={(r) => onDrill(labelOf(r.key), { kind: group, value: r.key })}
        />
      </Loadable>
    </Card>
  );
}
