import { fileURLToPath } from "node:url";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { Session } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../scripts/test-services.js";
import { openDatabase, type Database } from "~/db/client.server.js";
import {
  applyMigrations,
  defaultPrismaPaths,
  diffMigrationsToSchema,
  isEmptyDiff,
} from "~/db/migrations.server.js";

const paths = defaultPrismaPaths(fileURLToPath(new URL("../../..", import.meta.url)));

describe("migrations match schema.prisma (drift test)", () => {
  it("diffing the replayed migrations against schema.prisma gives an empty script", async () => {
    const sql = await diffMigrationsToSchema(paths);
    expect(isEmptyDiff(sql), `schema.prisma has changes without a migration:\n${sql}`).toBe(true);
  });
});

/** The same suite against every database we support. */
function databaseSuite(name: string, open: () => Promise<{ db: Database; cleanup: () => Promise<void> }>) {
  describe(`database: ${name}`, () => {
    let db: Database;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ db, cleanup } = await open());
    });
    afterAll(async () => {
      await db.close();
      await cleanup();
    });

    it("applies every migration once, and nothing on a second run", async () => {
      const first = await applyMigrations(paths, db.adapterFactory);
      expect(first.length).toBeGreaterThan(0);
      expect(await applyMigrations(paths, db.adapterFactory)).toEqual([]);
      const recorded = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`,
      );
      expect(recorded.map((r) => r.migration_name)).toEqual(first);
    });

    it("stores shops with their locales and settings", async () => {
      const shop = await db.prisma.shop.create({
        data: {
          domain: "db-suite.myshopify.com",
          primaryLocale: "fr",
          enabledLocales: ["fr", "en"],
          settings: { a: 1 },
        },
      });
      expect(shop.installedAt).toBeInstanceOf(Date);
      const read = await db.prisma.shop.findUniqueOrThrow({ where: { domain: "db-suite.myshopify.com" } });
      expect(read.enabledLocales).toEqual(["fr", "en"]);
      expect(read.settings).toEqual({ a: 1 });
      await expect(db.prisma.shop.create({ data: { domain: "db-suite.myshopify.com" } })).rejects.toThrow();
    });

    it("round-trips a Shopify session through PrismaSessionStorage, refresh token included", async () => {
      const storage = new PrismaSessionStorage(db.prisma);
      await storage.isReady();
      const session = new Session({
        id: "offline_db-suite.myshopify.com",
        shop: "db-suite.myshopify.com",
        state: "state",
        isOnline: false,
        scope: "read_products",
        accessToken: "shpat_test",
        expires: new Date(Date.now() + 3_600_000),
        refreshToken: "shprt_test",
        refreshTokenExpires: new Date(Date.now() + 86_400_000),
      });
      expect(await storage.storeSession(session)).toBe(true);
      const loaded = await storage.loadSession(session.id);
      expect(loaded?.accessToken).toBe("shpat_test");
      expect(loaded?.refreshToken).toBe("shprt_test");
      expect(await storage.findSessionsByShop("db-suite.myshopify.com")).toHaveLength(1);
      expect(await storage.deleteSession(session.id)).toBe(true);
      expect(await storage.loadSession(session.id)).toBeUndefined();
    });
  });
}

databaseSuite("PostgreSQL (a fresh database for this run)", async () => {
  const testDb = await createTestDatabase();
  return { db: openDatabase({ kind: "postgres", url: testDb.url }), cleanup: () => testDb.drop() };
});

databaseSuite("PGlite (embedded, in memory)", () =>
  Promise.resolve({
    db: openDatabase({ kind: "pglite", dataDir: "memory" }),
    cleanup: () => Promise.resolve(),
  }),
);
