// SQLite is for one bot process per database file: its claims of inbound events live in that
// process's memory, and the file's single writer would make a second process wait anyway. A second
// process on the same file is refused at start-up, with how to fix it, through a lock file beside the
// database holding the owner's pid and host. A lock left by a process that died (kill -9, a crash) on
// this host is taken over; one from another host is left to the operator, who can't be second-guessed.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

interface Owner {
  pid: number;
  host: string;
  since: string;
}

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

function readOwner(path: string): Owner | null {
  try {
    const o = JSON.parse(readFileSync(path, 'utf8')) as Owner;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? o : null;
  } catch {
    return null;
  }
}

/** Takes the lock for the SQLite file at `dbPath`, or throws DatabaseInUseError naming the holder and the fix. */
export function lockSqliteDatabase(dbPath: string): { release(): void } {
  const lockPath = `${dbPath}.lock`;
  try {
    mkdirSync(dirname(dbPath), { recursive: true });
  } catch {
    return { release: () => undefined }; // the folder can't be made: opening the database says why
  }
  const me: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err;
      const owner = readOwner(lockPath);
      const stale = owner === null || (owner.host === me.host && (!alive(owner.pid) || owner.pid === process.pid));
      if (!stale) {
        throw new DatabaseInUseError(
          `another bot process (pid ${owner.pid} on ${owner.host}, since ${owner.since}) is using the SQLite database ${dbPath}. ` +
            'SQLite runs one bot process per database file: stop the other process first, or run several processes on PostgreSQL ' +
            '(DATABASE_URL=postgresql://…; see "Running several processes" in README.md). ' +
            `If no such process is running any more, delete ${lockPath}.`,
        );
      }
      unlinkSync(lockPath); // its owner is gone: take it over
    }
  }
  const release = () => {
    const owner = readOwner(lockPath);
    if (owner?.pid === me.pid && owner.host === me.host && owner.since === me.since) {
      try {
        unlinkSync(lockPath);
      } catch {
        /* already gone */
      }
    }
    process.off('exit', release);
  };
  process.on('exit', release);
  return { release };
}
