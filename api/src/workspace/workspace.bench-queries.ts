import type { BenchQuery } from '../response/response.bench-queries';

/** The first query of every dashboard page (the filter bar's brands, segments, channels and default period). */
export const WORKSPACE_BENCH_QUERIES: BenchQuery[] = [
  {
    name: 'workspace',
    query: /* GraphQL */ `
      query Workspace {
        workspace {
          id
          name
          currency
          timezone
          slaHours
          brands {
            brand
            name
            isOwn
          }
          segments
          channels
          dataFrom
          dataTo
        }
      }
    `,
    variables: {},
  },
];
