import fs from 'node:fs';

function procStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0]!, ppid: Number(rest[1]) };
  } catch {
    return undefined;
  }
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * Under `npm start`, the process tree is npm → sh → node. When npm is killed
 * (SIGKILL), the shell and this process would live on as orphans holding the
 * port; we notice the launcher's death and shut down cleanly instead, so the
 * next `npm start` comes up on the same data. Linux only (/proc); a no-op elsewhere.
 */
export function exitWithLauncher(onGone: () => void): void {
  if (process.env.npm_lifecycle_event !== 'start' || !fs.existsSync('/proc/self/stat')) return;
  let pid = process.ppid;
  let launcher: number | undefined;
  for (let depth = 0; depth < 4 && pid > 1; depth++) {
    if (/\bnpm\b|npm-cli/.test(cmdline(pid))) {
      launcher = pid;
      break;
    }
    pid = procStat(pid)?.ppid ?? 0;
  }
  if (!launcher) return;
  const watched = launcher;
  const timer = setInterval(() => {
    const s = procStat(watched);
    if (!s || s.state === 'Z' || s.state === 'X') {
      clearInterval(timer);
      onGone();
    }
  }, 1000);
  timer.unref();
}
