/**
 * The service hall (服务大厅): the Mengchuang Community's web console on the embedded SQLite
 * default. `npm start` at the repository root runs it.
 *
 *   npm start                    # serve on http://127.0.0.1:3000 (PORT=… to change)
 *   npm start -- --fresh         # throw the database away and load the demo again
 *   npm start -- --smoke         # start, check the console and the API answer, stop
 *
 * HALL_DATA_DIR=… keeps the database somewhere other than ./.data.
 */
import { join, resolve } from 'node:path';
import { createCommunity, createWorker } from '@kechuang/community';
import { fsBlobStore } from '@kechuang/community/node';
import { auditChain } from '@kechuang/plugin-audit-chain';
import { duplicates } from '@kechuang/plugin-duplicates';
import { progressReports } from '@kechuang/plugin-progress-reports';
import { createServer, devSignIn } from '@kechuang/server';
import { serve } from '@kechuang/server/node';
import { buildClientIfStale, clientDist } from './client-build.js';
import { hallApp } from './hall-app.js';
import { openHallData } from './hall-data.js';
import { loadProgress } from './load-progress.js';
import { smokeRun } from './smoke-run.js';

const started = performance.now();
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const fresh = args.includes('--fresh');
const dataDir = resolve(process.env['HALL_DATA_DIR'] ?? '.data');

// The bundle builds while the demo year loads: Vite's bundler works on its own threads.
const progress = loadProgress();
const [built, data] = await Promise.all([buildClientIfStale(), openHallData({ directory: dataDir, fresh, onProgress: progress.report })]);
progress.done();

// The three first-party plugins, as an office would run them. The demo year in hall-data.ts
// is replayed by a community of its own without them, so the audit chain starts at the hall's
// first live change (the worker's escalations of the demo's overdue requests, then the first
// command): as it would in an office that installs the plugin on a running system, where the
// records made before it stay as they were and are not chained after the fact.
const plugins = [
  // The plugin's defaults, written out because they are what the demo shows: a new request
  // is compared with the same enterprise's of the last 30 days, listed as a likely duplicate
  // from 60% alike and merged into the still-open original from 90%; a fourth identical one
  // with nothing new is refused. Timeline notes in Chinese, as the office keeps its records.
  duplicates({ windowDays: 30, suggestAbove: 0.6, mergeAbove: 0.9, maxRepeats: 3, scope: 'enterprise', locale: 'zh-CN' }),
  // Requests tagged 长期办理, and those under the complaint policy, whose 15 working days
  // make them long-running by nature: a report every 5 working days until they conclude,
  // fired by the worker below. The hall has no notifiers, so each report is recorded with
  // no message sent; an office adds `notifiers` to reach the enterprise's contacts.
  progressReports({ intervalWorkingDays: 5, when: { tags: ['长期办理'], slaPolicies: ['complaint'] } }),
  // Last, as its README asks: it holds the office's chain head for the shortest time.
  auditChain(),
] as const;
const community = createCommunity({ storage: data.storage, plugins });
// Deadlines, reminders, escalations and progress reports fire on the worker: the lights in the
// console are live.
const worker = createWorker(community, { notify: false });
worker.on('error', (error) => console.error('[service-hall] worker:', error));
// Catch up on what fell due while the hall was stopped before saying it is ready, so that the
// first screens already show those escalations (bounded, should a timer keep falling due).
for (let round = 0; round < 100 && (await worker.runOnce()) > 0; round++);
worker.start();

const server = createServer({
  community,
  resolveActor: () => null,
  devSignIn: devSignIn({ community, officeIds: [data.officeId] }),
  blobStore: fsBlobStore({ directory: join(dataDir, 'service-hall-attachments') }),
});
const port = smoke ? 0 : Number(process.env['PORT'] ?? 3000);
const running = await serve(hallApp({ server, clientDist }), { port, hostname: process.env['HOST'] ?? '127.0.0.1' });
const seconds = ((performance.now() - started) / 1000).toFixed(1);

console.log(`
  服务大厅 · Service hall   ${running.url}

  ${data.loaded ? 'Loaded the Mengchuang demo: 6,000 enterprises and its first year of requests' : 'Opened the Mengchuang demo'} (${data.filename}).
  ${built ? 'Built the console. ' : ''}Ready in ${seconds} s.

  Open the URL, pick who you are (a park captain, a commissioner, the legal-aid lawyer or the
  station head) and go. Development sign-in: no passwords; keep this on your own machine.
  Ctrl+C stops it; \`npm start -- --fresh\` starts over from the demo.
`);

const stop = async (): Promise<void> => {
  await running.close();
  await worker.stop();
  await data.storage.close?.();
};
if (smoke) {
  try {
    await smokeRun({ url: running.url, officeId: data.officeId });
  } finally {
    await stop();
  }
} else {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().then(() => process.exit(0)));
}
