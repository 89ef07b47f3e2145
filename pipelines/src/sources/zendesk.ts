import type { Channel } from '@resonance/sql';
import { normaliseHandle } from '../transforms/identity';
import { formatTime, parseTimestamp } from '../transforms/time';
import { RowError } from './fields';
import type { InputFile } from './input';
import { isObject, jsonDocuments, type Source, type SourceContext } from './source';

interface User {
  role: string;
  email: string;
  name: string;
}

/** Zendesk `via.channel` values to our channels; anything else arrived through the help desk's e-mail or web form. */
const VIA_CHANNELS: Readonly<Record<string, Channel>> = {
  email: 'email',
  mail: 'email',
  web: 'email',
  web_form: 'email',
  api: 'email',
  chat: 'chat',
  native_messaging: 'chat',
  mobile_sdk: 'chat',
  messaging: 'chat',
  sunshine_conversations_api: 'chat',
  voice: 'phone',
  phone: 'phone',
  sms: 'phone',
  twitter: 'twitter',
  facebook: 'facebook',
  instagram_dm: 'instagram',
  whatsapp: 'whatsapp',
  line: 'line',
  wechat: 'wechat',
  facebook_messenger: 'messenger',
  messenger: 'messenger',
};

interface Comment {
  id: string;
  authorId: string;
  body: string;
  isPublic: boolean;
  createdAt: number;
  automated: boolean;
}

function idOf(value: unknown, what: string): string {
  if (
    (typeof value === 'number' && Number.isInteger(value)) ||
    (typeof value === 'string' && /^-?\d{1,20}$/.test(value))
  )
    return String(value);
  throw new RowError(`${what} is not a Zendesk id: ${JSON.stringify(value ?? null)}`);
}

function timeOf(value: unknown, what: string): number {
  const ms = typeof value === 'string' ? parseTimestamp(value) : null;
  if (ms === null) throw new RowError(`bad date in ${what}: ${JSON.stringify(value ?? null)}`);
  return ms;
}

function commentsOf(ticket: Record<string, unknown>, limit: number): Comment[] {
  if (ticket.comments === undefined) return [];
  if (!Array.isArray(ticket.comments)) throw new RowError('comments is not an array');
  return ticket.comments.map((c, i) => {
    if (!isObject(c)) throw new RowError(`comment ${i + 1} is not an object`);
    const body = typeof c.plain_body === 'string' ? c.plain_body : c.body;
    if (typeof body !== 'string') throw new RowError(`comment ${i + 1} has no body`);
    if (body.length > limit) throw new RowError(`oversized field comment ${i + 1} body: ${body.length} characters`);
    if (c.public !== undefined && typeof c.public !== 'boolean')
      throw new RowError(`comment ${i + 1}: public is not a boolean`);
    const via = isObject(c.via) && typeof c.via.channel === 'string' ? c.via.channel : '';
    const authorId = idOf(c.author_id, `comment ${i + 1} author_id`);
    return {
      id: idOf(c.id, `comment ${i + 1} id`),
      authorId,
      body,
      isPublic: c.public !== false,
      createdAt: timeOf(c.created_at, `comment ${i + 1} created_at`),
      // Zendesk's system user (-1) and trigger/automation comments are not a person's reply.
      automated: authorId === '-1' || via === 'rule' || via === 'automation',
    };
  });
}

