import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { storageError } from './storage-error.js';

/** A held lock on a store file. */
export interface FileLock {
  /** Removes the lock file, if it is still this lock's. */
  release(): Promise<void>;
}

function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<path>.lock` for this adapter, or refuses. The adapter keeps the data in memory and
 * writes the whole file on each commit, so a second writer (another process, or another adapter
 * in this one) would silently overwrite the first one's commits: the lock turns that into an
 * error. A lock left by a process that has ended is taken over. Two processes starting at the
 * same moment over such a stale lock could both take it; the lock is a guard against mistakes,
 * not a way to share the file.
 */
export async function acquireFileLock(path: string): Promise<FileLock> {
  const lockPath = `${path}.lock`;
  const token = `${process.pid} ${randomUUID()}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockPath, token, { flag: 'wx' });
      return {
        async release() {
          const current = await readFile(lockPath, 'utf8').catch(() => '');
          if (current === token) await rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw storageError(`Cannot create the lock file ${lockPath}: ${(error as Error).message}. Check that the directory is writable.`, {}, error);
      }
    }
    const holder = Number((await readFile(lockPath, 'utf8').catch(() => '')).split(' ')[0]);
    if (holder === process.pid) {
      throw storageError(
        `Another jsonFileStorage adapter in this process has ${path} open. Use one adapter per file, or close the other one first (await storage.close()).`,
        { path },
      );
    }
    if (isRunning(holder)) {
      throw storageError(
        `Process ${holder} has ${path} open, and jsonFileStorage serves one process at a time. Stop that process, or share data between ` +
          `processes with the SQLite or PostgreSQL adapter. If no such process uses the file, delete ${lockPath}.`,
        { path, pid: holder },
      );
    }
    await rm(lockPath, { force: true }); // left by a process that has ended
  }
  throw storageError(`Cannot take the lock file ${lockPath}: another process keeps creating it. Try again.`, { path });
}
