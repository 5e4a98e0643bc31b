import { countTokens as countO200k } from "gpt-tokenizer/encoding/o200k_base";

/**
 * Tokens in `text` under o200k_base, the encoding of the GPT-4o/4.1/5 family; we use it for
 * Grok too, as a close estimate for budgeting.
 *
 * @example
 * countTokens("Hello world") // 2
 */
export function countTokens(text: string): number {
  return countO200k(text);
}

// Chat messages carry a few tokens of framing each, plus the reply priming (OpenAI's cookbook).
const PER_MESSAGE = 3;
const REPLY_PRIMING = 3;

/**
 * Prompt tokens of a chat request, as the provider counts them for `usage.prompt_tokens`.
 *
 * @example
 * countChatTokens([{ content: "You write SEO copy." }, { content: "Linen shirt" }]) // 17
 */
export function countChatTokens(messages: ReadonlyArray<{ content: string }>): number {
  return messages.reduce((sum, m) => sum + PER_MESSAGE + countTokens(m.content), REPLY_PRIMING);
}
