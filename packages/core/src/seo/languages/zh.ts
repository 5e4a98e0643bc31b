import { clamp, round1, words, type LanguageProfile } from "./types.js";

export const zh: LanguageProfile = {
  language: "zh-CN",
  cjk: true,
  functionWords: words(
    "的 了 和 是 在 有 与 及 或 也 都 就 这 那 个 把 被 从 对 为 以 等 之 其 而 并 很 我们 您 你",
  ),
  articles: words("这 那 这款 本"),
  transitionWords: new Set([
    "但是",
    "然而",
    "因此",
    "所以",
    "因为",
    "而且",
    "此外",
    "另外",
    "例如",
    "比如",
    "首先",
    "其次",
    "然后",
    "最后",
    "总之",
    "同时",
    "尤其",
    "特别是",
    "不过",
    "虽然",
    "即使",
    "于是",
    "换句话说",
    "总而言之",
    "不仅",
    "并且",
    "由于",
  ]),
  stem: (w) => w,
  syllables: () => 1,
  // 被 marks the passive; 受到/由…所 less often. Lexical, documented in docs/decisions/seo-readability.md.
  isPassive: (_ws, sentence) => sentence.includes("被") || sentence.includes("受到"),
  // Mean sentence length in characters, the strongest surface predictor of Chinese readability
  // (Yang 1971; Sung et al. 2015). Linear map: 25 chars → 60 (good), 30 → 50 (ok), 40 → 30.
  readingEase(s) {
    const asl = s.chars / Math.max(1, s.sentences);
    return {
      formula: "sentence-length-chars",
      raw: round1(asl),
      score: round1(clamp(110 - 2 * asl, 0, 100)),
    };
  },
  maxSentenceLength: 35,
};
