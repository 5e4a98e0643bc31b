import { Badge } from "@shopify/polaris";
import type { Language } from "@ninjalead/core/i18n";
import { t } from "~/i18n/t.js";

type Rating = "good" | "ok" | "bad";
const TONE = { good: "success", ok: "attention", bad: "critical" } as const;
const KEY = { good: "score.good", ok: "score.ok", bad: "score.bad" } as const;

/** A score's traffic light (Polaris Badge), or "not scored yet" when the product has no score. */
export function ScoreBadge({ lang, rating }: { lang: Language; rating: Rating | null }) {
  if (rating === null) return <Badge>{t(lang, "score.none")}</Badge>;
  return <Badge tone={TONE[rating]}>{t(lang, KEY[rating])}</Badge>;
}
