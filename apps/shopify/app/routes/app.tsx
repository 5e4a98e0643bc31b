import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { publicConfig } from "~/config.server.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { polarisTranslations } from "~/i18n/polaris.server.js";
import { t } from "~/i18n/t.js";
import { services } from "~/services.server.js";
import { requireAdmin } from "~/admin-auth.server.js";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { demo } = await requireAdmin(request);
  const { config } = await services();
  const lang = languageFromRequest(request);
  return { apiKey: publicConfig(config).apiKey, embedded: !demo, lang, polaris: polarisTranslations(lang) };
};

export default function AppLayout() {
  const { apiKey, embedded, lang, polaris } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp={embedded} apiKey={apiKey} i18n={polaris}>
      <NavMenu>
        <Link to="/app" rel="home">
          {t(lang, "home.title")}
        </Link>
        <Link to="/app/products">{t(lang, "nav.products")}</Link>
        <Link to="/app/segments">{t(lang, "nav.segments")}</Link>
        <Link to="/app/import">{t(lang, "nav.import")}</Link>
        <Link to="/app/activity">{t(lang, "nav.activity")}</Link>
        <Link to="/app/settings/api-keys">{t(lang, "nav.apiKeys")}</Link>
        <Link to="/app/settings/webhooks">{t(lang, "nav.webhooks")}</Link>
        <Link to="/app/settings/plan">{t(lang, "nav.plan")}</Link>
      </NavMenu>
      <Outlet />
    </AppProvider>
  );
}

// Shopify needs Remix to catch its thrown responses (redirects for auth) and add its headers.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
