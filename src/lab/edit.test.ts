import {describe, expect, it} from 'vitest';
import type {Model} from '@site/src/engine';
import {simulate} from '@site/src/engine';
import {addEntry, clientsOf, entryKey, inShownOrder, LAB_BACKOFF, LAB_RETRY_BUDGET, LAB_ZONES, nextZoneNames, removeEntry, setClients, setLoadBalancer, setService, setZoneCount, timelineEntries, updateEntry} from './edit';

const base: Model = {
  zones: ['use1-az1', 'use1-az2', 'use1-az4'],
  service: {tasksPerZone: {'use1-az1': 2, 'use1-az2': 1, 'use1-az4': 3}},
  database: {kind: 'multi-az-instance', primaryZone: 'use1-az4', standbyZone: 'use1-az1'},
  faults: [
    {kind: 'zoneOutage', zone: 'use1-az4', at: 100, duration: 60},
    {kind: 'taskCrash', task: 'use1-az2-1', at: 50},
  ],
  actions: [{kind: 'zonalShift', zone: 'use1-az1', at: 10, duration: 600}],
};

describe('nextZoneNames', () => {
  it('follows the scheme of the zones already there', () => {
    expect(nextZoneNames(['a', 'b'], 2)).toEqual(['c', 'd']);
    expect(nextZoneNames(['a', 'c'], 1)).toEqual(['b']);
    expect(nextZoneNames(['us-east-1a', 'us-east-1b'], 1)).toEqual(['us-east-1c']);
    expect(nextZoneNames(['eu-west-2a'], 2)).toEqual(['eu-west-2b', 'eu-west-2c']);
    expect(nextZoneNames(['use1-az1', 'use1-az2'], 1)).toEqual(['use1-az4']);
    expect(nextZoneNames(['euw1-az1', 'euw1-az2'], 1)).toEqual(['euw1-az3']);
  });

  it('falls back to the lab’s AZ IDs, and never repeats a name', () => {
    expect(nextZoneNames(['front', 'back'], 2)).toEqual(['use1-az1', 'use1-az2']);
    expect(nextZoneNames(['use1-az1', 'x'], 1)).toEqual(['use1-az2']);
    expect(nextZoneNames([], 1)).toEqual(['use1-az1']);
  });
});

describe('setZoneCount', () => {
  it('names a zone added to a lab with zones a and b "c", not an AZ ID', () => {
    expect(setZoneCount({zones: ['a', 'b']}, 3).zones).toEqual(['a', 'b', 'c']);
  });

  it('keeps the first zones and drops what lived in the removed one', () => {
    const two = setZoneCount(base, 2);
    expect(two.zones).toEqual(['use1-az1', 'use1-az2']);
    expect(two.service?.tasksPerZone).toEqual({'use1-az1': 2, 'use1-az2': 1});
    expect(two.faults).toEqual([{kind: 'taskCrash', task: 'use1-az2-1', at: 50}]);
    expect(two.database).toEqual({kind: 'multi-az-instance', primaryZone: 'use1-az1', standbyZone: 'use1-az2'});
  });

  it('adds zones with the next unused AZ IDs, one task each when tasks are per zone', () => {
    const five = setZoneCount(base, 5);
    expect(five.zones).toEqual(['use1-az1', 'use1-az2', 'use1-az4', 'use1-az5', 'use1-az6']);
    expect(five.service?.tasksPerZone?.['use1-az6']).toBe(1);
  });

  it('drops a partition when one zone is left, since there is nothing to cut it off from', () => {
    const cut: Model = {...base, faults: [{kind: 'zonePartition', zone: 'use1-az1', at: 100, duration: 60}]};
    expect(setZoneCount(cut, 2).faults).toEqual(cut.faults);
    expect(setZoneCount(cut, 1).faults).toEqual([]);
  });

  it('keeps per-zone task counts of zones named like Object.prototype members', () => {
    const odd: Model = {zones: ['constructor', 'toString', 'valueOf'], service: {tasksPerZone: {toString: 2}}};
    const two = setZoneCount(odd, 2);
    expect(two.service?.tasksPerZone).toEqual({constructor: 1, toString: 2});
    expect(Object.values(two.service?.tasksPerZone ?? {}).every((n) => typeof n === 'number')).toBe(true);
  });

  it('stays within 1 to 6 zones', () => {
    expect(setZoneCount(base, 0).zones).toHaveLength(1);
    expect(setZoneCount(base, 99).zones).toHaveLength(LAB_ZONES.length);
  });
});

