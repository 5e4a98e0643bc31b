import { isRouteErrorResponse, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { Banner, Layout, Page, Text } from "@shopify/polaris";
import type { Language } from "@ninjalead/core/i18n";
import { t } from "~/i18n/t.js";

/**
 * A page's error state (Polaris: a critical banner saying what failed and what to do), in the
 * admin language taken from the app layout's loader.
 */
export function RouteErrorBanner() {
  const error = useRouteError();
  const layout = useRouteLoaderData<{ lang: Language }>("routes/app");
  const lang = layout?.lang ?? "en";
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Page>
      <Layout>
        <Layout.Section>
          <Banner tone="critical" title={t(lang, notFound ? "error.notFound" : "error.title")}>
            <Text as="p">{t(lang, notFound ? "error.notFoundHelp" : "error.help")}</Text>
          </Banner>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
