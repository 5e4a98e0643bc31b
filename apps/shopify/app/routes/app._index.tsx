import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { LANGUAGE_NAMES, normalizeLanguage } from "@ninjalead/core/i18n";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t } from "~/i18n/t.js";
import { ensureShop } from "~/shops.server.js";
import { database } from "~/services.server.js";
import { requireAdmin } from "~/admin-auth.server.js";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const shop = await ensureShop(database().prisma, session.shop);
  return {
    lang: languageFromRequest(request),
    shop: {
      domain: shop.domain,
      plan: shop.plan,
      installedAt: shop.installedAt.toISOString(),
      languages: shop.enabledLocales.map((l) => LANGUAGE_NAMES[normalizeLanguage(l)]),
    },
  };
};

export default function Overview() {
  const { lang, shop } = useLoaderData<typeof loader>();
  const installed = new Intl.DateTimeFormat(lang, { dateStyle: "long" }).format(new Date(shop.installedAt));
  return (
    <Page title={t(lang, "home.title")}>
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  {t(lang, "home.store")}
                </Text>
                <Text as="p">{shop.domain}</Text>
                <Text as="p" tone="subdued">
                  {t(lang, "home.installed", { date: installed })}
                </Text>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  {t(lang, "home.languages")}
                </Text>
                <Text as="p">{shop.languages.join(", ")}</Text>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  {t(lang, "home.plan")}
                </Text>
                <Text as="p">{shop.plan}</Text>
              </BlockStack>
            </Card>
          </InlineGrid>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
