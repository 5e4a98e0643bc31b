import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { CHANNELS, TEMPLATE_IDS } from "@ninjalead/core/campaigns";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "@ninjalead/core/i18n";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Select,
  Spinner,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { requireAdmin } from "~/admin-auth.server.js";
import { campaignFormInput, searchMirrorProducts } from "~/campaigns/campaign-form.server.js";
import { RouteErrorBanner } from "~/components/RouteErrorBanner.js";
import { usePollWhile } from "~/components/use-poll-while.js";
import { fieldErrorText } from "~/i18n/form-errors.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t, type MessageKey } from "~/i18n/t.js";
import { loadMarketingJob, startMarketingJob } from "~/marketing/marketing-jobs.server.js";
import { listPersonas } from "~/personas/personas.server.js";
import { answer, marketingRequest } from "~/personas/route.server.js";
import { appContext, services } from "~/services.server.js";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db } = await services();
  const lang = languageFromRequest(request);
  const params = new URL(request.url).searchParams;
  // `?job=`: the campaign being written on the ai queue (the action redirects here to follow it).
  const jobId = params.get("job");
  const job = jobId === null ? null : await loadMarketingJob(db.prisma, session.shop, jobId);
  if (jobId !== null && job?.kind !== "campaigns.create") throw new Response(null, { status: 404 });
  const created = job?.status === "succeeded" ? (job.result?.campaignIds ?? []) : [];
  if (created[0]) return redirect(`/app/campaigns/${created[0]}?created=${created.length}`);
  const [personas, products] = await Promise.all([
    listPersonas(db.prisma, session.shop, lang),
    searchMirrorProducts(db.prisma, session.shop, params.get("q") ?? ""),
  ]);
  const asked = params.get("persona");
  return {
    lang,
    personas: personas.personas.map((p) => ({ id: p.id, name: p.name, segmentName: p.segmentName })),
    products,
    persona: personas.personas.some((p) => p.id === asked) ? asked : null,
    // Sent from the server: core's campaigns module in a component would ship its AI engine to the browser.
    channelIds: [...CHANNELS],
    templateIds: [...TEMPLATE_IDS],
    job,
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { deps } = await marketingRequest(request);
  const form = await request.formData();
  // Validated now (field errors come back inline), then written on the ai queue: the page polls it.
  const result = await answer("create", () =>
    startMarketingJob(
      { ...deps, queue: appContext().queues.ai },
      "campaigns.create",
      campaignFormInput(form),
    ),
  );
  if (result.ok) return redirect(`/app/campaigns/new?job=${result.jobId}`);
  return result;
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `${t(data.lang, "campaigns.newTitle")} · ${t(data.lang, "app.name")}` : t("en", "app.name"),
  },
];

export const ErrorBoundary = RouteErrorBanner;

/** Keeps the order in which values were ticked (ChoiceList reports them in list order). */
function inClickOrder(previous: string[], next: string[]): string[] {
  return [...previous.filter((v) => next.includes(v)), ...next.filter((v) => !previous.includes(v))];
}

