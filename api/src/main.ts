import { ConfigError } from '@resonance/sql';
import { startServer } from './server';

/** `node api/dist/main.js` (what `npm start` runs): serve until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const started = Date.now();
  const server = await startServer();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const lines = ['', `Resonance is ready in ${seconds} s`];
  if (server.apiKey) {
    lines.push(
      `  Dashboard: ${server.url}/#key=${server.apiKey}`,
      `  GraphQL:   ${server.url}/graphql`,
      `  API key (admin, workspace "${server.workspaceId}"): ${server.apiKey}`,
      '  The key is shown only now; only its hash is stored. Keep it.',
    );
  } else {
    lines.push(
      `  Dashboard: ${server.url}/`,
      `  GraphQL:   ${server.url}/graphql`,
      `  Use the API key printed at the first start, or create one with`,
      `  \`resonance keys create --workspace ${server.workspaceId || '<id>'} --role admin\` while the server is stopped`,
      '  (the embedded data directory opens in one process at a time).',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while stopping: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`resonance: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`resonance: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
