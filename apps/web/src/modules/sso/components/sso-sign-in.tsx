import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Divider, Stack, Text, TextInput } from '@mantine/core';
import { SSO_FAILURES, type SsoFailure } from '@tandem/contracts/sso-labels';
import { useSsoSignInOption } from '../hooks/use-sso.ts';

/**
 * The sign-in page's single sign-on part: with `?workspace=<slug>` (the link admins hand out), that workspace's
 * "Sign in with …" button; without, a field for the workspace's address. After a refused sign-in (`?sso=`), why.
 */
export function SsoSignIn() {
  const [params] = useSearchParams();
  const [slug, setSlug] = useState(params.get('workspace'));
  const [typed, setTyped] = useState('');
  const option = useSsoSignInOption(slug);
  const failure = params.get('sso') as SsoFailure | null;
  const message = failure && failure in SSO_FAILURES ? SSO_FAILURES[failure] : null;

  return (
    <Stack gap="sm">
      {message && (
        <Alert color="red" title="Single sign-on did not sign you in" role="alert">
          {message}
        </Alert>
      )}
      <Divider label="or" labelPosition="center" />
      {option.data ? (
        <Stack gap={4}>
          <Button component="a" href={option.data.startUrl} variant="default" fullWidth>
            {option.data.label}
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            {option.data.workspace.name}
            {option.data.ssoOnly ? ' uses single sign-on: members sign in with the button above.' : ''}
          </Text>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setSlug(typed.trim().toLowerCase() || null);
          }}
        >
          <Stack gap={6}>
            <TextInput
              label="Single sign-on: your workspace's address"
              description="The part after /w/ in its links, e.g. acme-sales"
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              error={slug && option.isError ? `No single sign-on for “${slug}”. Check the address, or sign in with your password.` : undefined}
            />
            <Button type="submit" variant="default" fullWidth loading={option.isFetching}>
              Continue with single sign-on
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
