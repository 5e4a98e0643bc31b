import { describe, expect, it } from "vitest";
import { languageFromRequest, localeCookie } from "~/i18n/language.server.js";

describe("the admin language survives navigation (regression: ?locale=ja reset on the next page)", () => {
  it("takes ?locale first, then the cookie, then Accept-Language", () => {
    expect(
      languageFromRequest(
        new Request("http://a.test/app?locale=ja", { headers: { cookie: "nl_locale=fr" } }),
      ),
    ).toBe("ja");
    expect(
      languageFromRequest(
        new Request("http://a.test/app/products", {
          headers: { cookie: "x=1; nl_locale=pt-BR", "accept-language": "de" },
        }),
      ),
    ).toBe("pt-BR");
    expect(
      languageFromRequest(
        new Request("http://a.test/app", { headers: { "accept-language": "zh-Hans-CN,zh;q=0.9" } }),
      ),
    ).toBe("zh-CN");
    expect(languageFromRequest(new Request("http://a.test/app"))).toBe("en");
  });

  it("sets a partitioned, secure cookie inside the https admin iframe, and nothing when unchanged", () => {
    expect(localeCookie(new Request("https://app.example/app?locale=ja"))).toMatch(
      /^nl_locale=ja; Path=\/; Max-Age=\d+; HttpOnly; SameSite=None; Secure; Partitioned$/,
    );
    expect(localeCookie(new Request("http://localhost:3000/app?locale=fr-CA"))).toMatch(
      /^nl_locale=fr; .*SameSite=Lax$/,
    );
    expect(
      localeCookie(new Request("https://app.example/app?locale=ja", { headers: { cookie: "nl_locale=ja" } })),
    ).toBeUndefined();
    expect(localeCookie(new Request("https://app.example/app"))).toBeUndefined();
  });
});
