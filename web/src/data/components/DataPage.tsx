import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card } from '../../app/components/Card';
import { ErrorState } from '../../app/components/ErrorState';
import { Loadable } from '../../app/components/Loadable';
import { PageHeader, pageState } from '../../app/components/PageHeader';
import { useAuth } from '../../auth/hooks/useAuth';
import { useCaller } from '../../auth/hooks/useCaller';
import { can, needsRole } from '../../auth/roles';
import { KeysCard } from '../../keys/components/KeysCard';
import { segmentLabel } from '../../filters/labels';
import { formatDateTime, formatExactCount } from '../../format/format';
import { DataTable, type Column } from '../../tables/components/DataTable';
import { INGEST_RUNS_QUERY, type IngestRun } from '../graphql/ingest-runs.query';
import { MODEL_RUNS_QUERY, type ModelRun, type ModelParameter } from '../graphql/model-runs.query';
import { REJECTS_QUERY, type Reject } from '../graphql/rejects.query';
import { UPLOAD_SOURCES, uploadFile, type RunSummary, type UploadProgress } from '../upload';

const RUN_COLUMNS: readonly Column<IngestRun>[] = [
  { id: 'startedAt', header: 'Started', value: (r) => r.startedAt, render: (r) => formatDateTime(r.startedAt) },
  { id: 'source', header: 'Source', value: (r) => r.source },
  {
    id: 'files',
    header: 'Files',
    value: (r) => r.files.join(' '),
    render: (r) => <span className="cell-text">{r.files.join(', ')}</span>,
  },
  {
    id: 'status',
    header: 'Status',
    value: (r) => r.status,
    render: (r) => <span className={`badge badge-${r.status}`}>{r.status}</span>,
  },
  { id: 'read', header: 'Read', numeric: true, value: (r) => r.rowsRead, render: (r) => formatExactCount(r.rowsRead) },
  {
    id: 'loaded',
    header: 'Loaded',
    numeric: true,
    value: (r) => r.rowsLoaded,
    render: (r) => formatExactCount(r.rowsLoaded),
  },
  {
    id: 'rejected',
    header: 'Rejected',
    numeric: true,
    value: (r) => r.rowsRejected,
    render: (r) => formatExactCount(r.rowsRejected),
  },
  {
    id: 'unscored',
    header: 'Unscored',
    numeric: true,
    value: (r) => r.rowsUnscored,
    render: (r) => formatExactCount(r.rowsUnscored),
  },
  {
    id: 'message',
    header: 'Message',
    value: (r) => r.message,
    render: (r) => <span className="cell-text">{r.message}</span>,
  },
];

const REJECT_COLUMNS: readonly Column<Reject>[] = [
  { id: 'file', header: 'File', value: (r) => r.file },
  { id: 'line', header: 'Line', numeric: true, value: (r) => r.line, render: (r) => formatExactCount(r.line) },
  { id: 'reason', header: 'Reason', value: (r) => r.reason },
  { id: 'raw', header: 'Row as read', value: (r) => r.raw, render: (r) => <code className="cell-text">{r.raw}</code> },
];

const parameters = (list: readonly ModelParameter[]) =>
  list.map((p) => `${p.name} = ${p.value.toPrecision(4)}`).join(', ');

const MODEL_COLUMNS: readonly Column<ModelRun>[] = [
  { id: 'fittedAt', header: 'Fitted', value: (m) => m.fittedAt, render: (m) => formatDateTime(m.fittedAt) },
  { id: 'model', header: 'Model', value: (m) => m.model },
  {
    id: 'segment',
    header: 'Segment',
    value: (m) => m.segment,
    render: (m) => (m.segment === '*' ? 'Whole workspace' : segmentLabel(m.segment)),
  },
  {
    id: 'customers',
    header: 'Customers',
    numeric: true,
    value: (m) => m.customers,
    render: (m) => formatExactCount(m.customers),
  },
  { id: 'parameters', header: 'Parameters', value: (m) => parameters(m.parameters) },
  { id: 'standardErrors', header: 'Standard errors', value: (m) => parameters(m.standardErrors) },
  {
    id: 'logLikelihood',
    header: 'Log-likelihood',
    numeric: true,
    value: (m) => m.logLikelihood,
    render: (m) => m.logLikelihood.toFixed(1),
  },
  {
    id: 'pooled',
    header: 'Pooled',
    value: (m) => m.pooled,
    render: (m) => (m.pooled ? `yes${m.note ? ` (${m.note})` : ''}` : 'no'),
  },
  {
    id: 'horizon',
    header: 'Horizon',
    value: (m) => m.horizonMonths,
    render: (m) => `${m.horizonMonths} months, ${(m.monthlyDiscount * 100).toFixed(1)}%/month`,
  },
  { id: 'runId', header: 'Run', value: (m) => m.runId, render: (m) => <code>{m.runId.slice(0, 8)}</code> },
];

