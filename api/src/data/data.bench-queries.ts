import type { BenchQuery } from '../response/response.bench-queries';

const INGEST_RUNS = /* GraphQL */ `
  query IngestRuns($first: Int) {
    ingestRuns(first: $first) {
      nodes {
        id
        source
        files
        status
        startedAt
        finishedAt
        rowsRead
        rowsLoaded
        rowsRejected
        rowsUnscored
        message
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;

const MODEL_RUNS = /* GraphQL */ `
  query ModelRuns($first: Int) {
    modelRuns(first: $first) {
      nodes {
        runId
        segment
        model
        parameters {
          name
          value
        }
        standardErrors {
          name
          value
        }
        logLikelihood
        customers
        pooled
        calibrationEnd
        horizonMonths
        monthlyDiscount
        dataFrom
        dataTo
        fittedAt
        note
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;

/** Data page operations (rejects need a run id of the benchmarked data, so they are left out). */
export const DATA_BENCH_QUERIES: BenchQuery[] = [
  { name: 'ingestRuns', query: INGEST_RUNS, variables: { first: 20 } },
  { name: 'modelRuns', query: MODEL_RUNS, variables: { first: 20 } },
];
