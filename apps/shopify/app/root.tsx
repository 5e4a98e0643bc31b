import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { languageFromRequest } from "./i18n/language.server.js";
import { useNonce } from "./trust/nonce.js";

export const loader = ({ request }: LoaderFunctionArgs) => ({ lang: languageFromRequest(request) });

export default function App() {
  const { lang } = useLoaderData<typeof loader>();
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}
