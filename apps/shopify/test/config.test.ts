import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, publicConfig } from "~/config.server.js";

describe("environment validation", () => {
  it("runs the demo on defaults: PGlite, memory cache, offline AI", () => {
    const config = loadConfig({ NINJALEAD_DEMO: "1" });
    expect(config.demo).toBe(true);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.autoMigrate).toBe(true);
    expect(config.ai.openaiApiKey).toBeUndefined();
  });

  it("reports every invalid variable in one error", () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: "not-a-port",
        DATABASE_URL: "mysql://x",
        REDIS_URL: "http://x",
        SHOPIFY_APP_URL: "nope",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const variables = (error as ConfigError).issues.map((i) => i.variable).sort();
    expect(variables).toEqual(["DATABASE_URL", "PORT", "REDIS_URL", "SHOPIFY_APP_URL"]);
    expect((error as ConfigError).message).toMatch(/4 problems/);
  });

  it("requires the Shopify keys, an encryption key and a database in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrowError(
      /SHOPIFY_API_KEY[\s\S]*SHOPIFY_API_SECRET[\s\S]*ENCRYPTION_KEY[\s\S]*DATABASE_URL/,
    );
    const ok = loadConfig({
      NODE_ENV: "production",
      SHOPIFY_API_KEY: "key",
      SHOPIFY_API_SECRET: "secret",
      ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
      DATABASE_URL: "postgresql://u@h/db",
    });
    expect(ok.autoMigrate).toBe(false);
    expect(ok.encryptionKey).toHaveLength(32);
  });

  it("rejects an encryption key of the wrong length", () => {
    expect(() => loadConfig({ ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") })).toThrowError(
      /ENCRYPTION_KEY: must be 32 bytes/,
    );
  });

  it("lets only the allow-listed settings reach the browser", () => {
    const config = loadConfig({
      SHOPIFY_API_KEY: "public-key",
      SHOPIFY_API_SECRET: "very-secret",
      OPENAI_API_KEY: "sk-x",
    });
    const exposed = JSON.stringify(publicConfig(config));
    expect(Object.keys(publicConfig(config)).sort()).toEqual(["apiKey", "appUrl", "demo"]);
    expect(exposed).not.toContain("very-secret");
    expect(exposed).not.toContain("sk-x");
  });
});
