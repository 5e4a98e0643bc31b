import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for secrets at rest (Shopify access and refresh tokens). A ciphertext names the key
 * that sealed it, so keys can rotate: the ring decrypts with any key it holds and always encrypts
 * with the active one.
 *
 * Format: `nl1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts; keyId = first 8 bytes of the
 * key's SHA-256, in hex, so the id reveals nothing usable about the key).
 */
export interface TokenCipher {
  readonly activeKeyId: string;
  encrypt(plaintext: string): string;
  decrypt(sealed: string): string;
  /** True when `value` is a ciphertext of this format (whatever key sealed it). */
  isSealed(value: string): boolean;
  /** The key id a ciphertext was sealed with, or null when `value` is not a ciphertext. */
  keyIdOf(value: string): string | null;
}

export class TokenCipherError extends Error {
  override readonly name = "TokenCipherError";
}

const PREFIX = "nl1";
const SEALED = /^nl1\.([0-9a-f]{16})\.([\w-]+)\.([\w-]+)\.([\w-]*)$/;

/** The public id of a 32-byte key. */
export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

/**
 * A cipher that encrypts with `active` and also decrypts what `previous` keys sealed.
 *
 * @example
 * const cipher = createTokenCipher(Buffer.alloc(32, 1));
 * cipher.decrypt(cipher.encrypt("shpat_x")); // → "shpat_x"
 */
export function createTokenCipher(active: Buffer, previous: readonly Buffer[] = []): TokenCipher {
  for (const key of [active, ...previous]) {
    if (key.length !== 32) throw new TokenCipherError("encryption keys must be 32 bytes");
  }
  const ring = new Map<string, Buffer>();
  for (const key of [active, ...previous]) ring.set(keyId(key), key);
  const activeKeyId = keyId(active);

  return {
    activeKeyId,
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", active, iv);
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        PREFIX,
        activeKeyId,
        iv.toString("base64url"),
        tag.toString("base64url"),
        body.toString("base64url"),
      ].join(".");
    },
    decrypt(sealed) {
      const match = SEALED.exec(sealed);
      if (!match) throw new TokenCipherError("value is not an encrypted token");
      const [, kid = "", iv = "", tag = "", body = ""] = match;
      const key = ring.get(kid);
      if (!key) throw new TokenCipherError(`no key with id ${kid} (rotated out?)`);
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      try {
        return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
          "utf8",
        );
      } catch (cause) {
        throw new TokenCipherError("encrypted token failed authentication (tampered or wrong key)", {
          cause,
        });
      }
    },
    isSealed: (value) => SEALED.test(value),
    keyIdOf: (value) => SEALED.exec(value)?.[1] ?? null,
  };
}
