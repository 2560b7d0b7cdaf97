/**
 * Chapter 13's lab model, shared by its quiz and its predictions: three zones,
 * 300 requests a second, tasks of 100; zone b fails 30 % of what it serves from
 * t = 300 s for 30 minutes while its health checks pass.
 */
import {DEFAULT_ALARM_SHIFT, grayFailure, simulate, zonalShift, type SimulationResult} from '@site/src/engine';

export const GRAY = {at: 300, duration: 1800, errorShare: 0.3};
export const GRAY_ENDS = GRAY.at + GRAY.duration;
/** The alarm fires and the automation shifts when `alarmZonalShift` with its defaults would: 3 one-minute periods in (t = 480 s). */
export const ALARM_SHIFT_AT = GRAY.at + DEFAULT_ALARM_SHIFT.evaluationPeriods * DEFAULT_ALARM_SHIFT.evaluationPeriodSeconds;
/** A person is paged, looks, decides and shifts (an assumption, not a measured response time). */
export const PERSON_SHIFT_AT = 1800;

/** The lab's run: nobody acts (`null`), or zone b shifted away from `shiftAt` until the zone is well. */
export function runGrayFailure(tasksPerZone: number, shiftAt: number | null): SimulationResult {
  return simulate({
    zones: ['a', 'b', 'c'],
    service: {desiredCount: 3 * tasksPerZone, capacityPerTask: 100},
    traffic: {requestsPerSecond: 300},
    faults: [grayFailure('b', GRAY)],
    // The shift ends when the zone is well again, as the automation's expiry or a person would end it.
    actions: shiftAt === null ? [] : [zonalShift('b', {at: shiftAt, duration: GRAY_ENDS - shiftAt})],
  });
}