async function loadTicket(
  ticket: unknown,
  users: Map<string, User>,
  zendeskBrands: Map<string, string>,
  context: SourceContext,
): Promise<void> {
  const { run } = context;
  if (!isObject(ticket)) throw new RowError('a ticket is not a JSON object');
  const ticketId = idOf(ticket.id, 'ticket id');
  const ticketCreated = timeOf(ticket.created_at, 'ticket created_at');
  const requesterId =
    ticket.requester_id === undefined || ticket.requester_id === null ? '' : idOf(ticket.requester_id, 'requester_id');
  const viaChannel = isObject(ticket.via) && typeof ticket.via.channel === 'string' ? ticket.via.channel : 'email';
  const channel = VIA_CHANNELS[viaChannel] ?? 'email';
  const tags = Array.isArray(ticket.tags) ? ticket.tags.filter((t): t is string => typeof t === 'string') : [];
  const rating = isObject(ticket.satisfaction_rating) ? ticket.satisfaction_rating.score : undefined;
  // CSAT on a 1–5 scale: Zendesk rates good or bad.
  const csat = rating === 'good' ? 5 : rating === 'bad' ? 1 : null;
  const brands = await context.brands();
  const brandName =
    ticket.brand_id === undefined || ticket.brand_id === null ? undefined : zendeskBrands.get(String(ticket.brand_id));
  const brand = (brandName && brands.brandOf(brandName)) || brands.ownBrand() || '';
  let comments = commentsOf(ticket, context.limits.maxFieldChars);
  if (comments.length === 0) {
    // A ticket exported without its comments still has its first message.
    const description = typeof ticket.description === 'string' ? ticket.description : '';
    comments = [
      {
        id: `${ticketId}-description`,
        authorId: requesterId,
        body: description,
        isPublic: true,
        createdAt: ticketCreated,
        automated: false,
      },
    ];
  }
  comments.sort((a, b) => a.createdAt - b.createdAt);
  const thread = `zendesk:ticket:${ticketId}`;
  // Each public agent reply answers the customer messages since the previous public reply; the
  // first of them is its parent (DESIGN.md: the first public agent comment replies to the ticket's first message).
  let waiting = '';
  let firstInbound = true;
  for (const comment of comments) {
    const user = users.get(comment.authorId);
    const inbound = user ? user.role === 'end-user' : comment.authorId === requesterId;
    const id = `zendesk:${comment.id}`;
    const email = user?.email ? normaliseHandle('email', user.email) : null;
    let parent = '';
    if (inbound) {
      if (waiting === '') waiting = id;
    } else if (comment.isPublic && !comment.automated) {
      parent = waiting;
      waiting = '';
    } else if (comment.isPublic) parent = waiting;
    await run.add('interactions', {
      workspace_id: run.workspaceId,
      interaction_id: id,
      source: 'zendesk',
      brand,
      channel,
      direction: inbound ? 'inbound' : 'outbound',
      is_public: comment.isPublic,
      created_at: formatTime(comment.createdAt),
      thread_id: thread,
      parent_id: parent,
      author_kind: email ? 'email' : 'zendesk',
      author_handle: email ?? comment.authorId,
      author_followers: null,
      customer_id: '',
      agent: inbound ? '' : user?.name || user?.email || comment.authorId,
      is_automated: comment.automated,
      text: comment.body,
      lang: '',
      topics: tags,
      csat: inbound && firstInbound ? csat : null,
      ingest_run_id: run.runId,
    });
    if (inbound) firstInbound = false;
  }
}

/** Validates a whole ticket before any of it is added: a bad ticket is one reject, never half loaded. */
function checkTicket(ticket: unknown, limit: number): void {
  if (!isObject(ticket)) throw new RowError('a ticket is not a JSON object');
  idOf(ticket.id, 'ticket id');
  timeOf(ticket.created_at, 'ticket created_at');
  commentsOf(ticket, limit);
}

function collectUsers(page: Record<string, unknown>, users: Map<string, User>): void {
  if (!Array.isArray(page.users)) return;
  for (const u of page.users) {
    if (!isObject(u) || u.id === undefined) continue;
    users.set(String(u.id), {
      role: typeof u.role === 'string' ? u.role : 'end-user',
      email: typeof u.email === 'string' ? u.email : '',
      name: typeof u.name === 'string' ? u.name : '',
    });
  }
}

/**
 * A Zendesk export: JSON pages `{ "tickets": [...], "users": [...], "brands": [...] }` (the
 * incremental export with its side-loads), or tickets one per line; tickets carry their
 * `comments` (public or private, by an end-user or an agent) and may carry `metric_set`. Ticket
 * metrics are not needed for FRT: it comes from the comments through the same link pass as every
 * source, so every channel uses one definition.
 */
export const zendeskSource: Source = {
  name: 'zendesk',
  summary: 'Zendesk ticket export (tickets with comments, users, metrics; JSON or NDJSON)',
  async loadFile(file: InputFile, context) {
    const { run } = context;
    const users = new Map<string, User>();
    const zendeskBrands = new Map<string, string>();
    for await (const doc of jsonDocuments(file, context)) {
      if (doc.error) {
        await run.reject(file.name, doc.line, doc.error, doc.raw);
        continue;
      }
      const value = doc.value;
      let tickets: unknown[];
      if (isObject(value) && Array.isArray(value.tickets)) {
        collectUsers(value, users);
        if (Array.isArray(value.brands)) {
          for (const b of value.brands) {
            if (isObject(b) && b.id !== undefined) zendeskBrands.set(String(b.id), String(b.subdomain ?? b.name ?? ''));
          }
        }
        tickets = value.tickets;
      } else if (isObject(value) && isObject(value.ticket)) tickets = [value.ticket];
      else tickets = [value];
      for (const ticket of tickets) {
        try {
          checkTicket(ticket, context.limits.maxFieldChars);
          await loadTicket(ticket, users, zendeskBrands, context);
        } catch (error) {
          if (!(error instanceof RowError)) throw error;
          await run.reject(file.name, doc.line, error.message, JSON.stringify(ticket) ?? '');
        }
      }
    }
  },
};
