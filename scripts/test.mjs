#!/usr/bin/env node
// `npm test`: type-check every workspace, build the dashboard (the browser tests open it), then
// run every jest suite. Extra arguments go to jest.
import { spawnSync } from 'node:child_process';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const npx = 'npx';
run(npx, ['tsc', '-b']);
run(npx, ['tsc', '-p', 'tsconfig.tests.json']);
run('npm', ['run', 'build', '-w', 'web']);
run(npx, ['jest', ...process.argv.slice(2)]);
