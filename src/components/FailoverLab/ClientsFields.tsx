import React from 'react';
import {DEFAULT_CLIENTS, DEFAULT_SERVICE_TIME_SECONDS, ELB_DNS_TTL_SECONDS, MAX_CLIENT_WAIT_SECONDS, type Model} from '@site/src/engine';
import {clientsOf, LAB_BACKOFF, LAB_RETRY_BUDGET, setClients, setLoadBalancer, setService} from '@site/src/lab/edit';
import {CheckboxField, NumberField, SelectField} from '@site/src/components/Fields';
import NumberFieldList, {type NumberFieldSpec} from './NumberFieldList';
import styles from './styles.module.css';

type TimeoutKey = 'connectTimeoutSeconds' | 'requestTimeoutSeconds';

/** The clients' two timeouts: same unit, range and source, different meaning. */
const TIMEOUT_FIELDS: readonly NumberFieldSpec<TimeoutKey>[] = [
  {key: 'connectTimeoutSeconds', label: 'Connect timeout', hint: 'How long a client waits on an address that does not answer.', unit: 's', min: 0.1, max: MAX_CLIENT_WAIT_SECONDS, step: 0.1},
  {
    key: 'requestTimeoutSeconds',
    label: 'Request timeout',
    hint: "A later answer is a failure (timed out), and the task's work on it is wasted.",
    unit: 's',
    min: 0.1,
    max: MAX_CLIENT_WAIT_SECONDS,
    step: 0.1,
  },
];

interface Props {
  model: Model;
  onChange: (model: Model) => void;
}

/**
 * The Build controls for the clients (DNS, timeouts, retries, backoff, budget) and for overload
 * (service time, load shedding). Every edit goes through `src/lab/edit.ts`; the engine's own
 * defaults are shown in the fields.
 */
export default function ClientsFields({model, onChange}: Props): React.JSX.Element {
  const clients = clientsOf(model);
  const forever = clients.dnsCacheSeconds === 'forever';
  const backoff = clients.backoff ?? null;
  const budget = clients.retryBudget ?? null;
  const duration = model.durationSeconds ?? 3600;
  const set = (patch: Parameters<typeof setClients>[1]) => onChange(setClients(model, patch));

  return (
    <>
      <fieldset className={styles.group}>
        <legend>Clients</legend>
        <NumberField
          label="DNS TTL"
          value={model.loadBalancer?.dnsTtlSeconds}
          defaultValue={ELB_DNS_TTL_SECONDS}
          defaultSource="AWS: ELB records"
          unit="s"
          hint="How long resolvers may keep handing out a load balancer node's address after it leaves DNS."
          min={0}
          max={duration}
          onChange={(value) => onChange(setLoadBalancer(model, {dnsTtlSeconds: value}))}
        />
        <CheckboxField
          label="Clients never re-resolve"
          checked={forever}
          hint="Some clients keep the first DNS answer for ever (a JVM with a security manager, by default)."
          onChange={(checked) => set({dnsCacheSeconds: checked ? 'forever' : undefined})}
        />
        {forever ? null : (
          <NumberField
            label="Client DNS cache"
            value={typeof clients.dnsCacheSeconds === 'number' ? clients.dnsCacheSeconds : undefined}
            defaultValue={DEFAULT_CLIENTS.dnsCacheSeconds}
            defaultSource="estimate"
            unit="s"
            hint="How long a client keeps an answer past its TTL."
            min={0}
            max={duration}
            onChange={(value) => set({dnsCacheSeconds: value})}
          />
        )}
        <CheckboxField
          label="Keep-alive connections"
          checked={clients.keepAlive ?? DEFAULT_CLIENTS.keepAlive}
          hint="Clients reuse one connection; when the node (or, with an NLB, the task) at its far end dies, their next request on it fails."
          onChange={(checked) => set({keepAlive: checked === DEFAULT_CLIENTS.keepAlive ? undefined : checked})}
        />
        <NumberFieldList fields={TIMEOUT_FIELDS} values={clients} defaults={DEFAULT_CLIENTS} defaultSource="estimate" onChange={set} />
        <NumberField
          label="Client retries"
          value={clients.retries}
          defaultValue={DEFAULT_CLIENTS.retries}
          hint="Times a client retries a failed or timed-out request, each routed like a new one."
          min={0}
          max={5}
          integer
          onChange={(value) => set({retries: value})}
        />
        <CheckboxField
          label="Backoff between retries"
          checked={backoff !== null}
          hint="Exponential: the k-th retry waits up to min(cap, base × 2^(k−1)). Off: retries go at once."
          onChange={(checked) => set({backoff: checked ? LAB_BACKOFF : undefined})}
        />
        {backoff ? (
          <>
            <NumberField
              label="Backoff base"
              value={backoff.baseSeconds}
              unit="s"
              hint="Wait before the first retry."
              min={0.01}
              max={MAX_CLIENT_WAIT_SECONDS}
              step={0.1}
              onChange={(value) => value !== undefined && set({backoff: {...backoff, baseSeconds: value}})}
            />
            <NumberField
              label="Backoff cap"
              value={backoff.capSeconds}
              unit="s"
              hint="Longest wait; at least the base."
              min={backoff.baseSeconds}
              max={MAX_CLIENT_WAIT_SECONDS}
              step={0.1}
              onChange={(value) => value !== undefined && set({backoff: {...backoff, capSeconds: value}})}
            />
            <SelectField
              label="Jitter"
              value={backoff.jitter}
              options={[
                {value: 'full', label: 'Full jitter', detail: 'Each wait is drawn between 0 and the exponential value.'},
                {value: 'none', label: 'None', detail: 'Every client waits exactly as long: retries arrive together.'},
              ]}
              hint="Spreads the clients' retries over time."
              onChange={(jitter) => set({backoff: {...backoff, jitter}})}
            />
          </>
        ) : null}
        <CheckboxField
          label="Retry budget"
          checked={budget !== null}
          hint="Like the AWS SDKs' retry quota: past the budget a failure is not retried."
          onChange={(checked) => set({retryBudget: checked ? LAB_RETRY_BUDGET : undefined})}
        />
        {budget === null ? null : (
          <NumberField
            label="Retries allowed"
            value={Math.round(budget * 1000) / 10}
            unit="%"
            hint="Retries the clients may make, as a share of their first attempts."
            min={0}
            max={100}
            step={1}
            onChange={(value) => value !== undefined && set({retryBudget: value / 100})}
          />
        )}
      </fieldset>

      <fieldset className={styles.group}>
        <legend>Overload</legend>
        <NumberField
          label="Service time"
          value={model.service?.serviceTimeSeconds}
          defaultValue={DEFAULT_SERVICE_TIME_SECONDS}
          defaultSource="estimate"
          unit="s"
          hint="One request's work on an idle task; queueing adds to it as a task fills up."
          min={0.001}
          max={MAX_CLIENT_WAIT_SECONDS}
          step={0.01}
          onChange={(value) => onChange(setService(model, {serviceTimeSeconds: value}))}
        />
        <CheckboxField
          label="Load shedding"
          checked={model.service?.loadShedding ?? false}
          hint="A task rejects at once what it could not answer before the client's timeout, instead of queueing it."
          onChange={(checked) => onChange(setService(model, {loadShedding: checked ? true : undefined}))}
        />
      </fieldset>
    </>
  );
}
