import { Catch } from '@nestjs/common';
import { HttpErrorFilter } from '../common/http-error.filter';
import { FilterException } from '../filter/filter.exception';
import { ExportException } from './export.exception';

/** Errors of GET /api/export/*.csv: a bad filter or export parameter is the client's (400). */
@Catch()
export class ExportExceptionFilter extends HttpErrorFilter {
  constructor() {
    super('Export', [FilterException, ExportException]);
  }
}
