import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { findCatalogGaps, LANGUAGES } from "@ninjalead/core/i18n";
import { describe, expect, it } from "vitest";
import { catalog } from "../../app/i18n/t.js";
import { findHardCodedStrings } from "./hard-coded-strings.js";

const appDir = fileURLToPath(new URL("../../app", import.meta.url));
const keys = new Set(Object.keys(catalog.en));

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith(".tsx") ? [path] : [];
  });
}

const uiFiles = [...tsxFiles(join(appDir, "routes")), ...tsxFiles(join(appDir, "components"))];

describe("UI strings go through t() in ten languages", () => {
  it("scans the route and component files", () => {
    expect(uiFiles.some((f) => f.endsWith("app.products._index.tsx"))).toBe(true);
    expect(uiFiles.length).toBeGreaterThan(5);
  });

  it("has no hard-coded user-facing string and no unknown key in routes/components", () => {
    const findings = uiFiles.flatMap((file) =>
      findHardCodedStrings(relative(appDir, file), readFileSync(file, "utf8"), keys),
    );
    expect(findings.map((f) => `${f.file}:${f.line} ${f.kind} ${f.text}`)).toEqual([]);
  });

  it("has every key in every language, with the same placeholders", () => {
    expect(findCatalogGaps(catalog)).toEqual([]);
    for (const language of LANGUAGES) expect(Object.keys(catalog[language]).length).toBe(keys.size);
  });

  it("catches what it is meant to catch (and lets URLs, ids and t() through)", () => {
    const source = `
      export function X({ lang }: { lang: "en" }) {
        const actions = [{ content: "Delete all", url: "/app/x" }, { content: t(lang, "products.title") }];
        return (
          <Page title="Products" backAction={{ url: "/app" }}>
            <Card>Hello merchant</Card>
            <TextField label={busy ? "Saving" : t(lang, "product.seoTitle")} placeholder={\`Type \${n}\`} />
            <Link url="https://example.com/docs">{t(lang, "no.such.key")}</Link>
            <Badge tone="success">{score} / 100 – ✓</Badge>
            <img alt="" src="/a.png" />
          </Page>
        );
      }`;
    const found = findHardCodedStrings("fixture.tsx", source, keys).map((f) => `${f.kind} ${f.text}`);
    expect(found).toEqual([
      'prop content: "Delete all"',
      'prop title="Products"',
      "jsx-text Hello merchant",
      'prop label="Saving"',
      'prop placeholder="Type "',
      "unknown-key no.such.key",
    ]);
  });
});
