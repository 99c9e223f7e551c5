/**
 * The console's browser bundle, built with Vite into `dist/` when it is missing or older than
 * its sources, so that a fresh clone needs no separate build step and a restart costs nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The example's root directory (where `index.html` and `vite.config.ts` are). */
export const hallRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the built console is served from; HALL_CLIENT_DIST moves it (tests build their own). */
export const clientDist = process.env['HALL_CLIENT_DIST'] ?? join(hallRoot, 'dist');
const stamp = join(clientDist, '.built');

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** The sources the bundle is made of: the console and the report charts it draws with. */
function sourcesChangedAt(): number {
  const charts = join(hallRoot, '..', '..', 'packages', 'community', 'src', 'reports');
  return Math.max(...[join(hallRoot, 'src', 'client'), join(hallRoot, 'index.html'), join(hallRoot, 'vite.config.ts'), charts].filter(existsSync).map(newest));
}

/** Builds the console unless the last build is newer than every source; says whether it built. */
export async function buildClientIfStale(): Promise<boolean> {
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sourcesChangedAt()) return false;
  // In a child process: it builds on the other core while this one loads the demo, and Vite
  // sets NODE_ENV=production in the process it builds in, which must not leak into the server.
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', clientDist], { cwd: hallRoot, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`Building the console with Vite failed (${signal ?? `exit code ${code}`}); the messages above say why.`))));
  });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  return true;
}
