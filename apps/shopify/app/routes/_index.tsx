import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { config } from "~/config.server.js";
import { demoAuthEnabled } from "~/demo/demo-auth.server.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t } from "~/i18n/t.js";

/** Outside the Shopify admin: a shop domain form; inside (a `shop` param), straight to the app. */
export const loader = ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) return redirect(`/app?${url.searchParams.toString()}`);
  // The demo (loopback only) has no Shopify login: straight to the admin.
  if (demoAuthEnabled(config())) return redirect("/demo");
  return { lang: languageFromRequest(request) };
};

export default function Index() {
  const { lang } = useLoaderData<typeof loader>();
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: 420, margin: "10vh auto", padding: 16 }}>
      <h1>{t(lang, "login.title")}</h1>
      <Form method="post" action="/auth/login">
        <label htmlFor="shop">{t(lang, "login.shopLabel")}</label>
        <div>
          <input
            id="shop"
            name="shop"
            type="text"
            placeholder={t(lang, "login.shopHelp")}
            autoComplete="on"
          />
        </div>
        <button type="submit">{t(lang, "login.submit")}</button>
      </Form>
    </main>
  );
}
