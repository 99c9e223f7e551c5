/**
 * A child process for sqlite-processes.test.ts: runs transactions that read first and then
 * write, on the SQLite file it is given, and prints how many committed and how many failed.
 * Usage: read-then-write.ts <file> <writer> <count>
 */
import { sqliteStorage } from '../sqlite-storage.js';
import { counterSchema } from './counter-schema.js';

const [file, writer, count] = process.argv.slice(2);
if (!file || !writer || !count) throw new Error('usage: read-then-write.ts <file> <writer> <count>');
const storage = sqliteStorage({ filename: file, busyTimeoutMs: 20_000 });
await storage.init(counterSchema);
let committed = 0;
const failures: string[] = [];
for (let i = 0; i < Number(count); i++) {
  try {
    await storage.transaction(async (tx) => {
      const seen = await tx.count({ model: 'entry' });
      await tx.create({ model: 'entry', data: { id: `${writer}-${i}`, writer, seen } });
    });
    committed++;
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  }
}
await storage.close?.();
process.stdout.write(`${JSON.stringify({ writer, committed, failures: failures.slice(0, 3), failed: failures.length })}\n`);
