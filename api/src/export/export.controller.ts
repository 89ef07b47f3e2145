import { Controller, Get, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { HttpApiKeyGuard } from '../auth/http-api-key.guard';
import { RequireRole } from '../auth/require-role.decorator';
import type { Caller } from '../graphql/graphql-context';
import { ExportExceptionFilter } from './export.exception.filter';
import { ValuePopulation } from '../value/dto/value-customer.model';
import { choiceFromQuery, filterFromQuery, type QueryParams } from './export-query';
import { ExportService } from './export.service';

const day = (date: Date) => date.toISOString().slice(0, 10);
/** population= takes the GraphQL enum's names, as valueCustomers. */
const POPULATIONS: Record<string, ValuePopulation> = Object.fromEntries(Object.entries(ValuePopulation));

/** Resolves when the response can take more, or the client has gone; leaves no listener behind. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** The CSV exports (DESIGN.md "every table exports CSV"): the raw rows behind any message or value figure. */
@Controller('api/export')
@UseGuards(HttpApiKeyGuard)
@UseFilters(ExportExceptionFilter)
@RequireRole('analyst')
export class ExportController {
  constructor(private readonly exportService: ExportService) {}

  /**
   * GET /api/export/messages.csv?from=…&to=…[&brands=a,b][&channels=…][&segments=…][&agents=…][&publicOnly=true]
   * [&hoursOfWeek=…][&terms=…][&sentiments=…] with `Authorization: Bearer <key>`. Streams page by
   * page; nothing is sent until the first page is read, so a failing query is still a clean error status.
   */
  @Get('messages.csv')
  async messages(
    @CurrentCaller() caller: Caller,
    @Query() query: QueryParams,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const filter = filterFromQuery(query);
    const chunks = await this.exportService.csv(caller.workspaceId, filter);
    await send(res, `messages-${day(filter.from)}-${day(filter.to)}.csv`, chunks);
  }

  /**
   * GET /api/export/customers.csv?population=CLV_RUN|PURCHASE_COHORTS&from=…&to=…[&experiences=MISSED][&cohorts=2025-01]
   * [&segments=…] (and any message narrowing): the customers behind a value figure, as valueCustomers.
   */
  @Get('customers.csv')
  async customers(
    @CurrentCaller() caller: Caller,
    @Query() query: QueryParams,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const filter = filterFromQuery(query, ['population']);
    const population = choiceFromQuery(query, 'population', POPULATIONS);
    const chunks = await this.exportService.customersCsv(caller.workspaceId, filter, population);
    await send(res, `customers-${population}-${day(filter.from)}-${day(filter.to)}.csv`, chunks);
  }
}

/**
 * Streams a CSV: the header and the first page are read before the status is sent, then each
 * chunk as the client takes it (back-pressure), stopping the reads when the client goes away.
 */
async function send(res: ServerResponse, filename: string, chunks: AsyncGenerator<string>): Promise<void> {
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  try {
    const header = await chunks.next();
    const first = await chunks.next();
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.write(header.value ?? '');
    for (let chunk = first; !chunk.done && !closed; chunk = await chunks.next()) {
      // Back-pressure: wait for the socket to drain (or for the client to leave) before reading on.
      if (!res.write(chunk.value)) await drained(res);
    }
    res.end();
  } finally {
    // Stops the page reads when the client went away mid-download.
    await chunks.return(undefined);
  }
}
