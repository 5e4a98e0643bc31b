import { createHmac } from "node:crypto";
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../scripts/test-services.js";
import { startApp, type RunningApp } from "../support/app-server.js";

const SECRET = "proxy-test-secret";
const SHOP = "lead-shop.myshopify.com";

/** Signs app proxy query parameters exactly as Shopify does (sorted `k=v` pairs, no separator, hex HMAC). */
function signedQuery(params: Record<string, string>, secret = SECRET): string {
  const message = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("");
  const signature = createHmac("sha256", secret).update(message).digest("hex");
  return new URLSearchParams({ ...params, signature }).toString();
}

function proxyParams(overrides: Record<string, string> = {}) {
  return {
    shop: SHOP,
    path_prefix: "/apps/ninjalead",
    timestamp: String(Math.floor(Date.now() / 1000)),
    logged_in_customer_id: "",
    ...overrides,
  };
}

describe("app proxy: storefront lead capture", () => {
  let app: RunningApp;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let sql: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp({
      DATABASE_URL: db.url,
      SHOPIFY_API_SECRET: SECRET,
      SHOPIFY_API_KEY: "proxy-test-key",
    });
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await app.stop();
    await db.drop();
  });

  const post = (query: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/proxy/lead?${query}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        ...headers,
      },
      body: new URLSearchParams(form).toString(),
    });

  it("stores a consented lead once, with the email encrypted and the consent wording recorded", async () => {
    const first = await post(
      signedQuery(proxyParams()),
      { email: "Jane@Example.com", consent: "on", campaign: "summer-sale", locale: "fr" },
      { "x-forwarded-for": "203.0.113.1" },
    );
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({
      ok: true,
      consent: true,
      message: "Merci ! Vous êtes inscrit·e.",
    });
    const again = await post(
      signedQuery(proxyParams()),
      { email: "jane@example.com" },
      { "x-forwarded-for": "203.0.113.2" },
    );
    expect(again.status).toBe(200);
    const rows = await sql.query<{
      shop: string;
      email: string;
      consent: boolean;
      consentText: string;
      campaign: string;
    }>(`SELECT * FROM "Lead"`);
    expect(rows.rows).toHaveLength(1);
    const [lead] = rows.rows;
    expect(lead?.shop).toBe(SHOP);
    expect(lead?.email).not.toContain("jane");
    expect(lead?.consent).toBe(true); // a later form without the box does not withdraw consent
    expect(lead?.consentText).toMatch(/e-mails marketing/);
    expect(lead?.campaign).toBe("summer-sale");
  });

  it("refuses forged and stale signatures with 401, storing nothing", async () => {
    const before = (await sql.query(`SELECT count(*)::int AS n FROM "Lead"`)).rows[0] as { n: number };
    const forged = await post(signedQuery(proxyParams(), "not-the-secret"), {
      email: "x@example.com",
      consent: "on",
    });
    expect(forged.status).toBe(401);
    const tampered = signedQuery(proxyParams()).replace(
      `shop=${encodeURIComponent(SHOP)}`,
      "shop=other.myshopify.com",
    );
    expect((await post(tampered, { email: "y@example.com" })).status).toBe(401);
    const stale = await post(
      signedQuery(proxyParams({ timestamp: String(Math.floor(Date.now() / 1000) - 3600) })),
      { email: "z@example.com" },
    );
    expect(stale.status).toBe(401);
    const after = (await sql.query(`SELECT count(*)::int AS n FROM "Lead"`)).rows[0] as { n: number };
    expect(after.n).toBe(before.n);
  });

  it("validates the email (422 naming the field) and silently drops honeypot submissions", async () => {
    const bad = await post(
      signedQuery(proxyParams()),
      { email: "not-an-email", locale: "de" },
      { "x-forwarded-for": "203.0.113.9" },
    );
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { message: string; issues: { path: string }[] };
    expect(body.message).toBe("Bitte gib eine gültige E-Mail-Adresse ein.");
    expect(body.issues[0]?.path).toBe("email");
    const bot = await post(
      signedQuery(proxyParams()),
      { email: "bot@example.com", website: "http://spam.example" },
      { "x-forwarded-for": "203.0.113.9" },
    );
    expect(bot.status).toBe(200);
    expect(
      (await sql.query(`SELECT count(*)::int AS n FROM "Lead" WHERE "emailHash" IS NOT NULL`)).rows[0],
    ).toEqual({ n: 1 });
  });

  it("rate-limits one client IP (429 with Retry-After) without blocking others", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await post(
        signedQuery(proxyParams()),
        { email: `flood${i}@example.com` },
        { "x-forwarded-for": "198.51.100.7" },
      );
      statuses.push(res.status);
      if (res.status === 429) expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    }
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const other = await post(
      signedQuery(proxyParams()),
      { email: "someone.else@example.com" },
      { "x-forwarded-for": "198.51.100.8" },
    );
    expect(other.status).toBe(201);
  });

  it("answers a plain form post with a themed, translated Liquid message", async () => {
    const res = await post(
      signedQuery(proxyParams()),
      { email: "liquid@example.com", locale: "ja" },
      { accept: "text/html", "x-forwarded-for": "203.0.113.50" },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toContain("application/liquid");
    expect(await res.text()).toContain("ありがとうございます");
  });

  it("answers 1,000 malformed signed form posts with a 4xx or 2xx, never a 5xx", async () => {
    const before = ((await sql.query(`SELECT count(*)::int AS n FROM "Lead"`)).rows[0] as { n: number }).n;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom("email", "consent", "campaign", "locale", "website", "__proto__", "x"),
          fc.oneof(
            fc.string({ maxLength: 300 }),
            fc.constantFrom("a@b", "@", "x@y.z", "on", "true", "../../etc", "<script>", "ja", "zz-ZZ"),
          ),
          { maxKeys: 5 },
        ),
        async (form) => {
          n += 1;
          // A shop per request, so the per-IP and per-shop limits do not turn everything into 429s.
          const res = await post(signedQuery(proxyParams({ shop: `fuzz-${n}.myshopify.com` })), form, {
            "x-forwarded-for": `198.18.${n % 250}.${n % 200}`,
          });
          expect(res.status, JSON.stringify(form)).toBeLessThan(500);
          await res.arrayBuffer();
        },
      ),
      { numRuns: 1_000, seed: 7 },
    );
    const stored =
      ((await sql.query(`SELECT count(*)::int AS n FROM "Lead"`)).rows[0] as { n: number }).n - before;
    const valid = (
      (await sql.query(`SELECT count(*)::int AS n FROM "Lead" WHERE shop LIKE 'fuzz-%'`)).rows[0] as {
        n: number;
      }
    ).n;
    expect(stored).toBe(valid); // only fuzz shops gained rows, one per accepted valid email
  });
});
