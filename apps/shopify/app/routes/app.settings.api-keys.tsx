import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  ChoiceList,
  EmptyState,
  FormLayout,
  IndexTable,
  InlineStack,
  Layout,
  Link,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { requireAdmin } from "~/admin-auth.server.js";
import { ShownOnceSecret } from "~/components/ShownOnceSecret.js";
import { fieldErrorText } from "~/i18n/form-errors.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t } from "~/i18n/t.js";
import { services } from "~/services.server.js";
import { staffActor } from "~/trust/actor.server.js";
import { API_RESOURCES } from "~/trust/api-keys.server.js";
import { apiKeysAction, listApiKeys } from "~/trust/settings.server.js";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db } = await services();
  return {
    lang: languageFromRequest(request),
    keys: await listApiKeys(db.prisma, session.shop),
    resources: [...API_RESOURCES],
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, demo } = await requireAdmin(request);
  const { db, config } = await services();
  return apiKeysAction(db.prisma, config, session.shop, staffActor(session, demo), await request.formData());
};

export default function ApiKeys() {
  const { lang, keys, resources } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>([]);
  const date = (iso: string | null) =>
    iso
      ? new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso))
      : t(lang, "apiKeys.never");
  const error = (field: string) => fieldErrorText(lang, result, field);
  const choices = resources.flatMap((r) => [
    { label: `${t(lang, `resource.${r}`)} · ${t(lang, "apiKeys.read")}`, value: `${r}:read` },
    { label: `${t(lang, `resource.${r}`)} · ${t(lang, "apiKeys.write")}`, value: `${r}:write` },
  ]);

  return (
    <Page title={t(lang, "apiKeys.title")} backAction={{ url: "/app" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="p">{t(lang, "apiKeys.intro")}</Text>
            <Link url="/api/v1/openapi.json" target="_blank">
              {t(lang, "apiKeys.docs")}
            </Link>
            {result?.ok && "newKey" in result && result.newKey ? (
              <ShownOnceSecret
                title={t(lang, "apiKeys.newKey")}
                note={t(lang, "apiKeys.copyNow")}
                value={result.newKey}
              />
            ) : null}
            <Card>
              <Form method="post">
                <input type="hidden" name="intent" value="create" />
                {scopes.map((s) => (
                  <input key={s} type="hidden" name="scopes[]" value={s} />
                ))}
                <FormLayout>
                  <TextField
                    label={t(lang, "apiKeys.name")}
                    name="name"
                    value={name}
                    onChange={setName}
                    autoComplete="off"
                    error={error("name")}
                  />
                  <ChoiceList
                    allowMultiple
                    title={t(lang, "apiKeys.scopes")}
                    choices={choices}
                    selected={scopes}
                    onChange={setScopes}
                    error={error("scopes")}
                  />
                  <Button submit variant="primary" loading={busy}>
                    {t(lang, "apiKeys.create")}
                  </Button>
                </FormLayout>
              </Form>
            </Card>
            <Card padding="0">
              {keys.length === 0 ? (
                <EmptyState heading={t(lang, "apiKeys.none")} image="">
                  <Text as="p">{t(lang, "apiKeys.intro")}</Text>
                </EmptyState>
              ) : (
                <IndexTable
                  resourceName={{ singular: t(lang, "apiKeys.title"), plural: t(lang, "apiKeys.title") }}
                  itemCount={keys.length}
                  selectable={false}
                  headings={[
                    { title: t(lang, "apiKeys.name") },
                    { title: t(lang, "apiKeys.scopes") },
                    { title: t(lang, "apiKeys.created") },
                    { title: t(lang, "apiKeys.lastUsed") },
                    { title: "" },
                  ]}
                >
                  {keys.map((k, index) => (
                    <IndexTable.Row id={k.id} key={k.id} position={index}>
                      <IndexTable.Cell>
                        <BlockStack gap="100">
                          <Text as="span" fontWeight="semibold">
                            {k.name}
                          </Text>
                          <Text as="span" tone="subdued">
                            {k.prefix}…
                          </Text>
                        </BlockStack>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <InlineStack gap="100">
                          {k.scopes.map((s) => (
                            <Badge key={s}>{s}</Badge>
                          ))}
                        </InlineStack>
                      </IndexTable.Cell>
                      <IndexTable.Cell>{date(k.createdAt)}</IndexTable.Cell>
                      <IndexTable.Cell>{date(k.lastUsedAt)}</IndexTable.Cell>
                      <IndexTable.Cell>
                        {k.revokedAt ? (
                          <Badge tone="critical">{t(lang, "apiKeys.revoked")}</Badge>
                        ) : (
                          <Form method="post">
                            <input type="hidden" name="intent" value="revoke" />
                            <input type="hidden" name="id" value={k.id} />
                            <Button submit tone="critical" variant="plain">
                              {t(lang, "apiKeys.revoke")}
                            </Button>
                          </Form>
                        )}
                      </IndexTable.Cell>
                    </IndexTable.Row>
                  ))}
                </IndexTable>
              )}
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
