/**
 * The upsert API: a CRM (or a script) sends up to 1,000 deals keyed by (source, external id);
 * they are staged and merged like a file's rows, in one transaction, and recorded as an import
 * so the batch can be undone. Unlike a file, it announces each stage change as an event.
 */
import type { DealUpsertItem, DealUpsertRequest, DealUpsertResponse } from '@tandem/contracts';
import type { DbOrTx } from '../../db/database.ts';
import type { TenantContext } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import { dealSettingsOf, StageResolver } from '../deals/index.ts';
import { countsOf, messageOf, resultOf } from './import-outcome.ts';
import { importsRepository } from './imports.repository.ts';
import { dealMergeRepository } from './pipeline/deal-merge.repository.ts';
import { runDealInputs } from './pipeline/deal-pipeline.ts';
import type { DealImportOutcome } from './pipeline/merge.ts';
import type { DealInput } from './reading/deal-input.ts';

/** An API item as the merge takes a file's row: its stage resolved, its amount in a currency. */
function dealInput(d: DealUpsertItem, stages: StageResolver, baseCurrency: string): DealInput {
  const stage = stages.resolve(d.stage);
  const amount = d.amount === undefined ? undefined : String(d.amount);
  return {
    externalId: d.externalId,
    name: d.name ?? ([d.account, (d.products ?? []).join(', ')].filter(Boolean).join(' - ') || d.externalId),
    account: d.account,
    amount,
    currency: amount === undefined ? d.currency : (d.currency ?? baseCurrency),
    stage: d.stage,
    stageCategory: stage.category,
    probability: d.probability ?? stage.probability,
    closeDate: d.closeDate,
    createdDate: d.createdDate,
    owner: d.owner,
    type: d.type,
    leadSource: d.leadSource,
    products: [...new Set(d.products ?? [])],
    competitors: [...new Set(d.competitors ?? [])],
    reason: d.reason,
    customFields: d.customFields ?? {},
  };
}

export function createUpsertService(deps: Deps) {
  const { database } = deps;
  const tenant = <T>(ctx: TenantContext, fn: (tx: DbOrTx) => Promise<T>) => database.withTenant(ctx.workspaceId, fn);

  /** The upsert API speaks for the CRM deal by deal: each stage change of the merge is an event. */
  async function announceStageChanges(tx: DbOrTx, ctx: TenantContext, importId: string, source: string) {
    for (const c of await dealMergeRepository.stageChanges(tx, ctx.workspaceId, importId)) {
      await deps.emit(tx, {
        workspaceId: ctx.workspaceId,
        type: 'deal.stage_changed',
        payload: {
          dealId: c.deal_id,
          name: c.name,
          source,
          externalId: c.external_id,
          from: c.prev_stage ? { stage: c.prev_stage, category: c.prev_category } : null,
          to: { stage: c.stage, category: c.stage_category },
          amount: c.amount,
          currency: c.currency,
          ownerUserId: c.owner_user_id,
          changedBy: { userId: ctx.actor.userId, name: ctx.actor.name },
        },
        actorUserId: ctx.actor.userId,
      });
    }
  }

  return {
    /**
     * The upsert API: up to 1,000 deals keyed by (source, external id), staged and
     * merged like a file in one transaction, recorded as an import (so it can be undone).
     */
    async upsert(ctx: TenantContext, body: DealUpsertRequest): Promise<DealUpsertResponse> {
      const { baseCurrency, stages: stageTable } = await tenant(ctx, (tx) => dealSettingsOf(tx, ctx.workspaceId));
      const stages = new StageResolver(stageTable);
      const inputs = body.deals.map((d) => dealInput(d, stages, baseCurrency));
      const id = crypto.randomUUID();
      const fileName = `API upsert (${inputs.length} deal${inputs.length === 1 ? '' : 's'})`;
      let results: Awaited<ReturnType<typeof dealMergeRepository.incomingResults>> = [];
      await tenant(ctx, (tx) =>
        importsRepository.insert(tx, {
          workspaceId: ctx.workspaceId,
          id,
          kind: 'deals',
          origin: 'upsert',
          status: 'running',
          source: body.source,
          fileName,
          createdByUserId: ctx.actor.userId,
          createdByName: ctx.actor.name ?? 'API',
          startedAt: new Date(),
          heartbeatAt: new Date(),
        }),
      );
      try {
        const merge = { workspaceId: ctx.workspaceId, importId: id, source: body.source, baseCurrency };
        const beforeCommit = async (tx: DbOrTx, o: DealImportOutcome) => {
          results = await dealMergeRepository.incomingResults(tx, merge);
          await importsRepository.update(tx, ctx.workspaceId, id, {
            status: 'completed',
            finishedAt: new Date(),
            counts: countsOf(o),
            result: { ...resultOf(id, o), warningList: o.warningList },
          });
          await deps.audit(tx, ctx.workspaceId, ctx.actor, {
            action: 'deals.upserted',
            targetType: 'import',
            targetId: id,
            targetLabel: fileName,
            details: { source: o.source, ...countsOf(o) },
          });
          await announceStageChanges(tx, ctx, id, body.source);
        };
        const outcome = await runDealInputs(database, { ...merge, full: false, dryRun: false, strict: true, beforeCommit }, inputs, () =>
          stages.unknownStages(),
        );
        const byId = new Map(results.map((r) => [r.external_id, r]));
        return {
          importId: id,
          created: outcome.created,
          updated: outcome.updated,
          unchanged: outcome.unchanged,
          results: body.deals.map((d) => {
            const r = byId.get(d.externalId)!;
            return { externalId: d.externalId, status: r.action, dealId: r.deal_id };
          }),
        };
      } catch (e) {
        await tenant(ctx, (tx) => importsRepository.update(tx, ctx.workspaceId, id, { status: 'failed', error: messageOf(e), finishedAt: new Date() })).catch(
          () => undefined,
        );
        throw e;
      }
    },
  };
}
