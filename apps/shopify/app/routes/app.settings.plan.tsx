import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  InlineGrid,
  Layout,
  List,
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import { useEffect } from "react";
import { z } from "zod";
import { requireAdmin } from "~/admin-auth.server.js";
import { aiForShop } from "~/ai.server.js";
import { BillingError, startSubscription, syncSubscription } from "~/billing/billing.server.js";
import { creditCeiling, PLAN_IDS, PLANS, planOf } from "~/billing/plans.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t } from "~/i18n/t.js";
import { appContext, services } from "~/services.server.js";
import { staffActor } from "~/trust/actor.server.js";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, demo } = await requireAdmin(request);
  const { db, config } = await services();
  // Back from Shopify's approval page: Shopify is the source of truth for what the shop pays.
  if (new URL(request.url).searchParams.has("charge_id")) {
    await syncSubscription(
      appContext().admin(session.shop),
      db.prisma,
      session.shop,
      staffActor(session, demo),
    );
  }
  const shop = await db.prisma.shop.findUnique({ where: { domain: session.shop } });
  const plan = planOf(shop?.plan);
  const balance = await (await aiForShop(session.shop)).balance(session.shop);
  return {
    lang: languageFromRequest(request),
    current: plan.id,
    used: balance.charged,
    limit: plan.monthlyCredits,
    ceiling: creditCeiling(plan),
    plans: PLAN_IDS.map((id) => PLANS[id]),
    testCharges: testCharges(config),
  };
};

const subscribeForm = z.object({ plan: z.enum(["pro", "business"]) });

// Real charges only in production; development stores and the demo get test charges.
const testCharges = (config: { env: string; demo: boolean }) => config.env !== "production" || config.demo;

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { config } = await services();
  const parsed = subscribeForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { error: "plan", confirmationUrl: null };
  try {
    const { confirmationUrl } = await startSubscription(appContext().admin(session.shop), {
      plan: parsed.data.plan,
      returnUrl: `${config.appUrl}/app/settings/plan`,
      test: testCharges(config),
    });
    return { error: null, confirmationUrl };
  } catch (error) {
    if (error instanceof BillingError) return { error: error.message, confirmationUrl: null };
    throw error;
  }
};

export default function PlanPage() {
  const { lang, current, used, limit, plans, testCharges: test } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // Shopify's approval page must open at the top level, outside the admin's iframe.
  useEffect(() => {
    if (result?.confirmationUrl) window.open(result.confirmationUrl, "_top");
  }, [result?.confirmationUrl]);
  const busy = useNavigation().state !== "idle";
  const money = (usd: number) =>
    new Intl.NumberFormat(lang, {
      style: "currency",
      currency: "USD",
      maximumFractionDigits: usd < 1 ? 3 : 0,
    }).format(usd);
  return (
    <Page title={t(lang, "plan.title")} backAction={{ url: "/app" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="p">{t(lang, "plan.intro")}</Text>
            {result?.error ? (
              <Banner tone="critical">{t(lang, "plan.error", { reason: result.error })}</Banner>
            ) : null}
            <Card>
              <BlockStack gap="200">
                <Text as="p">{t(lang, "plan.usage", { used, limit })}</Text>
                <ProgressBar
                  progress={Math.min(100, Math.round((used / Math.max(1, limit)) * 100))}
                  tone={used > limit ? "critical" : "primary"}
                />
              </BlockStack>
            </Card>
            <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
              {plans.map((p) => (
                <Card key={p.id}>
                  <BlockStack gap="300">
                    <BlockStack gap="100">
                      <Text as="h2" variant="headingMd">
                        {p.name}
                      </Text>
                      {p.id === current ? <Badge tone="success">{t(lang, "plan.current")}</Badge> : null}
                    </BlockStack>
                    <Text as="p" variant="headingLg">
                      {t(lang, "plan.perMonth", { price: money(p.monthlyPriceUsd) })}
                    </Text>
                    <List>
                      <List.Item>
                        {t(lang, "plan.credits", { credits: p.monthlyCredits.toLocaleString(lang) })}
                      </List.Item>
                      <List.Item>
                        {p.overage
                          ? t(lang, "plan.overage", {
                              price: money(p.overage.usdPerCredit),
                              cap: money(p.overage.capUsd),
                            })
                          : t(lang, "plan.noOverage")}
                      </List.Item>
                      {p.apiWrite ? <List.Item>{t(lang, "plan.apiWrite")}</List.Item> : null}
                    </List>
                    {p.id !== current && p.id !== "free" ? (
                      <Form method="post">
                        <input type="hidden" name="plan" value={p.id} />
                        <Button submit variant="primary" loading={busy}>
                          {t(lang, "plan.choose", { name: p.name })}
                        </Button>
                      </Form>
                    ) : null}
                  </BlockStack>
                </Card>
              ))}
            </InlineGrid>
            {test ? (
              <Text as="p" tone="subdued">
                {t(lang, "plan.test")}
              </Text>
            ) : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
