import type { JobQueue } from "./jobs/queue.server.js";
import type { Services } from "./services.server.js";

export interface PartStatus {
  ok: boolean;
  latencyMs: number;
  detail?: string;
}

export interface QueueHealth {
  backend: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  lagMs: number;
}

export interface Readiness {
  ok: boolean;
  database: PartStatus & { kind: string };
  cache: PartStatus & { backend: string };
  /** Per queue: depth and lag (age of the oldest ready job). */
  queues: PartStatus & { byName: Record<string, QueueHealth> };
  /** The mirror's state: syncs running, failed in the last 24 h, and the last completed. */
  sync: PartStatus & { running: number; failedLastDay: number; lastCompletedAt: string | null };
  failing: string[];
}

const CHECK_TIMEOUT_MS = 2_000;

async function timed(check: () => Promise<string | undefined>): Promise<PartStatus> {
  const started = performance.now();
  try {
    const detail = await Promise.race([
      check(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), CHECK_TIMEOUT_MS)),
    ]);
    const latencyMs = Math.round(performance.now() - started);
    return detail === undefined ? { ok: true, latencyMs } : { ok: false, latencyMs, detail };
  } catch (error) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * Readiness: the database answers a query, and the cache answers a round trip on the backend it
 * is configured for (with REDIS_URL set, serving from the memory fallback counts as failing).
 */
export async function checkReadiness(
  services: Services,
  jobs: { queues?: Record<string, Pick<JobQueue, "name" | "backend" | "stats">> } = {},
): Promise<Readiness> {
  const database = await timed(async () => {
    await services.db.ping();
    return undefined;
  });
  const cache = await timed(async () => {
    const key = `health:${process.pid}`;
    await services.cache.set(key, 1, { ttlMs: 5_000 });
    if ((await services.cache.get<number>(key)) !== 1) return "round trip returned a different value";
    if (services.config.redisUrl && services.cache.backend() !== "redis") {
      return "Redis unreachable (serving from the memory fallback)";
    }
    return undefined;
  });
  const byName: Record<string, QueueHealth> = {};
  const queues = await timed(async () => {
    for (const queue of Object.values(jobs.queues ?? {})) {
      byName[queue.name] = { backend: queue.backend, ...(await queue.stats()) };
    }
    return undefined;
  });
  const syncState = { running: 0, failedLastDay: 0, lastCompletedAt: null as string | null };
  const sync = await timed(async () => {
    const { prisma } = services.db;
    const [running, failed, last] = await Promise.all([
      prisma.syncRun.count({ where: { status: "running" } }),
      prisma.syncRun.count({
        where: { status: "failed", startedAt: { gte: new Date(Date.now() - 86_400_000) } },
      }),
      prisma.syncRun.findFirst({ where: { status: "completed" }, orderBy: { finishedAt: "desc" } }),
    ]);
    Object.assign(syncState, {
      running,
      failedLastDay: failed,
      lastCompletedAt: last?.finishedAt?.toISOString() ?? null,
    });
    return undefined;
  });
  // Queue and sync state are reported, not fatal: the queues share Redis with the cache (whose
  // check already fails readiness when Redis is down), and a lagging sync is no reason to stop
  // serving.
  const failing = [...(database.ok ? [] : ["database"]), ...(cache.ok ? [] : ["cache"])];
  return {
    ok: failing.length === 0,
    database: { ...database, kind: services.db.kind },
    cache: { ...cache, backend: services.cache.backend() },
    queues: { ...queues, byName },
    sync: { ...sync, ...syncState },
    failing,
  };
}
