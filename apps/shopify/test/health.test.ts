import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../../scripts/redis-server.js";
import { createTestDatabase, REDIS_URL } from "../../../scripts/test-services.js";
import { startApp, type RunningApp } from "./support/app-server.js";

interface Ready {
  status: string;
  failing: string[];
  database: { ok: boolean; kind: string };
  cache: { ok: boolean; backend: string; detail?: string };
}

describe("health endpoints on embedded defaults (PGlite, memory cache)", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.stop());

  it("is live, ready and summarises its parts", async () => {
    expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${app.url}/health/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as Ready;
    expect(body).toMatchObject({
      status: "ready",
      failing: [],
      database: { ok: true, kind: "pglite" },
      cache: { ok: true, backend: "memory" },
    });
    const summary = (await (await fetch(`${app.url}/health`)).json()) as { status: string; node: string };
    expect(summary.status).toBe("ok");
    expect(summary.node).toMatch(/^v2[2-9]\./);
  });
});

describe("health on PostgreSQL and Redis", () => {
  let app: RunningApp;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = () => db.drop();
    app = await startApp({ DATABASE_URL: db.url, REDIS_URL });
  });
  afterAll(async () => {
    await app.stop();
    await drop();
  });

  it("is ready with both", async () => {
    const body = (await (await fetch(`${app.url}/health/ready`)).json()) as Ready;
    expect(body).toMatchObject({
      status: "ready",
      database: { ok: true, kind: "postgres" },
      cache: { ok: true, backend: "redis" },
    });
  });
});

describe("readiness names the failing part with a 503", () => {
  it("names the cache when the configured Redis is unreachable", async () => {
    const closedPort = await freePort();
    const app = await startApp({ REDIS_URL: `redis://127.0.0.1:${closedPort}` });
    try {
      const res = await fetch(`${app.url}/health/ready`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as Ready;
      expect(body.failing).toEqual(["cache"]);
      expect(body.cache.detail).toMatch(/Redis unreachable/);
      expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });

  it("names the database when PostgreSQL does not answer", async () => {
    const closedPort = await freePort();
    const app = await startApp({
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${closedPort}/none`,
      AUTO_MIGRATE: "0",
    });
    try {
      const res = await fetch(`${app.url}/health/ready`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as Ready).failing).toEqual(["database"]);
    } finally {
      await app.stop();
    }
  });
});
