import { useSearchParams } from 'react-router-dom';
import { Card, Tabs } from '@mantine/core';
import { IconCurrencyDollar, IconStairs } from '@tabler/icons-react';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { QueryView, TableSkeleton } from '../../../app/kit/index.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useDealSummary, useExchangeRates, useStageMapping } from '../hooks/use-deals.ts';
import { ExchangeRatesEditor } from './exchange-rates-editor.tsx';
import { StageMappingEditor } from './stage-mapping-editor.tsx';

type Tab = 'stages' | 'rates';

export function DealSettingsPage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'rates' ? 'rates' : 'stages';
  return (
    <>
      <PageHeader
        title="Stages and exchange rates"
        description="How Tandem reads your CRM: which stages count as open, won or lost, and how deal amounts convert to the base currency. Saving recomputes the deals it affects."
      />
      <Card withBorder radius="md" p={0}>
        <Tabs value={tab} onChange={(v) => setParams(v === 'rates' ? { tab: 'rates' } : {}, { replace: true })} keepMounted={false}>
          <Tabs.List px={{ base: 'xs', sm: 'md' }}>
            <Tabs.Tab value="stages" leftSection={<IconStairs size={16} />}>
              Stage mapping
            </Tabs.Tab>
            <Tabs.Tab value="rates" leftSection={<IconCurrencyDollar size={16} />}>
              Exchange rates
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="stages" p={{ base: 'sm', sm: 'lg' }}>
            <StagesTab />
          </Tabs.Panel>
          <Tabs.Panel value="rates" p={{ base: 'sm', sm: 'lg' }}>
            <RatesTab />
          </Tabs.Panel>
        </Tabs>
      </Card>
    </>
  );
}

function StagesTab() {
  const ws = useWorkspace();
  const mapping = useStageMapping(ws.slug);
  const inUse = useDealSummary(ws.slug, {});
  return (
    <QueryView query={mapping} skeleton={<TableSkeleton rows={8} />}>
      {(data) => <StageMappingEditor data={data} stagesInUse={inUse.data?.byStage ?? []} />}
    </QueryView>
  );
}

function RatesTab() {
  const ws = useWorkspace();
  const rates = useExchangeRates(ws.slug);
  return (
    <QueryView query={rates} skeleton={<TableSkeleton rows={4} />}>
      {(data) => <ExchangeRatesEditor data={data} />}
    </QueryView>
  );
}
