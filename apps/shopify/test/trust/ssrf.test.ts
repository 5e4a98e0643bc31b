import { describe, expect, it } from "vitest";
import { checkOutboundUrl, isPublicAddress } from "~/trust/ssrf.server.js";

describe("outbound URL policy (SSRF)", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.20.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "fd00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "224.0.0.1",
  ])("%s is not public", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("%s is public", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  const resolve = (map: Record<string, string[]>) => (host: string) => Promise.resolve(map[host] ?? []);

  it("refuses http, credentials, private literals and hosts that resolve inside", async () => {
    const policy = {
      allowPrivate: false,
      resolve: resolve({
        "hooks.example.com": ["93.184.216.34"],
        "evil.example.com": ["93.184.216.34", "10.0.0.5"],
      }),
    };
    expect(await checkOutboundUrl("http://hooks.example.com/x", policy)).toMatchObject({
      ok: false,
      reason: "must use https",
    });
    expect(await checkOutboundUrl("https://u:p@hooks.example.com/", policy)).toMatchObject({ ok: false });
    expect(await checkOutboundUrl("https://127.0.0.1/", policy)).toMatchObject({ ok: false });
    expect(await checkOutboundUrl("https://[::1]/", policy)).toMatchObject({ ok: false });
    expect(await checkOutboundUrl("https://evil.example.com/", policy)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("10.0.0.5") as unknown,
    });
    expect(await checkOutboundUrl("https://nowhere.example.com/", policy)).toMatchObject({
      ok: false,
      reason: "host does not resolve",
    });
    expect(await checkOutboundUrl("not a url", policy)).toMatchObject({ ok: false });
    expect(await checkOutboundUrl("https://hooks.example.com/ninjalead", policy)).toMatchObject({ ok: true });
  });

  it("allows loopback http only when the policy says so (tests, local development)", async () => {
    expect(await checkOutboundUrl("http://127.0.0.1:8080/hook", { allowPrivate: true })).toMatchObject({
      ok: true,
    });
  });
});
