import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CHANNELS } from "@ninjalead/core/campaigns";
import { LANGUAGE_NAMES } from "@ninjalead/core/i18n";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  ChoiceList,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { useState } from "react";
import { requireAdmin } from "~/admin-auth.server.js";
import { FormTextField } from "~/components/FormTextField.js";
import { RouteErrorBanner } from "~/components/RouteErrorBanner.js";
import { fieldErrorText } from "~/i18n/form-errors.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t, type MessageKey } from "~/i18n/t.js";
import { MarketingError } from "~/personas/errors.server.js";
import { getPersona, personaEditFromForm, updatePersona } from "~/personas/personas.server.js";
import { answer, marketingRequest } from "~/personas/route.server.js";
import { services } from "~/services.server.js";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db } = await services();
  try {
    return {
      lang: languageFromRequest(request),
      persona: await getPersona(db.prisma, session.shop, params.id ?? ""),
      // Sent from the server: core's campaigns module in a component would ship its AI engine to the browser.
      channels: [...CHANNELS],
    };
  } catch (error) {
    if (error instanceof MarketingError && error.code === "not_found")
      throw new Response("Not found", { status: 404 });
    throw error;
  }
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { deps } = await marketingRequest(request);
  const form = await request.formData();
  return answer("save", async () => ({
    persona: await updatePersona(deps, params.id ?? "", personaEditFromForm(form)),
  }));
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.persona.name} · ${t(data.lang, "app.name")}` : t("en", "app.name") },
];

export const ErrorBoundary = RouteErrorBanner;

export default function PersonaEdit() {
  const { lang, persona, channels: allChannels } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const [channels, setChannels] = useState<string[]>(persona.preferredChannels);
  const error = (name: string) => fieldErrorText(lang, result, name);
  const lines = (items: string[]) => items.join("\n");

  return (
    <Page
      title={t(lang, "personas.editTitle")}
      subtitle={persona.name}
      backAction={{ content: t(lang, "personas.back"), url: `/app/personas?language=${persona.language}` }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.ok ? (
              <Banner tone="success">
                <Text as="p">{t(lang, "personas.saved")}</Text>
              </Banner>
            ) : null}
            {result && !result.ok ? (
              <Banner tone="critical">
                <Text as="p">{t(lang, result.message)}</Text>
              </Banner>
            ) : null}
            <Card>
              <InlineStack gap="200" blockAlign="center">
                <Badge tone="info">{persona.segmentName}</Badge>
                <Badge>{LANGUAGE_NAMES[persona.language]}</Badge>
                {persona.offline ? <Badge>{t(lang, "marketing.offline")}</Badge> : null}
                <Text as="p" tone="subdued">
                  {t(lang, "personas.inLanguages", {
                    languages: persona.languages.map((l) => LANGUAGE_NAMES[l]).join(", "),
                  })}
                </Text>
              </InlineStack>
            </Card>
            <Card>
              <Form method="post">
                <FormLayout>
                  <FormTextField
                    label={t(lang, "personas.name")}
                    name="name"
                    defaultValue={persona.name}
                    autoComplete="off"
                    error={error("name")}
                  />
                  <FormTextField
                    label={t(lang, "personas.summary")}
                    name="summary"
                    defaultValue={persona.summary}
                    multiline={3}
                    autoComplete="off"
                    error={error("summary")}
                  />
                  <FormLayout.Group>
                    <FormTextField
                      label={t(lang, "personas.ageMin")}
                      name="ageMin"
                      type="number"
                      defaultValue={String(persona.ageRange[0])}
                      autoComplete="off"
                      error={error("ageMin")}
                    />
                    <FormTextField
                      label={t(lang, "personas.ageMax")}
                      name="ageMax"
                      type="number"
                      defaultValue={String(persona.ageRange[1])}
                      autoComplete="off"
                      error={error("ageMax")}
                    />
                  </FormLayout.Group>
                  {(
                    [
                      ["locations", "personas.locations", persona.locations],
                      ["goals", "personas.goals", persona.goals],
                      ["pains", "personas.pains", persona.pains],
                      ["objections", "personas.objections", persona.objections],
                      ["buyingTriggers", "personas.triggers", persona.buyingTriggers],
                    ] as const satisfies readonly (readonly [string, MessageKey, string[]])[]
                  ).map(([name, label, items]) => (
                    <FormTextField
                      key={name}
                      label={t(lang, label)}
                      name={name}
                      defaultValue={lines(items)}
                      multiline={4}
                      helpText={t(lang, "personas.onePerLine")}
                      autoComplete="off"
                      error={error(name)}
                    />
                  ))}
                  <ChoiceList
                    title={t(lang, "personas.channels")}
                    allowMultiple
                    choices={allChannels.map((c) => ({
                      label: t(lang, `channel.${c}` as MessageKey),
                      value: c,
                    }))}
                    selected={channels}
                    onChange={setChannels}
                    error={error("preferredChannels")}
                  />
                  <input type="hidden" name="channelsShown" value="1" />
                  {channels.map((c) => (
                    <input key={c} type="hidden" name="preferredChannels" value={c} />
                  ))}
                  <FormTextField
                    label={t(lang, "personas.tone")}
                    name="toneOfVoice"
                    defaultValue={persona.toneOfVoice}
                    autoComplete="off"
                    error={error("toneOfVoice")}
                  />
                  <InlineStack align="end">
                    <Button submit variant="primary" loading={saving}>
                      {saving ? t(lang, "personas.saving") : t(lang, "personas.save")}
                    </Button>
                  </InlineStack>
                </FormLayout>
              </Form>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
