/**
 * `npm run security:reencrypt`: after a key rotation (new key in ENCRYPTION_KEY, old key(s) in
 * ENCRYPTION_PREVIOUS_KEYS), re-seals everything at rest with the active key: Shopify sessions,
 * customer and lead personal data (with their lookup hashes), webhook signing secrets. Batched and
 * resumable: run it again after an interruption and it continues with what is still stale.
 */
import { config } from "./app/config.server.ts";
import { createPersonalDataCipher } from "./app/security/personal-data.server.ts";
import { reencryptAtRest } from "./app/security/reencrypt.server.ts";
import { EncryptedSessionStorage } from "./app/security/session-storage.server.ts";
import { createTokenCipher } from "./app/security/token-cipher.server.ts";
import { services } from "./app/services.server.ts";

const svc = await services();
try {
  const cfg = config();
  const sessions = await new EncryptedSessionStorage(
    svc.db.prisma,
    createTokenCipher(cfg.encryptionKey, cfg.encryptionPreviousKeys),
  ).reencryptAll();
  const report = await reencryptAtRest(
    svc.db.prisma,
    createPersonalDataCipher(cfg.encryptionKey, cfg.encryptionPreviousKeys),
    { onBatch: (r) => void process.stderr.write(`${JSON.stringify(r)}\n`) },
  );
  console.log(JSON.stringify({ sessions, ...report }));
  const unreadable =
    sessions.unreadable +
    report.customers.unreadable +
    report.leads.unreadable +
    report.webhookSecrets.unreadable;
  process.exitCode = unreadable > 0 ? 1 : 0;
} finally {
  await svc.close();
}
