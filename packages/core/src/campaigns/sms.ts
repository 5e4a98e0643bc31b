/**
 * SMS segment counting as carriers do it (3GPP TS 23.038 / 23.040): text that fits the GSM 03.38
 * 7-bit alphabet is sent as GSM-7 (160 septets in one SMS, 153 per part when concatenated, the
 * other 7 carry the UDH); extension characters (^ { } \ [ ~ ] | € and form feed) take two septets
 * (escape + char) and are never split across parts. Anything else forces UCS-2: 70 UTF-16 units,
 * 67 per part, and a surrogate pair (emoji) is never split either.
 */

const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENSION = "\f^{}\\[~]|€";
const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** Capacity of each segment for this message: 160/153 or 70/67. */
  perSegment: number;
  /** Units still free in the last segment. */
  remaining: number;
  /** Characters that forced UCS-2, so an editor can point at them (first 10). */
  nonGsmCharacters: string[];
}

/**
 * Counts the SMS segments a text needs.
 *
 * @example
 * smsSegments("Hello!").segments            // 1 (GSM-7)
 * smsSegments("€".repeat(81)).segments      // 2: each € takes 2 septets
 * smsSegments("Olá 👋").encoding            // "UCS-2"
 */
export function smsSegments(text: string): SmsCount {
  const characters = [...text];
  const nonGsm = characters.filter((c) => !BASIC.has(c) && !EXTENSION.has(c));
  if (nonGsm.length === 0) {
    const sizes = characters.map((c) => (EXTENSION.has(c) ? 2 : 1));
    return pack(sizes, "GSM-7", 160, 153, []);
  }
  return pack(
    characters.map((c) => c.length),
    "UCS-2",
    70,
    67,
    [...new Set(nonGsm)].slice(0, 10),
  );
}

function pack(
  sizes: number[],
  encoding: SmsEncoding,
  single: number,
  part: number,
  nonGsm: string[],
): SmsCount {
  const units = sizes.reduce((a, b) => a + b, 0);
  if (units <= single)
    return {
      encoding,
      units,
      segments: units === 0 ? 0 : 1,
      perSegment: single,
      remaining: single - units,
      nonGsmCharacters: nonGsm,
    };
  // Multipart: fill parts greedily; a 2-unit character that does not fit starts the next part.
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > part) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { encoding, units, segments, perSegment: part, remaining: part - used, nonGsmCharacters: nonGsm };
}
