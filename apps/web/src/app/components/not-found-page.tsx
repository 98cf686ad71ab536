import { Link } from 'react-router-dom';
import { Button, Text } from '@mantine/core';
import { AuthLayout } from './auth-layout.tsx';

export function NotFoundPage() {
  return (
    <AuthLayout title="Page not found">
      <Text size="sm" c="dimmed">
        There is nothing at this address. It may have moved, or the link may be mistyped.
      </Text>
      <Button component={Link} to="/">
        Go to Tandem
      </Button>
    </AuthLayout>
  );
}
