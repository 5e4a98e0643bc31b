import { randomBytes } from "node:crypto";
import { Session } from "@shopify/shopify-app-remix/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EncryptedSessionStorage } from "../app/security/session-storage.server.js";
import { createTokenCipher, keyId, TokenCipherError } from "../app/security/token-cipher.server.js";
import { openTestDatabase, type DatabaseKind, type TestDatabase } from "./helpers/database.js";

const ACCESS = `shpat_${randomBytes(16).toString("hex")}`;
const REFRESH = `shprt_${randomBytes(16).toString("hex")}`;

function offlineSession(shop: string): Session {
  return new Session({
    id: `offline_${shop}`,
    shop,
    state: "state",
    isOnline: false,
    scope: "read_products",
    accessToken: ACCESS,
    refreshToken: REFRESH,
    expires: new Date(Date.now() + 3_600_000),
    refreshTokenExpires: new Date(Date.now() + 86_400_000),
  });
}

describe("token cipher", () => {
  it("round-trips, names its key, and rejects tampering", () => {
    const key = randomBytes(32);
    const cipher = createTokenCipher(key);
    const sealed = cipher.encrypt(ACCESS);
    expect(sealed).not.toContain(ACCESS);
    expect(cipher.keyIdOf(sealed)).toBe(keyId(key));
    expect(cipher.decrypt(sealed)).toBe(ACCESS);
    expect(cipher.encrypt(ACCESS)).not.toBe(sealed); // fresh IV each time
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(() => cipher.decrypt(tampered)).toThrow(TokenCipherError);
    expect(() => createTokenCipher(randomBytes(32)).decrypt(sealed)).toThrow(/no key with id/);
  });
});

describe.each<DatabaseKind>(["postgres", "pglite"])("encrypted session storage on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it("stores tokens sealed: a raw dump of the Session table holds no plaintext token", async () => {
    const key = randomBytes(32);
    const storage = new EncryptedSessionStorage(t.db.prisma, createTokenCipher(key));
    await storage.storeSession(offlineSession("dump.myshopify.com"));

    const dump = JSON.stringify(await t.db.sql.query(`SELECT * FROM "Session"`));
    expect(dump).toContain("dump.myshopify.com");
    expect(dump).not.toContain(ACCESS);
    expect(dump).not.toContain(REFRESH);
    expect(dump).toContain(`nl1.${keyId(key)}.`);

    const loaded = await storage.loadSession("offline_dump.myshopify.com");
    expect(loaded?.accessToken).toBe(ACCESS);
    expect(loaded?.refreshToken).toBe(REFRESH);
    const byShop = await storage.findSessionsByShop("dump.myshopify.com");
    expect(byShop.map((s) => s.accessToken)).toEqual([ACCESS]);
  });

  it("seals an online session's staff name and email like the tokens", async () => {
    const storage = new EncryptedSessionStorage(t.db.prisma, createTokenCipher(randomBytes(32)));
    const session = new Session({
      id: "online_staff.myshopify.com_42",
      shop: "staff.myshopify.com",
      state: "state",
      isOnline: true,
      accessToken: ACCESS,
      onlineAccessInfo: {
        expires_in: 3600,
        associated_user_scope: "read_products",
        associated_user: {
          id: 42,
          first_name: "Margarethe",
          last_name: "Staffington",
          email: "margarethe.staff@example.com",
          email_verified: true,
          account_owner: true,
          locale: "de",
          collaborator: false,
        },
      },
    });
    await storage.storeSession(session);
    const dump = JSON.stringify(
      await t.db.sql.query(`SELECT * FROM "Session" WHERE shop = 'staff.myshopify.com'`),
    );
    for (const plain of ["Margarethe", "Staffington", "margarethe.staff@example.com"])
      expect(dump).not.toContain(plain);
    const loaded = await storage.loadSession(session.id);
    expect(loaded?.onlineAccessInfo?.associated_user).toMatchObject({
      first_name: "Margarethe",
      last_name: "Staffington",
      email: "margarethe.staff@example.com",
    });
    await storage.deleteSession(session.id); // sealed with a throwaway key: not for the rotation test
  });

  it("rotates: the old key still opens, reencryptAll re-seals with the new key", async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    await new EncryptedSessionStorage(t.db.prisma, createTokenCipher(oldKey)).storeSession(
      offlineSession("rotate.myshopify.com"),
    );
    const rotated = new EncryptedSessionStorage(t.db.prisma, createTokenCipher(newKey, [oldKey]));
    expect((await rotated.loadSession("offline_rotate.myshopify.com"))?.accessToken).toBe(ACCESS);
    // The first test's session was sealed with a key this ring never held: unreadable, left alone.
    expect(await rotated.reencryptAll()).toEqual({ reencrypted: 1, unreadable: 1 });
    const rows = await t.db.sql.query<{ accessToken: string; refreshToken: string }>(
      `SELECT "accessToken", "refreshToken" FROM "Session" WHERE shop = $1`,
      ["rotate.myshopify.com"],
    );
    expect(rows[0]?.accessToken.startsWith(`nl1.${keyId(newKey)}.`)).toBe(true);
    expect(rows[0]?.refreshToken.startsWith(`nl1.${keyId(newKey)}.`)).toBe(true);
    // With the old key retired, the session still opens.
    const newOnly = new EncryptedSessionStorage(t.db.prisma, createTokenCipher(newKey));
    expect((await newOnly.loadSession("offline_rotate.myshopify.com"))?.refreshToken).toBe(REFRESH);
  });
});
