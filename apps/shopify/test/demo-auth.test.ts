// The demo's sign-in without Shopify exists only with the demo flag AND a loopback-bound server.
import { Session } from "@shopify/shopify-app-remix/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../app/config.server.js";
import { demoAuthEnabled, demoEntry, demoSession, isLoopbackHost } from "../app/demo/demo-auth.server.js";
import { EncryptedSessionStorage } from "../app/security/session-storage.server.js";
import { createTokenCipher } from "../app/security/token-cipher.server.js";
import { openTestDatabase, type TestDatabase } from "./helpers/database.js";

const cfg = (env: Record<string, string>) => loadConfig({ NODE_ENV: "development", ...env });

describe("demo sign-in", () => {
  it.each([
    [{ NINJALEAD_DEMO: "1", HOST: "127.0.0.1" }, true],
    [{ NINJALEAD_DEMO: "1", HOST: "localhost" }, true],
    [{ NINJALEAD_DEMO: "1", HOST: "::1" }, true],
    [{ NINJALEAD_DEMO: "1", HOST: "0.0.0.0" }, false],
    [{ NINJALEAD_DEMO: "1", HOST: "::" }, false],
    [{ NINJALEAD_DEMO: "1", HOST: "192.168.1.20" }, false],
    [{ NINJALEAD_DEMO: "0", HOST: "127.0.0.1" }, false],
    [{ HOST: "127.0.0.1" }, false],
  ])("%o → enabled: %s", (env, enabled) => {
    expect(demoAuthEnabled(cfg(env))).toBe(enabled);
    expect(demoEntry(cfg(env)).status).toBe(enabled ? 302 : 404);
  });

  it("a production config without the demo flag can never enable it", () => {
    const production = loadConfig({
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      SHOPIFY_API_KEY: "k",
      SHOPIFY_API_SECRET: "s",
      ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
      DATABASE_URL: "postgresql://localhost/x",
    });
    expect(demoAuthEnabled(production)).toBe(false);
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("10.0.0.1")).toBe(false);
  });

  describe("the demo session", () => {
    let t: TestDatabase;
    let storage: EncryptedSessionStorage;
    beforeAll(async () => {
      t = await openTestDatabase("pglite");
      storage = new EncryptedSessionStorage(t.db.prisma, createTokenCipher(Buffer.alloc(32, 9)));
      await storage.storeSession(
        new Session({
          id: "offline_demo.myshopify.com",
          shop: "demo.myshopify.com",
          state: "s",
          isOnline: false,
          accessToken: "shpat_demo",
        }),
      );
    });
    afterAll(async () => {
      await t.close();
    });

    it("is the installed shop's offline session when enabled", async () => {
      const session = await demoSession(
        cfg({ NINJALEAD_DEMO: "1", HOST: "127.0.0.1" }),
        t.db.prisma,
        storage,
      );
      expect(session?.shop).toBe("demo.myshopify.com");
      expect(session?.accessToken).toBe("shpat_demo");
    });

    it("is refused (throws) when the server is not on loopback, even with the demo flag", async () => {
      await expect(
        demoSession(cfg({ NINJALEAD_DEMO: "1", HOST: "0.0.0.0" }), t.db.prisma, storage),
      ).rejects.toThrow(/disabled/);
    });
  });
});
