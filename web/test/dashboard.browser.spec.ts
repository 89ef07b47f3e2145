/**
 * The built dashboard in headless Chromium against one real server (embedded ClickHouse, a small
 * demo workspace): every page renders without console errors (screenshots of each, light and dark,
 * in test-output/screenshots), figures on screen equal the api's formatted as the pages format
 * them, filters live in the URL, a drill-down opens the rows behind a figure and CSV exports
 * download. Needs web/dist (npm test builds it first).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startServer, type RunningServer } from '@resonance/api';
import { createApiKey } from '@resonance/sql';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { PageRequest } from '../../bench/src/graphql/pages';
import type { Filter } from '../src/filters/graphql/filter';
import { DEFAULT_FILTER_STATE, parseFilterState, toFilterInput } from '../src/filters/url-state';
import type { Overview } from '../src/overview/graphql/overview.query';
import { formatCurrency, formatDuration, formatNetSentiment, formatPercent, formatSentiment } from '../src/format/format';
import { KPIS, kpiChange } from '../src/overview/kpis';
import type { CohortRetention } from '../src/value/graphql/cohort-retention.query';
import { EXPERIENCE_LABELS } from '../src/value/value-labels';
import { retentionCurves } from '../src/value/retention-curves';

const REPO = path.resolve(__dirname, '..', '..');
const WEB_DIST_INDEX = path.join(REPO, 'web', 'dist', 'index.html');
const SCREENSHOTS = path.join(REPO, 'test-output', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const READY = '[data-page="overview"][data-state="ready"][aria-busy="false"]';
const CHART_DRAWN = '[data-chart][data-rendered="true"]';

interface GraphQLBody {
  operationName?: string;
  /** Apollo's HttpLink names itself here; the early requests (web/src/apollo/early.ts) do not. */
  extensions?: { clientLibrary?: unknown };
  query: string;
  variables: { filter: Filter } & Record<string, unknown>;
}

interface WorkspaceFacts {
  currency: string;
  dataTo: string | null;
}

let server: RunningServer;
let apiKey: string;
let context: BrowserContext;
const tempDirs: string[] = [];

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A page that records console errors, uncaught exceptions and the Overview queries it sends. */
async function openPage(): Promise<{
  page: Page;
  errors: string[];
  overviewRequests: GraphQLBody[];
  requests: GraphQLBody[];
}> {
  const page = await context.newPage();
  const errors: string[] = [];
  const overviewRequests: GraphQLBody[] = [];
  const requests: GraphQLBody[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/graphql')) return;
    const body = request.postDataJSON() as GraphQLBody;
    requests.push(body);
    if (body.operationName === 'Overview') overviewRequests.push(body);
  });
  return { page, errors, overviewRequests, requests };
}

function lastOf<T>(list: T[]): T {
  const last = list[list.length - 1];
  if (last === undefined) throw new Error('nothing recorded');
  return last;
}

/**
 * Waits until the Inbound tile shows `text`. Right after a filter change READY still matches the
 * previous figures for a moment (the new request has not started yet), so a test that reads the
 * tiles then waits for the figure it expects; it fails on the timeout if that never shows.
 */
async function waitForInbound(page: Page, text: string | undefined): Promise<void> {
  if (text === undefined) throw new Error('no Inbound figure to wait for');
  const exactly = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await page
    .locator('[data-kpi="inbound"] [data-role="value"]')
    .filter({ hasText: exactly })
    .waitFor({ timeout: 15_000 });
}

/** Every tile's figure and change read from the page must equal the api's, formatted alike. */
async function expectTilesToShow(page: Page, overview: Overview, currency: string): Promise<void> {
  for (const kpi of KPIS) {
    const tile = page.locator(`[data-kpi="${kpi.id}"]`);
    const shown = {
      id: kpi.id,
      value: await tile.locator('[data-role="value"]').textContent(),
      change: await tile.locator('[data-role="change-text"]').textContent(),
    };
    expect(shown).toEqual({
      id: kpi.id,
      value: kpi.format(kpi.value(overview.current), currency),
      change: kpiChange(kpi, overview.current, overview.previous)?.text ?? 'no comparison',
    });
  }
}

