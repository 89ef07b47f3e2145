import { ConfigError } from '@resonance/sql';
import { parseCommandArgs, UsageError, type Command } from './command';
import { migrateCommand } from './commands/migrate';
import { demoCommand } from './commands/demo';
import { fitCommand } from './commands/fit';
import { ingestCommand } from './commands/ingest';
import { keysCommand } from './commands/keys';

/** Every sub-command of `resonance`. A new command is one file in commands/ and one line here. */
export const COMMANDS: Command[] = [migrateCommand, fitCommand, ingestCommand, demoCommand, keysCommand];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    'resonance — load customer interactions, fit CLV models, serve the dashboard',
    '',
    'usage:',
    ...COMMANDS.map((c) => `  resonance ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'ClickHouse: embedded on RESONANCE_DATA_DIR (default ./.data) unless CLICKHOUSE_URL is set.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`resonance: unknown command "${name}"\n\n${help()}\n`);
    return 2;
  }
  try {
    return await command.run(parseCommandArgs(command, rest));
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`resonance ${name}: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`resonance ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
