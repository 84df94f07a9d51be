/**
 * Where a benchmark's CPU went, from the operating system's own counters (Linux /proc): the app server's
 * processes, the PostgreSQL backends serving one database, and the bench process itself. Load on a shared
 * machine stretches wall times but not CPU seconds, so CPU per request is the firmer figure. Bench helper only.
 */
import fs from "node:fs";

const TICKS_PER_SECOND = 100;

/** utime + stime of a process (all its threads) in ms, or 0 when it is gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses: count fields after its closing ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** A process and all its descendants (a `next start` may serve from a child process). */
export function processTree(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, parent] of parentOf) if (parent === tree[i]) tree.push(pid);
  }
  return tree;
}

/** CPU ms per pid at one moment. */
export type CpuSnapshot = Map<number, number>;

export const cpuSnapshot = (pids: number[]): CpuSnapshot => new Map(pids.map((pid) => [pid, processCpuMs(pid)]));

/** CPU spent between two snapshots; a pid only in `after` started within the interval (from 0). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