beforeAll(async () => {
  if (!fs.existsSync(WEB_DIST_INDEX)) {
    throw new Error(`${WEB_DIST_INDEX} is missing: build the dashboard first (npm run build -w web; npm test does it)`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  server = await startServer({
    port: 0,
    env: { RESONANCE_DATA_DIR: tempDir('resonance-browser-data-') },
    demo: true,
    demoCustomers: 2000,
    quiet: true,
  });
  if (!server.apiKey) throw new Error('startServer created no key for the fresh demo workspace');
  apiKey = server.apiKey;
  context = await chromium.launchPersistentContext(tempDir('resonance-chromium-'), {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1440, height: 1100 },
    deviceScaleFactor: 1,
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('Overview in the browser', () => {
  let workspace: WorkspaceFacts;

  beforeAll(async () => {
    workspace = (await graphql<{ workspace: WorkspaceFacts }>('{ workspace { currency dataTo } }')).workspace;
  });

  it('signs in from the link npm start prints and shows the api figures for the last 30 days of data', async () => {
    const { page, errors, overviewRequests } = await openPage();
    await page.goto(`${server.url}/#key=${encodeURIComponent(apiKey)}`);
    await page.waitForSelector(READY);

    // The key left the address bar for storage.
    expect(page.url()).toBe(`${server.url}/`);
    expect(await page.evaluate('window.localStorage.getItem("resonance.apiKey")')).toBe(apiKey);

    // The page asked for the default period: 30 days ending with the day of the latest data.
    const sent = lastOf(overviewRequests);
    const dataTo = workspace.dataTo ? new Date(workspace.dataTo) : null;
    expect(sent.variables.filter).toEqual(toFilterInput(DEFAULT_FILTER_STATE, dataTo, new Date()));

    const { overview } = await graphql<{ overview: Overview }>(sent.query, sent.variables);
    expect(overview.current.inbound).toBeGreaterThan(0);
    await expectTilesToShow(page, overview, workspace.currency);
    await page.waitForSelector(CHART_DRAWN);
    await expect(page.locator('[data-chart] canvas').count()).resolves.toBeGreaterThan(0);

    await page.screenshot({ path: path.join(SCREENSHOTS, 'overview.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps filters in the URL: a preset changes the figures, Back and Forward restore them', async () => {
    const { page, errors, overviewRequests } = await openPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector(READY);
    const inbound = page.locator('[data-kpi="inbound"] [data-role="value"]');

    await page.getByRole('button', { name: '7 days', exact: true }).click();
    await page.waitForURL(/\?period=7d$/);
    await page.waitForSelector(READY);
    const dataTo = workspace.dataTo ? new Date(workspace.dataTo) : null;
    const sevenDays = toFilterInput(parseFilterState('?period=7d'), dataTo, new Date());
    expect(lastOf(overviewRequests).variables.filter).toEqual(sevenDays);
    const week = (await graphql<{ overview: Overview }>(lastOf(overviewRequests).query, { filter: sevenDays }))
      .overview;
    await waitForInbound(page, KPIS[0]?.format(week.current.inbound, workspace.currency));
    await expectTilesToShow(page, week, workspace.currency);
    const weekInbound = await inbound.textContent();

    await page.goBack();
    await page.waitForURL(`${server.url}/`);
    await page.waitForSelector(READY);
    const month = (
      await graphql<{ overview: Overview }>(lastOf(overviewRequests).query, {
        filter: toFilterInput(DEFAULT_FILTER_STATE, dataTo, new Date()),
      })
    ).overview;
    await waitForInbound(page, KPIS[0]?.format(month.current.inbound, workspace.currency));

    await page.goForward();
    await page.waitForURL(/\?period=7d$/);
    await page.waitForSelector(READY);
    await waitForInbound(page, weekInbound ?? undefined);

    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.waitForSelector('html[data-theme="dark"]');
    await page.waitForSelector(CHART_DRAWN);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'overview-dark.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the filters when moving to another page', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${server.url}/?period=90d`);
    await page.waitForSelector(READY);
    await page.getByRole('link', { name: 'Response', exact: true }).click();
    await page.waitForURL(`${server.url}/response?period=90d`);
    await page.waitForSelector('[data-page="response"][data-state="ready"]');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the api refusal of a filter as an error, and recovers with valid filters', async () => {
    const { page, errors } = await openPage();
    // A year-ago comparison of a two-year period would overlap it: the api refuses the filter.
    await page.goto(`${server.url}/?from=2024-06-01&to=2026-05-31&compare=year`);
    await page.waitForSelector('[data-page="overview"][data-state="error"]');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('overlaps');

    await page.getByRole('button', { name: 'Reset filters', exact: true }).click();
    await page.waitForSelector(READY);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks each first query once: the early Workspace and Overview answers are the ones used', async () => {
    const { page, errors, requests } = await openPage();
    await page.addInitScript(`window.localStorage.setItem('resonance.apiKey', ${JSON.stringify(apiKey)})`);
    await page.goto(`${server.url}/?period=7d`);
    await page.waitForSelector(READY);
    // One request each, and that one the early request (sent before Apollo had started).
    const sentEarly = (name: string) =>
      requests.filter((r) => r.operationName === name).map((r) => r.extensions?.clientLibrary === undefined);
    expect(sentEarly('Workspace')).toEqual([true]);
    expect(sentEarly('Overview')).toEqual([true]);
    // The early Overview request asked what the page asks: the filters of the address.
    const dataTo = workspace.dataTo ? new Date(workspace.dataTo) : null;
    const sent = lastOf(requests.filter((r) => r.operationName === 'Overview'));
    expect(sent.variables.filter).toEqual(toFilterInput(parseFilterState('?period=7d'), dataTo, new Date()));
    const { overview } = await graphql<{ overview: Overview }>(sent.query, sent.variables);
    await expectTilesToShow(page, overview, workspace.currency);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without a key asks the api nothing and shows the sign-in screen', async () => {
    const { page, errors, requests } = await openPage();
    await page.addInitScript(`window.localStorage.removeItem('resonance.apiKey')`);
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Sign in to Resonance' }).waitFor();
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.evaluate(`window.localStorage.setItem('resonance.apiKey', ${JSON.stringify(apiKey)})`);
    await page.close();
  });

  it('sends a stored key the api rejects back to the sign-in screen (the early request falls back)', async () => {
    const { page, requests } = await openPage();
    await page.addInitScript(`window.localStorage.setItem('resonance.apiKey', 'rk_revoked')`);
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Sign in to Resonance' }).waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not accepted');
    // The early request's refusal is not used: Apollo asked again and handled it.
    const workspaceRequests = requests.filter((r) => r.operationName === 'Workspace');
    expect(workspaceRequests.map((r) => (r.extensions?.clientLibrary === undefined ? 'early' : 'apollo'))).toEqual([
      'early',
      'apollo',
    ]);
    await page.evaluate(`window.localStorage.setItem('resonance.apiKey', ${JSON.stringify(apiKey)})`);
    await page.close();
  });

  it('sends a rejected key back to the sign-in screen, and a key link opened there signs in', async () => {
    const { page } = await openPage();
    await page.goto(`${server.url}/#key=not-a-key`);
    await page.getByRole('heading', { name: 'Sign in to Resonance' }).waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not accepted');
    expect(await page.evaluate('window.localStorage.getItem("resonance.apiKey")')).toBeNull();

    // Same document, new fragment: no page load, the app must notice the key itself.
    await page.goto(`${server.url}/#key=${encodeURIComponent(apiKey)}`);
    await page.waitForSelector(READY);
    expect(page.url()).toBe(`${server.url}/`);
    await page.close();
  });
});

const PAGES = [
  { path: '/', name: 'overview' },
  { path: '/sentiment', name: 'sentiment' },
  { path: '/response', name: 'response' },
  { path: '/value', name: 'value' },
  { path: '/customers', name: 'customers' },
  { path: '/data', name: 'data' },
] as const;

/** The pages the bench times together (bench/src/graphql/operations.ts PAGES): its name, path, data-page. */
const BENCH_PAGES = [
  ['Overview', '/', 'overview'],
  ['Response', '/response', 'response'],
  ['Sentiment', '/sentiment', 'sentiment'],
  ['Value', '/value', 'value'],
] as const;
const BENCH_PAGES_FILE = path.join(REPO, 'bench', 'src', 'graphql', 'pages.json');

/**
 * A page's requests as the bench replays them: each distinct one once, in a fixed order (by name,
 * then text and variables: a lazy chunk's request may overtake another), the filter's period left
 * out (the bench asks each of its periods).
 */
function pageRequests(requests: GraphQLBody[]): PageRequest[] {
  const distinct = new Map<string, PageRequest>();
  for (const body of requests) {
    const narrowing: Record<string, unknown> = { ...body.variables.filter };
    delete narrowing['from'];
    delete narrowing['to'];
    const variables = body.variables.filter ? { ...body.variables, filter: narrowing } : { ...body.variables };
    const request = { operationName: body.operationName ?? '', query: body.query, variables };
    distinct.set(JSON.stringify(request), request);
  }
  return [...distinct.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, request]) => request);
}

const ready = (name: string) => `[data-page="${name}"][data-state="ready"]`;

/** Every chart on the page has drawn (animations included). */
async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    `[...document.querySelectorAll('[data-chart]')].every((c) => c.dataset.rendered === 'true')`,
  );
}

/** A page already signed in (the key in storage), so each test also runs on its own (-t). */
async function openSignedIn(): ReturnType<typeof openPage> {
  const opened = await openPage();
  await opened.page.addInitScript(`window.localStorage.setItem('resonance.apiKey', ${JSON.stringify(apiKey)})`);
  return opened;
}

function lastRequest(requests: GraphQLBody[], operationName: string, where: (b: GraphQLBody) => boolean = () => true) {
  const found = requests.filter((r) => r.operationName === operationName && where(r));
  return lastOf(found);
}

async function figureText(page: Page, id: string): Promise<string | null> {
  return page.locator(`[data-figure="${id}"] [data-role="value"]`).first().textContent();
}

describe('Every page in the browser', () => {
  let customerId: string;
  let workspace: WorkspaceFacts;

  beforeAll(async () => {
    workspace = (await graphql<{ workspace: WorkspaceFacts }>('{ workspace { currency dataTo } }')).workspace;
    const found = await graphql<{ searchCustomers: { nodes: { id: string; name: string }[] } }>(
      'query { searchCustomers(query: "a", first: 1) { nodes { id name } } }',
    );
    const first = found.searchCustomers.nodes[0];
    if (!first) throw new Error('the demo workspace has no customer matching "a"');
    customerId = first.id;
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`renders every page in the ${theme} theme without console errors`, async () => {
      const { page, errors } = await openSignedIn();
      await page.addInitScript(`window.localStorage.setItem('resonance.theme', '${theme}')`);
      for (const { path: pagePath, name } of PAGES) {
        const url = name === 'customers' ? `/customers?q=a&customer=${encodeURIComponent(customerId)}` : pagePath;
        await page.goto(`${server.url}${url}`);
        await page.waitForSelector(ready(name));
        if (name === 'overview') await page.waitForSelector('[data-section="value"][data-state="ready"]');
        if (name === 'customers') await page.waitForSelector('[data-card="customer-360"] .timeline-event');
        await chartsDrawn(page);
        expect(await page.locator('[role="alert"]').count()).toBe(0);
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${theme}.png`), fullPage: true });
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('shows the api figures on the Response, Sentiment and Value pages', async () => {
    const { page, errors, requests } = await openSignedIn();
    await page.goto(`${server.url}/response`);
    await page.waitForSelector(ready('response'));
    const sent = lastRequest(requests, 'Response', (r) => r.variables['groupBy'] === 'CHANNEL');
    const { response } = await graphql<{
      response: { total: { responseRate: number | null; missed: number; frtP50Seconds: number | null } };
    }>(sent.query, sent.variables);
    expect(response.total.missed).toBeGreaterThan(0);
    await expect(figureText(page, 'responseRate')).resolves.toBe(formatPercent(response.total.responseRate));
    await expect(figureText(page, 'frtP50')).resolves.toBe(formatDuration(response.total.frtP50Seconds));
    const rows = page.locator('[data-table="response-by-group"] tbody tr');
    await expect(rows.count()).resolves.toBeGreaterThan(0);
    // The lift card's own request: the lift alone, no grouping.
    const liftSent = lastRequest(requests, 'SentimentLift');
    expect(liftSent.variables['groupBy']).toBeUndefined();
    const lifted = await graphql<{ sentiment: { lift: { averageLift: number | null; pairs: number } } }>(
      liftSent.query,
      liftSent.variables,
    );
    expect(lifted.sentiment.lift.pairs).toBeGreaterThan(0);
    await expect(figureText(page, 'averageLift')).resolves.toBe(formatSentiment(lifted.sentiment.lift.averageLift));

    await page.getByRole('link', { name: 'Sentiment & amplification', exact: true }).click();
    await page.waitForSelector(ready('sentiment'));
    const sentiment = lastRequest(requests, 'Sentiment', (r) => r.variables['groupBy'] === 'CHANNEL');
    const report = await graphql<{ sentiment: { total: { netSentiment: number | null } } }>(
      sentiment.query,
      sentiment.variables,
    );
    await expect(figureText(page, 'netSentiment')).resolves.toBe(
      formatNetSentiment(report.sentiment.total.netSentiment),
    );

    // The trend of one channel: in the URL, asked with the filter narrowed to it.
    const trendSelect = page.locator('[data-card="sentiment-trend"] select');
    const channelValue = await trendSelect.locator('optgroup[label="Channel"] option').first().getAttribute('value');
    if (!channelValue) throw new Error('no channel to show the trend of');
    await trendSelect.selectOption(channelValue);
    await page.waitForURL(/trend=channel/);
    await page.waitForSelector(`${ready('sentiment')}[aria-busy="false"]`);
    const channelTrend = lastRequest(requests, 'SentimentTrend');
    expect(channelTrend.variables.filter.channels).toEqual([channelValue.replace(/^channel:/, '')]);
    await chartsDrawn(page);

    await page.getByRole('link', { name: 'Value', exact: true }).click();
    await page.waitForSelector(ready('value'));
    const value = lastRequest(requests, 'ServiceValue');
    const served = await graphql<{ serviceValue: { valueAtRisk: number } }>(value.query, value.variables);
    await expect(figureText(page, 'valueAtRisk')).resolves.toBe(
      formatCurrency(served.serviceValue.valueAtRisk, workspace.currency),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sends on opening each page the requests the bench times as that page (bench/src/graphql/pages.json)', async () => {
    const sent: Record<string, PageRequest[]> = {};
    for (const [benchPage, pagePath, name] of BENCH_PAGES) {
      const { page, errors, requests } = await openSignedIn();
      await page.goto(`${server.url}${pagePath}`);
      await page.waitForSelector(ready(name));
      if (name === 'overview') await page.waitForSelector('[data-section="value"][data-state="ready"]');
      await chartsDrawn(page);
      // Lazy chunks send their queries after the page is ready.
      await page.waitForLoadState('networkidle');
      sent[benchPage] = pageRequests(requests);
      expect(errors).toEqual([]);
      await page.close();
    }
    if (process.env.RESONANCE_RECORD_PAGES) fs.writeFileSync(BENCH_PAGES_FILE, `${JSON.stringify(sent, null, 2)}\n`);
    expect(sent).toEqual(JSON.parse(fs.readFileSync(BENCH_PAGES_FILE, 'utf8')));
  });

  it('puts a channel filter in the URL and redraws the charts for it', async () => {
    const { page, errors, requests } = await openSignedIn();
    await page.goto(`${server.url}/response?period=90d`);
    await page.waitForSelector(ready('response'));
    await chartsDrawn(page);
    const before = await figureText(page, 'responseRate');

    await page.getByRole('button', { name: /^Channels/ }).click();
    const option = page.locator('.multiselect-panel label').first();
    const channelName = (await option.textContent())?.trim();
    // A click, not check(): the box follows the URL, which changes a moment after the click.
    await option.locator('input').click();
    await page.waitForURL(/channel=/);
    const channel = new URL(page.url()).searchParams.get('channel');
    expect(channel).toBeTruthy();
    await page.keyboard.press('Escape');
    await page.waitForSelector(`${ready('response')}[aria-busy="false"]`);
    await chartsDrawn(page);

    const sent = lastRequest(requests, 'Response', (r) => r.variables['groupBy'] === 'CHANNEL');
    expect(sent.variables.filter.channels).toEqual([channel]);
    const { response } = await graphql<{ response: { total: { responseRate: number | null }; rows: unknown[] } }>(
      sent.query,
      sent.variables,
    );
    await expect(figureText(page, 'responseRate')).resolves.toBe(formatPercent(response.total.responseRate));
    // One channel left: the chart by channel has one group, its table one row.
    expect(response.rows).toHaveLength(1);
    await expect(page.locator('[data-table="response-by-group"] tbody tr').count()).resolves.toBe(1);
    expect(channelName).toBeTruthy();
    expect(before).not.toBeNull();

    await page.goBack();
    await page.waitForSelector(`${ready('response')}[aria-busy="false"]`);
    await expect(figureText(page, 'responseRate')).resolves.toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drills from a table row to the messages behind it, and exports them and a table as CSV', async () => {
    const { page, errors, requests } = await openSignedIn();
    await page.goto(`${server.url}/response`);
    await page.waitForSelector(ready('response'));

    // Keyboard: focus the first group's row and press Enter.
    const firstRow = page.locator('[data-table="response-by-group"] tbody tr').first();
    const group = (await firstRow.locator('td').first().textContent())?.trim() ?? '';
    await firstRow.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog[data-drill]');
    await dialog.waitFor();
    await expect(dialog.locator('h2').textContent()).resolves.toContain(group);
    await dialog.locator('[data-table="drill"] tbody tr').first().waitFor();

    const drill = lastRequest(requests, 'Messages');
    const sentGroup = lastRequest(requests, 'Response', (r) => r.variables['groupBy'] === 'CHANNEL');
    expect(drill.variables.filter.from).toBe(sentGroup.variables.filter.from);
    expect(drill.variables.filter.channels).toHaveLength(1);
    const served = await graphql<{ messages: { nodes: { id: string; channel: string }[] } }>(
      drill.query,
      drill.variables,
    );
    await expect(dialog.locator('[data-table="drill"] tbody tr').count()).resolves.toBe(served.messages.nodes.length);
    expect(new Set(served.messages.nodes.map((m) => m.channel))).toEqual(new Set(drill.variables.filter.channels));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: /Export all rows as CSV/ }).click(),
    ]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain('created_at');
    expect(lines.length - 1).toBeGreaterThanOrEqual(served.messages.nodes.length);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // A table's own export: exactly the rows shown, with the raw values.
    const shown = await page.locator('[data-table="response-by-group"] tbody tr').count();
    const [tableDownload] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('[data-table="response-by-group"]')
        .getByRole('button', { name: /Export CSV/ })
        .click(),
    ]);
    expect(tableDownload.suggestedFilename()).toBe('response-by-channel.csv');
    const tableCsv = fs.readFileSync(await tableDownload.path(), 'utf8').replace(/^\ufeff/, '');
    const tableLines = tableCsv.trim().split('\r\n');
    expect(tableLines[0]).toBe('Channel,Inbound,Response rate,Missed,Pending,FRT p50,FRT p90,FRT p95,Business p50');
    expect(tableLines).toHaveLength(shown + 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drills from a click on a chart bar to the messages of that day', async () => {
    const { page, errors, requests } = await openSignedIn();
    await page.goto(`${server.url}/`);
    await page.waitForSelector(READY);
    await chartsDrawn(page);
    const sent = lastRequest(requests, 'Overview');
    const { overview } = await graphql<{ overview: Overview }>(sent.query, sent.variables);
    // The busiest day: its bar reaches the top of the plot, so a click just above the axis hits it.
    const busiest = overview.trend.reduce((best, p, i, all) => (p.inbound > (all[best]?.inbound ?? -1) ? i : best), 0);
    const chart = page.locator('.chart-card [data-chart]').first();
    const box = await chart.boundingBox();
    if (!box) throw new Error('the trend chart has no box');
    // The trend option's grid: 56 px left, 112 px right, 32 px under the plot (trend-chart-option.ts).
    const plotWidth = box.width - 56 - 112;
    const x = 56 + ((busiest + 0.5) * plotWidth) / overview.trend.length;
    await chart.click({ position: { x, y: box.height - 32 - 10 } });
    const dialog = page.locator('dialog[data-drill]');
    await dialog.waitFor();
    await dialog.locator('[data-table="drill"] tbody tr').first().waitFor();

    const drill = lastRequest(requests, 'Messages');
    const bucket = overview.trend[busiest];
    expect(drill.variables.filter.from).toBe(bucket?.bucket);
    expect(drill.variables.filter.to).toBe(overview.trend[busiest + 1]?.bucket ?? sent.variables.filter.to);
    const served = await graphql<{ messages: { nodes: unknown[] } }>(drill.query, { ...drill.variables, first: 100 });
    // The rows behind the bar are the bar's messages (the demo has under 100 a day at this size).
    expect(served.messages.nodes).toHaveLength(bucket?.inbound ?? -1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a tablet: no page scrolls sideways at 820 px', async () => {
    const { page, errors } = await openSignedIn();
    await page.setViewportSize({ width: 820, height: 1100 });
    await page.addInitScript(`window.localStorage.setItem('resonance.theme', 'light')`);
    for (const { path: pagePath, name } of PAGES) {
      await page.goto(`${server.url}${pagePath}`);
      await page.waitForSelector(ready(name));
      await chartsDrawn(page);
      const overflow = await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect({ name, overflow }).toEqual({ name, overflow: 0 });
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-tablet.png`), fullPage: true });
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('uploads a file on the Data page, shows the load and the row it refused', async () => {
    const { page, errors } = await openSignedIn();
    await page.goto(`${server.url}/data`);
    await page.waitForSelector(ready('data'));
    const csv = [
      'interaction_id,channel,direction,created_at,author_handle,text',
      'upload-1,email,inbound,2020-01-06T10:00:00Z,someone@example.com,Where is my parcel?',
      'upload-2,pigeon,inbound,2020-01-06T11:00:00Z,someone@example.com,Coo',
      'upload-3,chat,inbound,2020-01-06T12:00:00Z,someone@example.com,Thanks a lot!',
    ].join('\n');
    await page.getByLabel('Source format').selectOption('interactions');
    await page
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'upload.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    const status = page.locator('[data-upload-status]');
    await status.waitFor();
    await expect(status.getAttribute('data-upload-status')).resolves.toBe('succeeded');
    await expect(status.textContent()).resolves.toContain('read 3, loaded 2, refused 1');

    // The new load is listed first and opened on its refused row.
    const firstRun = page.locator('[data-table="ingest-runs"] tbody tr').first();
    await firstRun.filter({ hasText: 'upload.csv' }).waitFor();
    await expect(firstRun.locator('td').nth(1).textContent()).resolves.toBe('interactions');
    const rejects = page.locator('[data-table="rejects"] tbody tr');
    await rejects.first().waitFor();
    await expect(rejects.count()).resolves.toBe(1);
    await expect(rejects.first().textContent()).resolves.toContain('pigeon');
    expect(new URL(page.url()).searchParams.get('run')).toBeTruthy();
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** A chart's element, once drawn, with the pixel of a data value (ECharts' convertToPixel on the instance it keeps). */
async function pixelOf(
  page: Page,
  chartSelector: string,
  seriesIndex: number,
  value: [number, number],
): Promise<{ x: number; y: number }> {
  const chart = page.locator(chartSelector);
  await chart.waitFor();
  await page.waitForFunction(`document.querySelector(${JSON.stringify(chartSelector)})?.dataset.rendered === 'true'`);
  const [x, y] = await chart.evaluate(
    (element, [series, data]) =>
      // The instance EChart keeps on its element (EChart.tsx); no DOM types in the tests' compilation.
      (
        element as unknown as {
          echarts: { convertToPixel: (finder: object, value: [number, number]) => [number, number] };
        }
      ).echarts.convertToPixel({ seriesIndex: series }, data),
    [seriesIndex, value] as const,
  );
  return { x, y };
}

/** The drill-down dialog after a click: its title and how many rows it says are behind the figure. */
async function drilled(page: Page): Promise<{ title: string; count: number; kind: string | null }> {
  const dialog = page.locator('dialog[data-drill]');
  await dialog.waitFor();
  const count = dialog.locator('[data-drill-count]');
  await count.waitFor();
  return {
    title: (await dialog.locator('h2').textContent()) ?? '',
    count: Number(await count.getAttribute('data-drill-count')),
    kind: await dialog.getAttribute('data-drill'),
  };
}

async function closeDrill(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('dialog[data-drill]').waitFor({ state: 'detached' });
}

interface HourRow {
  key: string;
  inbound: number;
  frtP50Seconds: number | null;
}

describe('Drill-downs of the heatmap, the word cloud and the value charts', () => {
  it('drills from an hour-of-week cell to the messages written in that hour', async () => {
    const { page, errors, requests } = await openSignedIn();
    await page.goto(`${server.url}/response`);
    await page.waitForSelector(ready('response'));
    // The heatmap's own request (no total, the median alone), answered as the page got it.
    const sent = lastRequest(requests, 'ResponseByHourOfWeek');
    const { response } = await graphql<{ response: { rows: HourRow[] } }>(sent.query, sent.variables);
    // The busiest hour the heatmap draws (drawn cells have a median FRT).
    const busiest = response.rows
      .filter((r) => r.frtP50Seconds !== null)
      .reduce((best, r) => (r.inbound > best.inbound ? r : best));
    const [weekday, hour] = busiest.key.split('-').map(Number) as [number, number];
    const chart = '[data-card="frt-heatmap"] [data-chart]';
    const at = await pixelOf(page, chart, 0, [hour, weekday - 1]);
    await page.locator(chart).click({ position: at });

    const drill = await drilled(page);
    expect(drill.kind).toBe('messages');
    expect(drill.title).toContain(`${String(hour).padStart(2, '0')}:00`);
    expect(drill.count).toBe(busiest.inbound);
    const count = lastRequest(requests, 'MessageCount');
    expect(count.variables.filter.hoursOfWeek).toEqual([(weekday - 1) * 24 + hour]);
    const rows = page.locator('dialog[data-drill] [data-table="drill"] tbody tr');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(Math.min(busiest.inbound, 50));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'drill-heatmap-cell.png') });
    await closeDrill(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drills from a word of the cloud to the messages using it, in the tone shown', async () => {
    const { page, errors, requests } = await openSignedIn();
    await page.goto(`${server.url}/sentiment`);
    await page.waitForSelector(ready('sentiment'));
    const chart = page.locator('[data-card="top-terms"] [data-chart]');
    await chart.waitFor();
    await chartsDrawn(page);
    const sent = lastRequest(requests, 'TopTerms');
    const { topTerms } = await graphql<{
      topTerms: { sentiment: string | null; terms: { term: string; messages: number }[] };
    }>(sent.query, sent.variables);
    const top = topTerms.terms[0];
    if (!top) throw new Error('the demo has no top terms');
    // The cloud places its first (largest) word at its centre; the layout runs on after the first
    // frame, so the click is repeated until a word answers.
    const box = await chart.boundingBox();
    if (!box) throw new Error('the word cloud has no box');
    const dialog = page.locator('dialog[data-drill]');
    for (let attempt = 0; attempt < 10 && (await dialog.count()) === 0; attempt++) {
      await chart.click({ position: { x: box.width / 2, y: box.height / 2 } });
      await dialog.waitFor({ timeout: 1000 }).catch(() => undefined);
    }
    const drill = await drilled(page);
    expect(drill.title).toContain(top.term);
    expect(drill.count).toBe(top.messages);
    const count = lastRequest(requests, 'MessageCount');
    expect(count.variables.filter.terms).toEqual([top.term]);
    expect(count.variables.filter.sentiments).toEqual(topTerms.sentiment ? [topTerms.sentiment] : undefined);
    await page.locator('dialog[data-drill] [data-table="drill"] tbody tr').first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'drill-word.png') });
    await closeDrill(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drills from retention by experience and the cohort curves to the customers they counted', async () => {
    const { page, errors, requests } = await openSignedIn();
    await page.goto(`${server.url}/value`);
    await page.waitForSelector(ready('value'));
    await chartsDrawn(page);

    // Retention by service experience: the experience with the most customers.
    const value = lastRequest(requests, 'ServiceValue');
    const { serviceValue } = await graphql<{
      serviceValue: {
        rows: { segment: string; experience: string; customers: number; retention: { estimate: number | null } }[];
      };
    }>(value.query, value.variables);
    const overall = serviceValue.rows.filter((r) => r.segment === '');
    const biggest = overall.reduce((best, r) => (r.customers > best.customers ? r : best));
    const retention = '[data-page="value"] [data-card="retention-by-experience"] [data-chart]';
    const at = await pixelOf(page, retention, 0, [overall.indexOf(biggest), biggest.retention.estimate ?? 0]);
    await page.locator(retention).click({ position: at });
    let drill = await drilled(page);
    expect(drill.kind).toBe('customers');
    expect(drill.title).toContain(EXPERIENCE_LABELS[biggest.experience as keyof typeof EXPERIENCE_LABELS]);
    expect(drill.count).toBe(biggest.customers);
    const list = lastRequest(requests, 'ValueCustomers');
    expect(list.variables).toMatchObject({ population: 'CLV_RUN', filter: { experiences: [biggest.experience] } });
    await page.locator('dialog[data-drill] [data-table="drill"] tbody tr').first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'drill-retention-customers.png') });

    // Its CSV: the same customers.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('dialog[data-drill]')
        .getByRole('button', { name: /Export all rows as CSV/ })
        .click(),
    ]);
    const csv = fs
      .readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toBe('customer_id,segment,experience,cohort,predicted_clv,p_alive,historical_value');
    expect(csv.length - 1).toBe(biggest.customers);
    await closeDrill(page);

    // The cohort curves: a point of the largest curve, after its first month (at M0 every curve is 100%).
    const sentCohorts = lastRequest(requests, 'CohortRetention');
    const { cohortRetention } = await graphql<{ cohortRetention: CohortRetention[] }>(
      sentCohorts.query,
      sentCohorts.variables,
    );
    const curves = retentionCurves(cohortRetention);
    const curveIndex = curves.reduce((best, c, i, all) => (c.customers > (all[best]?.customers ?? -1) ? i : best), 0);
    const curve = curves[curveIndex]!;
    const k = curve.points.findIndex((p, i) => i > 0 && p !== null);
    const point = k > 0 ? k : 0;
    const curvesChart = '[data-card="cohort-retention"] [data-chart]';
    const pointAt = await pixelOf(page, curvesChart, curveIndex, [
      point,
      Math.round((curve.points[point] ?? 1) * 1000) / 10,
    ]);
    await page.locator(curvesChart).click({ position: pointAt });
    drill = await drilled(page);
    // Curves may cross at a point: the one clicked is the one the title names.
    const clicked = curves.find((c) => drill.title.includes(EXPERIENCE_LABELS[c.experience]));
    expect(clicked).toBeDefined();
    expect(drill.count).toBe(clicked!.customers);
    expect(lastRequest(requests, 'ValueCustomers').variables['population']).toBe('PURCHASE_COHORTS');
    await closeDrill(page);

    // A cohort × experience of the table below the curves.
    const firstCohort = page.locator('[data-table="cohorts"] tbody tr').first();
    await firstCohort.click();
    drill = await drilled(page);
    const row = cohortRetention[0]!;
    expect(drill.title).toContain(row.cohort);
    expect(drill.count).toBe(row.customers);
    expect(lastRequest(requests, 'ValueCustomers').variables.filter).toMatchObject({
      cohorts: [row.cohort],
      experiences: [row.experience],
    });
    await closeDrill(page);

    // The Overview's retention by experience drills the same way.
    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    await page.waitForSelector('[data-section="value"][data-state="ready"]');
    await chartsDrawn(page);
    const overviewChart = '[data-section="value"] [data-card="retention-by-experience"] [data-chart]';
    const overviewAt = await pixelOf(page, overviewChart, 0, [
      overall.indexOf(biggest),
      biggest.retention.estimate ?? 0,
    ]);
    await page.locator(overviewChart).click({ position: overviewAt });
    drill = await drilled(page);
    expect(drill.count).toBe(biggest.customers);
    await closeDrill(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Roles and keys in the browser', () => {
  async function keyOf(role: 'viewer' | 'analyst'): Promise<string> {
    return (await createApiKey(server.db, { workspaceId: server.workspaceId, role, name: `browser ${role}` })).secret;
  }

  async function openAs(key: string): ReturnType<typeof openPage> {
    const opened = await openPage();
    await opened.page.addInitScript(`window.localStorage.setItem('resonance.apiKey', ${JSON.stringify(key)})`);
    return opened;
  }

  it('shows a viewer no upload, no keys and no rows, with one line saying why', async () => {
    const { page, errors } = await openAs(await keyOf('viewer'));
    await page.goto(`${server.url}/data`);
    await page.waitForSelector(ready('data'));
    await page.locator('[data-upload-denied]').waitFor();
    await expect(page.locator('[data-upload-denied]').textContent()).resolves.toContain('analyst or admin');
    expect(await page.getByLabel('Source format').count()).toBe(0);
    expect(await page.locator('[data-card="api-keys"]').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'data-viewer.png'), fullPage: true });

    // A drill-down tells how many messages, and that the rows need an analyst key.
    await page.goto(`${server.url}/response`);
    await page.waitForSelector(ready('response'));
    const firstRow = page.locator('[data-table="response-by-group"] tbody tr').first();
    const inbound = Number((await firstRow.locator('td').nth(1).textContent())?.replace(/[^\d]/g, ''));
    await firstRow.click();
    const drill = await drilled(page);
    expect(drill.count).toBe(inbound);
    await expect(page.locator('[data-drill-denied]').textContent()).resolves.toContain('analyst');
    expect(await page.locator('[data-table="drill"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers an analyst the upload but not the keys', async () => {
    const { page, errors } = await openAs(await keyOf('analyst'));
    await page.goto(`${server.url}/data`);
    await page.waitForSelector(ready('data'));
    await page.getByLabel('Source format').waitFor();
    expect(await page.locator('[data-card="api-keys"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets an admin create a key (secret shown once), see it listed and revoke it', async () => {
    const { page, errors } = await openSignedIn();
    await page.goto(`${server.url}/data`);
    await page.waitForSelector(ready('data'));
    const card = page.locator('[data-card="api-keys"]');
    await card.locator('[data-table="api-keys"] tbody tr').first().waitFor();
    await card.scrollIntoViewIfNeeded();

    // A name is required before anything is sent.
    await card.getByRole('button', { name: 'Create key' }).click();
    await expect(card.getByRole('alert').textContent()).resolves.toContain('Give the key a name');

    const name = `browser test key ${Date.now()}`;
    await card.getByLabel('Key name').fill(name);
    await card.getByLabel('Role').selectOption('ANALYST');
    await card.getByRole('button', { name: 'Create key' }).click();
    const secret = (await card.locator('[data-new-key] [data-secret]').textContent()) ?? '';
    expect(secret).toMatch(/^rk_[0-9a-f]{16}_/);
    const row = card.locator('[data-table="api-keys"] tbody tr', { hasText: name });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Analyst');
    await expect(row.textContent()).resolves.toContain('active');
    await card.screenshot({ path: path.join(SCREENSHOTS, 'keys-created.png') });

    // The secret shown is a working analyst key.
    const caller = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: '{ caller { role } }' }),
    });
    expect(((await caller.json()) as { data: { caller: { role: string } } }).data.caller.role).toBe('ANALYST');

    // Done hides the secret for good.
    await card.getByRole('button', { name: 'Done' }).click();
    expect(await card.locator('[data-new-key]').count()).toBe(0);

    // Revoke, after a confirmation naming the key.
    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    const confirm = card.getByRole('alertdialog');
    await expect(confirm.textContent()).resolves.toContain(name);
    await card.screenshot({ path: path.join(SCREENSHOTS, 'keys-confirm-revoke.png') });
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await card.locator('[data-table="api-keys"] tbody tr', { hasText: name }).filter({ hasText: 'revoked' }).waitFor();
    const { apiKeys } = await graphql<{ apiKeys: { name: string; revokedAt: string | null }[] }>(
      '{ apiKeys { name revokedAt } }',
    );
    expect(apiKeys.find((k) => k.name === name)?.revokedAt).not.toBeNull();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'data-admin-keys.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
