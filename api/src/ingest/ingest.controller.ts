import { Controller, HttpCode, Param, Post, Req, UseFilters, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import type { RunSummary } from '@resonance/pipelines';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { HttpApiKeyGuard } from '../auth/http-api-key.guard';
import { RequireRole } from '../auth/require-role.decorator';
import type { Caller } from '../graphql/graphql-context';
import { IngestException, IngestExceptionCode } from './ingest.exception';
import { IngestExceptionFilter } from './ingest.exception.filter';
import { IngestService } from './ingest.service';

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  if (typeof value !== 'string') return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    throw new IngestException(`header ${name} is not URI-encoded text`, IngestExceptionCode.BAD_HEADER);
  }
}

/**
 * The ingest endpoint `resonance ingest` uses while the server holds the embedded data directory
 * (issue 3): the file's bytes as the request body, streamed; the workspace comes from the key.
 */
@Controller('api/ingest')
@UseGuards(HttpApiKeyGuard)
@UseFilters(IngestExceptionFilter)
@RequireRole('analyst')
export class IngestController {
  constructor(private readonly ingest: IngestService) {}

  /**
   * POST /api/ingest/<source> with `Authorization: Bearer <key>`, `Content-Type:
   * application/octet-stream` and optionally `X-Resonance-File` (the file name),
   * `X-Resonance-Mapping` (a mapping file's JSON, URI-encoded) and `X-Resonance-Workspace` (checked
   * against the key's). Answers the run summary; a run that failed says so in its `status`.
   */
  @Post(':source')
  @HttpCode(200)
  async load(
    @CurrentCaller() caller: Caller,
    @Param('source') source: string,
    @Req() req: Request,
  ): Promise<RunSummary> {
    const claimed = header(req, 'x-resonance-workspace');
    if (claimed !== undefined && claimed !== caller.workspaceId) {
      throw new IngestException(
        `the key belongs to workspace "${caller.workspaceId}", not "${claimed}"`,
        IngestExceptionCode.WORKSPACE_MISMATCH,
      );
    }
    const mapping = header(req, 'x-resonance-mapping');
    return this.ingest.load({
      workspaceId: caller.workspaceId,
      source,
      fileName: header(req, 'x-resonance-file') ?? 'upload',
      ...(mapping === undefined ? {} : { mapping }),
      body: req,
    });
  }
}
