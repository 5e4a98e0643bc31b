import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTokenCipher } from "~/security/token-cipher.server.js";
import { DEFAULT_DELIVERY_POLICY, deliverDue, registerEndpoint } from "~/trust/outgoing-webhooks.server.js";
import { verifyWebhookSignature } from "~/trust/webhook-signature.server.js";
import { startHarness, type Harness } from "../helpers/harness.js";

describe("a completed sync reaches the merchant's endpoint as a signed sync.completed webhook", () => {
  let h: Harness;
  let receiver: Server;
  const received: { body: string; signature: string }[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({ body, signature: String(req.headers["ninjalead-signature"]) });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    h = await startHarness({
      db: "pglite",
      emulator: { generate: { seed: 9, products: 3, customers: 3, orders: 3 } },
    });
  });
  afterAll(async () => {
    await h.close();
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  it("emits one event per synced resource, delivered and verifiable with the endpoint's secret", async () => {
    const cipher = createTokenCipher(h.ctx.config.encryptionKey);
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const { secret } = await registerEndpoint(
      h.ctx.db.prisma,
      cipher,
      { shop: h.emulator.shop, url, events: ["sync.completed"] },
      { allowPrivate: true },
    );
    await h.install();
    await h.settle();
    const run = await deliverDue(h.ctx.db.prisma, cipher, {
      ...DEFAULT_DELIVERY_POLICY,
      url: { allowPrivate: true },
    });
    expect(run.delivered).toBe(3);
    const resources = received
      .map((r) => (JSON.parse(r.body) as { data: { resource: string } }).data.resource)
      .sort();
    expect(resources).toEqual(["customers", "orders", "products"]);
    for (const r of received) expect(verifyWebhookSignature(secret, r.body, r.signature).ok).toBe(true);
  });
});
