import { useQuery } from '@apollo/client/react';
import { Card, Figure } from '../../app/components/Card';
import { Loadable } from '../../app/components/Loadable';
import { channelLabel, segmentLabel } from '../../filters/labels';
import {
  formatCurrency,
  formatDateTime,
  formatDuration,
  formatExactCount,
  formatSentiment,
  formatShare,
} from '../../format/format';
import { METRICS } from '../../metrics/definitions';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { CUSTOMER_QUERY, type TimelineEvent } from '../graphql/customer.query';

const PAGE = 30;

function describe(event: TimelineEvent, currency: string): string {
  switch (event.kind) {
    case 'MESSAGE':
      return `Wrote on ${channelLabel(event.channel ?? '')}${event.isPublic ? ' (public)' : ''}`;
    case 'REPLY':
      return `${event.author ?? 'The brand'} replied on ${channelLabel(event.channel ?? '')}`;
    case 'TRANSACTION':
      return `${event.transactionKind ?? 'Transaction'} ${formatCurrency(event.amount, event.currency ?? currency)}`;
  }
}

/** The 360° view: who, what they are worth, and their timeline across channels, newest first. */
export function CustomerDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const workspace = useWorkspace();
  const { data, previousData, error, loading, fetchMore, refetch } = useQuery(CUSTOMER_QUERY, {
    variables: { id, first: PAGE },
    notifyOnNetworkStatusChange: true,
  });
  const customer = (data ?? previousData)?.customer;
  const known = data !== undefined || previousData !== undefined;

  return (
    <Card
      id="customer-360"
      title={customer ? customer.name : 'Customer'}
      description={
        customer
          ? `${customer.email} · ${segmentLabel(customer.segment)} · ${customer.lifecycleStage} · ${customer.country}`
          : undefined
      }
      wide
      actions={
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      }
    >
      <Loadable
        ready={known}
        error={error}
        empty={customer === null}
        emptyText="This workspace has no customer with this id."
        what="The customer"
        skeleton="table"
        onRetry={() => void refetch()}
      >
        {customer && (
          <>
            <div className="figure-row">
              <Figure
                id="historicalValue"
                metric={METRICS.historicalValue}
                label="Historical value"
                value={formatCurrency(customer.value.historicalValue, workspace.currency)}
                caption={`${formatExactCount(customer.value.transactions)} transactions`}
              />
              <Figure
                id="predictedClv"
                metric={METRICS.predictedClv}
                label="Predicted CLV"
                value={formatCurrency(customer.value.predictedClv, workspace.currency)}
                caption={
                  customer.value.expectedPurchases === null
                    ? 'no prediction'
                    : `${customer.value.expectedPurchases.toFixed(1)} expected purchases`
                }
              />
              <Figure
                id="pAlive"
                metric={METRICS.pAlive}
                label="P(alive)"
                value={formatShare(customer.value.pAlive)}
                caption={customer.value.predictedAt ? `as of ${formatDateTime(customer.value.predictedAt)}` : undefined}
              />
              <Figure
                id="handles"
                label="Handles"
                value={formatExactCount(customer.identities.length)}
                caption={customer.identities.map((i) => `${i.kind}: ${i.handle}`).join(', ')}
              />
            </div>
            <h3 className="section-title timeline-title">Timeline</h3>
            <ol className="timeline" aria-label="Timeline, newest first">
              {customer.timeline.nodes.map((event) => (
                <li
                  key={`${event.kind}:${event.id}`}
                  className={`timeline-event kind-${event.kind}`}
                  data-kind={event.kind}
                >
                  <div className="timeline-meta">{formatDateTime(event.at)}</div>
                  <div>
                    <strong>{describe(event, workspace.currency)}</strong>
                    {event.sentiment !== null && (
                      <span className="timeline-meta"> · sentiment {formatSentiment(event.sentiment)}</span>
                    )}
                    {event.kind === 'MESSAGE' && (
                      <span className="timeline-meta">
                        {' · '}
                        {event.firstResponseSeconds === null
                          ? 'no reply'
                          : `answered in ${formatDuration(event.firstResponseSeconds)}`}
                      </span>
                    )}
                    {event.text && <p>{event.text}</p>}
                  </div>
                </li>
              ))}
            </ol>
            {customer.timeline.nodes.length === 0 && <p className="muted">Nothing on this customer's timeline yet.</p>}
            {customer.timeline.pageInfo.hasNextPage && (
              <button
                type="button"
                className="link-button load-more"
                disabled={loading}
                onClick={() =>
                  void fetchMore({
                    variables: { after: customer.timeline.pageInfo.endCursor },
                    updateQuery: (previous, { fetchMoreResult }) =>
                      previous.customer && fetchMoreResult.customer
                        ? {
                            customer: {
                              ...fetchMoreResult.customer,
                              timeline: {
                                nodes: [
                                  ...previous.customer.timeline.nodes,
                                  ...fetchMoreResult.customer.timeline.nodes,
                                ],
                                pageInfo: fetchMoreResult.customer.timeline.pageInfo,
                              },
                            },
                          }
                        : previous,
                  })
                }
              >
                {loading ? 'Loading…' : 'Show older events'}
              </button>
            )}
          </>
        )}
      </Loadable>
    </Card>
  );
}
