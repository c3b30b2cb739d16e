import { closeSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'luodi.pid';

/**
 * Claims the data directory for this process with a file holding its pid, created exclusively so
 * that of two starts only one wins. A lock whose process is gone is stale and taken over. Returns
 * the pid of the live process that holds it instead, or how to release it once this one does.
 */
export function lockDataDir(dataDir: string): { heldBy: number } | { release(): void } {
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      const release = () => {
        if (holder(file) === process.pid) unlinkSync(file);
        process.removeListener('exit', release);
      };
      // An exit that skips the orderly stop (process.exit on a start-up error) still frees it.
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = holder(file);
    if (pid !== undefined && pid !== process.pid && isAlive(pid)) return { heldBy: pid };
    rmSync(file, { force: true }); // stale: its process died without releasing it
  }
  // Another start took over the same stale lock between our unlink and create.
  return { heldBy: holder(file) ?? 0 };
}

function holder(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, only not ours to signal
  }
}
