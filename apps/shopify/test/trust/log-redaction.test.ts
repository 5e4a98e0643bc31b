import { describe, expect, it } from "vitest";
import { createLogger } from "~/logger.server.js";

describe("logs never carry secrets or personal data", () => {
  it("redacts tokens, secrets, keys, emails and addresses at any depth", () => {
    const lines: string[] = [];
    const logger = createLogger("debug", (line) => lines.push(line));
    logger.info("session stored", {
      shop: "a.myshopify.com",
      accessToken: "shpat_live_secret",
      nested: { refreshToken: "shprt_x", apiKey: "nl_abc_def", list: [{ password: "hunter2" }] },
      customer: { email: "jane@example.com", address1: "1 Main St", phone: "+33 6 00 00 00 00", id: 42 },
      headers: { authorization: "Bearer nl_abc_def", "x-shopify-hmac-sha256": "abc=" },
    });
    const text = lines.join("\n");
    for (const secret of [
      "shpat_live_secret",
      "shprt_x",
      "nl_abc_def",
      "hunter2",
      "jane@example.com",
      "1 Main St",
      "+33 6",
      "abc=",
    ]) {
      expect(text).not.toContain(secret);
    }
    const entry = JSON.parse(lines[0] ?? "{}") as {
      shop: string;
      customer: { id: number };
      msg: string;
      level: string;
    };
    expect(entry).toMatchObject({
      shop: "a.myshopify.com",
      customer: { id: 42 },
      msg: "session stored",
      level: "info",
    });
  });

  it("drops lines below the configured level", () => {
    const lines: string[] = [];
    const logger = createLogger("warn", (line) => lines.push(line));
    logger.info("chatty");
    logger.warn("important");
    expect(lines).toHaveLength(1);
  });
});