describe('timeline entries', () => {
  it('lists faults and actions together in time order', () => {
    expect(timelineEntries(base).map((item) => item.entry.kind)).toEqual(['zonalShift', 'taskCrash', 'zoneOutage']);
  });

  it('adds, moves and removes an entry', () => {
    const added = addEntry(base, 'grayFailure', 400);
    const gray = timelineEntries(added).find((item) => item.entry.kind === 'grayFailure')!;
    expect(gray.entry).toMatchObject({zone: 'use1-az1', at: 400});
    const moved = updateEntry(added, gray, {...(gray.entry as object), at: 30} as typeof gray.entry);
    expect(timelineEntries(moved)[1]!.entry.kind).toBe('grayFailure');
    const removed = removeEntry(moved, timelineEntries(moved)[1]!);
    expect(removed.faults).toEqual(base.faults);
  });
});

describe('client settings', () => {
  const start: Model = {zones: ['a', 'b'], traffic: {requestsPerSecond: 100, retries: 2}};

  it('reads retries set the older way, in traffic', () => {
    expect(clientsOf(start)).toEqual({retries: 2});
    expect(clientsOf({zones: ['a']})).toEqual({});
  });

  it('moves retries to the clients when any client setting changes, so they are never set twice', () => {
    const next = setClients(start, {requestTimeoutSeconds: 3});
    expect(next.clients).toEqual({retries: 2, requestTimeoutSeconds: 3});
    expect(next.traffic).toEqual({requestsPerSecond: 100});
    expect(() => simulate(next)).not.toThrow();
  });

  it('drops a setting put back to its default, and the clients with it when none is left', () => {
    const set = setClients({zones: ['a']}, {dnsCacheSeconds: 'forever', backoff: LAB_BACKOFF});
    expect(set.clients).toEqual({dnsCacheSeconds: 'forever', backoff: LAB_BACKOFF});
    const back = setClients(setClients(set, {dnsCacheSeconds: undefined}), {backoff: undefined});
    expect(back).toEqual({zones: ['a']});
  });

  it('keeps a backoff or a budget turned off as null, which the engine reads as none', () => {
    const off = setClients({zones: ['a'], clients: {retryBudget: LAB_RETRY_BUDGET}}, {retryBudget: null});
    expect(off.clients).toEqual({retryBudget: null});
    expect(simulate(off).model.clients.retryBudget).toBeNull();
  });

  it('sets service and load balancer fields the same way', () => {
    expect(setService({zones: ['a'], service: {desiredCount: 2}}, {loadShedding: true}).service).toEqual({desiredCount: 2, loadShedding: true});
    expect(setService({zones: ['a'], service: {serviceTimeSeconds: 0.2}}, {serviceTimeSeconds: undefined}).service).toEqual({});
    expect(setLoadBalancer({zones: ['a']}, {dnsTtlSeconds: 30}).loadBalancer).toEqual({dnsTtlSeconds: 30});
  });
});

describe('inShownOrder', () => {
  const model: Model = {
    zones: ['a', 'b'],
    faults: [
      {kind: 'zoneOutage', zone: 'a', at: 600, duration: 900},
      {kind: 'zoneOutage', zone: 'b', at: 300, duration: 900},
    ],
  };

  it('keeps the order shown while an entry’s start time is edited past another’s', () => {
    const shown = inShownOrder(timelineEntries(model), null).map(entryKey);
    expect(shown).toEqual(['fault-1', 'fault-0']);
    const edited: Model = {...model, faults: [model.faults![0]!, {...model.faults![1]!, at: 1200}]};
    expect(timelineEntries(edited).map(entryKey)).toEqual(['fault-0', 'fault-1']);
    expect(inShownOrder(timelineEntries(edited), shown).map(entryKey)).toEqual(['fault-1', 'fault-0']);
  });

  it('sorts by time again when an entry is added or removed', () => {
    const shown = ['fault-1', 'fault-0'];
    const added = addEntry(model, 'zoneOutage', 100);
    expect(inShownOrder(timelineEntries(added), shown).map((item) => 'at' in item.entry && item.entry.at)).toEqual([100, 300, 600]);
    const removed: Model = {...model, faults: [model.faults![0]!]};
    expect(inShownOrder(timelineEntries(removed), shown).map(entryKey)).toEqual(['fault-0']);
  });
});
