import { Catch } from '@nestjs/common';
import { HttpErrorFilter } from '../common/http-error.filter';
import { IngestException } from './ingest.exception';

/** Errors of POST /api/ingest/<source>: an unknown source or bad upload is the client's (400). */
@Catch()
export class IngestExceptionFilter extends HttpErrorFilter {
  constructor() {
    super('Ingest', [IngestException]);
  }
}
