import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import { Box, InlineStack } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { publicConfig } from "~/config.server.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { polarisTranslations } from "~/i18n/polaris.server.js";
import { t, type MessageKey } from "~/i18n/t.js";
import { services } from "~/services.server.js";
import { requireAdmin } from "~/admin-auth.server.js";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { demo } = await requireAdmin(request);
  const { config } = await services();
  const lang = languageFromRequest(request);
  return { apiKey: publicConfig(config).apiKey, embedded: !demo, lang, polaris: polarisTranslations(lang) };
};

const NAV: { to: string; key: MessageKey }[] = [
  { to: "/app/products", key: "nav.products" },
  { to: "/app/seo", key: "nav.seo" },
  { to: "/app/segments", key: "nav.segments" },
  { to: "/app/personas", key: "nav.personas" },
  { to: "/app/campaigns", key: "nav.campaigns" },
  { to: "/app/import", key: "nav.import" },
  { to: "/app/activity", key: "nav.activity" },
  { to: "/app/settings", key: "nav.settings" },
  { to: "/app/settings/api-keys", key: "nav.apiKeys" },
  { to: "/app/settings/webhooks", key: "nav.webhooks" },
  { to: "/app/settings/plan", key: "nav.plan" },
];

export default function AppLayout() {
  const { apiKey, embedded, lang, polaris } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp={embedded} apiKey={apiKey} i18n={polaris}>
      {embedded ? (
        // Inside the Shopify admin, App Bridge turns this into the admin's own app navigation.
        <NavMenu>
          <Link to="/app" rel="home">
            {t(lang, "home.title")}
          </Link>
          {NAV.map((item) => (
            <Link key={item.to} to={item.to}>
              {t(lang, item.key)}
            </Link>
          ))}
        </NavMenu>
      ) : (
        // The demo runs outside the admin: the same links as a plain bar.
        <Box
          paddingInline="400"
          paddingBlock="300"
          background="bg-surface"
          borderBlockEndWidth="025"
          borderColor="border"
        >
          <nav aria-label={t(lang, "home.title")}>
            <InlineStack gap="400" wrap>
              <Link to="/app">{t(lang, "home.title")}</Link>
              {NAV.map((item) => (
                <Link key={item.to} to={item.to}>
                  {t(lang, item.key)}
                </Link>
              ))}
            </InlineStack>
          </nav>
        </Box>
      )}
      <Outlet />
    </AppProvider>
  );
}

// Shopify needs Remix to catch its thrown responses (redirects for auth) and add its headers.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
