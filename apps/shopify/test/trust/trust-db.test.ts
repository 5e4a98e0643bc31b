import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../scripts/test-services.js";
import { openDatabase, type Database } from "~/db/client.server.js";
import { applyMigrations, defaultPrismaPaths } from "~/db/migrations.server.js";
import { createTokenCipher } from "~/security/token-cipher.server.js";
import { authenticateApiKey, createApiKey, hasScope, revokeApiKey } from "~/trust/api-keys.server.js";
import { exportAudit, listAudit, recordAudit } from "~/trust/audit.server.js";
import {
  DEFAULT_DELIVERY_POLICY,
  deliverDue,
  emitEvent,
  redeliver,
  registerEndpoint,
  WebhookEndpointError,
  type DeliveryPolicy,
} from "~/trust/outgoing-webhooks.server.js";

const paths = defaultPrismaPaths(fileURLToPath(new URL("../../../..", import.meta.url)));
const serverKey = Buffer.alloc(32, 9);
const box = createTokenCipher(Buffer.alloc(32, 3));

/** A merchant's receiver, verifying our signature exactly as the README tells them to. */
function receiver(secretOf: () => string) {
  const received: { event: string; body: Record<string, unknown> }[] = [];
  let failWith = 0;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      if (failWith) {
        res.writeHead(failWith).end();
        return;
      }
      // --- the 5 lines from the README ---
      const [t, v1] = (req.headers["ninjalead-signature"] as string)
        .split(",")
        .map((p) => p.split("=")[1] ?? "");
      const expected = createHmac("sha256", secretOf()).update(`${t}.${raw}`).digest("hex");
      const fresh = Math.abs(Date.now() / 1000 - Number(t)) < 300;
      const valid = fresh && timingSafeEqual(Buffer.from(v1 ?? "", "hex"), Buffer.from(expected, "hex"));
      if (!valid) return void res.writeHead(401).end();
      // ------------------------------------
      received.push({
        event: req.headers["ninjalead-event"] as string,
        body: JSON.parse(raw) as Record<string, unknown>,
      });
      res.writeHead(204).end();
    });
  });
  return {
    received,
    setFailure: (status: number) => (failWith = status),
    start: () =>
      new Promise<string>((r) =>
        server.listen(0, "127.0.0.1", () =>
          r(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`),
        ),
      ),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function trustSuite(name: string, open: () => Promise<{ db: Database; cleanup: () => Promise<void> }>) {
  describe(`trust storage on ${name}`, () => {
    let db: Database;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ db, cleanup } = await open());
      await applyMigrations(paths, db.adapterFactory);
    });
    afterAll(async () => {
      await db.close();
      await cleanup();
    });

    it("API keys: shown once, stored as an HMAC, scoped, revocable, shop-bound", async () => {
      const { key, record } = await createApiKey(db.prisma, serverKey, {
        shop: "a.myshopify.com",
        name: "ERP",
        scopes: ["products:read", "imports:write"],
      });
      expect(key.startsWith(`${record.prefix}_`)).toBe(true);
      const rows = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "ApiKey"`);
      expect(JSON.stringify(rows)).not.toContain(key.slice(record.prefix.length + 1));
      const principal = await authenticateApiKey(db.prisma, serverKey, `Bearer ${key}`);
      expect(principal).toMatchObject({ shop: "a.myshopify.com", prefix: record.prefix });
      expect(principal && hasScope(principal.scopes, "products", "read")).toBe(true);
      expect(principal && hasScope(principal.scopes, "products", "write")).toBe(false);
      expect(principal && hasScope(principal.scopes, "imports", "read")).toBe(true);
      expect(await authenticateApiKey(db.prisma, serverKey, `Bearer ${key}x`)).toBeNull();
      expect(
        await authenticateApiKey(db.prisma, serverKey, `Bearer ${record.prefix}_${"A".repeat(43)}`),
      ).toBeNull();
      expect(await authenticateApiKey(db.prisma, serverKey, "Basic abc")).toBeNull();
      expect(
        (await db.prisma.apiKey.findUniqueOrThrow({ where: { id: record.id } })).lastUsedAt,
      ).not.toBeNull();
      expect(await revokeApiKey(db.prisma, "b.myshopify.com", record.id)).toBe(false);
      expect(await revokeApiKey(db.prisma, "a.myshopify.com", record.id)).toBe(true);
      expect(await authenticateApiKey(db.prisma, serverKey, `Bearer ${key}`)).toBeNull();
    });

    it("audit: written in the change's transaction (rolled back with it), listed newest first, exported", async () => {
      const shop = "audit.myshopify.com";
      await db.prisma.$transaction(async (tx) => {
        await tx.shop.create({ data: { domain: shop } });
        await recordAudit(tx, {
          shop,
          actor: { type: "staff", id: "42" },
          action: "shop.created",
          target: { type: "shop", id: shop },
        });
      });
      await expect(
        db.prisma.$transaction(async (tx) => {
          await tx.shop.update({ where: { domain: shop }, data: { plan: "pro" } });
          await recordAudit(tx, {
            shop,
            actor: { type: "staff", id: "42" },
            action: "plan.changed",
            summary: { before: "free", after: "pro" },
          });
          throw new Error("billing refused");
        }),
      ).rejects.toThrow("billing refused");
      expect((await db.prisma.shop.findUniqueOrThrow({ where: { domain: shop } })).plan).toBe("free");
      for (let i = 0; i < 5; i++)
        await recordAudit(db.prisma, { shop, actor: { type: "system", id: "sync" }, action: `sync.${i}` });
      const first = await listAudit(db.prisma, shop, { limit: 4 });
      expect(first.events.map((e) => e.action)).toEqual(["sync.4", "sync.3", "sync.2", "sync.1"]);
      const second = await listAudit(db.prisma, shop, { limit: 4, cursor: first.nextCursor ?? "" });
      expect(second.events.map((e) => e.action)).toEqual(["sync.0", "shop.created"]);
      expect(second.nextCursor).toBeNull();
      expect((await listAudit(db.prisma, "other.myshopify.com")).events).toEqual([]);
      const lines: string[] = [];
      for await (const line of exportAudit(db.prisma, shop)) lines.push(line);
      expect(lines.map((l) => (JSON.parse(l) as { action: string }).action)).toEqual([
        "shop.created",
        "sync.0",
        "sync.1",
        "sync.2",
        "sync.3",
        "sync.4",
      ]);
    });

    it("outgoing webhooks: SSRF-checked, signed, retried, dead-lettered, redelivered, and disabled when they keep failing", async () => {
      const shop = "hooks.myshopify.com";
      await expect(
        registerEndpoint(
          db.prisma,
          box,
          { shop, url: "http://127.0.0.1:9/x", events: ["audit.finished"] },
          { allowPrivate: false },
        ),
      ).rejects.toBeInstanceOf(WebhookEndpointError);
      await expect(
        registerEndpoint(
          db.prisma,
          box,
          { shop, url: "https://hooks.example.com", events: ["nope"] },
          { allowPrivate: true },
        ),
      ).rejects.toMatchObject({ field: "events" });

      let secret = "";
      const merchant = receiver(() => secret);
      const url = await merchant.start();
      try {
        const registered = await registerEndpoint(
          db.prisma,
          box,
          { shop, url, events: ["audit.finished", "import.created"] },
          { allowPrivate: true },
        );
        secret = registered.secret;
        expect(registered.endpoint.secret).not.toContain(secret);

        let clock = Date.now();
        const policy: DeliveryPolicy = {
          ...DEFAULT_DELIVERY_POLICY,
          url: { allowPrivate: true },
          now: () => new Date(clock),
          disableAfterFailures: 6,
        };

        expect(
          await emitEvent(db.prisma, {
            shop,
            event: "audit.finished",
            data: { score: 91 },
            now: new Date(clock),
          }),
        ).toBe(1);
        expect(await emitEvent(db.prisma, { shop, event: "sync.completed", data: {} })).toBe(0);
        // Two workers at once: each delivery is sent exactly once.
        const [a, b] = await Promise.all([
          deliverDue(db.prisma, box, policy),
          deliverDue(db.prisma, box, policy),
        ]);
        expect(a.delivered + b.delivered).toBe(1);
        expect(merchant.received).toHaveLength(1);
        expect(merchant.received[0]).toMatchObject({
          event: "audit.finished",
          body: { event: "audit.finished", shop, data: { score: 91 } },
        });

        merchant.setFailure(500);
        await emitEvent(db.prisma, {
          shop,
          event: "import.created",
          data: { productId: "1" },
          now: new Date(clock),
        });
        const failed = await deliverDue(db.prisma, box, policy);
        expect(failed).toMatchObject({ attempted: 1, failed: 1, dead: 0 });
        const retrying = await db.prisma.webhookDelivery.findFirstOrThrow({
          where: { shop, event: "import.created" },
        });
        expect(retrying.status).toBe("retrying");
        expect(retrying.nextAttemptAt.getTime()).toBeGreaterThan(clock);
        expect(await deliverDue(db.prisma, box, policy)).toMatchObject({ attempted: 0 }); // not due yet

        clock += 25 * 60 * 60 * 1000; // past the 24 h retry window
        expect(await deliverDue(db.prisma, box, policy)).toMatchObject({ attempted: 1, dead: 1 });
        expect(
          (await db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: retrying.id } })).status,
        ).toBe("dead");

        merchant.setFailure(0);
        expect(await redeliver(db.prisma, "other.myshopify.com", retrying.id, new Date(clock))).toBe(false);
        expect(await redeliver(db.prisma, shop, retrying.id, new Date(clock))).toBe(true);
        expect(await deliverDue(db.prisma, box, policy)).toMatchObject({ delivered: 1 });
        expect(merchant.received.map((r) => r.event)).toEqual(["audit.finished", "import.created"]);

        merchant.setFailure(503);
        for (let i = 0; i < 6; i++) {
          await emitEvent(db.prisma, { shop, event: "audit.finished", data: { i }, now: new Date(clock) });
          clock += 2 * 60 * 60 * 1000;
          await deliverDue(db.prisma, box, policy);
        }
        const endpoint = await db.prisma.webhookEndpoint.findUniqueOrThrow({
          where: { id: registered.endpoint.id },
        });
        expect(endpoint.enabled).toBe(false);
        expect(endpoint.disabledReason).toMatch(/consecutive failed deliveries/);
        expect(await emitEvent(db.prisma, { shop, event: "audit.finished", data: {} })).toBe(0);
      } finally {
        await merchant.stop();
      }
    });
  });
}

trustSuite("PGlite", () =>
  Promise.resolve({
    db: openDatabase({ kind: "pglite", dataDir: "memory" }),
    cleanup: () => Promise.resolve(),
  }),
);
trustSuite("PostgreSQL", async () => {
  const t = await createTestDatabase();
  return { db: openDatabase({ kind: "postgres", url: t.url }), cleanup: () => t.drop() };
});
