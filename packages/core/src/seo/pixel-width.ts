// Advance widths of Arial (units per 1000 em): Google renders result titles in Arial 20 px and
// truncates near 600 px. Characters not listed fall back to their base letter or a default.
const WIDTHS: Readonly<Record<string, number>> = {
  " ": 278,
  a: 556,
  b: 556,
  c: 500,
  d: 556,
  e: 556,
  f: 278,
  g: 556,
  h: 556,
  i: 222,
  j: 222,
  k: 500,
  l: 222,
  m: 833,
  n: 556,
  o: 556,
  p: 556,
  q: 556,
  r: 333,
  s: 500,
  t: 278,
  u: 556,
  v: 500,
  w: 722,
  x: 500,
  y: 500,
  z: 500,
  A: 667,
  B: 667,
  C: 722,
  D: 722,
  E: 667,
  F: 611,
  G: 778,
  H: 722,
  I: 278,
  J: 500,
  K: 667,
  L: 556,
  M: 833,
  N: 722,
  O: 778,
  P: 667,
  Q: 778,
  R: 722,
  S: 667,
  T: 611,
  U: 722,
  V: 667,
  W: 944,
  X: 667,
  Y: 667,
  Z: 611,
  ".": 278,
  ",": 278,
  ":": 278,
  ";": 278,
  "!": 278,
  "?": 556,
  "-": 333,
  "–": 556,
  "—": 1000,
  "|": 260,
  "(": 333,
  ")": 333,
  "[": 278,
  "]": 278,
  "&": 667,
  "'": 191,
  "’": 222,
  '"': 355,
  "/": 278,
  "%": 889,
  "+": 584,
  "€": 556,
  $: 556,
  "£": 556,
  "#": 556,
  "@": 1015,
  "*": 389,
  _: 556,
  "·": 278,
  "•": 350,
  "®": 737,
  "™": 1000,
  "©": 737,
};
const DIGIT = 556;
const WIDE = 1000;
const DEFAULT = 556;
const FONT_PX = 20;

function charWidth(ch: string): number {
  const known = WIDTHS[ch];
  if (known !== undefined) return known;
  if (ch >= "0" && ch <= "9") return DIGIT;
  const cp = ch.codePointAt(0) ?? 0;
  // CJK, kana, Hangul, full-width forms and emoji render about one em wide.
  if (
    cp >= 0x1100 &&
    (cp <= 0x115f ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      cp >= 0x1f000)
  ) {
    return WIDE;
  }
  const base = ch.normalize("NFD")[0] ?? ch;
  return WIDTHS[base] ?? DEFAULT;
}

/**
 * Estimated rendered width of a search-result title in pixels (Arial 20 px).
 *
 * @example
 * titleWidthPx("Linen shirt – Acme") // ≈ 170
 */
export function titleWidthPx(text: string): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch);
  return Math.round((units * FONT_PX) / 1000);
}

/** Google truncates titles wider than this. */
export const MAX_TITLE_PX = 600;
