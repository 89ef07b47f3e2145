#!/usr/bin/env node
// `npm start`: build what is missing or older than its sources (the TypeScript workspaces the api
// needs, and the dashboard), then run the api in a child process that gets this terminal and its
// signals. When nothing changed, the checks cost milliseconds.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = (line) => process.stdout.write(`[start] ${line}\n`);

/** Newest modification time under the given files and directories (0 when none exists). */
function newest(paths, skip = () => false) {
  let latest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) {
        if (entry === 'node_modules' || entry === 'dist') continue;
        visit(path.join(p, entry));
      }
    } else if (!skip(p)) {
      latest = Math.max(latest, stat.mtimeMs);
    }
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return latest;
}

/** Oldest modification time of the given outputs; 0 when one is missing (so it must be built). */
function oldest(paths) {
  let earliest = Infinity;
  for (const p of paths) {
    try {
      earliest = Math.min(earliest, fs.statSync(path.join(root, p)).mtimeMs);
    } catch {
      return 0;
    }
  }
  return earliest;
}

function run(what, command, args) {
  const since = Date.now();
  say(`${what}…`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    say(`${what} failed (exit ${result.status ?? result.signal})`);
    return false;
  }
  say(`${what}: done in ${seconds(since)}`);
  return true;
}

const isTest = (p) => /\.(test|spec)\.tsx?$/.test(p);

// 1. The api and what it imports (sql, pipelines). tsc -b is incremental, but even a no-op costs
// seconds, so it runs only when a workspace's sources are newer than its last build (tsbuildinfo,
// which tsc -b rewrites whenever it builds that workspace) or an output is missing.
const workspaces = ['sql', 'pipelines', 'api'];
const staleWorkspace = workspaces.find((w) => {
  const entry = w === 'api' ? 'api/dist/main.js' : `${w}/dist/index.js`;
  const built = oldest([`${w}/dist/.tsbuildinfo`]);
  return (
    built === 0 ||
    !fs.existsSync(path.join(root, entry)) ||
    newest(['tsconfig.base.json', `${w}/src`, `${w}/tsconfig.json`, `${w}/package.json`], isTest) > built
  );
});
if (staleWorkspace) {
  if (!run(`Compiling TypeScript (${staleWorkspace} changed: tsc -b api)`, 'npx', ['tsc', '-b', 'api']))
    process.exit(1);
} else {
  say('TypeScript build is up to date');
}

// 2. The dashboard. Without it the api still runs and / says how to build it, so a failed
// dashboard build is reported, not fatal.
const webSources = newest(
  ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'web/tsconfig.json', 'web/package.json'],
  isTest,
);
const webOutput = oldest(['web/dist/index.html']);
if (webOutput === 0 || webSources > webOutput) {
  if (!run('Building the dashboard (npm run build -w web)', 'npm', ['run', 'build', '-w', 'web'])) {
    say(
      'continuing without a fresh dashboard build: the api serves the previous build, or a page saying how to build it',
    );
  }
} else {
  say('Dashboard build is up to date');
}

say(`ready to serve after ${seconds(started)}; starting the api`);

// 3. The api, in this process tree. Ctrl-C reaches the child through the terminal's process
// group; a SIGTERM sent to this process alone is passed on, and its exit code is ours.
const api = spawn(process.execPath, [path.join(root, 'api', 'dist', 'main.js')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (api.exitCode === null) api.kill(signal);
  });
}
api.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1));
});
