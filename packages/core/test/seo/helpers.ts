import { startOpenAIEmulator, type Emulator } from "@ninjalead/openai-emulator";
import { afterAll, beforeAll } from "vitest";
import { createAI, type AIEngine } from "../../src/ai/index.js";
import { ValidationError } from "../../src/errors/index.js";

export function isValidationErrorLike(error: unknown): error is ValidationError {
  return error instanceof ValidationError && error.code === "validation_failed";
}

/**
 * A local OpenAI server for the calling suite (started before its tests, closed after), reached
 * through the official client by a fresh engine per test; `chatCalls` counts the chat requests it
 * answered, so a test can tell that the model, not only the offline path, was asked.
 */
export function useLocalOpenAI(): { ai: () => AIEngine; chatCalls: () => number } {
  let server: Emulator;
  beforeAll(async () => {
    server = await startOpenAIEmulator({ apiKey: "sk-test" });
  });
  afterAll(async () => {
    await server.close();
  });
  return {
    ai: () =>
      createAI({
        openai: { apiKey: "sk-test", baseURL: server.baseURL },
        retry: { baseDelayMs: 5, maxDelayMs: 20 },
      }),
    chatCalls: () => server.stats().byPath["POST /v1/chat/completions"] ?? 0,
  };
}
