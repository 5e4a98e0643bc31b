import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  ChoiceList,
  EmptyState,
  FormLayout,
  IndexTable,
  Layout,
  Page,
  Text,
  TextField,
  type BadgeProps,
} from "@shopify/polaris";
import { useState } from "react";
import { requireAdmin } from "~/admin-auth.server.js";
import { ShownOnceSecret } from "~/components/ShownOnceSecret.js";
import { fieldErrorText } from "~/i18n/form-errors.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t, type MessageKey } from "~/i18n/t.js";
import { services } from "~/services.server.js";
import { staffActor } from "~/trust/actor.server.js";
import { WEBHOOK_EVENTS } from "~/trust/outgoing-webhooks.server.js";
import { listWebhooks, webhooksAction } from "~/trust/settings.server.js";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db } = await services();
  return {
    lang: languageFromRequest(request),
    events: [...WEBHOOK_EVENTS],
    ...(await listWebhooks(db.prisma, session.shop)),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, demo } = await requireAdmin(request);
  const { db, config } = await services();
  return webhooksAction(db.prisma, config, session.shop, staffActor(session, demo), await request.formData());
};

const STATUS_TONE: Record<string, BadgeProps["tone"]> = {
  delivered: "success",
  retrying: "warning",
  dead: "critical",
  pending: "info",
  sending: "info",
};

export default function Webhooks() {
  const { lang, events, endpoints, deliveries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [url, setUrl] = useState("");
  const [selected, setSelected] = useState<string[]>([]);
  const error = (field: string) => fieldErrorText(lang, result, field);
  const eventLabel = (e: string) => t(lang, `event.${e}` as MessageKey);
  const urlOf = new Map(endpoints.map((e) => [e.id, e.url]));

  return (
    <Page title={t(lang, "webhooks.title")} backAction={{ url: "/app" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="p">{t(lang, "webhooks.intro")}</Text>
            {result?.ok && "secret" in result && result.secret ? (
              <ShownOnceSecret
                title={t(lang, "webhooks.secret")}
                note={t(lang, "webhooks.secretOnce")}
                value={result.secret}
              />
            ) : null}
            <Card>
              <Form method="post">
                <input type="hidden" name="intent" value="addEndpoint" />
                {selected.map((e) => (
                  <input key={e} type="hidden" name="events[]" value={e} />
                ))}
                <FormLayout>
                  <TextField
                    label={t(lang, "webhooks.url")}
                    name="url"
                    type="url"
                    value={url}
                    onChange={setUrl}
                    autoComplete="off"
                    error={error("url")}
                  />
                  <ChoiceList
                    allowMultiple
                    title={t(lang, "webhooks.events")}
                    choices={events.map((e) => ({ label: eventLabel(e), value: e }))}
                    selected={selected}
                    onChange={setSelected}
                    error={error("events")}
                  />
                  <Button submit variant="primary" loading={busy}>
                    {t(lang, "webhooks.add")}
                  </Button>
                </FormLayout>
              </Form>
            </Card>
            {endpoints.length === 0 ? (
              <Card>
                <EmptyState heading={t(lang, "webhooks.none")} image="">
                  <Text as="p">{t(lang, "webhooks.intro")}</Text>
                </EmptyState>
              </Card>
            ) : (
              <Card>
                <BlockStack gap="300">
                  {endpoints.map((e) => (
                    <BlockStack key={e.id} gap="100">
                      <Text as="p" fontWeight="semibold" breakWord>
                        {e.url}
                      </Text>
                      <Text as="p" tone="subdued">
                        {e.events.map(eventLabel).join(" · ")}
                      </Text>
                      {e.enabled ? null : (
                        <Banner tone="critical">
                          {t(lang, "webhooks.disabled", { reason: e.disabledReason ?? "" })}
                        </Banner>
                      )}
                    </BlockStack>
                  ))}
                </BlockStack>
              </Card>
            )}
            <Card padding="0">
              <BlockStack gap="200">
                <Box paddingInline="400" paddingBlockStart="400">
                  <Text as="h2" variant="headingSm">
                    {t(lang, "webhooks.deliveries")}
                  </Text>
                </Box>
                {deliveries.length === 0 ? (
                  <Box paddingInline="400" paddingBlockEnd="400">
                    <Text as="p" tone="subdued">
                      {t(lang, "webhooks.noDeliveries")}
                    </Text>
                  </Box>
                ) : (
                  <IndexTable
                    resourceName={{
                      singular: t(lang, "webhooks.deliveries"),
                      plural: t(lang, "webhooks.deliveries"),
                    }}
                    itemCount={deliveries.length}
                    selectable={false}
                    headings={[
                      { title: t(lang, "webhooks.events") },
                      { title: t(lang, "webhooks.url") },
                      { title: "" },
                      { title: "" },
                    ]}
                  >
                    {deliveries.map((d, index) => (
                      <IndexTable.Row id={d.id} key={d.id} position={index}>
                        <IndexTable.Cell>{eventLabel(d.event)}</IndexTable.Cell>
                        <IndexTable.Cell>{urlOf.get(d.endpointId) ?? ""}</IndexTable.Cell>
                        <IndexTable.Cell>
                          <Badge tone={STATUS_TONE[d.status]}>
                            {t(lang, `delivery.${d.status}` as MessageKey)}
                          </Badge>
                        </IndexTable.Cell>
                        <IndexTable.Cell>
                          {d.status === "dead" || d.status === "retrying" ? (
                            <Form method="post">
                              <input type="hidden" name="intent" value="redeliver" />
                              <input type="hidden" name="id" value={d.id} />
                              <Button submit variant="plain">
                                {t(lang, "webhooks.redeliver")}
                              </Button>
                            </Form>
                          ) : null}
                        </IndexTable.Cell>
                      </IndexTable.Row>
                    ))}
                  </IndexTable>
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
