/**
 * Open-loop load for the API bench: users who act at random moments whatever the server is doing, as people do.
 * Each user's moves arrive as a Poisson process (exponential gaps, mean `thinkMs`); a move's latency runs from the
 * moment it was scheduled, not from when the client got round to sending it, so time spent queued behind a slow
 * server counts (no coordinated omission). Moves of one deal are sent one after another (each needs the version
 * the last one returned); a move scheduled while its deal's previous move is still out waits, and that wait counts.
 * Bench helper only.
 */

/** A small seeded generator (mulberry32), so two runs schedule the same moves. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ScheduledMove {
  /** ms after the start. */
  at: number;
  user: number;
  /** Index of the deal among the user's deals. */
  deal: number;
}

/** Every user's Poisson arrivals over `durationMs`, each move on one of the user's deals at random, in time order. */
export function poissonSchedule(options: { users: number; dealsPerUser: number; thinkMs: number; durationMs: number; random: () => number }) {
  const moves: ScheduledMove[] = [];
  for (let user = 0; user < options.users; user++) {
    for (let at = 0; ;) {
      at += -Math.log(1 - options.random()) * options.thinkMs;
      if (at >= options.durationMs) break;
      moves.push({ at, user, deal: Math.floor(options.random() * options.dealsPerUser) });
    }
  }
  return moves.sort((a, b) => a.at - b.at);
}

export interface OpenLoopResult {
  /** Latency of each move scheduled after the warm-up, from its scheduled time to its response's last byte. */
  latencies: number[];
  /** Of those, how long each waited before it was sent (its deal's previous move still out, or a late timer). */
  waitedBeforeSend: number[];
  failures: number;
  /** ms from the first scheduled move to the last response. */
  elapsedMs: number;
}

/**
 * Sends each scheduled move at its time. `send` performs one move on a deal and resolves when its response is
 * read; it is never called twice at once for the same deal key.
 */
export async function runOpenLoop(
  schedule: ScheduledMove[],
  dealKey: (move: ScheduledMove) => string,
  send: (move: ScheduledMove) => Promise<boolean>,
  warmupMs: number,
): Promise<OpenLoopResult> {
  const latencies: number[] = [];
  const waitedBeforeSend: number[] = [];
  let failures = 0;
  const tails = new Map<string, Promise<void>>();
  const start = performance.now();
  const all: Promise<void>[] = [];
  for (const move of schedule) {
    const due = start + move.at;
    const delay = due - performance.now();
    if (delay > 1) await new Promise((r) => setTimeout(r, delay));
    const key = dealKey(move);
    const previous = tails.get(key) ?? Promise.resolve();
    const done = previous.then(async () => {
      const sentAt = performance.now();
      const ok = await send(move).catch(() => false);
      if (move.at < warmupMs) return;
      latencies.push(performance.now() - due);
      waitedBeforeSend.push(Math.max(0, sentAt - due));
      if (!ok) failures++;
    });
    tails.set(key, done);
    all.push(done);
  }
  await Promise.all(all);
  return { latencies, waitedBeforeSend, failures, elapsedMs: performance.now() - start };
}
