import OpenAI from "openai";
import { AIError, toAIError } from "./errors.js";
import type { ResponseFormat } from "./structured.js";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ChatReply {
  content: string | null;
  inputTokens: number;
  outputTokens: number;
  headers: Record<string, string>;
}

export interface ImageReply {
  bytes: Uint8Array;
  contentType: string;
  headers: Record<string, string>;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
  timeoutMs: number;
}

/** One OpenAI-compatible endpoint (OpenAI itself, or xAI's Grok), spoken through the official client. */
export interface RemoteProvider {
  readonly name: "openai" | "xai";
  readonly model: string;
  readonly imageModel: string;
  chat(
    request: { messages: ChatMessage[]; responseFormat: ResponseFormat; maxOutputTokens: number },
    options: CallOptions,
  ): Promise<ChatReply>;
  image(
    request: { prompt: string; size: "1024x1024" | "512x512" },
    options: CallOptions,
  ): Promise<ImageReply>;
}

function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key.toLowerCase()] = value;
  });
  return out;
}

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
};

/**
 * Builds a provider on the official `openai` client. The client's own retries are off
 * (`maxRetries: 0`): the engine retries in one place, across providers, with its breaker and
 * rate limiter seeing every attempt.
 */
export function createRemoteProvider(config: {
  name: "openai" | "xai";
  apiKey: string;
  baseURL: string;
  model: string;
  imageModel: string;
}): RemoteProvider {
  const client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL, maxRetries: 0 });
  const requestOptions = (options: CallOptions) => ({
    maxRetries: 0,
    timeout: options.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return {
    name: config.name,
    model: config.model,
    imageModel: config.imageModel,
    async chat(request, options) {
      try {
        const { data, response } = await client.chat.completions
          .create(
            {
              model: config.model,
              messages: request.messages,
              response_format: request.responseFormat,
              max_completion_tokens: request.maxOutputTokens,
            },
            requestOptions(options),
          )
          .withResponse();
        const choice = data.choices[0];
        if (choice?.message.refusal) {
          throw new AIError("invalid_output", `${config.name} refused: ${choice.message.refusal}`, {
            provider: config.name,
            retryable: false,
          });
        }
        return {
          content: choice?.message.content ?? null,
          inputTokens: data.usage?.prompt_tokens ?? 0,
          outputTokens: data.usage?.completion_tokens ?? 0,
          headers: headerRecord(response.headers),
        };
      } catch (error) {
        throw toAIError(error, config.name);
      }
    },
    async image(request, options) {
      // gpt-image models always answer base64 and reject `response_format`; others need it.
      // Only dall-e-2 draws 512×512; the others start at 1024×1024. xAI takes no size at all.
      const gptImage = config.imageModel.startsWith("gpt-image");
      const size = config.imageModel === "dall-e-2" ? request.size : "1024x1024";
      try {
        const { data, response } = await client.images
          .generate(
            {
              model: config.imageModel,
              prompt: request.prompt,
              n: 1,
              ...(config.name === "xai" ? {} : { size }),
              ...(gptImage ? {} : { response_format: "b64_json" as const }),
            },
            requestOptions(options),
          )
          .withResponse();
        const b64 = data.data?.[0]?.b64_json;
        if (!b64) {
          throw new AIError("provider_unavailable", `${config.name} returned no image bytes`, {
            provider: config.name,
            retryable: true,
          });
        }
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        return {
          bytes,
          contentType: IMAGE_TYPES[data.output_format ?? "png"] ?? "image/png",
          headers: headerRecord(response.headers),
        };
      } catch (error) {
        throw toAIError(error, config.name);
      }
    },
  };
}
