import { DomainException } from '../common/domain.exception';

export enum IngestExceptionCode {
  UNKNOWN_SOURCE = 'UNKNOWN_SOURCE',
  BAD_MAPPING = 'BAD_MAPPING',
  WORKSPACE_MISMATCH = 'WORKSPACE_MISMATCH',
  UNREADABLE_INPUT = 'UNREADABLE_INPUT',
  BAD_HEADER = 'BAD_HEADER',
}

/** A load request the client can fix (HTTP 400 with the code as `reason`). */
export class IngestException extends DomainException<IngestExceptionCode> {
  constructor(message: string, code: IngestExceptionCode) {
    super(message, code);
  }
}
