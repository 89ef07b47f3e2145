/**
 * The built dashboard in headless Chromium against the real server (embedded ClickHouse, demo
 * data): the Overview tiles show the api's figures, formatted as the page formats them, filters
 * live in the URL, and the console stays clean. Needs web/dist (npm test builds it first).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startServer, type RunningServer } from '@resonance/api';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Filter } from '../src/filters/graphql/filter';
import { DEFAULT_FILTER_STATE, parseFilterState, toFilterInput } from '../src/filters/url-state';
import type { Overview } from '../src/overview/graphql/overview.query';
import { KPIS, kpiChange } from '../src/overview/kpis';

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
  query: string;
  variables: { filter: Filter };
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
async function openPage(): Promise<{ page: Page; errors: string[]; overviewRequests: GraphQLBody[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  const overviewRequests: GraphQLBody[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/graphql')) return;
    const body = request.postDataJSON() as GraphQLBody;
    if (body.operationName === 'Overview') overviewRequests.push(body);
  });
  return { page, errors, overviewRequests };
}

function lastOf<T>(list: T[]): T {
  const last = list[list.length - 1];
  if (last === undefined) throw new Error('nothing recorded');
  return last;
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
    await expect(inbound.textContent()).resolves.toBe(KPIS[0]?.format(month.current.inbound, workspace.currency));

    await page.goForward();
    await page.waitForURL(/\?period=7d$/);
    await page.waitForSelector(READY);
    await expect(inbound.textContent()).resolves.toBe(weekInbound);

    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.waitForSelector('html[data-theme="dark"]');
    await page.waitForSelector(CHART_DRAWN);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'overview-dark.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a placeholder for pages still to come, keeping the filters', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${server.url}/?period=90d`);
    await page.waitForSelector(READY);
    await page.getByRole('link', { name: 'Response', exact: true }).click();
    await page.waitForURL(`${server.url}/response?period=90d`);
    await page.getByRole('heading', { name: 'This page is being built' }).waitFor();
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
