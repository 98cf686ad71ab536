import { Link } from 'react-router-dom';
import { Alert, Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import type { RequestDetail } from '@tandem/contracts';
import { formatDateTime } from '../../../../app/kit/index.ts';

/** What marketing delivered: library assets (each opens its page) and a note. */
export function RequestDelivery({ request: r, slug, tz }: { request: RequestDetail; slug: string; tz: string }) {
  const d = r.delivery;
  if (!d) return null;
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="delivery-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="delivery-title">
          Delivery
        </Title>
        <Text size="sm" c="dimmed">
          Delivered {formatDateTime(d.deliveredAt, tz)}
          {d.deliveredBy ? ` by ${d.deliveredBy.name}` : ''}
        </Text>
        {d.assets.length > 0 && (
          <List size="sm" spacing={4}>
            {d.assets.map((a) => (
              <List.Item key={a.assetId}>
                <Anchor component={Link} to={`/w/${slug}/library/${a.assetId}`} style={{ textDecoration: 'underline' }}>
                  {a.title}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  (library)
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        {d.note && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {d.note}
          </Text>
        )}
        {r.status === 'delivered' && r.isRequester && (
          <Alert color="blue" variant="light">
            Does this answer your request? Accept it to close the request, or reopen it and say what is missing.
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
