import React from 'react';
import * as sim from '@site/src/engine';
import FailoverResult from '@site/src/components/FailoverResult';
import Timeline from '@site/src/components/Timeline';
import ZoneDiagram from '@site/src/components/ZoneDiagram';
import SummaryFigures from '@site/src/components/SummaryFigures';
import EventLog from '@site/src/components/EventLog';
import HealthCheckTimeline from '@site/src/components/HealthCheckTimeline';
import CapacityCalculator from '@site/src/components/CapacityCalculator';
import ReplicationRace from '@site/src/components/ReplicationRace';
import AzMap from '@site/src/components/AzMap';

/**
 * Everything in this object is a global inside `tsx live` code blocks, where
 * `import` is not available. The model API is there both whole, as `sim`, and
 * by name (`simulate`, `zoneOutage`, …), with the display components beside it.
 * This module is loaded only by pages that have a live block (see
 * src/theme/LiveCodeBlock).
 */
const ReactLiveScope: Record<string, unknown> = {
  React,
  ...React,
  sim,
  ...sim,
  FailoverResult,
  Timeline,
  ZoneDiagram,
  SummaryFigures,
  EventLog,
  HealthCheckTimeline,
  CapacityCalculator,
  ReplicationRace,
  AzMap,
  /** Shows any value as formatted JSON: handy to look inside a result. */
  show: (value: unknown) => <pre>{JSON.stringify(value, null, 2)}</pre>,
};

export default ReactLiveScope;
