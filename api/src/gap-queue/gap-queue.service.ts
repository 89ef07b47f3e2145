import { Injectable } from '@nestjs/common';
import { cacheKey } from '../cache/cache-key';
import { ResultCache } from '../cache/result-cache';
import { ROLES, type Role } from '@resonance/sql';
import { fromClickHouseTime } from '../common/clickhouse-time';
import { Clock } from '../common/clock';
import { ApiErrorCode, apiError } from '../common/domain.exception';
import { finiteOrNull } from '../common/metrics';
import { decodeCursor, invalidCursor, MAX_PAGE_SIZE, pageSize, toPage, type PageArgs } from '../data/pagination';
import type { FilterInput } from '../filter/dto/filter.input';
import { FilterService } from '../filter/filter.service';
import type { GapQueueItem, GapQueuePage } from './dto/gap-queue.model';
import { GapQueueRepository, type GapQueuePosition, type GapQueueRow } from './gap-queue.repository';

const POSITION_KINDS = ['string', 'string', 'string', 'string', 'string', 'string'] as const;
const INTEGER = /^-?\d{1,19}$/;

/** The cursor's position, each numeric part checked, so a forged cursor is a client error and never a SQL one. */
function position(cursor: string): GapQueuePosition {
  const values = decodeCursor(cursor, POSITION_KINDS) as string[];
  const [sentiment, isPrivate, reach, value, created] = values as GapQueuePosition;
  const finite = (text: string) => text.trim() !== '' && Number.isFinite(Number(text));
  if (
    !finite(sentiment) ||
    !finite(value) ||
    !/^[01]$/.test(isPrivate) ||
    !INTEGER.test(reach) ||
    !INTEGER.test(created)
  ) {
    throw invalidCursor();
  }
  return values as GapQueuePosition;
}

function invalidPageSize(): Error {
  return apiError(`first must be 1…${MAX_PAGE_SIZE}`, ApiErrorCode.BAD_USER_INPUT, { reason: 'INVALID_ARGUMENT' });
}

function cursorOf(row: GapQueueRow): string[] {
  return row.sort_key.map((part) => String(part));
}

/** Whether a role may read message texts and customer details (DESIGN.md "API": analyst and above). */
export function canReadDetails(role: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf('analyst');
}

/** The gap queue: missed messages worst first, cursor-paginated (DESIGN.md "Response gap"). */
@Injectable()
export class GapQueueService {
  constructor(
    private readonly repository: GapQueueRepository,
    private readonly filters: FilterService,
    private readonly clock: Clock,
    private readonly cache: ResultCache,
  ) {}

  async gapQueue(workspaceId: string, input: FilterInput, args: PageArgs, role: Role): Promise<GapQueuePage> {
    // The workspace's own queue: its own brands unless the filter names brands.
    const { analytics } = await this.filters.resolve(workspaceId, input, 'own');
    const limit = pageSize(args);
    // The resolver's validation pipe bounds `first`; this keeps the bound for any other caller.
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw invalidPageSize();
    const after = args.after ? position(args.after) : null;
    const now = this.clock.now();
    const details = canReadDetails(role);
    const page = async () => {
      const candidates = await this.repository.candidates(workspaceId, analytics, now, limit + 1, after);
      return this.repository.page(workspaceId, analytics, now, limit + 1, after, candidates);
    };
    // Rows are cached before the role decides what is shown.
    const [rows, totalCount] = await this.cache.cached(
      workspaceId,
      cacheKey('gap_queue/page', analytics, limit, after),
      () => Promise.all([page(), this.repository.count(workspaceId, analytics, now)]),
    );
    const toNode = (row: GapQueueRow): GapQueueItem => ({
      interactionId: row.interaction_id,
      createdAt: fromClickHouseTime(row.created_at),
      ageSeconds: row.age_seconds,
      brand: row.brand,
      channel: row.channel,
      isPublic: row.is_public,
      text: details ? row.text : null,
      authorHandle: details ? row.author_handle : null,
      sentiment: finiteOrNull(row.sentiment),
      reach: finiteOrNull(row.reach),
      customerId: details && row.customer_id !== '' ? row.customer_id : null,
      customerName: details && row.customer_name ? row.customer_name : null,
      customerSegment: row.customer_segment ? row.customer_segment : null,
      customerValue: finiteOrNull(row.customer_value),
    });
    return { ...toPage(rows, limit, toNode, cursorOf), totalCount };
  }
}
