/**
 * A run's segments (without their task records, see `packResult.ts`) as
 * columns of numbers. A week with twenty outages has about 7,000 segments and
 * 50,000 objects in them; structured-cloned from the worker they took the page
 * over 100 ms to rebuild, in one task. As typed arrays they are moved, not
 * copied, and rebuilding them from object literals here is a small fraction
 * of that. The literals are typed, so a field added to a segment that is not
 * packed here fails the typecheck.
 */
import type {DbRole, DbSegment, FailureCause, FailuresByCause, Segment, ZoneName, ZoneSegment} from '@site/src/engine';
import {noFailures} from '@site/src/engine/causes';

/** A segment without its task records. */
export type BareSegment = Omit<Segment, 'targets'>;

/**
 * Every failure cause, in the order the columns hold them: the engine's record of causes, from its own small
 * module (importing it through the engine's index, beside the load balancer, put 0.5 KB more on the
 * playground's first load, which has this module and not the simulation).
 */
const CAUSES = Object.keys(noFailures()) as FailureCause[];

const ROLES: readonly DbRole[] = ['primary', 'standby', 'replica', 'down', 'none'];

/** Numbers per segment: 15 rates and times, the causes, then the database (present, writable, readable, lag). */
const SEGMENT_STRIDE = 15 + CAUSES.length + 4;
/** Numbers per zone of a segment. */
const ZONE_STRIDE = 12;

/** Segments as columns; `zones` lists the zone names the columns refer to by index. */
export interface PackedSegments {
  zones: ZoneName[];
  segments: Float64Array;
  /** Each segment's zones, `zones.length` of them per segment. */
  zoneRows: Float64Array;
  /** Each zone's database role (an index into the roles), `zones.length` per segment. */
  roles: Uint8Array;
}

/** Packs segments whose `zones` each list every zone of `zones`, in that order. */
export function packSegments(zones: ZoneName[], segments: readonly BareSegment[]): PackedSegments {
  const n = zones.length;
  const packed: PackedSegments = {
    zones,
    segments: new Float64Array(segments.length * SEGMENT_STRIDE),
    zoneRows: new Float64Array(segments.length * n * ZONE_STRIDE),
    roles: new Uint8Array(segments.length * n),
  };
  segments.forEach((s, i) => {
    const row = [s.from, s.to, s.offered, s.served, s.failed, s.attempts, s.firstAttempts, s.retries, s.capacity, s.timedOut, s.shed, s.wasted, s.latencyP50, s.latencyP99, s.writesServed];
    for (const cause of CAUSES) row.push(s.failedByCause[cause]);
    row.push(s.db === null ? 0 : 1, Number(s.db?.writable), Number(s.db?.readable), s.db?.replicaLagSeconds ?? 0);
    packed.segments.set(row, i * SEGMENT_STRIDE);
    if (s.zones.length !== n) throw new Error(`segment ${i} has ${s.zones.length} zones, not ${n}`);
    s.zones.forEach((z, j) => {
      if (z.zone !== zones[j]) throw new Error(`segment ${i} lists zone ${z.zone} where ${zones[j]} was expected`);
      const zoneRow = [z.status === 'down' ? 1 : 0, Number(z.impaired), Number(z.shifted), Number(z.partitioned), z.healthy, z.starting, z.unhealthy, z.draining, z.dead, z.capacity, z.errorRate, z.queueSeconds];
      packed.zoneRows.set(zoneRow, (i * n + j) * ZONE_STRIDE);
      if (s.db === null) return;
      const role = ROLES.indexOf(s.db.roles[zones[j]!]!);
      if (role < 0) throw new Error(`segment ${i} has no database role for zone ${zones[j]}`);
      packed.roles[i * n + j] = role;
    });
  });
  return packed;
}

/** The typed arrays to transfer rather than copy. */
export function segmentBuffers(packed: PackedSegments): ArrayBuffer[] {
  return [packed.segments.buffer as ArrayBuffer, packed.zoneRows.buffer as ArrayBuffer, packed.roles.buffer as ArrayBuffer];
}

/** Rebuilds the segments `packSegments` packed. */
export function unpackSegments(packed: PackedSegments): BareSegment[] {
  const {zones, segments: v, zoneRows: w, roles} = packed;
  const n = zones.length;
  const count = v.length / SEGMENT_STRIDE;
  const out: BareSegment[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const o = i * SEGMENT_STRIDE;
    const c = o + 15;
    // A literal in the order of CAUSES (checked by the unit test's round trip), so every record has one shape.
    const failedByCause: FailuresByCause = {
      deadTarget: v[c]!,
      timeout: v[c + 1]!,
      shed: v[c + 2]!,
      staleDns: v[c + 3]!,
      staleConnection: v[c + 4]!,
      noHealthyTarget: v[c + 5]!,
      database: v[c + 6]!,
      dependency: v[c + 7]!,
      grayFailure: v[c + 8]!,
      partition: v[c + 9]!,
    };
    const d = c + CAUSES.length;
    let db: DbSegment | null = null;
    if (v[d] === 1) {
      const dbRoles: Record<ZoneName, DbRole> = {};
      for (let j = 0; j < n; j++) dbRoles[zones[j]!] = ROLES[roles[i * n + j]!]!;
      db = {roles: dbRoles, writable: v[d + 1] === 1, readable: v[d + 2] === 1, replicaLagSeconds: v[d + 3]!};
    }
    const segmentZones: ZoneSegment[] = new Array(n);
    for (let j = 0; j < n; j++) {
      const z = (i * n + j) * ZONE_STRIDE;
      segmentZones[j] = {
        zone: zones[j]!,
        status: w[z] === 1 ? 'down' : 'up',
        impaired: w[z + 1] === 1,
        shifted: w[z + 2] === 1,
        partitioned: w[z + 3] === 1,
        healthy: w[z + 4]!,
        starting: w[z + 5]!,
        unhealthy: w[z + 6]!,
        draining: w[z + 7]!,
        dead: w[z + 8]!,
        capacity: w[z + 9]!,
        errorRate: w[z + 10]!,
        queueSeconds: w[z + 11]!,
      };
    }
    out[i] = {
      from: v[o]!,
      to: v[o + 1]!,
      offered: v[o + 2]!,
      served: v[o + 3]!,
      failed: v[o + 4]!,
      attempts: v[o + 5]!,
      firstAttempts: v[o + 6]!,
      retries: v[o + 7]!,
      capacity: v[o + 8]!,
      timedOut: v[o + 9]!,
      shed: v[o + 10]!,
      wasted: v[o + 11]!,
      latencyP50: v[o + 12]!,
      latencyP99: v[o + 13]!,
      writesServed: v[o + 14]!,
      failedByCause,
      zones: segmentZones,
      db,
    };
  }
  return out;
}
