import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Text } from '@mantine/core';
import { AuthLayout } from '../../../app/components/auth-layout.tsx';
import { QueryError } from '../../../app/kit/index.ts';

/** An invitation or reset link the server refused (unknown, used, expired or revoked). */
export function LinkUnavailable(props: { title: string; errorTitle: string; error: unknown; children: ReactNode }) {
  return (
    <AuthLayout title={props.title}>
      <QueryError error={props.error} title={props.errorTitle} />
      <Text size="sm" c="dimmed">
        {props.children}
      </Text>
      <Anchor component={Link} to="/login" size="sm">
        Go to sign in
      </Anchor>
    </AuthLayout>
  );
}
