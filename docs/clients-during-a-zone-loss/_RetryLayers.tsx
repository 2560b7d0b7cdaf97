import React from 'react';
import StepChain from '@site/src/components/StepChain';

/**
 * Retry amplification through a call chain: every layer that makes up to
 * ATTEMPTS attempts multiplies what reaches the layer below. The counts are
 * arithmetic (ATTEMPTS to the power of the layers above), not a model result.
 */
const ATTEMPTS = 3;
const LAYERS = [
  {title: 'Browser or mobile app', line: 'retries the API'},
  {title: 'Your API', line: 'retries the order service'},
  {title: 'Order service', line: 'retries the database'},
  {title: 'Database', line: 'retries nothing', stroke: 'var(--fl-dead)'},
] as const;

/** Calls that reach layer `i` for one user request: ATTEMPTS^i. */
const reaching = (i: number): number => ATTEMPTS ** i;

export default function RetryLayers(): React.JSX.Element {
  const bottom = reaching(LAYERS.length - 1);
  return (
    <StepChain
      id="retry-layers"
      title="Retries at every layer multiply"
      description={`A chain of four layers from top to bottom: a browser or mobile app, your API, an order service and the database. Each of the first three layers makes up to ${ATTEMPTS} attempts to the layer below. One user request becomes up to ${reaching(1)} calls to the API, ${reaching(2)} to the order service and ${bottom} to the database.`}
      caption={`Three layers of ${ATTEMPTS} attempts: one user request can reach the database ${bottom} times. Retry at one layer and let the others fail fast.`}
      steps={LAYERS.map((layer, i) => ({...layer, note: i === 0 ? '1 request' : `≤ ${reaching(i)} calls`}))}
      edgeLabel={`× ${ATTEMPTS} attempts`}
      sideWidth={90}
      maxWidth={440}
    />
  );
}
