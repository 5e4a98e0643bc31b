// Sentry with a local HTTP endpoint as the DSN: the envelope that arrives holds the error but no
// token, email or address.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initSentry, reportError, Sentry } from "../app/observability/sentry.server.js";
import { scrubText } from "../app/observability/scrub.server.js";
import { memoryLogger } from "./helpers/logger.js";

const TOKEN = "shpat_0123456789abcdef0123456789abcdef";
const SEALED = "nl1.0123456789abcdef.aXY.dGFn.Ym9keQ";
const EMAIL = "jane.doe@example.com";
const STREET = "221B Baker Street";
const IP = "10.0.0.1";

let server: Server;
const envelopes: string[] = [];
let received: () => void = () => undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      envelopes.push(Buffer.concat(chunks).toString("utf8"));
      res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
      received();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  await Sentry.close(2_000);
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("Sentry", () => {
  it("scrubs tokens, emails, phones and session tokens from text", () => {
    expect(scrubText(`token ${TOKEN} for ${EMAIL}, call +33 6 12 34 56 78, Bearer abc.def`)).toBe(
      "token [token] for [email], call [phone], Bearer [token]",
    );
    expect(scrubText(`sealed ${SEALED}`)).toBe("sealed [token]");
  });

  it("sends an envelope to the DSN with the error and none of the personal data", async () => {
    const port = (server.address() as AddressInfo).port;
    const logger = memoryLogger();
    expect(initSentry({ dsn: `http://publickey@127.0.0.1:${port}/42`, environment: "test" }, logger)).toBe(
      true,
    );
    const arrived = new Promise<void>((resolve) => (received = resolve));
    Sentry.setUser({ id: "staff-1", email: EMAIL, ip_address: IP });
    reportError(new Error(`sync failed for ${EMAIL} using ${TOKEN}`), {
      accessToken: TOKEN,
      customer: { email: EMAIL, address1: STREET, city: "London", orders: 3 },
      note: `sealed=${SEALED}`,
    });
    await Sentry.flush(5_000);
    await arrived;

    const envelope = envelopes.join("\n");
    const [, itemHeader, payload] = envelope.split("\n");
    expect(JSON.parse(itemHeader ?? "{}")).toMatchObject({ type: "event" });
    const event = JSON.parse(payload ?? "{}") as {
      exception: { values: { value: string }[] };
      extra: Record<string, unknown>;
      user: unknown;
    };
    expect(event.exception.values[0]?.value).toBe("sync failed for [email] using [token]");
    expect(event.extra).toMatchObject({
      accessToken: "[redacted]",
      customer: { email: "[redacted]", address1: "[redacted]", city: "[redacted]", orders: 3 },
    });
    expect(event.user).toEqual({ id: "staff-1" });
    // Scrubbing is targeted: dates and ordinary names survive.
    expect(JSON.stringify(event)).toMatch(/"app_start_time":"\d{4}-\d\d-\d\dT/);
    for (const secret of [TOKEN, EMAIL, STREET, SEALED, IP]) expect(envelope).not.toContain(secret);
  });
});
