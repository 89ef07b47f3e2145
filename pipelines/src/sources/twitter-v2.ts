import { formatTime, parseTimestamp } from '../transforms/time';
import type { BrandDirectory } from '../transforms/brands';
import { RowError } from './fields';
import { InputError, type InputFile } from './input';
import { isObject, jsonDocuments, type Source, type SourceContext } from './source';

interface User {
  username: string;
  followers: number | null;
}

const TWEET_ID = /^\d{1,20}$/;

function count(metrics: Record<string, unknown>, key: string): number {
  const value = metrics[key];
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new RowError(`public_metrics.${key} is not a count`);
  return Math.min(value, 4_294_967_295);
}

function usersOf(page: Record<string, unknown>): Map<string, User> {
  const users = new Map<string, User>();
  const includes = page.includes;
  if (!isObject(includes) || !Array.isArray(includes.users)) return users;
  for (const user of includes.users) {
    if (!isObject(user) || typeof user.id !== 'string' || typeof user.username !== 'string') continue;
    const metrics = isObject(user.public_metrics) ? user.public_metrics : {};
    const followers =
      typeof metrics.followers_count === 'number' ? Math.min(metrics.followers_count, 4_294_967_295) : null;
    users.set(user.id, { username: user.username.toLowerCase(), followers });
  }
  return users;
}

/** The tweet's brand and direction: a brand's own tweet is outbound; else the brand replied to, else the first brand mentioned. */
function attribute(
  tweet: Record<string, unknown>,
  author: User | undefined,
  users: Map<string, User>,
  brands: BrandDirectory,
) {
  const own = author ? brands.brandOf(author.username) : undefined;
  if (own) return { brand: own, direction: 'outbound' as const };
  const repliedUser = typeof tweet.in_reply_to_user_id === 'string' ? users.get(tweet.in_reply_to_user_id) : undefined;
  const replied = repliedUser ? brands.brandOf(repliedUser.username) : undefined;
  if (replied) return { brand: replied, direction: 'inbound' as const };
  const entities = isObject(tweet.entities) ? tweet.entities : {};
  const mentions = Array.isArray(entities.mentions)
    ? entities.mentions.flatMap((m) => (isObject(m) && typeof m.username === 'string' ? [m.username] : []))
    : [...String(tweet.text ?? '').matchAll(/@(\w{1,15})/g)].map((m) => m[1]!);
  for (const mention of mentions) {
    const brand = brands.brandOf(mention);
    if (brand) return { brand, direction: 'inbound' as const };
  }
  return null;
}

async function loadTweet(
  tweet: unknown,
  users: Map<string, User>,
  brands: BrandDirectory,
  file: InputFile,
  context: SourceContext,
): Promise<void> {
  const { run } = context;
  if (!isObject(tweet)) throw new RowError('a tweet is not a JSON object');
  const id = tweet.id;
  if (typeof id !== 'string' || !TWEET_ID.test(id)) throw new RowError('tweet without a valid id');
  if (typeof tweet.text !== 'string') throw new RowError('tweet without text');
  if (tweet.text.length > context.limits.maxFieldChars)
    throw new RowError(`oversized field text: ${tweet.text.length} characters`);
  const createdAt = typeof tweet.created_at === 'string' ? parseTimestamp(tweet.created_at) : null;
  if (createdAt === null) throw new RowError(`bad date in created_at: ${JSON.stringify(tweet.created_at ?? null)}`);
  const authorId = typeof tweet.author_id === 'string' ? tweet.author_id : '';
  if (authorId === '') throw new RowError('tweet without author_id');
  const author = users.get(authorId);
  const attribution = attribute(tweet, author, users, brands);
  if (!attribution)
    throw new RowError('no brand of the workspace: the tweet neither is by, replies to nor mentions a brand handle');
  const referenced = Array.isArray(tweet.referenced_tweets) ? tweet.referenced_tweets : [];
  const parent = referenced.find((r) => isObject(r) && r.type === 'replied_to');
  const parentId = isObject(parent) && typeof parent.id === 'string' ? parent.id : '';
  const metrics = isObject(tweet.public_metrics) ? tweet.public_metrics : null;
  // Validated before the tweet is added, so a bad count rejects the tweet and nothing of it loads.
  const snapshot = metrics && {
    workspace_id: run.workspaceId,
    interaction_id: id,
    // The file's time is when the counts were captured; a later file's snapshot wins.
    captured_at: formatTime(Math.floor(file.mtimeMs)),
    likes: count(metrics, 'like_count'),
    shares: count(metrics, 'retweet_count'),
    quotes: count(metrics, 'quote_count'),
    replies: count(metrics, 'reply_count'),
    impressions:
      typeof metrics.impression_count === 'number' &&
      Number.isInteger(metrics.impression_count) &&
      metrics.impression_count >= 0
        ? metrics.impression_count
        : null,
  };
  await run.add('interactions', {
    workspace_id: run.workspaceId,
    interaction_id: id,
    source: 'twitter-v2',
    brand: attribution.brand,
    channel: 'twitter',
    direction: attribution.direction,
    is_public: true,
    created_at: formatTime(createdAt),
    thread_id: typeof tweet.conversation_id === 'string' ? tweet.conversation_id : id,
    parent_id: parentId,
    author_kind: 'twitter',
    author_handle: author?.username ?? authorId,
    author_followers: author?.followers ?? null,
    customer_id: '',
    agent: '',
    is_automated: false,
    text: tweet.text,
    // Twitter's own language tag ('und' when it could not tell) is kept; the scorer decides what it scores.
    lang: typeof tweet.lang === 'string' && tweet.lang !== 'und' ? tweet.lang : '',
    topics: [],
    csat: null,
    ingest_run_id: run.runId,
  });
  if (snapshot) await run.addRelated('engagement', snapshot);
}

/**
 * Twitter/X API v2 search or timeline responses: pages of `data[]` tweets with
 * `includes.users`, one page per line (as collectors such as twarc write them) or one
 * pretty-printed page or array of pages. Tweets are attributed to the workspace's brands by
 * handle; public_metrics become engagement snapshots. A bad tweet is rejected alone, with the
 * page's line.
 */
export const twitterV2Source: Source = {
  name: 'twitter-v2',
  summary: 'Twitter/X API v2 JSON pages (data[], includes.users, public_metrics)',
  async prepare(context) {
    if ((await context.brands()).size === 0) {
      throw new InputError(
        'the workspace has no brands: twitter-v2 attributes tweets by brand handle, so add the brands (table brands) first',
      );
    }
  },
  async loadFile(file, context) {
    const { run } = context;
    const brands = await context.brands();
    for await (const doc of jsonDocuments(file, context)) {
      if (doc.error) {
        await run.reject(file.name, doc.line, doc.error, doc.raw);
        continue;
      }
      const pages = Array.isArray(doc.value) ? doc.value : [doc.value];
      for (const page of pages) {
        if (!isObject(page) || (page.data !== undefined && !Array.isArray(page.data))) {
          await run.reject(
            file.name,
            doc.line,
            'not an API v2 page (an object with data[])',
            JSON.stringify(page) ?? '',
          );
          continue;
        }
        const users = usersOf(page);
        for (const tweet of (page.data as unknown[] | undefined) ?? []) {
          try {
            await loadTweet(tweet, users, brands, file, context);
          } catch (error) {
            if (!(error instanceof RowError)) throw error;
            await run.reject(file.name, doc.line, error.message, JSON.stringify(tweet) ?? '');
          }
        }
      }
    }
  },
};
