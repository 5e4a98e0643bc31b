import type { PrismaClient } from "@prisma/client";
import { Session } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { TokenCipherError, type TokenCipher } from "./token-cipher.server.js";

/** What shopify-app-remix needs from a session storage (the interface PrismaSessionStorage implements). */
export interface AppSessionStorage {
  storeSession(session: Session): Promise<boolean>;
  loadSession(id: string): Promise<Session | undefined>;
  deleteSession(id: string): Promise<boolean>;
  deleteSessions(ids: string[]): Promise<boolean>;
  findSessionsByShop(shop: string): Promise<Session[]>;
}

/**
 * PrismaSessionStorage with the access and refresh tokens sealed by AES-256-GCM before they reach
 * the database, and opened on the way back. Everything else (query shapes, the Session table) is
 * Prisma's own, so the storage stays drop-in for shopify-app-remix.
 *
 * @example
 * const storage = new EncryptedSessionStorage(prisma, createTokenCipher(key));
 * await storage.storeSession(session); // the Session row holds "nl1.<keyId>.…", never the token
 */
export class EncryptedSessionStorage implements AppSessionStorage {
  private readonly inner: PrismaSessionStorage<PrismaClient>;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: TokenCipher,
  ) {
    // The table exists (migrations run before the app serves): fail fast instead of polling 5 s.
    this.inner = new PrismaSessionStorage(prisma, { connectionRetries: 1, connectionRetryIntervalMs: 0 });
    // The table check runs at construction; with the database down it rejects. That must not be
    // an unhandled rejection (it would end the process): `ready()` checks again on next use.
    // (`ready` is the library's private promise; handling it is the only way to observe it.)
    (this.inner as unknown as { ready: Promise<boolean> }).ready.catch(() => undefined);
  }

  private tableSeen = false;

  /** The database may have been unreachable at boot: look for the table again until it is seen. */
  private async ready(): Promise<void> {
    if (!this.tableSeen) this.tableSeen = await this.inner.isReady();
  }

  async storeSession(session: Session): Promise<boolean> {
    await this.ready();
    return this.inner.storeSession(this.seal(session));
  }

  async loadSession(id: string): Promise<Session | undefined> {
    await this.ready();
    const session = await this.inner.loadSession(id);
    return session && this.open(session);
  }

  async deleteSession(id: string): Promise<boolean> {
    await this.ready();
    return this.inner.deleteSession(id);
  }

  async deleteSessions(ids: string[]): Promise<boolean> {
    await this.ready();
    return this.inner.deleteSessions(ids);
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    await this.ready();
    return (await this.inner.findSessionsByShop(shop)).map((s) => this.open(s));
  }

  /**
   * Re-seals every token not sealed with the active key (after a key rotation: the new key first in
   * ENCRYPTION_KEY, the old one in ENCRYPTION_PREVIOUS_KEYS). Sessions sealed with a key no longer held
   * cannot be opened and are counted as `unreadable` (their shop must reinstall).
   */
  async reencryptAll(): Promise<{ reencrypted: number; unreadable: number }> {
    const rows = await this.prisma.session.findMany({
      select: { id: true, accessToken: true, refreshToken: true },
    });
    let reencrypted = 0;
    let unreadable = 0;
    for (const row of rows) {
      const stale = [row.accessToken, row.refreshToken].some(
        (v) => v && this.cipher.keyIdOf(v) !== this.cipher.activeKeyId,
      );
      if (!stale) continue;
      let session: Session | undefined;
      try {
        session = await this.loadSession(row.id);
      } catch (error) {
        if (!(error instanceof TokenCipherError)) throw error;
        unreadable++;
        continue;
      }
      if (session) {
        await this.storeSession(session);
        reencrypted++;
      }
    }
    return { reencrypted, unreadable };
  }

  private seal(session: Session): Session {
    const params = session.toObject();
    const seal = (v: string) => this.cipher.encrypt(v);
    return new Session({
      ...params,
      ...(params.accessToken ? { accessToken: seal(params.accessToken) } : {}),
      ...(params.refreshToken ? { refreshToken: seal(params.refreshToken) } : {}),
      ...staffUser(params, seal),
    });
  }

  private open(session: Session): Session {
    const params = session.toObject();
    // A row written before encryption was enabled still loads; the next store seals it.
    const open = (v: string) => (this.cipher.isSealed(v) ? this.cipher.decrypt(v) : v);
    return new Session({
      ...params,
      ...(params.accessToken ? { accessToken: open(params.accessToken) } : {}),
      ...(params.refreshToken ? { refreshToken: open(params.refreshToken) } : {}),
      ...staffUser(params, open),
    });
  }
}

type SessionParams = ReturnType<Session["toObject"]>;

/** An online session's staff user: name and email are personal data, sealed like the tokens. */
function staffUser(
  params: SessionParams,
  transform: (value: string) => string,
): Pick<SessionParams, "onlineAccessInfo"> | Record<string, never> {
  const info = params.onlineAccessInfo;
  const user = info?.associated_user;
  if (!info || !user) return {};
  const map = (v: string | undefined) => (v ? transform(v) : v);
  return {
    onlineAccessInfo: {
      ...info,
      associated_user: {
        ...user,
        first_name: map(user.first_name) ?? "",
        last_name: map(user.last_name) ?? "",
        email: map(user.email) ?? "",
      },
    },
  };
}
