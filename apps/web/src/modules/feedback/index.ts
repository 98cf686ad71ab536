/**
 * Field feedback in the web app: the quick-log form (the header's button and the L key
 * open it anywhere in a workspace), the feedback sections of deal and account pages,
 * and the inbox, "My feedback" and import pages the router loads on demand.
 */
export { QuickLogProvider } from './components/capture/quick-log-provider.tsx';
export { useQuickLog } from './components/capture/quick-log-context.ts';
export { HeaderLogFeedbackButton, LogFeedbackButton } from './components/capture/log-feedback-button.tsx';
export { LinkedFeedback } from './components/linked/linked-feedback-lazy.tsx';
