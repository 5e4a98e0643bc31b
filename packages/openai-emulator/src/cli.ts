/**
 * Runs the emulator alone: `npm run start -w @ninjalead/openai-emulator -- --port 4010 --flavor xai --rpm 600 --tpm 150000`
 * then point OPENAI_BASE_URL (or XAI_BASE_URL) at the printed URL.
 */
import { parseArgs } from "node:util";
import { startOpenAIEmulator } from "./server.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    flavor: { type: "string", default: "openai" },
    rpm: { type: "string" },
    tpm: { type: "string" },
    "latency-ms": { type: "string" },
    "api-key": { type: "string" },
  },
});
const flavor = values.flavor === "xai" ? "xai" : "openai";
const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));
const rpm = num(values.rpm);
const tpm = num(values.tpm);
const latencyMs = num(values["latency-ms"]);
const server = await startOpenAIEmulator({
  port: Number(values.port),
  host: values.host,
  flavor,
  ...(rpm || tpm ? { rateLimits: { ...(rpm ? { rpm } : {}), ...(tpm ? { tpm } : {}) } } : {}),
  ...(latencyMs ? { latencyMs } : {}),
  ...(values["api-key"] ? { apiKey: values["api-key"] } : {}),
});
process.stdout.write(`${flavor} emulator listening on ${server.baseURL}\n`);
const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
