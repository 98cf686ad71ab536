/**
 * Requests in the web app: what sales asks marketing for, in one public queue. The form opens from anywhere
 * (the header's "New request", or `useRequestForm().open({ dealId })` / `<NewRequestButton prefill={{ dealId }} />`
 * on a deal page); the queue and request pages are loaded on demand by the router.
 */
export { RequestFormProvider } from './components/form/request-form-provider.tsx';
export { useRequestForm, type RequestFormPrefill } from './components/form/request-form-context.ts';
export { HeaderNewRequestButton, NewRequestButton } from './components/form/new-request-button.tsx';
export { requestsKeys } from './hooks/requests.keys.ts';
export { RequestStatusBadge, SlaBadge } from './components/shared/request-bits.tsx';
// W2: the deal page's panel (the form opens from it with the deal linked).
export { DealRequestsPanel } from './components/deal/deal-requests-panel.tsx';
