import { useState } from 'react';
import { Autocomplete, Group, Input, SegmentedControl, SimpleGrid } from '@mantine/core';
import { FEEDBACK_SOURCE_LABELS, type FeedbackSource } from '@tandem/contracts';
import { err, type FormState } from '../../../../app/forms.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useDeal } from '../../../deals/index.ts';
import { competitorSuggestions, useDealOptions } from '../../hooks/use-record-options.ts';
import { SOURCES, type QuickLogValues } from './quick-log-values.ts';
import { AccountPicker, DealPicker } from './record-pickers.tsx';

interface RecordFieldsProps {
  form: FormState<QuickLogValues>;
  /** The account's name when the form opened on an item that names it. */
  accountName?: string;
  phone: boolean;
}

/** Where the feedback came from: deal and account (kept consistent), competitor, and how it was heard. */
export function RecordFields({ form, accountName: initialName, phone }: RecordFieldsProps) {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const { values } = form;
  const deals = useDealOptions(ws.slug, session.user.id, true);
  const linkedDeal = useDeal(ws.slug, values.dealId ?? undefined).data;
  const [accountName, setAccountName] = useState(initialName);
  const knownAccountName = linkedDeal?.account?.id === values.accountId ? linkedDeal?.account?.name : accountName;
  const sources: FeedbackSource[] = (SOURCES as readonly FeedbackSource[]).includes(values.source) ? [...SOURCES] : [...SOURCES, values.source];
  const size = phone ? 'md' : 'sm';

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <DealPicker
          slug={ws.slug}
          value={values.dealId}
          accountId={values.accountId}
          mine={deals.mine}
          others={deals.others}
          loading={deals.isPending}
          onChange={(deal) => {
            form.set('dealId', deal?.id ?? null);
            if (deal?.account) {
              form.set('accountId', deal.account.id);
              setAccountName(deal.account.name);
            }
          }}
          error={err(form.errors, 'dealId')}
          size={size}
        />
        <AccountPicker
          slug={ws.slug}
          value={values.accountId}
          knownName={knownAccountName}
          onChange={(account) => {
            form.set('accountId', account?.id ?? null);
            setAccountName(account?.name);
            // A deal of another account no longer fits.
            if (account && values.dealId && linkedDeal?.account?.id !== account.id) form.set('dealId', null);
          }}
          error={err(form.errors, 'accountId')}
          size={size}
        />
      </SimpleGrid>
      <Group gap="md" align="flex-start" wrap={phone ? 'wrap' : 'nowrap'}>
        <Autocomplete
          style={{ flex: 1, minWidth: 200 }}
          label="Competitor"
          placeholder="Who else they’re looking at"
          data={competitorSuggestions([...deals.mine, ...deals.others], linkedDeal)}
          limit={8}
          size={size}
          {...form.field('competitor')}
        />
        <Input.Wrapper label="Heard on" size={size} error={err(form.errors, 'source')} w={phone ? '100%' : undefined}>
          <SegmentedControl
            fullWidth
            mt={4}
            size={size}
            value={values.source}
            onChange={(v) => form.set('source', v as FeedbackSource)}
            data={sources.map((s) => ({ value: s, label: FEEDBACK_SOURCE_LABELS[s] }))}
            aria-label="Heard on"
          />
        </Input.Wrapper>
      </Group>
    </>
  );
}
