/**
 * A child process for sqlite-feed.test.ts: commits transactions of one to three feed rows on
 * the SQLite file it is given (every fourth one rolled back on purpose) and prints the ids it
 * committed. Usage: feed-writer.ts <file> <writer> <transactions>
 */
import { sqliteStorage } from '../sqlite-storage.js';
import { feedSchema } from './feed-schema.js';

const [file, writer, count] = process.argv.slice(2);
if (!file || !writer || !count) throw new Error('usage: feed-writer.ts <file> <writer> <transactions>');
const storage = sqliteStorage({ filename: file, busyTimeoutMs: 20_000 });
await storage.init(feedSchema);
const committed: string[] = [];
for (let i = 0; i < Number(count); i++) {
  const ids = Array.from({ length: 1 + (i % 3) }, (_, j) => `${writer}-${i}-${j}`);
  try {
    await storage.transaction(async (tx) => {
      for (const [n, id] of ids.entries()) await tx.create({ model: 'event', data: { id, writer, n } });
      if (i % 4 === 3) throw new Error('rolled back on purpose');
    });
    committed.push(...ids);
  } catch (error) {
    if (i % 4 !== 3) throw error;
  }
}
await storage.close?.();
process.stdout.write(`${JSON.stringify({ writer, committed })}\n`);
