/**
 * A simulation result in a form that crosses from the worker to the page
 * cheaply. A run records every task in every segment: a large run holds a
 * million such records, and copying them as objects (structured clone) would
 * block the page for seconds while it rebuilds them. Packed, the task records
 * are a few typed arrays that are moved, not copied; the page unpacks a
 * segment's tasks only when something reads them (the diagram reads one
 * segment at a time). The segments themselves cross as columns too
 * (`packSegments.ts`); only the event log and the summary are cloned.
 */
import type {Segment, SimulationResult, TargetSegment} from '@site/src/engine';
import {packSegments, segmentBuffers, unpackSegments, type PackedSegments} from './packSegments';

/** A result with its segments' task records moved into typed arrays. */
export interface PackedResult {
  result: Omit<SimulationResult, 'segments'>;
  /** The segments without their task records, as columns (`packSegments.ts`). */
  segments: PackedSegments;
  /** Each segment's first record and count in the columns below. */
  first: Uint32Array;
  count: Uint32Array;
  /** Distinct strings, referred to by index from the columns. */
  strings: string[];
  id: Uint32Array;
  zone: Uint32Array;
  state: Uint32Array;
  lbState: Uint32Array;
  served: Float64Array;
  failed: Float64Array;
}

/** Packs a result (in the worker). Segments that share one task list share one run of records. */
export function packResult(result: SimulationResult): {packed: PackedResult; transfer: ArrayBuffer[]} {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (text: string): number => {
    let found = index.get(text);
    if (found === undefined) {
      found = strings.length;
      strings.push(text);
      index.set(text, found);
    }
    return found;
  };
  const lists = new Map<TargetSegment[], number>();
  let total = 0;
  for (const segment of result.segments) {
    if (!lists.has(segment.targets)) {
      lists.set(segment.targets, total);
      total += segment.targets.length;
    }
  }
  const packed: PackedResult = {
    result: {model: result.model, events: result.events, summary: result.summary, healthCheckPhases: result.healthCheckPhases},
    segments: packSegments(result.model.zones, result.segments),
    first: new Uint32Array(result.segments.length),
    count: new Uint32Array(result.segments.length),
    strings,
    id: new Uint32Array(total),
    zone: new Uint32Array(total),
    state: new Uint32Array(total),
    lbState: new Uint32Array(total),
    served: new Float64Array(total),
    failed: new Float64Array(total),
  };
  const written = new Set<TargetSegment[]>();
  result.segments.forEach((segment, i) => {
    const start = lists.get(segment.targets)!;
    packed.first[i] = start;
    packed.count[i] = segment.targets.length;
    if (written.has(segment.targets)) return;
    written.add(segment.targets);
    segment.targets.forEach((target, j) => {
      const k = start + j;
      packed.id[k] = intern(target.id);
      packed.zone[k] = intern(target.zone);
      packed.state[k] = intern(target.state);
      packed.lbState[k] = intern(target.lbState);
      packed.served[k] = target.served;
      packed.failed[k] = target.failed;
    });
  });
  const {first, count, id, zone, state, lbState, served, failed} = packed;
  const transfer = [first, count, id, zone, state, lbState, served, failed].map((column) => column.buffer as ArrayBuffer).concat(segmentBuffers(packed.segments));
  return {packed, transfer};
}

/** Unpacks a result (on the page): each segment's `targets` is built the first time it is read. */
export function unpackResult(packed: PackedResult): SimulationResult {
  const built: (TargetSegment[] | undefined)[] = [];
  const indexOf = new WeakMap<object, number>();
  // One getter for every segment: with a closure each, each segment had a shape of its own, and a first pass
  // over a week's 4,857 segments took 40 ms instead of 26 (Node 20, cold; warm passes 20-40 % faster too).
  const targets: PropertyDescriptor = {
    enumerable: true,
    get(this: Segment): TargetSegment[] {
      const i = indexOf.get(this)!;
      return (built[i] ??= targetsOf(packed, i));
    },
  };
  const segments = unpackSegments(packed.segments).map((bare, i) => {
    indexOf.set(bare, i);
    return Object.defineProperty(bare, 'targets', targets) as Segment;
  });
  return {...packed.result, segments};
}

/** Segment `i`'s task records, rebuilt from the columns. */
function targetsOf(packed: PackedResult, i: number): TargetSegment[] {
  const {strings} = packed;
  const start = packed.first[i]!;
  return Array.from({length: packed.count[i]!}, (_, j) => {
    const k = start + j;
    return {
      id: strings[packed.id[k]!]!,
      zone: strings[packed.zone[k]!]!,
      state: strings[packed.state[k]!] as TargetSegment['state'],
      lbState: strings[packed.lbState[k]!] as TargetSegment['lbState'],
      served: packed.served[k]!,
      failed: packed.failed[k]!,
    };
  });
}
