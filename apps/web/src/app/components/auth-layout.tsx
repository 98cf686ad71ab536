import type { ReactNode } from 'react';
import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Brand } from './brand.tsx';

/** The centred card that public pages (login, setup, invitations, resets) share. */
export function AuthLayout({
  title,
  subtitle,
  children,
  width = 420,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  useDocumentTitle(`${title} · Tandem`);
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)" py={{ base: 'md', sm: 48 }} px="md">
      <Center>
        <Stack w="100%" maw={width} gap="lg">
          <Center>
            <Brand size="xl" />
          </Center>
          <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }}>
            <Stack gap="md">
              <Stack gap={4}>
                <Title order={1} size="h3">
                  {title}
                </Title>
                {subtitle && (
                  <Text c="dimmed" size="sm">
                    {subtitle}
                  </Text>
                )}
              </Stack>
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
