import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorMessage } from '../api-error.ts';

interface Props {
  children: ReactNode;
  /** Changing it (e.g. the path) clears a shown error. */
  resetKey?: string;
}

interface State {
  error: unknown;
  key?: string;
}

/** Keeps one broken page (or a chunk that failed to load after a deploy) from blanking the app. */
export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.key) return { error: null, key: props.resetKey };
    return null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Page failed to render', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const chunkFailed = /dynamically imported module|Importing a module script failed/i.test(errorMessage(this.state.error));
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="This page could not be shown">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">
            {chunkFailed
              ? 'Tandem was updated since this tab was opened. Reload to get the new version.'
              : errorMessage(this.state.error)}
          </Text>
          <Button size="xs" variant="white" color="red" onClick={() => window.location.reload()}>
            Reload
          </Button>
        </Stack>
      </Alert>
    );
  }
}
