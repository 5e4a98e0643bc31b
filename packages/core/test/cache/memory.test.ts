import { describe, expect, it } from "vitest";
import { createMemoryCache } from "../../src/cache/index.js";
import { cacheContract } from "./contract.js";

cacheContract("memory", () => Promise.resolve(createMemoryCache()));

describe("memory cache bounds", () => {
  it("evicts the least recently used entry beyond maxEntries", async () => {
    const cache = createMemoryCache({ maxEntries: 3 });
    await cache.set("a", 1);
    await cache.set("b", 2);
    await cache.set("c", 3);
    await cache.get("a"); // a is now the most recent
    await cache.set("d", 4);
    expect(await cache.get("b")).toBeUndefined();
    expect(await cache.get("a")).toBe(1);
    expect(await cache.get("c")).toBe(3);
    expect(await cache.get("d")).toBe(4);
  });

  it("rejects an invalid bound", () => {
    expect(() => createMemoryCache({ maxEntries: 0 })).toThrowError(/maxEntries/);
  });
});
