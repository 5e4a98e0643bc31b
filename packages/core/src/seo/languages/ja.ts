import { clamp, round1, words, type LanguageProfile, type TextStats } from "./types.js";

type CharClass = "hiragana" | "katakana" | "kanji" | "alpha" | "other";
function classOf(ch: string): CharClass {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x3041 && c <= 0x309f) return "hiragana";
  if ((c >= 0x30a0 && c <= 0x30ff) || (c >= 0xff66 && c <= 0xff9f)) return "katakana";
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3005) return "kanji";
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff21 && c <= 0xff5a)) return "alpha";
  return "other";
}

/**
 * Tateisi, Ono & Yamada (1988), "A computer readability formula of Japanese texts for machine
 * scoring" (COLING '88): purely character-based, so it needs no morphological analyser.
 * RS = −0.12·ls − 1.37·la + 7.4·lh − 23.18·lc − 5.4·lk − 4.67·cp + 115.79, where ls is the mean
 * sentence length in characters, la/lh/lc/lk the mean run lengths of Latin letters, hiragana,
 * kanji and katakana, and cp the ratio of commas (、) to full stops (。). 50 is average prose.
 */
export function tateisi(stats: TextStats): { rs: number } {
  const runs: Record<CharClass, { runs: number; chars: number }> = {
    hiragana: { runs: 0, chars: 0 },
    katakana: { runs: 0, chars: 0 },
    kanji: { runs: 0, chars: 0 },
    alpha: { runs: 0, chars: 0 },
    other: { runs: 0, chars: 0 },
  };
  let prev: CharClass = "other";
  let touten = 0;
  let kuten = 0;
  for (const ch of stats.text) {
    if (ch === "、" || ch === "，") touten++;
    else if (ch === "。") kuten++;
    const cls = classOf(ch);
    const r = runs[cls];
    r.chars++;
    if (cls !== prev) r.runs++;
    prev = cls;
  }
  const mean = (c: CharClass): number => (runs[c].runs === 0 ? 0 : runs[c].chars / runs[c].runs);
  const ls = stats.chars / Math.max(1, stats.sentences);
  const cp = touten / Math.max(1, kuten, stats.sentences);
  const rs =
    -0.12 * ls -
    1.37 * mean("alpha") +
    7.4 * mean("hiragana") -
    23.18 * mean("kanji") -
    5.4 * mean("katakana") -
    4.67 * cp +
    115.79;
  return { rs };
}

export const ja: LanguageProfile = {
  language: "ja",
  cjk: true,
  functionWords: words(`
    の に は を が と で も から まで より へ や か な です ます する ある いる こと もの この その あの
    これ それ あれ など ね よ だ た て`),
  articles: words("この その あの"),
  transitionWords: new Set([
    "しかし",
    "また",
    "さらに",
    "そのため",
    "だから",
    "したがって",
    "ですから",
    "つまり",
    "例えば",
    "たとえば",
    "まず",
    "次に",
    "最後に",
    "一方",
    "ただし",
    "なお",
    "そして",
    "それから",
    "特に",
    "そこで",
    "ところが",
    "けれども",
    "なぜなら",
    "要するに",
    "結果として",
    "それでも",
    "加えて",
  ]),
  stem: (w) => w,
  syllables: () => 1,
  // Passive/respectful -(r)are-: 作られ(る), 使用され(る). Also matches potential forms; documented.
  isPassive: (_ws, sentence) => sentence.includes("され") || sentence.includes("られ"),
  readingEase(s) {
    const { rs } = tateisi(s);
    // RS is centred on 50 (sd 10) for average prose; shifted so that average prose scores 60,
    // the same "good" border as the Flesch family.
    return { formula: "tateisi", raw: round1(rs), score: round1(clamp(rs + 10, 0, 100)) };
  },
  maxSentenceLength: 40,
};