export default function NewCampaign() {
  const { lang, personas, products, persona, channelIds, templateIds, job } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const running = job !== null && (job.status === "queued" || job.status === "running");
  // On success the loader redirects to the campaign.
  usePollWhile(running);
  const writing = navigation.state !== "idle" && navigation.formMethod?.toLowerCase() === "post";
  const search = useFetcher<typeof loader>();
  const error = (name: string) => fieldErrorText(lang, result && !result.ok ? result : undefined, name);

  const [name, setName] = useState("");
  const [personaId, setPersonaId] = useState(persona ?? "");
  const [template, setTemplate] = useState("");
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<{ id: string; title: string }[]>([]);
  const [channels, setChannels] = useState<string[]>(["email"]);
  const [languages, setLanguages] = useState<string[]>([lang]);
  const [offer, setOffer] = useState({ code: "", percent: "", hours: "", season: "" });
  const [dates, setDates] = useState({ startsAt: "", endsAt: "" });

  const shown = search.data?.products ?? products;
  const toggle = (product: { id: string; title: string }, on: boolean) =>
    setChosen((list) => (on ? [...list, product].slice(0, 5) : list.filter((p) => p.id !== product.id)));
  const searchFor = (value: string) => {
    setQuery(value);
    search.load(`/app/campaigns/new?q=${encodeURIComponent(value)}`);
  };

  if (running)
    return (
      <Page
        title={t(lang, "campaigns.newTitle")}
        backAction={{ content: t(lang, "campaigns.title"), url: "/app/campaigns" }}
      >
        <Layout>
          <Layout.Section>
            <Card>
              <InlineStack gap="300" blockAlign="center" wrap={false}>
                <Spinner size="small" accessibilityLabel={t(lang, "campaigns.generating")} />
                <Text as="p">{t(lang, "campaigns.jobRunning")}</Text>
              </InlineStack>
            </Card>
          </Layout.Section>
        </Layout>
      </Page>
    );

  return (
    <Page
      title={t(lang, "campaigns.newTitle")}
      backAction={{ content: t(lang, "campaigns.title"), url: "/app/campaigns" }}
    >
      <Form method="post">
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              {result && !result.ok ? (
                <Banner tone="critical">
                  <Text as="p">{t(lang, result.message)}</Text>
                  {error("form") ? <Text as="p">{error("form")}</Text> : null}
                </Banner>
              ) : job?.status === "failed" && job.error && !writing ? (
                <Banner tone="critical">
                  <Text as="p">{t(lang, job.error)}</Text>
                </Banner>
              ) : null}
              {writing ? (
                <Banner tone="info">
                  <InlineStack gap="200" blockAlign="center">
                    <Spinner size="small" />
                    <Text as="p">{t(lang, "campaigns.generating")}</Text>
                  </InlineStack>
                </Banner>
              ) : null}
              {personas.length === 0 ? (
                <Banner tone="info">
                  <Text as="p">{t(lang, "campaigns.noPersonas")}</Text>
                </Banner>
              ) : null}
              <Card>
                <FormLayout>
                  <TextField
                    label={t(lang, "campaigns.name")}
                    name="name"
                    value={name}
                    onChange={setName}
                    autoComplete="off"
                    error={error("name")}
                  />
                  <Select
                    label={t(lang, "campaigns.persona")}
                    name="personaId"
                    options={[
                      { label: t(lang, "marketing.allCustomers"), value: "" },
                      ...personas.map((p) => ({ label: `${p.name} · ${p.segmentName}`, value: p.id })),
                    ]}
                    value={personaId}
                    onChange={setPersonaId}
                    error={error("personaId")}
                  />
                  <Select
                    label={t(lang, "campaigns.start")}
                    name="template"
                    helpText={t(lang, "campaigns.startHelp")}
                    options={[
                      { label: t(lang, "template.scratch"), value: "" },
                      ...templateIds.map((id) => ({
                        label: t(lang, `template.${id}` as MessageKey),
                        value: id,
                      })),
                    ]}
                    value={template}
                    onChange={setTemplate}
                    error={error("template")}
                  />
                </FormLayout>
              </Card>
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    {t(lang, "campaigns.products")}
                  </Text>
                  <TextField
                    label={t(lang, "campaigns.productSearch")}
                    value={query}
                    onChange={searchFor}
                    autoComplete="off"
                    clearButton
                    onClearButtonClick={() => searchFor("")}
                    error={error("productIds")}
                  />
                  <Text as="p" tone="subdued">
                    {t(lang, "campaigns.selected", { count: chosen.length })}
                  </Text>
                  {chosen.map((p) => (
                    <input key={p.id} type="hidden" name="productIds" value={p.id} />
                  ))}
                  <BlockStack gap="100">
                    {[...chosen, ...shown.filter((p) => !chosen.some((c) => c.id === p.id))].map((p) => {
                      const on = chosen.some((c) => c.id === p.id);
                      return (
                        <Checkbox
                          key={p.id}
                          label={p.title}
                          checked={on}
                          disabled={!on && chosen.length >= 5}
                          onChange={(checked) => toggle(p, checked)}
                        />
                      );
                    })}
                    {shown.length === 0 && chosen.length === 0 ? (
                      <Text as="p" tone="subdued">
                        {t(lang, query ? "campaigns.noProducts" : "campaigns.noCatalog")}
                      </Text>
                    ) : null}
                  </BlockStack>
                </BlockStack>
              </Card>
              <Card>
                <FormLayout>
                  <ChoiceList
                    title={t(lang, "campaigns.channels")}
                    allowMultiple
                    choices={channelIds.map((c) => ({
                      label: t(lang, `channel.${c}` as MessageKey),
                      value: c,
                      helpText: c === "email" ? t(lang, "campaigns.channelsHelp") : undefined,
                    }))}
                    selected={channels}
                    onChange={setChannels}
                    error={error("channels")}
                  />
                  {channels.map((c) => (
                    <input key={c} type="hidden" name="channels" value={c} />
                  ))}
                  <ChoiceList
                    title={t(lang, "campaigns.languages")}
                    allowMultiple
                    choices={LANGUAGES.map((l: Language) => ({ label: LANGUAGE_NAMES[l], value: l }))}
                    selected={languages}
                    onChange={(next) => setLanguages((previous) => inClickOrder(previous, next))}
                    error={error("languages")}
                  />
                  <Text as="p" tone="subdued">
                    {t(lang, "campaigns.languagesHelp")}
                  </Text>
                  {languages.map((l) => (
                    <input key={l} type="hidden" name="languages" value={l} />
                  ))}
                </FormLayout>
              </Card>
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    {t(lang, "campaigns.offer")}
                  </Text>
                  <FormLayout>
                    <FormLayout.Group>
                      <TextField
                        label={t(lang, "campaigns.offerCode")}
                        name="offerCode"
                        value={offer.code}
                        onChange={(code) => setOffer((o) => ({ ...o, code }))}
                        autoComplete="off"
                        error={error("offer.code")}
                      />
                      <TextField
                        label={t(lang, "campaigns.offerPercent")}
                        name="offerPercent"
                        type="number"
                        value={offer.percent}
                        onChange={(percent) => setOffer((o) => ({ ...o, percent }))}
                        autoComplete="off"
                        error={error("offer.discountPercent")}
                      />
                    </FormLayout.Group>
                    <FormLayout.Group>
                      <TextField
                        label={t(lang, "campaigns.offerHours")}
                        name="offerHours"
                        type="number"
                        value={offer.hours}
                        onChange={(hours) => setOffer((o) => ({ ...o, hours }))}
                        autoComplete="off"
                        error={error("offer.hours")}
                      />
                      <TextField
                        label={t(lang, "campaigns.offerSeason")}
                        name="offerSeason"
                        value={offer.season}
                        onChange={(season) => setOffer((o) => ({ ...o, season }))}
                        autoComplete="off"
                        error={error("offer.season")}
                      />
                    </FormLayout.Group>
                    <FormLayout.Group>
                      <TextField
                        label={t(lang, "campaigns.startsAt")}
                        name="startsAt"
                        type="date"
                        value={dates.startsAt}
                        onChange={(startsAt) => setDates((d) => ({ ...d, startsAt }))}
                        autoComplete="off"
                        error={error("startsAt")}
                      />
                      <TextField
                        label={t(lang, "campaigns.endsAt")}
                        name="endsAt"
                        type="date"
                        value={dates.endsAt}
                        onChange={(endsAt) => setDates((d) => ({ ...d, endsAt }))}
                        helpText={t(lang, "campaigns.endsAtHelp")}
                        autoComplete="off"
                        error={error("endsAt")}
                      />
                    </FormLayout.Group>
                  </FormLayout>
                </BlockStack>
              </Card>
              <InlineStack align="end">
                <Button submit variant="primary" loading={writing}>
                  {t(lang, "campaigns.generate")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
