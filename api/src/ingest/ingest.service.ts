import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import {
  defaultScorer,
  DEFAULT_MAPPING,
  findSource,
  InputError,
  loadFiles,
  parseMapping,
  type Mapping,
  type RunSummary,
} from '@resonance/pipelines';
import type { Database } from '@resonance/sql';
import { InjectDatabase } from '../database/database.module';
import { IngestException, IngestExceptionCode } from './ingest.exception';

export interface IngestRequest {
  workspaceId: string;
  source: string;
  /** The uploaded file's own name (format detection by extension, rejects, the run record). */
  fileName: string;
  /** The mapping file's JSON, when the client sent one. */
  mapping?: string;
  body: Readable;
}

/**
 * Loads an uploaded file into the caller's workspace with the same code as `resonance ingest`.
 * The body is streamed to a temporary file first (disk, not memory, holds it), because the
 * server's one embedded database is shared with the queries it answers meanwhile.
 */
@Injectable()
export class IngestService {
  constructor(@InjectDatabase() private readonly db: Database) {}

  parseMapping(text: string | undefined): Mapping {
    if (text === undefined || text === '') return DEFAULT_MAPPING;
    try {
      return parseMapping(JSON.parse(text) as unknown);
    } catch (error) {
      throw new IngestException(`mapping: ${(error as Error).message}`, IngestExceptionCode.BAD_MAPPING);
    }
  }

  async load(request: IngestRequest): Promise<RunSummary> {
    const source = findSource(request.source);
    if (!source) throw new IngestException(`unknown source "${request.source}"`, IngestExceptionCode.UNKNOWN_SOURCE);
    const mapping = this.parseMapping(request.mapping);
    const file = path.join(os.tmpdir(), `resonance-upload-${randomUUID()}`);
    try {
      await pipeline(request.body, fs.createWriteStream(file));
      return await loadFiles(this.db, source, [file], {
        workspaceId: request.workspaceId,
        mapping,
        names: [request.fileName],
        scorer: defaultScorer(),
      });
    } catch (error) {
      if (error instanceof InputError) throw new IngestException(error.message, IngestExceptionCode.UNREADABLE_INPUT);
      throw error;
    } finally {
      await fs.promises.rm(file, { force: true });
    }
  }
}
