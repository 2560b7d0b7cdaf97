/**
 * "Copy as TypeScript" carries every field of the model, the clients' included, and what it
 * writes runs in a `tsx live` block with the live-code scope, rendering the same run.
 */
import React from 'react';
import {renderToString} from 'react-dom/server';
import {renderElementAsync} from 'react-live';
import {describe, expect, it} from 'vitest';
import {simulate, type Model} from '@site/src/engine';
import ReactLiveScope from '@site/src/theme/ReactLiveScope';
import {EVERY_CLIENT_SETTING} from './clientsExample';
import {modelToCode} from './codegen';

const CLIENTS_MODEL = EVERY_CLIENT_SETTING;

/** Runs a program as the live preview does, with `model` and the result it simulated captured. */
function run(code: string): {html: string; model: Model} {
  let element: React.ComponentType | null = null;
  let failure: unknown = null;
  let captured: Model | null = null;
  const scope = {
    ...(ReactLiveScope as Record<string, unknown>),
    simulate: (model: Model) => {
      captured = model;
      return simulate(model);
    },
  };
  renderElementAsync({code, scope, enableTypeScript: true}, (result) => (element = result), (error) => (failure = error));
  if (failure) throw failure;
  const Element = element as React.ComponentType | null;
  if (!Element || !captured) throw new Error('the program rendered nothing');
  return {html: renderToString(<Element />), model: captured};
}

describe('Copy as TypeScript', () => {
  it('writes every client and overload field', () => {
    const code = modelToCode(CLIENTS_MODEL);
    for (const text of ["dnsCacheSeconds: \"forever\"", 'keepAlive: false', 'retryBudget: 0.1', 'jitter: "none"', 'loadShedding: true', 'serviceTimeSeconds: 0.08', 'dnsTtlSeconds: 20']) {
      expect(code).toContain(text);
    }
  });

  it('runs in a live block with the live-code scope and simulates the same model', () => {
    const {html, model} = run(modelToCode(CLIENTS_MODEL));
    expect(model).toEqual(CLIENTS_MODEL);
    // The summary's client figures are drawn for this model.
    for (const label of ['Lowest goodput', 'p99 latency', 'Timed out', 'Shed', 'Retries', 'Wasted work']) expect(html).toContain(label);
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  it('has the engine’s client defaults in the live-code scope', () => {
    const scope = ReactLiveScope as Record<string, unknown>;
    expect(scope.DEFAULT_CLIENTS).toBeDefined();
    expect(scope.ELB_DNS_TTL_SECONDS).toBe(60);
    expect(scope.DEFAULT_SERVICE_TIME_SECONDS).toBeGreaterThan(0);
  });
});
