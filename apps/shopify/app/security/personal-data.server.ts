import { createHmac } from "node:crypto";
import { config } from "../config.server.js";
import { createTokenCipher, type TokenCipher } from "./token-cipher.server.js";

/**
 * Personal data at rest (customer emails and first names, lead emails): sealed with the same key
 * ring as the Shopify tokens (ENCRYPTION_KEY, ENCRYPTION_PREVIOUS_KEYS), and looked up by a keyed
 * hash so no query needs the plaintext. Rotation: the ring opens what any of its keys sealed, a
 * lookup tries the hash under every key, and the re-encrypt job moves rows to the active key.
 */
export interface PersonalDataCipher {
  readonly activeKeyId: string;
  seal(value: string | null | undefined): string | null;
  /** Opens a sealed value; a value written before encryption (plaintext) is returned as is. */
  open(value: string | null | undefined): string | null;
  /** The lookup hash of an email under the active key (lower-cased, trimmed first). */
  emailHash(email: string): string;
  /** The hashes under every key of the ring, active first: what a lookup during a rotation matches. */
  emailHashes(email: string): string[];
  /** True when the value needs no re-encryption (null, or sealed with the active key). */
  isCurrent(value: string | null | undefined): boolean;
}

/** The HMAC key of email lookups, derived from an encryption key (the same derivation as leads). */
export function emailHashKey(encryptionKey: Buffer): Buffer {
  return createHmac("sha256", encryptionKey).update("ninjalead/leads/v1").digest();
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * @example
 * const pd = createPersonalDataCipher(Buffer.alloc(32, 1));
 * pd.open(pd.seal("ada@example.com")); // → "ada@example.com"
 */
export function createPersonalDataCipher(
  active: Buffer,
  previous: readonly Buffer[] = [],
): PersonalDataCipher {
  const cipher: TokenCipher = createTokenCipher(active, previous);
  const hashKeys = [active, ...previous].map(emailHashKey);
  const hash = (key: Buffer, email: string) =>
    createHmac("sha256", key).update(normaliseEmail(email)).digest("hex");
  return {
    activeKeyId: cipher.activeKeyId,
    seal: (value) => (value === null || value === undefined ? null : cipher.encrypt(value)),
    open: (value) => {
      if (value === null || value === undefined) return null;
      return cipher.isSealed(value) ? cipher.decrypt(value) : value;
    },
    emailHash: (email) => hash(hashKeys[0] ?? emailHashKey(active), email),
    emailHashes: (email) => [...new Set(hashKeys.map((k) => hash(k, email)))],
    isCurrent: (value) =>
      value === null || value === undefined || cipher.keyIdOf(value) === cipher.activeKeyId,
  };
}

const registry = globalThis as { __ninjaleadPersonalData?: { key: Buffer; cipher: PersonalDataCipher } };

/** The process's cipher, from the app's configuration (rebuilt if the configured key changes). */
export function personalData(): PersonalDataCipher {
  const cfg = config();
  const held = registry.__ninjaleadPersonalData;
  if (held && held.key.equals(cfg.encryptionKey)) return held.cipher;
  const cipher = createPersonalDataCipher(cfg.encryptionKey, cfg.encryptionPreviousKeys);
  registry.__ninjaleadPersonalData = { key: cfg.encryptionKey, cipher };
  return cipher;
}

/** A Customer mirror row with its personal fields sealed and its email lookup hash set. */
export function sealCustomerRow<R extends { email?: unknown; firstName?: unknown }>(
  row: R,
  pd: PersonalDataCipher = personalData(),
): R & { emailHash: string | null } {
  const email = typeof row.email === "string" && row.email !== "" ? row.email : null;
  const firstName = typeof row.firstName === "string" ? row.firstName : null;
  return {
    ...row,
    email: pd.seal(email),
    emailHash: email ? pd.emailHash(email) : null,
    firstName: pd.seal(firstName),
  };
}
