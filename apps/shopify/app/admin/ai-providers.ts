// The AI providers a shop can bring its own key for: shared by the Settings page and its server side.
export const AI_PROVIDERS = ["openai", "xai"] as const;
export type AiProvider = (typeof AI_PROVIDERS)[number];
