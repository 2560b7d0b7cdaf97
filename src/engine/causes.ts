/**
 * Sums over records of failures by cause, written out cause by cause. The flows and the summary
 * add such records for every segment; a loop over the causes' names reads each field by a key
 * that changes from one pass to the next, which V8 runs many times slower than these named
 * fields. `causes.test.ts` checks that each sum has every cause.
 */
import type {FailuresByCause} from './types';

/** An all-zero failure record; its fields are the causes, in their fixed order. */
export function noFailures(): FailuresByCause {
  return {
    deadTarget: 0,
    timeout: 0,
    shed: 0,
    staleDns: 0,
    staleConnection: 0,
    noHealthyTarget: 0,
    database: 0,
    dependency: 0,
    grayFailure: 0,
    partition: 0,
  };
}

/** The sum of a record's fields, added in the causes' fixed order (that of `noFailures`). */
export function sumOfCauses(s: FailuresByCause): number {
  return (
    0 +
    s.deadTarget +
    s.timeout +
    s.shed +
    s.staleDns +
    s.staleConnection +
    s.noHealthyTarget +
    s.database +
    s.dependency +
    s.grayFailure +
    s.partition
  );
}

/** Adds `from × times ÷ over` to `into`, cause by cause. */
export function addFailures(into: FailuresByCause, from: FailuresByCause, times: number, over: number): void {
  into.deadTarget += (times * from.deadTarget) / over;
  into.timeout += (times * from.timeout) / over;
  into.shed += (times * from.shed) / over;
  into.staleDns += (times * from.staleDns) / over;
  into.staleConnection += (times * from.staleConnection) / over;
  into.noHealthyTarget += (times * from.noHealthyTarget) / over;
  into.database += (times * from.database) / over;
  into.dependency += (times * from.dependency) / over;
  into.grayFailure += (times * from.grayFailure) / over;
  into.partition += (times * from.partition) / over;
}
