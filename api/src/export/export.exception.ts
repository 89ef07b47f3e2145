import { DomainException } from '../common/domain.exception';

export enum ExportExceptionCode {
  INVALID_QUERY = 'INVALID_QUERY',
}

/** A CSV export request the api refuses: always the client's to fix (HTTP 400). */
export class ExportException extends DomainException<ExportExceptionCode> {
  constructor(message: string, code: ExportExceptionCode) {
    super(message, code);
  }
}
