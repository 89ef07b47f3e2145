import {
  DEFAULT_DEMO_CUSTOMERS,
  DEFAULT_DEMO_SEED,
  DemoWorkspaceExistsError,
  loadDemoWorkspace,
  measureDemo,
  resolveDemoOptions,
  type DemoOptions,
} from '../../demo';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../database';

function wholeNumber(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const raw = String(value);
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  return Number(raw);
}

function instant(value: unknown): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new UsageError(`--now must be an ISO date-time such as 2026-01-31T12:00:00Z, got "${String(value)}"`);
  return date;
}

function options(values: Record<string, unknown>): DemoOptions {
  try {
    return resolveDemoOptions({
      workspaceId: typeof values.workspace === 'string' ? values.workspace : 'demo',
      customers: wholeNumber(values.customers, 'customers') ?? DEFAULT_DEMO_CUSTOMERS,
      seed: wholeNumber(values.seed, 'seed') ?? DEFAULT_DEMO_SEED,
      now: instant(values.now) ?? new Date(),
    });
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'generate and load the demo workspace (same seed and --now, same rows)',
  usage: 'demo [--workspace demo] [--customers N] [--seed N] [--now ISO] [--json] [--measure]',
  options: {
    workspace: { type: 'string' },
    customers: { type: 'string' },
    seed: { type: 'string' },
    now: { type: 'string' },
    json: { type: 'boolean' },
    // Prints what the generated rows show (response, reach, service → value) as JSON; loads nothing.
    measure: { type: 'boolean' },
  },
  async run({ values }) {
    const demo = options(values);
    if (values.measure) {
      process.stdout.write(`${JSON.stringify(measureDemo(demo), null, 2)}\n`);
      return 0;
    }
    return withDatabase(async (db) => {
      try {
        const summary = await loadDemoWorkspace(db, demo);
        if (values.json) process.stdout.write(`${JSON.stringify({ ...summary, seed: demo.seed, now: demo.now.toISOString() })}\n`);
        else
          process.stdout.write(
            `demo workspace "${summary.workspaceId}" (seed ${demo.seed}): ${summary.customers.toLocaleString('en-US')} customers, ` +
              `${summary.interactions.toLocaleString('en-US')} interactions, ${summary.transactions.toLocaleString('en-US')} transactions ` +
              `loaded in ${summary.seconds.toFixed(1)} s\n`,
          );
        return 0;
      } catch (error) {
        if (error instanceof DemoWorkspaceExistsError) throw new UsageError(error.message);
        throw error;
      }
    });
  },
};
