import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData } from "@remix-run/react";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { languageFromRequest, localeCookie } from "./i18n/language.server.js";
import { useNonce } from "./trust/nonce.js";

export const loader = ({ request }: LoaderFunctionArgs) => {
  const cookie = localeCookie(request);
  return data(
    { lang: languageFromRequest(request) },
    cookie ? { headers: { "Set-Cookie": cookie } } : undefined,
  );
};

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
