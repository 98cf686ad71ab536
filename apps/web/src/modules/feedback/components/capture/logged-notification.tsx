import { Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CreateFeedbackResponse } from '@tandem/contracts';
import { percent } from '../../../../app/kit/index.ts';

/**
 * "Feedback logged", and where it went. Notifications render outside the router,
 * so links navigate through the function the form hands over.
 */
export function notifyLogged(res: CreateFeedbackResponse, slug: string, go: (path: string) => void): void {
  const id = `feedback-logged-${res.item.id}`;
  const open = (path: string) => {
    notifications.hide(id);
    go(path);
  };
  const theme = res.autoAssigned?.theme ?? res.item.theme;
  const themeLink = theme && (
    <Anchor component="button" type="button" size="sm" fw={600} onClick={() => open(`/w/${slug}/feedback/themes/${theme.id}`)}>
      {theme.name}
    </Anchor>
  );
  let message;
  if (res.autoAssigned && themeLink) {
    message = (
      <Text size="sm">
        Filed under theme {themeLink} ({percent(res.autoAssigned.confidence)} match).
      </Text>
    );
  } else if (themeLink) {
    message = <Text size="sm">Added to theme {themeLink}.</Text>;
  } else {
    message = (
      <Text size="sm">
        Marketing groups it with similar feedback; what they decide shows in{' '}
        <Anchor component="button" type="button" size="sm" onClick={() => open(`/w/${slug}/feedback/mine`)}>
          My feedback
        </Anchor>
        .
      </Text>
    );
  }
  notifications.show({ id, color: 'teal', title: 'Feedback logged', message, autoClose: 7000 });
}
