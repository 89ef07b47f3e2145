import { WORKSPACE_SEGMENT } from '../../clv/clv-repository';
import { FitError, fitWorkspace, type WorkspaceFit } from '../../clv/fit';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../database';

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function number(value: unknown, name: string): number | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  const parsed = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(parsed)) throw new UsageError(`--${name} must be a number, got "${raw}"`);
  return parsed;
}

const round = (v: number, digits = 4) => Number(v.toPrecision(digits + 2));

/** The --json shape of the issue, plus the run id, pooling and the optional holdout check. */
export function toJson(fit: WorkspaceFit) {
  return {
    runId: fit.runId,
    workspace: fit.workspaceId,
    calibrationEnd: fit.calibrationEnd,
    timeUnit: 'week',
    runs: fit.runs.map((r) => ({
      segment: r.segment,
      customers: r.customers,
      pooled: r.pooled,
      note: r.note,
      bgnbd: { ...r.bgnbd.params, logLikelihood: r.bgnbd.logLikelihood },
      gammaGamma: { ...r.gammaGamma.params, logLikelihood: r.gammaGamma.logLikelihood },
    })),
    ...(fit.holdout ? { holdout: fit.holdout } : {}),
    seconds: fit.seconds,
  };
}

/** The human-readable report of a fit (also printed by the CDNOW benchmark). */
export function formatFit(fit: WorkspaceFit): string {
  const lines = [
    `workspace ${fit.workspaceId}: ${fit.customers} customers, calibration to ${fit.calibrationEnd}, run ${fit.runId}`,
    `BG/NBD and Gamma-Gamma per segment (time unit: week; '${WORKSPACE_SEGMENT}' = whole workspace):`,
  ];
  for (const r of fit.runs) {
    const b = r.bgnbd.params;
    const g = r.gammaGamma.params;
    lines.push(
      `  ${JSON.stringify(r.segment)} ${r.customers} customers${r.pooled ? ' (pooled)' : ''}: ` +
        `r=${round(b.r)} alpha=${round(b.alpha)} a=${round(b.a)} b=${round(b.b)} LL=${round(r.bgnbd.logLikelihood, 6)}; ` +
        `p=${round(g.p)} q=${round(g.q)} v=${round(g.v)}${r.note ? ` — ${r.note}` : ''}`,
    );
  }
  const h = fit.holdout;
  if (h) {
    lines.push(
      `holdout to ${h.holdoutEnd} (${h.days} days): repeat purchases predicted ${h.predicted.toFixed(1)}, ` +
        `actual ${h.actual}, aggregate error ${(h.relativeError * 100).toFixed(2)} %, ` +
        `per-customer MAE ${h.meanAbsoluteError.toFixed(3)}, RMSE ${h.rootMeanSquaredError.toFixed(3)}`,
    );
  }
  lines.push(
    `seconds: summary ${fit.seconds.summary.toFixed(2)}, fit ${fit.seconds.fit.toFixed(2)}, write ${fit.seconds.write.toFixed(2)}`,
  );
  return lines.join('\n');
}

export const fitCommand: Command = {
  name: 'fit',
  summary: 'fit the CLV models (BG/NBD + Gamma-Gamma) per segment and write customer values',
  usage:
    'fit --workspace <id> [--until YYYY-MM-DD] [--horizon-months N] [--discount D] [--penalty L] [--holdout-until YYYY-MM-DD] [--json]',
  options: {
    workspace: { type: 'string' },
    until: { type: 'string' },
    'horizon-months': { type: 'string' },
    discount: { type: 'string' },
    penalty: { type: 'string' },
    'holdout-until': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values }) {
    const workspaceId = text(values.workspace);
    if (!workspaceId) throw new UsageError(`--workspace is required\nusage: resonance ${fitCommand.usage}`);
    // Default calibration end: today (UTC), everything bought so far.
    const until = text(values.until) ?? new Date().toISOString().slice(0, 10);
    const settings = {
      ...(values['horizon-months'] !== undefined && {
        horizonMonths: number(values['horizon-months'], 'horizon-months')!,
      }),
      ...(values.discount !== undefined && { monthlyDiscount: number(values.discount, 'discount')! }),
      ...(values.penalty !== undefined && { penalty: number(values.penalty, 'penalty')! }),
    };
    const holdoutEnd = text(values['holdout-until']);
    try {
      const fit = await withDatabase((db) =>
        fitWorkspace(db, { workspaceId, until, settings, ...(holdoutEnd !== undefined && { holdoutEnd }) }),
      );
      process.stdout.write(`${values.json ? JSON.stringify(toJson(fit)) : formatFit(fit)}\n`);
      return 0;
    } catch (error) {
      // Bad dates, empty workspaces, unusable fits: the user's to fix, not a crash.
      if (error instanceof FitError) throw new UsageError(error.message);
      throw error;
    }
  },
};
