/**
 * Reads models written for older versions of the engine, so old share links and live code
 * keep working. Each change is named in a notice the lab shows, saying what the old setting
 * became. Pure: the input is not changed. `validateModel` runs it first.
 */
import {DEFAULT_ALARM_SHIFT} from './defaults';

/** A model brought up to date, and one sentence for each thing that changed. */
export interface UpgradedModel<M> {
  model: M;
  notices: string[];
}

const percent = (share: number): string => `${Math.round(share * 1000) / 10} %`;

/**
 * The old `autoZonalShift` action reacted to the service's own error rate, which AWS's zonal
 * autoshift does not do: it was an alarm-driven zonal shift all along. It becomes an
 * `alarmZonalShift` with the same threshold, one evaluation period as long as its old delay,
 * and the default expiry.
 */
function upgradeAutoZonalShift(action: Record<string, unknown>): {action: Record<string, unknown>; notice: string} {
  const {kind: _old, errorRateThreshold, delaySeconds, ...rest} = action;
  const threshold = typeof errorRateThreshold === 'number' ? errorRateThreshold : DEFAULT_ALARM_SHIFT.errorRateThreshold;
  // An old delay of 0 meant "at once": the shortest period the alarm takes is 1 s.
  const period = typeof delaySeconds === 'number' ? Math.max(1, delaySeconds) : (delaySeconds ?? 300);
  const upgraded: Record<string, unknown> = {
    kind: 'alarmZonalShift',
    ...rest,
    errorRateThreshold: errorRateThreshold ?? DEFAULT_ALARM_SHIFT.errorRateThreshold,
    evaluationPeriodSeconds: period,
    evaluationPeriods: 1,
  };
  return {
    action: upgraded,
    notice:
      `This model used “zonal autoshift” on the service’s own error rate. AWS’s zonal autoshift does not watch your application’s errors, ` +
      `so it now runs as what it described: an alarm-driven zonal shift (your per-zone alarm at ${percent(threshold)} errors for one period of ${period} s, ` +
      `whose automation starts a zonal shift that expires after ${DEFAULT_ALARM_SHIFT.expiresAfterSeconds} s). AWS’s own zonal autoshift is a separate setting.`,
  };
}

/**
 * `traffic.retries` moved to `clients.retries`, next to the other client settings (timeouts,
 * backoff, budget). Moved as it is; when both are set, both stay, for validation to reject.
 */
function upgradeRetries(model: Record<string, unknown>): {model: Record<string, unknown>; notice: string} | null {
  const traffic = model.traffic;
  if (typeof traffic !== 'object' || traffic === null || Array.isArray(traffic) || !('retries' in traffic)) return null;
  const clients = model.clients;
  if (clients !== undefined && (typeof clients !== 'object' || clients === null || Array.isArray(clients) || 'retries' in clients)) return null;
  const {retries, ...rest} = traffic as Record<string, unknown>;
  return {
    model: {...model, traffic: rest, clients: {...(clients as Record<string, unknown> | undefined), retries}},
    notice: `Client retries moved from traffic to clients (clients.retries), next to the clients’ timeouts, backoff and retry budget; the number is the same.`,
  };
}

/** Brings an older model up to date. Anything that is not an object is returned as it is, for validation to reject. */
export function upgradeModel<M>(input: M): UpgradedModel<M> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return {model: input, notices: []};
  let model = input as Record<string, unknown>;
  const notices: string[] = [];
  const retries = upgradeRetries(model);
  if (retries !== null) {
    model = retries.model;
    notices.push(retries.notice);
  }
  const actions = model.actions;
  if (Array.isArray(actions) && actions.some((a: unknown) => typeof a === 'object' && a !== null && (a as {kind?: unknown}).kind === 'autoZonalShift')) {
    const next = actions.map((a: unknown) => {
      if (typeof a !== 'object' || a === null || (a as {kind?: unknown}).kind !== 'autoZonalShift') return a;
      const {action, notice} = upgradeAutoZonalShift(a as Record<string, unknown>);
      notices.push(notice);
      return action;
    });
    model = {...model, actions: next};
  }
  return {model: (notices.length === 0 ? input : model) as M, notices};
}
