import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
  useSubmit,
} from "@remix-run/react";
import type { ChannelContent } from "@ninjalead/core/campaigns";
import { isLanguage, LANGUAGE_NAMES, type Language } from "@ninjalead/core/i18n";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Divider,
  FormLayout,
  InlineGrid,
  InlineStack,
  Layout,
  List,
  Page,
  Select,
  Tabs,
  Text,
  Tooltip,
  type BadgeProps,
} from "@shopify/polaris";
import { useState } from "react";
import { requireAdmin } from "~/admin-auth.server.js";
import { contentFromForm, resultsFromForm } from "~/campaigns/campaign-form.server.js";
import {
  addVariantB,
  archiveCampaign,
  getCampaign,
  publishShopCampaign,
  recordCampaignResults,
  unpublishShopCampaign,
  updateCampaign,
  updateCampaignCopy,
  type CampaignStatus,
  type CopyView,
} from "~/campaigns/campaigns.server.js";
import { contentFields } from "~/campaigns/content-fields.js";
import { FormTextField } from "~/components/FormTextField.js";
import { RouteErrorBanner } from "~/components/RouteErrorBanner.js";
import { TitledCard } from "~/components/TitledCard.js";
import { fieldErrorText } from "~/i18n/form-errors.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t, type MessageKey } from "~/i18n/t.js";
import { MarketingError } from "~/personas/errors.server.js";
import { answer, field, marketingRequest } from "~/personas/route.server.js";
import { appContext, services } from "~/services.server.js";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db } = await services();
  const lang = languageFromRequest(request);
  try {
    const campaign = await getCampaign(db.prisma, session.shop, params.id ?? "", lang);
    const created = Number(new URL(request.url).searchParams.get("created") ?? 0);
    return { lang, campaign, created: Number.isInteger(created) && created > 0 ? created : 0 };
  } catch (error) {
    if (error instanceof MarketingError && error.code === "not_found")
      throw new Response("Not found", { status: 404 });
    throw error;
  }
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { deps, lang } = await marketingRequest(request);
  const id = params.id ?? "";
  const form = await request.formData();
  const intent = field(form, "intent");
  const ctx = appContext();
  switch (intent) {
    case "copy":
      return answer(intent, async () => {
        const language = field(form, "language");
        const current = await getCampaign(deps.prisma, deps.shop, id, lang);
        return {
          campaign: await updateCampaignCopy(deps, id, {
            variant: field(form, "variant"),
            language,
            content: contentFromForm(current.channel, form),
          }),
        };
      });
    case "variantB":
      return answer(intent, async () => ({ campaign: await addVariantB(deps, id, {}) }));
    case "results":
      return answer(intent, async () => ({
        campaign: await recordCampaignResults(deps, id, resultsFromForm(form), lang),
      }));
    case "publish":
      return answer(intent, async () => ({ campaign: await publishShopCampaign(deps, ctx, id) }));
    case "unpublish":
      return answer(intent, async () => ({ campaign: await unpublishShopCampaign(deps, ctx, id) }));
    case "archive":
      return answer(intent, async () => ({ campaign: await archiveCampaign(deps, ctx, id) }));
    default:
      return answer("settings", async () => ({
        campaign: await updateCampaign(deps, id, {
          name: field(form, "name"),
          startsAt: field(form, "startsAt") || null,
          endsAt: field(form, "endsAt") || null,
        }),
      }));
  }
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.campaign.name} · ${t(data.lang, "app.name")}` : t("en", "app.name") },
];

export const ErrorBoundary = RouteErrorBanner;

const STATUS_TONE: Record<CampaignStatus, BadgeProps["tone"]> = {
  draft: undefined,
  published: "success",
  archived: "enabled",
};

const SUCCESS: Record<string, MessageKey> = {
  copy: "campaigns.copySaved",
  variantB: "campaigns.variantAdded",
  results: "campaigns.resultsSaved",
  publish: "campaigns.published",
  unpublish: "campaigns.unpublished",
  archive: "campaigns.archived",
  settings: "campaigns.settingsSaved",
};

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "");

/** One field of copy, read-only: label and the text as written (line breaks kept). */
function Shown({ label, value }: { label: string; value: string }) {
  if (!value) return null;
  return (
    <BlockStack gap="100">
      <Text as="h4" variant="headingSm">
        {label}
      </Text>
      <Box background="bg-surface-secondary" padding="200" borderRadius="200">
        <Text as="p" breakWord>
          <span style={{ whiteSpace: "pre-wrap" }}>{value}</span>
        </Text>
      </Box>
    </BlockStack>
  );
}

function CopyShown({ lang, content }: { lang: Language; content: ChannelContent }) {
  const l = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  switch (content.channel) {
    case "email":
      return (
        <BlockStack gap="300">
          <Shown label={l("campaigns.field.subject")} value={content.subject} />
          <Shown label={l("campaigns.field.preheader")} value={content.preheader} />
          {content.sections.map((s, i) => (
            <BlockStack gap="200" key={i}>
              <Shown label={l("campaigns.field.heading", { n: i + 1 })} value={s.heading ?? ""} />
              <Shown label={l("campaigns.field.body", { n: i + 1 })} value={s.body} />
            </BlockStack>
          ))}
          <Shown label={l("campaigns.field.ctaLabel")} value={content.cta.label} />
          <Shown label={l("campaigns.field.ctaUrl")} value={content.cta.url} />
        </BlockStack>
      );
    case "sms":
    case "facebook":
      return <Shown label={l("campaigns.field.text")} value={content.text} />;
    case "instagram":
      return (
        <BlockStack gap="300">
          <Shown label={l("campaigns.field.caption")} value={content.caption} />
          <Shown label={l("campaigns.field.hashtags")} value={content.hashtags.join(" ")} />
        </BlockStack>
      );
    case "meta_ad":
      return (
        <BlockStack gap="300">
          <Shown label={l("campaigns.field.primaryText")} value={content.primaryText} />
          <Shown label={l("campaigns.field.headline")} value={content.headline} />
          <Shown label={l("campaigns.field.description")} value={content.description} />
        </BlockStack>
      );
    case "google_rsa":
      return (
        <BlockStack gap="300">
          <Shown label={l("campaigns.field.headlines")} value={content.headlines.join("\n")} />
          <Shown label={l("campaigns.field.descriptions")} value={content.descriptions.join("\n")} />
          <Shown label={l("campaigns.field.path1")} value={content.path1 ?? ""} />
          <Shown label={l("campaigns.field.path2")} value={content.path2 ?? ""} />
        </BlockStack>
      );
  }
}

/** The edit form's inputs for a channel, named as `contentFromForm` reads them. */
function CopyInputs({
  lang,
  content,
  error,
}: {
  lang: Language;
  content: ChannelContent;
  error: (name: string) => string | undefined;
}) {
  const l = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const input = (
    name: string,
    label: string,
    value: string,
    path: string,
    multiline?: number,
    help?: string,
  ) => (
    <FormTextField
      key={name}
      label={label}
      name={name}
      defaultValue={value}
      autoComplete="off"
      multiline={multiline}
      helpText={help}
      error={error(`content.${path}`)}
    />
  );
  switch (content.channel) {
    case "email":
      return (
        <FormLayout>
          <input type="hidden" name="sections" value={content.sections.length} />
          {input("subject", l("campaigns.field.subject"), content.subject, "subject")}
          {input("preheader", l("campaigns.field.preheader"), content.preheader, "preheader")}
          {content.sections.flatMap((s, i) => [
            input(
              `heading${i}`,
              l("campaigns.field.heading", { n: i + 1 }),
              s.heading ?? "",
              `sections.${i}.heading`,
            ),
            input(`body${i}`, l("campaigns.field.body", { n: i + 1 }), s.body, `sections.${i}.body`, 5),
          ])}
          {input("ctaLabel", l("campaigns.field.ctaLabel"), content.cta.label, "cta.label")}
          {input("ctaUrl", l("campaigns.field.ctaUrl"), content.cta.url, "cta.url")}
        </FormLayout>
      );
    case "sms":
    case "facebook":
      return <FormLayout>{input("text", l("campaigns.field.text"), content.text, "text", 5)}</FormLayout>;
    case "instagram":
      return (
        <FormLayout>
          {input("caption", l("campaigns.field.caption"), content.caption, "caption", 6)}
          {input(
            "hashtags",
            l("campaigns.field.hashtags"),
            content.hashtags.join(" "),
            "hashtags",
            undefined,
            l("campaigns.field.hashtagsHelp"),
          )}
        </FormLayout>
      );
    case "meta_ad":
      return (
        <FormLayout>
          {input("primaryText", l("campaigns.field.primaryText"), content.primaryText, "primaryText", 3)}
          {input("headline", l("campaigns.field.headline"), content.headline, "headline")}
          {input("description", l("campaigns.field.description"), content.description, "description")}
        </FormLayout>
      );
    case "google_rsa":
      return (
        <FormLayout>
          {input(
            "headlines",
            l("campaigns.field.headlines"),
            content.headlines.join("\n"),
            "headlines",
            8,
            l("personas.onePerLine"),
          )}
          {input(
            "descriptions",
            l("campaigns.field.descriptions"),
            content.descriptions.join("\n"),
            "descriptions",
            4,
            l("personas.onePerLine"),
          )}
          {input("path1", l("campaigns.field.path1"), content.path1 ?? "", "path1")}
          {input("path2", l("campaigns.field.path2"), content.path2 ?? "", "path2")}
        </FormLayout>
      );
  }
}

function providerLabel(lang: Language, copy: CopyView | undefined) {
  if (!copy) return null;
  if (copy.generatedBy === "offline")
    return (
      <Tooltip content={t(lang, "marketing.offlineHelp")}>
        <Badge>{t(lang, "marketing.offline")}</Badge>
      </Tooltip>
    );
  return (
    <Badge tone="info">
      {t(lang, "marketing.generatedBy", {
        provider: copy.generatedBy === "template" ? t(lang, "marketing.templateLibrary") : copy.generatedBy,
      })}
    </Badge>
  );
}

export default function CampaignDetail() {
  const { lang, campaign, created } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const [params, setParams] = useSearchParams();
  const busyIntent = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const [editing, setEditing] = useState(false);
  const [copied, setCopied] = useState(false);
  const error = (name: string) => fieldErrorText(lang, result && !result.ok ? result : undefined, name);

  const variantIndex = Math.max(
    0,
    campaign.variants.findIndex((v) => v.id === params.get("variant")),
  );
  const variant = campaign.variants[variantIndex] ?? campaign.variants[0];
  const askedLanguage = params.get("language") ?? "";
  const language: Language =
    isLanguage(askedLanguage) && campaign.languages.includes(askedLanguage)
      ? askedLanguage
      : (campaign.languages[0] ?? "en");
  const copy = variant?.copies.find((c) => c.language === language) ?? variant?.copies[0];
  const archived = campaign.status === "archived";
  const select = (next: Record<string, string>) => {
    const query = new URLSearchParams(params);
    query.delete("created");
    for (const [k, v] of Object.entries(next)) query.set(k, v);
    setParams(query, { replace: true, preventScrollReset: true });
    setEditing(false);
  };
  const act = (intent: string) => submit({ intent }, { method: "post" });
  const exportUrl = (format: string, extra = "") =>
    `/app/campaigns/${campaign.id}/export?format=${format}${extra}`;
  const percent = (v: number) =>
    new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 2 }).format(v);
  const rate = (id: "A" | "B") => {
    const r = campaign.results[id];
    return r && r.sent > 0 ? percent(r.conversions / r.sent) : null;
  };

  return (
    <Page
      title={campaign.name}
      titleMetadata={
        <Badge tone={STATUS_TONE[campaign.status]}>
          {t(lang, `campaigns.status.${campaign.status}` as MessageKey)}
        </Badge>
      }
      backAction={{ content: t(lang, "campaigns.title"), url: "/app/campaigns" }}
      primaryAction={
        archived
          ? undefined
          : campaign.status === "published"
            ? {
                content: t(lang, "campaigns.unpublish"),
                loading: busyIntent === "unpublish",
                onAction: () => act("unpublish"),
              }
            : {
                content: t(lang, "campaigns.publish"),
                helpText: t(lang, "campaigns.publishHelp"),
                loading: busyIntent === "publish",
                onAction: () => act("publish"),
              }
      }
      secondaryActions={
        archived
          ? []
          : [
              {
                content: t(lang, "campaigns.archive"),
                destructive: true,
                loading: busyIntent === "archive",
                onAction: () => act("archive"),
              },
            ]
      }
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {created > 0 && !result ? (
              <Banner tone="success">
                <Text as="p">{t(lang, "campaigns.created", { count: created })}</Text>
              </Banner>
            ) : null}
            {result?.ok && SUCCESS[result.intent] ? (
              <Banner tone="success">
                <Text as="p">{t(lang, SUCCESS[result.intent] ?? "campaigns.settingsSaved")}</Text>
              </Banner>
            ) : null}
            {result && !result.ok ? (
              <Banner tone="critical">
                <Text as="p">{t(lang, result.message)}</Text>
                {error("form") ? <Text as="p">{error("form")}</Text> : null}
                {error("endsAt") && result.intent !== "settings" ? (
                  <Text as="p">{error("endsAt")}</Text>
                ) : null}
              </Banner>
            ) : null}
            {archived ? (
              <Banner tone="info">
                <Text as="p">{t(lang, "campaigns.archivedNotice")}</Text>
              </Banner>
            ) : null}

            <Card>
              <BlockStack gap="300">
                <Tabs
                  tabs={campaign.variants.map((v) => ({
                    id: `variant-${v.id}`,
                    content: t(lang, "campaigns.variant", { id: v.id }),
                  }))}
                  selected={variantIndex}
                  onSelect={(i) => select({ variant: campaign.variants[i]?.id ?? "A" })}
                />
                <InlineStack gap="300" align="space-between" blockAlign="end">
                  <Box minWidth="220px">
                    <Select
                      label={t(lang, "personas.language")}
                      options={campaign.languages.map((l) => ({ label: LANGUAGE_NAMES[l], value: l }))}
                      value={language}
                      onChange={(value) => select({ language: value })}
                    />
                  </Box>
                  <InlineStack gap="200" blockAlign="center">
                    {providerLabel(lang, copy)}
                    {copy ? (
                      <Button
                        onClick={() => {
                          void navigator.clipboard
                            ?.writeText(
                              contentFields(copy.content, lang)
                                .map(([, v]) => v)
                                .filter(Boolean)
                                .join("\n\n"),
                            )
                            .then(() => setCopied(true));
                        }}
                      >
                        {copied ? t(lang, "campaigns.copied") : t(lang, "campaigns.copyToClipboard")}
                      </Button>
                    ) : null}
                    {copy && !archived ? (
                      <Button onClick={() => setEditing((e) => !e)} pressed={editing}>
                        {t(lang, "campaigns.editCopy")}
                      </Button>
                    ) : null}
                  </InlineStack>
                </InlineStack>
                {copy && copy.violations.length > 0 ? (
                  <Banner tone="warning" title={t(lang, "campaigns.violations")}>
                    <List type="bullet">
                      {copy.violations.map((v) => (
                        <List.Item key={v.path}>{v.message}</List.Item>
                      ))}
                    </List>
                  </Banner>
                ) : null}
                {copy && editing ? (
                  <Form method="post" key={`${variant?.id}-${copy.language}`}>
                    <input type="hidden" name="intent" value="copy" />
                    <input type="hidden" name="variant" value={variant?.id ?? "A"} />
                    <input type="hidden" name="language" value={copy.language} />
                    <BlockStack gap="300">
                      <CopyInputs lang={lang} content={copy.content} error={error} />
                      <InlineStack gap="200" align="end">
                        <Button onClick={() => setEditing(false)}>{t(lang, "campaigns.cancel")}</Button>
                        <Button submit variant="primary" loading={busyIntent === "copy"}>
                          {t(lang, "campaigns.saveCopy")}
                        </Button>
                      </InlineStack>
                    </BlockStack>
                  </Form>
                ) : copy ? (
                  <CopyShown lang={lang} content={copy.content} />
                ) : null}
              </BlockStack>
            </Card>

            <TitledCard title={t(lang, "campaigns.abTitle")}>
              <Text as="p" tone="subdued">
                {t(lang, "campaigns.abIntro")}
              </Text>
              {campaign.hasVariantB || archived ? null : (
                <InlineStack>
                  <Button loading={busyIntent === "variantB"} onClick={() => act("variantB")}>
                    {t(lang, "campaigns.addVariantB")}
                  </Button>
                </InlineStack>
              )}
              <Form method="post">
                <input type="hidden" name="intent" value="results" />
                <BlockStack gap="300">
                  <InlineGrid columns={{ xs: 1, md: campaign.hasVariantB ? 4 : 2 }} gap="300">
                    {(campaign.hasVariantB ? (["A", "B"] as const) : (["A"] as const)).flatMap((id) => [
                      <FormTextField
                        key={`sent${id}`}
                        label={t(lang, "campaigns.sent", { id })}
                        name={`sent${id}`}
                        type="number"
                        min={0}
                        defaultValue={campaign.results[id] ? String(campaign.results[id]?.sent) : ""}
                        autoComplete="off"
                        error={error(`${id}.sent`)}
                      />,
                      <FormTextField
                        key={`conversions${id}`}
                        label={t(lang, "campaigns.conversions", { id })}
                        name={`conversions${id}`}
                        type="number"
                        min={0}
                        defaultValue={campaign.results[id] ? String(campaign.results[id]?.conversions) : ""}
                        autoComplete="off"
                        error={error(`${id}.conversions`) ?? error(id)}
                      />,
                    ])}
                  </InlineGrid>
                  <InlineStack align="end">
                    <Button submit loading={busyIntent === "results"}>
                      {t(lang, "campaigns.saveResults")}
                    </Button>
                  </InlineStack>
                </BlockStack>
              </Form>
              <Divider />
              <BlockStack gap="200">
                <Text as="h3" variant="headingSm">
                  {t(lang, "campaigns.verdict")}
                </Text>
                {(["A", "B"] as const).map((id) =>
                  rate(id) ? (
                    <Text as="p" key={id}>
                      {t(lang, "campaigns.rate", { id, rate: rate(id) ?? "" })}
                    </Text>
                  ) : null,
                )}
                {campaign.verdict ? (
                  <Banner tone={campaign.verdict.status === "significant" ? "success" : "info"}>
                    <Text as="p">{campaign.verdict.message}</Text>
                  </Banner>
                ) : (
                  <Text as="p" tone="subdued">
                    {t(lang, "campaigns.noVerdict")}
                  </Text>
                )}
              </BlockStack>
            </TitledCard>
          </BlockStack>
        </Layout.Section>

        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <TitledCard title={t(lang, "campaigns.details")} gap="200">
              <Text as="p">{t(lang, `channel.${campaign.channel}` as MessageKey)}</Text>
              <Text as="p">
                {campaign.personaId
                  ? campaign.personaName
                    ? t(lang, "campaigns.forPersona", { name: campaign.personaName })
                    : t(lang, "campaigns.personaRemoved")
                  : t(lang, "marketing.allCustomers")}
              </Text>
              {campaign.segmentName ? <Badge tone="info">{campaign.segmentName}</Badge> : null}
              <Text as="p" tone="subdued">
                {t(lang, "campaigns.template")}:{" "}
                {t(
                  lang,
                  campaign.template ? (`template.${campaign.template}` as MessageKey) : "template.scratch",
                )}
              </Text>
              <Text as="h3" variant="headingSm">
                {t(lang, "campaigns.products")}
              </Text>
              <List type="bullet">
                {campaign.products.map((p) => (
                  <List.Item key={p.id}>
                    {p.title ?? t(lang, "campaigns.productGone", { id: p.id })}
                  </List.Item>
                ))}
              </List>
            </TitledCard>
            <TitledCard title={t(lang, "campaigns.export")} gap="200">
              <Button url={exportUrl("text")} download>
                {t(lang, "campaigns.exportText")}
              </Button>
              <Button url={exportUrl("csv")} download>
                {t(lang, "campaigns.exportCsv")}
              </Button>
              {campaign.channel === "email" ? (
                <Button
                  url={exportUrl("html", `&variant=${variant?.id ?? "A"}&language=${language}`)}
                  download
                >
                  {t(lang, "campaigns.exportHtml")}
                </Button>
              ) : null}
            </TitledCard>
            <Card>
              <Form method="post">
                <input type="hidden" name="intent" value="settings" />
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    {t(lang, "campaigns.settings")}
                  </Text>
                  <FormTextField
                    label={t(lang, "campaigns.name")}
                    name="name"
                    defaultValue={campaign.name}
                    autoComplete="off"
                    disabled={archived}
                    error={error("name")}
                  />
                  <FormTextField
                    label={t(lang, "campaigns.startsAt")}
                    name="startsAt"
                    type="date"
                    defaultValue={day(campaign.startsAt)}
                    autoComplete="off"
                    disabled={archived}
                    error={error("startsAt")}
                  />
                  <FormTextField
                    label={t(lang, "campaigns.endsAt")}
                    name="endsAt"
                    type="date"
                    defaultValue={day(campaign.endsAt)}
                    helpText={t(lang, "campaigns.endsAtHelp")}
                    autoComplete="off"
                    disabled={archived}
                    error={error("endsAt")}
                  />
                  {archived ? null : (
                    <Button submit loading={busyIntent === "settings"}>
                      {t(lang, "campaigns.saveSettings")}
                    </Button>
                  )}
                </FormLayout>
              </Form>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
