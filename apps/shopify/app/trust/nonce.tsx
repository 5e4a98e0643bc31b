import { createContext, useContext, type ReactNode } from "react";

// The nonce reaches Remix's inline <Scripts> through context; in the browser it is "" (browsers
// hide nonce attributes from the DOM, so there is nothing to hydrate against).
const NonceContext = createContext("");

export function NonceProvider({ nonce, children }: { nonce: string; children: ReactNode }) {
  return <NonceContext.Provider value={nonce}>{children}</NonceContext.Provider>;
}

export const useNonce = (): string => useContext(NonceContext);