const PAGE = 20;

export default function DataPage() {
  const { caller } = useCaller();
  const [params, setParams] = useSearchParams();
  const selectedRun = params.get('run');
  const runs = useQuery(INGEST_RUNS_QUERY, { variables: { first: PAGE }, notifyOnNetworkStatusChange: true });
  const models = useQuery(MODEL_RUNS_QUERY, { variables: { first: 50 } });
  const rejects = useQuery(REJECTS_QUERY, { variables: { runId: selectedRun ?? '', first: 50 }, skip: !selectedRun });

  const runPage = runs.data?.ingestRuns ?? runs.previousData?.ingestRuns;
  const modelPage = models.data?.modelRuns ?? models.previousData?.modelRuns;
  const state = pageState([runPage, modelPage], [runs.error, models.error]);
  const run = runPage?.nodes.find((r) => r.id === selectedRun);

  const selectRun = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('run', id);
    else next.delete('run');
    setParams(next);
  };

  return (
    <div className="page" data-page="data" data-state={state}>
      <PageHeader title="Data" subtitle="What was loaded and refused, and which CLV models are current" />
      <div className="panel-grid">
        {/* Only what the api accepts from this key: uploads take analyst and admin keys (POST /api/ingest). */}
        {caller && can(caller.role, 'upload') && (
          <Upload
            onLoaded={(summary) =>
              void runs.refetch().then(() => selectRun(summary.rejected > 0 ? summary.runId : null))
            }
          />
        )}
        {caller && !can(caller.role, 'upload') && (
          <p className="notice notice-note panel-wide" role="note" data-upload-denied="">
            {needsRole('upload')} This key can see the loads and model runs below.
          </p>
        )}

        <Card
          id="ingest-runs"
          title="Loads"
          description={
            caller && !can(caller.role, 'seeRows')
              ? 'Newest first. The rows a load refused need an analyst key.'
              : 'Newest first. Open a load to see the rows it refused.'
          }
          wide
        >
          <Loadable
            ready={runPage !== undefined}
            error={runs.error}
            empty={(runPage?.nodes.length ?? 0) === 0}
            emptyText="Nothing loaded yet: upload a file above or run `resonance ingest`."
            what="The loads"
            skeleton="table"
            onRetry={() => void runs.refetch()}
          >
            <DataTable
              id="ingest-runs"
              title="Loads"
              columns={RUN_COLUMNS}
              rows={runPage?.nodes ?? []}
              rowKey={(r) => r.id}
              selectedKey={selectedRun}
              {...(caller && can(caller.role, 'seeRows')
                ? { onRowActivate: (r: IngestRun) => selectRun(r.id === selectedRun ? null : r.id) }
                : {})}
              footer={
                runPage?.pageInfo.hasNextPage ? (
                  <button
                    type="button"
                    className="link-button load-more"
                    onClick={() =>
                      void runs.fetchMore({
                        variables: { after: runPage.pageInfo.endCursor },
                        updateQuery: (previous, { fetchMoreResult }) => ({
                          ingestRuns: {
                            nodes: [...previous.ingestRuns.nodes, ...fetchMoreResult.ingestRuns.nodes],
                            pageInfo: fetchMoreResult.ingestRuns.pageInfo,
                          },
                        }),
                      })
                    }
                  >
                    Show older loads
                  </button>
                ) : null
              }
            />
          </Loadable>
        </Card>

        {selectedRun && caller && can(caller.role, 'seeRows') && (
          <Card
            id="rejects"
            title={`Rows refused by ${run ? `the ${run.source} load of ${formatDateTime(run.startedAt)}` : 'this load'}`}
            wide
            actions={
              <button type="button" className="link-button" onClick={() => selectRun(null)}>
                Close
              </button>
            }
          >
            <Loadable
              ready={rejects.data !== undefined}
              error={rejects.error}
              empty={(rejects.data?.rejects.nodes.length ?? 0) === 0}
              emptyText="This load refused no rows."
              what="The refused rows"
              skeleton="table"
            >
              <DataTable
                id="rejects"
                title="Refused rows"
                columns={REJECT_COLUMNS}
                rows={rejects.data?.rejects.nodes ?? []}
                rowKey={(r) => `${r.file}:${r.line}`}
              />
            </Loadable>
          </Card>
        )}

        <Card
          id="model-runs"
          title="CLV model runs"
          description="BG/NBD and Gamma-Gamma fits per segment, newest first, with their parameters."
          wide
        >
          <Loadable
            ready={modelPage !== undefined}
            error={models.error}
            empty={(modelPage?.nodes.length ?? 0) === 0}
            emptyText="No CLV model fitted yet: run `resonance fit`."
            what="The model runs"
            skeleton="table"
          >
            <DataTable
              id="model-runs"
              title="CLV model runs"
              columns={MODEL_COLUMNS}
              rows={modelPage?.nodes ?? []}
              rowKey={(m) => `${m.runId}:${m.model}:${m.segment}`}
            />
          </Loadable>
        </Card>

        {/* Admins only; other keys do not see that keys exist. */}
        {caller && can(caller.role, 'manageKeys') && <KeysCard ownKeyId={caller.keyId} />}
      </div>
    </div>
  );
}

