/**
 * The process the crash test kills. Usage (cwd: the repository root):
 *
 *   node --conditions=source --import tsx tests/durability/crash-child.ts sqlite <file> <seed>
 *   node --conditions=source --import tsx tests/durability/crash-child.ts postgres <schema> <seed>
 *
 * with the directory ids as JSON in KECHUANG_CRASH_DIRECTORY (and, for PostgreSQL, the URL in
 * KECHUANG_TEST_DATABASE_URL). It prints `READY <pid>` once the SDK is up, then works requests
 * forever on a few lanes, printing `OK <requestId> <version> <command>` after each command
 * has committed, or `ERR <requestId> <command> <code> <message>` when one is refused. With
 * KECHUANG_CRASH_MAX_COMMANDS it stops after that many confirmed commands and exits cleanly.
 */
import { writeSync } from 'node:fs';
import { createCommunity, isKechuangError, type ServiceRequest } from '@kechuang/community';
import { createRandom } from '@kechuang/demo';
import type { CrashDirectory } from './crash-directory.js';
import { openCrashStorage, parseTargetArgs } from './crash-storage.js';
import { crashWorkload, isConcluded } from './crash-workload.js';

const LANES = 2;
const OPEN_PER_LANE = 6;

/**
 * Writes a whole line to stdout synchronously, so that a line the parent reads was written
 * before the next command started; retries when the pipe is momentarily full.
 */
function say(line: string): void {
  const bytes = Buffer.from(`${line}\n`, 'utf8');
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(1, bytes, written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

const args = process.argv.slice(2);
const target = parseTargetArgs(args, process.env);
const seed = Number(args[2] ?? '1');
const directoryJson = process.env['KECHUANG_CRASH_DIRECTORY'];
if (!directoryJson) throw new Error('KECHUANG_CRASH_DIRECTORY must hold the directory ids as JSON.');
const directory = JSON.parse(directoryJson) as CrashDirectory;
const maxCommands = Number(process.env['KECHUANG_CRASH_MAX_COMMANDS'] ?? 'Infinity');

const storage = openCrashStorage(target);
const community = createCommunity({ storage });
await community.ready();
say(`READY ${process.pid}`);

const random = createRandom(seed);
const head = community.as({ kind: 'member', officeId: directory.officeId, memberId: directory.headId });
let confirmed = 0;

async function lane(index: number): Promise<void> {
  const laneRandom = random.fork(`lane-${index}`);
  const workload = crashWorkload(community, directory, laneRandom);
  const open = new Map<string, ServiceRequest>();
  while (confirmed < maxCommands) {
    const pool = [...open.values()];
    const fresh = pool.length < OPEN_PER_LANE && (pool.length === 0 || laneRandom.chance(0.3));
    const current = fresh ? null : laneRandom.pick(pool);
    const step = current ? workload.next(current, pool) : workload.submit(`${seed}-${index}`);
    try {
      const done = await step.run();
      confirmed++;
      say(`OK ${done.id} ${done.version} ${step.command}`);
      if (isConcluded(done)) open.delete(done.id);
      else open.set(done.id, done);
    } catch (error) {
      const code = isKechuangError(error) ? error.code : 'UNEXPECTED';
      const message = error instanceof Error ? error.message : String(error);
      say(`ERR ${current?.id ?? '-'} ${step.command} ${code} ${message.replace(/\s+/g, ' ')}`);
      if (current) {
        const { request } = await head.requests.get(current.id);
        if (isConcluded(request)) open.delete(request.id);
        else open.set(request.id, request);
      }
    }
  }
}

await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)));
await storage.close?.();
say(`DONE ${confirmed}`);
