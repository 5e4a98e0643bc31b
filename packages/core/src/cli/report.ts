import type { Language } from "../i18n/index.js";
import type { CatalogReport, DuplicateGroup } from "../seo/catalog.js";
import { formatMessage } from "../seo/messages/index.js";

const pct = (n: number): string => `${Math.round(n * 100)}%`;

function groups(title: string, list: readonly DuplicateGroup[], max = 5): string[] {
  if (list.length === 0) return [];
  const lines = [`${title} (${list.length})`];
  for (const g of list.slice(0, max))
    lines.push(
      `  ${g.count}× "${g.value.slice(0, 70)}" — ${g.ids.slice(0, 5).join(", ")}${g.count > 5 ? ", …" : ""}`,
    );
  if (list.length > max) lines.push(`  …`);
  return lines;
}

/** A plain-text report for terminals and CI logs, labels in `language`. */
export function formatCatalogReport(report: CatalogReport, language: Language): string {
  const t = (
    key: Parameters<typeof formatMessage>[1],
    params: Record<string, string | number> = {},
  ): string => formatMessage(language, key, params);
  const lines: string[] = [];
  lines.push(`NinjaLead SEO — ${t("report.products", { count: report.products })}`);
  lines.push(
    `${t("report.average")}: ${t("report.seoScore")} ${report.averageSeoScore} · ${t("report.readabilityScore")} ${report.averageReadabilityScore}`,
  );
  const s = report.ratingShares.seo;
  const [good, ok, bad] = [t("report.good"), t("report.ok"), t("report.bad")];
  lines.push(`${t("report.seoScore")}: ${good} ${pct(s.good)} · ${ok} ${pct(s.ok)} · ${bad} ${pct(s.bad)}`);
  lines.push("");
  if (report.worst.length > 0) {
    lines.push(t("report.worst"));
    for (const w of report.worst.slice(0, 10)) {
      lines.push(
        `  ${String(w.seoScore).padStart(3)} ${String(w.readabilityScore).padStart(3)}  ${w.id}  ${w.title.slice(0, 50)}`,
      );
      if (w.failing.length > 0) lines.push(`           ✗ ${w.failing.join(", ")}`);
    }
    lines.push("");
  }
  lines.push(...groups(t("report.duplicateTitles"), report.duplicateSeoTitles));
  lines.push(...groups(t("report.duplicateMeta"), report.duplicateMetaDescriptions));
  if (report.nearDuplicateDescriptions.length > 0) {
    lines.push(`${t("report.nearDuplicates")} (${report.nearDuplicateDescriptions.length})`);
    for (const g of report.nearDuplicateDescriptions.slice(0, 5))
      lines.push(`  ${g.count}× ~${pct(g.similarity)} — ${g.ids.slice(0, 5).join(", ")}`);
  }
  lines.push(...groups(t("report.cannibalisation"), report.cannibalisation));
  const alt = report.missingAlt;
  lines.push(`${t("report.missingAlt")}: ${alt.withoutAlt}/${alt.images}`);
  lines.push("");
  lines.push(t("report.ratings"));
  const rows = Object.entries(report.checks).sort((a, b) => b[1].bad - a[1].bad);
  for (const [id, r] of rows)
    lines.push(
      `  ${id.padEnd(28)} ${good} ${String(r.good).padStart(6)}  ${ok} ${String(r.ok).padStart(6)}  ${bad} ${String(r.bad).padStart(6)}`,
    );
  if (report.invalid.length > 0) {
    lines.push("");
    for (const i of report.invalid.slice(0, 10)) lines.push(`  ! #${i.index}: ${i.issues.join("; ")}`);
  }
  if (report.belowMinScore && report.belowMinScore.count > 0) {
    lines.push("");
    lines.push(
      t("report.belowThreshold", { count: report.belowMinScore.count, min: report.belowMinScore.minScore }),
    );
  }
  return lines.join("\n");
}