function Upload({ onLoaded }: { onLoaded: (summary: RunSummary) => void }) {
  const { apiKey } = useAuth();
  const [source, setSource] = useState<string>(UPLOAD_SOURCES[0].name);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const busy = progress !== null && summary === null && error === null;

  const start = async () => {
    if (!file) return;
    setSummary(null);
    setError(null);
    setProgress({ sent: 0, total: file.size });
    try {
      const result = await uploadFile(source, file, apiKey, setProgress);
      setSummary(result);
      onLoaded(result);
    } catch (e) {
      setError(e);
    }
  };

  const sentAll = progress !== null && progress.sent >= progress.total;

  return (
    <Card
      id="upload"
      title="Load a file"
      description="Analysts and admins: the file streams to the server, which validates, scores and loads it; refused rows are kept with their reason."
      wide
    >
      <form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <label className="field">
          <span>Source format</span>
          <select value={source} onChange={(e) => setSource(e.target.value)} disabled={busy}>
            {UPLOAD_SOURCES.map((s) => (
              <option key={s.name} value={s.name}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>File</span>
          <input type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} disabled={busy} />
        </label>
        <button type="submit" className="primary-button" disabled={!file || busy}>
          {busy ? 'Loading…' : 'Load'}
        </button>
      </form>
      {busy && progress && (
        <div role="status" className="upload-progress">
          <progress max={progress.total || 1} value={progress.sent} />
          <p className="muted">
            {sentAll
              ? 'Sent; the server is validating and loading the rows…'
              : `Sending ${formatExactCount(progress.sent)} of ${formatExactCount(progress.total)} bytes`}
          </p>
        </div>
      )}
      {summary && (
        <p
          className={`notice ${summary.status === 'succeeded' ? 'notice-good' : 'notice-error'}`}
          role="status"
          data-upload-status={summary.status}
        >
          {summary.status === 'succeeded' ? 'Loaded' : 'Failed'}: read {formatExactCount(summary.read)}, loaded{' '}
          {formatExactCount(summary.loaded)}, refused {formatExactCount(summary.rejected)} in{' '}
          {summary.seconds.toFixed(1)} s. {summary.message}
        </p>
      )}
      {error !== null && <ErrorState title="The file could not be loaded" error={error} />}
    </Card>
  );
}
