import { describeClickHouseConfig, migrate } from '@resonance/sql';
import { refreshRollups } from '../../load/rollups';
import type { Command } from '../command';
import { withDatabase } from '../database';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply the schema migrations not yet applied',
  usage: 'migrate [--json]',
  options: { json: { type: 'boolean' } },
  async run({ values }) {
    return withDatabase(
      async (db) => {
        const result = await migrate(db);
        // Rollups of data loaded before they existed, as every other command and the api do at start.
        await refreshRollups(db);
        if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
        else
          process.stdout.write(
            `${describeClickHouseConfig(db.config)}: ${result.applied.length} migration(s) applied, ` +
              `${result.skipped.length} already there\n`,
          );
        return 0;
      },
      { migrate: false },
    );
  },
};
