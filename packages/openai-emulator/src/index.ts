export {
  startOpenAIEmulator,
  startOpenAIEmulator as start,
  DEFAULT_MODELS,
  type Emulator,
  type EmulatorOptions,
  type EmulatorStats,
  type Fault,
  type Flavor,
  type RequestLog,
} from "./server.js";
export { fillSchema, promptWords } from "./schema-fill.js";
export { gradientPng } from "./png.js";
