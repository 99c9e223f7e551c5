/**
 * A child process for sqlite-checkpoint.test.ts: opens a file with the default background
 * checkpoint, writes, then either closes the adapter (`close`) or just ends (`leave`), and
 * prints what it saw. The parent checks that the process exits by itself either way.
 * Usage: write-and-exit.ts <file> <close|leave>
 */
import { sqliteStorage } from '../sqlite-storage.js';
import { notesSchema, sizeOf, writeBulk } from './bulk-notes.js';

const [file, ending] = process.argv.slice(2);
if (!file || (ending !== 'close' && ending !== 'leave')) throw new Error('usage: write-and-exit.ts <file> <close|leave>');
const storage = sqliteStorage({ filename: file });
await storage.init(notesSchema);
await writeBulk(storage);
if (ending === 'close') await storage.close?.();
// Printed after close() resolved: a process must not end before it does.
process.stdout.write(`${JSON.stringify({ ending, walBytes: sizeOf(`${file}-wal`) })}\n`);
