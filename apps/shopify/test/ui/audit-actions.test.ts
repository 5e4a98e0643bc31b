import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { LANGUAGES } from "@ninjalead/core/i18n";
import { describe, expect, it } from "vitest";
import { auditActionLabel } from "../../app/i18n/audit-actions.js";

const appDir = fileURLToPath(new URL("../../app", import.meta.url));
const EXCLUDED = new Set(["types", "i18n"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const top = relative(appDir, path).split(sep)[0] ?? "";
      return EXCLUDED.has(top) ? [] : sourceFiles(path);
    }
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const CODE = String.raw`"(\w+\.\w+)"`;
// `action: "x.y"`, `action: cond ? "x.y" : "x.z"` or `action: SOME_CONSTANT`.
const ACTION_PROP = new RegExp(
  String.raw`\baction:\s*(?:[\w.]+\s*\?\s*${CODE}\s*:\s*${CODE}|${CODE}|([A-Z][A-Z0-9_]*)\b)`,
  "g",
);
// The action argument of the helpers: change(deps, "x.y", …), transition(…, "x.y"), audit(tx, shop, by, "x.y", …);
// the arguments before it are identifiers, strings or array literals.
const SIMPLE_ARG = String.raw`(?:[\w.]+|"[^"\n]*"|\[[^\]]*\])`;
const HELPER_CALL = new RegExp(
  String.raw`\b(?:change|transition|audit)\(\s*(?:${SIMPLE_ARG}\s*,\s*)*?${CODE}`,
  "g",
);

/** Audit action codes the app source records, with where each one was found. */
function recordedActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(appDir)) {
    const source = readFileSync(file, "utf8");
    const constant = (name: string) =>
      new RegExp(String.raw`\bconst\s+${name}\s*=\s*${CODE}`).exec(source)?.[1];
    const add = (code: string | undefined) => {
      if (code && !found.has(code)) found.set(code, relative(appDir, file));
    };
    for (const m of source.matchAll(ACTION_PROP)) {
      add(m[1]);
      add(m[2]);
      add(m[3]);
      if (m[4]) add(constant(m[4]));
    }
    for (const m of source.matchAll(HELPER_CALL)) add(m[1]);
  }
  return found;
}

describe("audit action labels", () => {
  const actions = recordedActions();

  it("finds the actions recorded through every audit helper", () => {
    expect(actions.size).toBeGreaterThanOrEqual(38);
    for (const code of [
      "product.seo_updated", // action: "…"
      "product.imported", // action: cond ? "…" : "…"
      "product.reimported",
      "settings.ai_key_set", // change(deps, "…")
      "product.fix_applied", // transition(…, "…")
      "storefront.jsonld_published", // audit(tx, shop, by, "…") over several lines
      "storefront.campaign_unpublished", // audit(…) on one line
      "webhook_delivery.redelivered",
    ])
      expect([...actions.keys()]).toContain(code);
  });

  it("labels every recorded action in all ten languages", () => {
    const missing = [...actions].flatMap(([code, file]) =>
      LANGUAGES.filter((language) => auditActionLabel(language, code) === code).map(
        (language) => `${code} (${file}) has no ${language} label`,
      ),
    );
    expect(missing).toEqual([]);
  });

  it("translates a known action and returns an unknown one unchanged", () => {
    expect(auditActionLabel("fr", "product.fix_applied")).toBe("Correction de l'IA appliquée à un produit");
    expect(auditActionLabel("en", "product.fix_applied")).not.toBe(
      auditActionLabel("fr", "product.fix_applied"),
    );
    expect(auditActionLabel("ja", "no.such_action")).toBe("no.such_action");
    expect(auditActionLabel("de", "")).toBe("");
    expect(auditActionLabel("pl", "activity.action.product.fix_applied")).toBe(
      "activity.action.product.fix_applied",
    );
  });
});
