import type { Services } from "./services.server.js";

export interface PartStatus {
  ok: boolean;
  latencyMs: number;
  detail?: string;
}

export interface Readiness {
  ok: boolean;
  database: PartStatus & { kind: string };
  cache: PartStatus & { backend: string };
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
export async function checkReadiness(services: Services): Promise<Readiness> {
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
  const failing = [...(database.ok ? [] : ["database"]), ...(cache.ok ? [] : ["cache"])];
  return {
    ok: failing.length === 0,
    database: { ...database, kind: services.db.kind },
    cache: { ...cache, backend: services.cache.backend() },
    failing,
  };
}
