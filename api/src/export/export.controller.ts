import { Controller, Get, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { HttpApiKeyGuard } from '../auth/http-api-key.guard';
import { RequireRole } from '../auth/require-role.decorator';
import type { Caller } from '../graphql/graphql-context';
import { ExportExceptionFilter } from './export.exception.filter';
import { filterFromQuery, type QueryParams } from './export-query';
import { ExportService } from './export.service';

const day = (date: Date) => date.toISOString().slice(0, 10);

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

/** The CSV export (DESIGN.md "every table exports CSV"): the raw rows behind any message figure. */
@Controller('api/export')
@UseGuards(HttpApiKeyGuard)
@UseFilters(ExportExceptionFilter)
@RequireRole('analyst')
export class ExportController {
  constructor(private readonly exportService: ExportService) {}

  /**
   * GET /api/export/messages.csv?from=…&to=…[&brands=a,b][&channels=…][&segments=…][&agents=…][&publicOnly=true]
   * with `Authorization: Bearer <key>`. Streams page by page; nothing is sent until the first page
   * is read, so a failing query is still a clean error status.
   */
  @Get('messages.csv')
  async messages(
    @CurrentCaller() caller: Caller,
    @Query() query: QueryParams,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const filter = filterFromQuery(query);
    const chunks = await this.exportService.csv(caller.workspaceId, filter);
    let closed = false;
    res.on('close', () => {
      closed = true;
    });
    try {
      const header = await chunks.next();
      const first = await chunks.next();
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="messages-${day(filter.from)}-${day(filter.to)}.csv"`,
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
}
