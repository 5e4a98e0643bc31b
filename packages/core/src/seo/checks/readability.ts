import type { Analysis } from "../analysis.js";
import { result, type CheckResult } from "./result.js";

// Below this there is too little text for shares and averages to mean anything.
const MIN_WORDS = 50;
const MIN_CJK_CHARS = 100;

export function readabilityChecks(a: Analysis): CheckResult[] {
  const out: CheckResult[] = [];
  const cjk = a.profile.cjk;
  if (a.wordCount === 0)
    return [result("textPresence", "readability", "bad", "textPresence.none", {}, { score: 1 })];
  const enough = cjk ? a.chars >= MIN_CJK_CHARS : a.wordCount >= MIN_WORDS;

  if (a.readingEase) {
    const { score, formula, raw } = a.readingEase;
    const params = { score: Math.round(score), formula, raw };
    if (score >= 60) out.push(result("readingEase", "readability", "good", "readingEase.good", params));
    else if (score >= 50) out.push(result("readingEase", "readability", "ok", "readingEase.ok", params));
    else out.push(result("readingEase", "readability", "bad", "readingEase.hard", params));
  }

  const sentences = a.sentences.filter((s) => s.wordCount > 0);
  if (enough && sentences.length > 0) {
    const max = a.profile.maxSentenceLength;
    const long = sentences.filter((s) => s.length > max).length;
    const percent = Math.round((long / sentences.length) * 1000) / 10;
    const params = { percent, max };
    const key = cjk ? "sentenceLength.chars" : "sentenceLength.words";
    if (percent <= 20)
      out.push(result("sentenceLength", "readability", "good", "sentenceLength.good", params));
    else if (percent <= 25) out.push(result("sentenceLength", "readability", "ok", key, params));
    else out.push(result("sentenceLength", "readability", "bad", key, params));
  }

  const paragraphs = a.blocks.filter((b) => b.kind !== "heading");
  if (paragraphs.length > 0) {
    const [ok, max] = cjk ? [140, 200] : [70, 100];
    const size = (b: (typeof paragraphs)[number]): number => (cjk ? b.chars : b.wordCount);
    const longest = Math.max(...paragraphs.map(size));
    const tooLong = paragraphs.filter((b) => size(b) > ok).length;
    const unit = cjk ? "chars" : "words";
    if (longest > max)
      out.push(
        result("paragraphLength", "readability", "bad", `paragraphLength.long.${unit}`, {
          count: tooLong,
          longest,
          max: ok,
        }),
      );
    else if (longest > ok)
      out.push(
        result("paragraphLength", "readability", "ok", `paragraphLength.long.${unit}`, {
          count: tooLong,
          longest,
          max: ok,
        }),
      );
    else out.push(result("paragraphLength", "readability", "good", "paragraphLength.good"));
  }

  // Text between subheadings: Yoast's limits (300 words ok, 350 bad); ja/zh in characters, doubled.
  const limit = cjk ? 600 : 300;
  let section = 0;
  let longestSection = 0;
  for (const b of a.blocks) {
    if (b.kind === "heading" && b.level >= 2) section = 0;
    else section += cjk ? b.chars : b.wordCount;
    longestSection = Math.max(longestSection, section);
  }
  const total = cjk ? a.chars : a.wordCount;
  const hasSubheadings = a.blocks.some((b) => b.kind === "heading" && b.level >= 2);
  if (total > limit && !hasSubheadings)
    out.push(
      result("subheadingDistribution", "readability", "bad", "subheadingDistribution.none", { count: total }),
    );
  else if (longestSection > limit * (350 / 300))
    out.push(
      result("subheadingDistribution", "readability", "bad", "subheadingDistribution.long", {
        count: longestSection,
      }),
    );
  else if (longestSection > limit)
    out.push(
      result("subheadingDistribution", "readability", "ok", "subheadingDistribution.long", {
        count: longestSection,
      }),
    );
  else out.push(result("subheadingDistribution", "readability", "good", "subheadingDistribution.good"));

  if (enough && sentences.length > 0) {
    const passive = sentences.filter((s) => s.passive).length;
    const percent = Math.round((passive / sentences.length) * 1000) / 10;
    if (percent <= 10)
      out.push(result("passiveVoice", "readability", "good", "passiveVoice.good", { percent }));
    else if (percent <= 15)
      out.push(result("passiveVoice", "readability", "ok", "passiveVoice.tooMuch", { percent }));
    else out.push(result("passiveVoice", "readability", "bad", "passiveVoice.tooMuch", { percent }));

    const transitions = sentences.filter((s) => s.transition).length;
    const tPercent = Math.round((transitions / sentences.length) * 1000) / 10;
    if (tPercent >= 30)
      out.push(
        result("transitionWords", "readability", "good", "transitionWords.good", { percent: tPercent }),
      );
    else if (tPercent >= 20)
      out.push(result("transitionWords", "readability", "ok", "transitionWords.few", { percent: tPercent }));
    else
      out.push(result("transitionWords", "readability", "bad", "transitionWords.few", { percent: tPercent }));
  }

  // Three or more sentences in a row starting with the same word(s) read as monotonous.
  let run = 1;
  let worst = 1;
  let worstWord = "";
  for (let i = 1; i < a.sentences.length; i++) {
    const cur = a.sentences[i]?.start ?? "";
    if (cur !== "" && cur === a.sentences[i - 1]?.start) {
      run++;
      if (run > worst) [worst, worstWord] = [run, cur];
    } else run = 1;
  }
  if (worst >= 3)
    out.push(
      result("consecutiveSentences", "readability", "bad", "consecutiveSentences.repeated", {
        count: worst,
        word: worstWord,
      }),
    );
  else if (a.sentences.length >= 3)
    out.push(result("consecutiveSentences", "readability", "good", "consecutiveSentences.good"));
  return out;
}
