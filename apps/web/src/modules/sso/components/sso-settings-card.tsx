import { useState } from 'react';
import { Anchor, Button, Card, Checkbox, Code, Group, PasswordInput, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { ROLE_LABELS, ROLES, type Role } from '@tandem/contracts/roles';
import { SSO_PROVIDER_LABELS, SSO_PROVIDERS } from '@tandem/contracts/sso-labels';
import type { SsoSettings } from '@tandem/contracts';
import { errorMessage, isApiError } from '../../../app/api-error.ts';
import { notifySuccess } from '../../../app/components/notify.ts';
import { problemFieldErrors, serverErrorSummary, type FieldErrors } from '../../../app/forms.ts';
import { FormError, QueryView, TableSkeleton } from '../../../app/kit/index.ts';
import { useSaveSsoSettings, useSsoSettings } from '../hooks/use-sso.ts';

type Provider = (typeof SSO_PROVIDERS)[number];

const FIELDS = ['enabled', 'provider', 'issuerUrl', 'clientId', 'clientSecret', 'allowedDomains', 'defaultRole', 'ssoOnly'];

/** The server's field errors by this form's fields: "allowedDomains[1]" (one domain of the list) is the domains field. */
function fieldErrorsOf(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(problemFieldErrors(err))) out[path.replace(/^allowedDomains\b.*/, 'allowedDomains')] ??= message;
  return out;
}

interface Values {
  enabled: boolean;
  provider: Provider;
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  domains: string;
  defaultRole: Role;
  ssoOnly: boolean;
}

const valuesOf = (s: SsoSettings): Values => ({
  enabled: s.configured ? s.enabled : true,
  provider: s.provider,
  issuerUrl: s.issuerUrl,
  clientId: s.clientId,
  clientSecret: '',
  domains: s.allowedDomains.join(', '),
  defaultRole: s.defaultRole,
  ssoOnly: s.ssoOnly,
});

/** The workspace settings' single sign-on card (admins): the OpenID Connect provider, checked when saved. */
export function SsoSettingsCard({ slug }: { slug: string }) {
  const settings = useSsoSettings(slug);
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} maw={640}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={3} size="h5">
            Single sign-on
          </Title>
          <Text size="sm" c="dimmed">
            People sign in through your identity provider (OpenID Connect): Okta, Microsoft Entra ID, Google Workspace or Keycloak.
          </Text>
        </Stack>
        {/* A save remounts the form with what was saved (the secret field empty again). */}
        <QueryView query={settings} skeleton={<TableSkeleton rows={4} />}>
          {(s) => <SsoForm key={s.updatedAt ?? 'new'} slug={slug} settings={s} />}
        </QueryView>
      </Stack>
    </Card>
  );
}

function SsoForm({ slug, settings }: { slug: string; settings: SsoSettings }) {
  const save = useSaveSsoSettings(slug);
  const [v, setV] = useState<Values>(() => valuesOf(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    try {
      const saved = await save.mutateAsync({
        enabled: v.enabled,
        provider: v.provider,
        issuerUrl: v.issuerUrl.trim(),
        clientId: v.clientId.trim(),
        ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}),
        allowedDomains: v.domains
          .split(/[\s,]+/)
          .map((d) => d.trim().replace(/^@/, ''))
          .filter(Boolean),
        defaultRole: v.defaultRole,
        ssoOnly: v.ssoOnly,
      });
      notifySuccess(saved.enabled ? `Single sign-on saved: people can now use "Sign in with ${saved.displayName}".` : 'Single sign-on saved, and turned off.');
    } catch (err) {
      const fields = fieldErrorsOf(err);
      setErrors(fields);
      // A field refused points at the field ("body.issuerUrl: … (and 3 more)" said it in the API's words); a provider
      // that does not answer keeps the server's sentence, which says nothing was saved.
      setFormError(isApiError(err) && err.code === 'VALIDATION_FAILED' ? serverErrorSummary(err, fields, FIELDS) : errorMessage(err));
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Stack gap="md">
        <FormError message={formError} />
        <Switch label="Single sign-on on" checked={v.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} />
        <Select
          label="Identity provider"
          data={SSO_PROVIDERS.map((p) => ({ value: p, label: p === 'other' ? 'Another OpenID Connect provider' : SSO_PROVIDER_LABELS[p] }))}
          value={v.provider}
          onChange={(p) => p && set('provider', p as Provider)}
          allowDeselect={false}
        />
        <TextInput
          label="Issuer URL"
          required
          placeholder="https://acme.okta.com"
          description="Tandem reads its OpenID configuration when you save."
          value={v.issuerUrl}
          onChange={(e) => set('issuerUrl', e.currentTarget.value)}
          error={errors.issuerUrl}
        />
        <TextInput label="Client ID" required value={v.clientId} onChange={(e) => set('clientId', e.currentTarget.value)} error={errors.clientId} />
        <PasswordInput
          label="Client secret"
          required={!settings.hasClientSecret}
          description={settings.hasClientSecret ? 'Saved (encrypted). Leave empty to keep it.' : undefined}
          value={v.clientSecret}
          onChange={(e) => set('clientSecret', e.currentTarget.value)}
          error={errors.clientSecret}
          autoComplete="off"
        />
        <TextInput
          label="Allowed email domains"
          required
          placeholder="acme.com, acme.co.uk"
          description="Only people whose email is in one of these domains may sign in."
          value={v.domains}
          onChange={(e) => set('domains', e.currentTarget.value)}
          error={errors.allowedDomains}
        />
        <Select
          label="Role for people new to the workspace"
          data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          value={v.defaultRole}
          onChange={(r) => r && set('defaultRole', r as Role)}
          allowDeselect={false}
        />
        <Checkbox
          label="Single sign-on only"
          description="Members cannot sign in with a password. Admins keep theirs, so a broken provider never locks you out."
          checked={v.ssoOnly}
          onChange={(e) => set('ssoOnly', e.currentTarget.checked)}
        />
        <Stack gap={2}>
          <Text size="sm">Register this redirect URI with the provider:</Text>
          <Code>{settings.redirectUri}</Code>
          <Text size="sm">
            Link for your people: <Anchor href={settings.signInUrl}>{settings.signInUrl}</Anchor>
          </Text>
        </Stack>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save single sign-on
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
