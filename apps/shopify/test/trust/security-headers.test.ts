import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app-server.js";

describe("security headers on served documents", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.stop());

  it("sends a strict CSP whose nonce is on every inline script, plus nosniff and a referrer policy", async () => {
    const res = await fetch(`${app.url}/?locale=fr`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toMatch(/frame-ancestors /);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? "");
    expect(scripts.length).toBeGreaterThan(0);
    for (const attrs of scripts.filter((a) => !/\bsrc=/.test(a))) {
      expect(attrs).toContain(`nonce="${nonce}"`);
    }
    expect(html).toContain('lang="fr"');
  });

  it("remembers ?locale in a cookie so the next page keeps the language", async () => {
    const first = await fetch(`${app.url}/?locale=ja`);
    const cookie = first.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^nl_locale=ja;/);
    const next = await fetch(`${app.url}/`, { headers: { cookie: cookie.split(";")[0] ?? "" } });
    expect(await next.text()).toContain('lang="ja"');
  });

  it("changes the nonce on every response", async () => {
    const a = (await fetch(`${app.url}/`)).headers.get("content-security-policy");
    const b = (await fetch(`${app.url}/`)).headers.get("content-security-policy");
    expect(a).not.toBe(b);
  });

  it("sends nosniff on JSON responses too", async () => {
    const res = await fetch(`${app.url}/health/live`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
