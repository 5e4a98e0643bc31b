import type { PrismaClient } from "@prisma/client";
import type { Channel, ChannelContent } from "@ninjalead/core/campaigns";

const text = (form: FormData, name: string): string => {
  const v = form.get(name);
  return typeof v === "string" ? v.trim() : "";
};
const all = (form: FormData, name: string): string[] =>
  form.getAll(name).flatMap((v) => (typeof v === "string" ? [v] : []));
/** A number field: absent stays absent; anything typed goes to the schema (NaN is refused there). */
const numberOrNull = (raw: string): number | null => (raw === "" ? null : Number(raw));

/**
 * The new-campaign form as `createCampaigns` input. An offer is sent only when a code or a
 * discount was typed, so the schema can say which of the two is missing.
 */
export function campaignFormInput(form: FormData): Record<string, unknown> {
  const code = text(form, "offerCode");
  const percent = text(form, "offerPercent");
  const hours = numberOrNull(text(form, "offerHours"));
  const season = text(form, "offerSeason");
  return {
    name: text(form, "name"),
    personaId: text(form, "personaId") || null,
    productIds: all(form, "productIds"),
    channels: all(form, "channels"),
    languages: all(form, "languages"),
    template: text(form, "template") || null,
    offer:
      code || percent
        ? {
            code,
            discountPercent: Number(percent === "" ? Number.NaN : percent),
            hours,
            season: season || null,
          }
        : null,
    startsAt: text(form, "startsAt") || null,
    endsAt: text(form, "endsAt") || null,
  };
}

/** The copy-edit form of a channel as core channel content (lists: one per line; hashtags: by spaces). */
export function contentFromForm(channel: Channel, form: FormData): ChannelContent {
  const lines = (name: string) =>
    text(form, name)
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
  const raw = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.replace(/\r\n/g, "\n") : "";
  };
  switch (channel) {
    case "email": {
      const count = Math.min(Math.max(Number(text(form, "sections")) || 0, 0), 5);
      return {
        channel,
        subject: text(form, "subject"),
        preheader: text(form, "preheader"),
        sections: Array.from({ length: count }, (_, i) => ({
          heading: text(form, `heading${i}`) || null,
          body: raw(`body${i}`).trim(),
        })),
        cta: { label: text(form, "ctaLabel"), url: text(form, "ctaUrl") },
      };
    }
    case "sms":
      return { channel, text: raw("text").trim() };
    case "instagram":
      return {
        channel,
        caption: raw("caption").trim(),
        hashtags: text(form, "hashtags").split(/\s+/).filter(Boolean),
      };
    case "facebook":
      return { channel, text: raw("text").trim() };
    case "meta_ad":
      return {
        channel,
        primaryText: text(form, "primaryText"),
        headline: text(form, "headline"),
        description: text(form, "description"),
      };
    case "google_rsa":
      return {
        channel,
        headlines: lines("headlines"),
        descriptions: lines("descriptions"),
        path1: text(form, "path1") || null,
        path2: text(form, "path2") || null,
      };
  }
}

/** The A/B results form: `sentA`, `conversionsA`, and B's when shown. */
export function resultsFromForm(form: FormData): Record<string, unknown> {
  const variant = (id: "A" | "B") => ({
    sent: Number(text(form, `sent${id}`) || Number.NaN),
    conversions: Number(text(form, `conversions${id}`) || Number.NaN),
  });
  return { A: variant("A"), ...(form.has("sentB") ? { B: variant("B") } : {}) };
}

/** Products of the mirror for the picker: title search (case-insensitive), at most 25, by title. */
export async function searchMirrorProducts(
  prisma: PrismaClient,
  shop: string,
  query: string,
): Promise<{ id: string; title: string }[]> {
  const q = query.trim().slice(0, 100);
  const rows = await prisma.product.findMany({
    where: { shop, ...(q ? { title: { contains: q, mode: "insensitive" } } : {}) },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: 25,
    select: { id: true, title: true },
  });
  return rows.map((r) => ({ id: r.id.toString(), title: r.title }));
}
