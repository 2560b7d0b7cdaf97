import {expect, test} from 'vitest';
import {chapterLinks, decodeModel, decodeTargets, decodeZoneIds, gameDayReport, importInputs, labHref, onboardingHref} from './report';
import {fixture} from './fixtures';

test('an onboarding link carries the model, the targets and the chapters, and reads back', () => {
  const model = importInputs([fixture('singleZone')]).model!;
  const targets = {availability: 0.99, rtoSeconds: 300, rpoSeconds: 0, sessionsLost: 0};
  const report = gameDayReport(model, targets);
  // The chapters of the recommended changes, each once, in course order.
  expect(report.chapters.map((c) => c.slug)).toContain('managed-databases');
  expect(report.chapters.map((c) => c.slug)).toEqual([...new Set(report.plan.items.map((i) => i.chapter.href.slice('/docs/'.length)))].sort((a, b) => report.chapters.findIndex((c) => c.slug === a) - report.chapters.findIndex((c) => c.slug === b)));
  const numbers = report.chapters.map((c) => Number(/Chapter (\d+)/.exec(c.title)![1]));
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  const href = onboardingHref(model, targets, report.chapters.map((c) => c.slug));
  const params = new URL(href, 'https://example.org').searchParams;
  const decoded = decodeModel(params.get('model')!);
  expect(decoded).toEqual({ok: true, model});
  expect(decodeTargets(params.get('targets'))).toEqual(targets);
  expect(chapterLinks(params.get('chapters')!.split(',')).map((c) => c.slug)).toEqual(report.chapters.map((c) => c.slug));
  const lab = new URL(labHref(model), 'https://example.org');
  expect(lab.pathname).toBe('/playground');
  expect(decodeModel(lab.searchParams.get('model')!)).toEqual({ok: true, model});
});

test('bad targets in a link are refused', () => {
  expect(decodeTargets('1.5,300,0,0')).toBeNull();
  expect(decodeTargets('0.99,300,0')).toBeNull();
  expect(decodeTargets('0.99,-1,0,0')).toBeNull();
  expect(decodeTargets(null)).toBeNull();
});

test('a design that misses nothing is pointed at the capstone and game days', () => {
  const model = importInputs([fixture('nlbTwoZones')]).model!;
  const report = gameDayReport(model, {availability: 0.5, rtoSeconds: 3600, rpoSeconds: 3600, sessionsLost: 1e9});
  expect(report.chapters.map((c) => c.slug)).toEqual(['capstone', 'game-days']);
});

test('zone IDs travel in the onboarding link, only for the model’s zones, and junk is dropped', () => {
  const imported = importInputs([fixture('albRdsMultiAz')]);
  const href = onboardingHref(imported.model!, {availability: 0.99, rtoSeconds: 300, rpoSeconds: 0, sessionsLost: 0}, [], '/import', {...imported.zoneIds, 'eu-west-1z': 'euw1-az9'});
  const params = new URL(href, 'https://example.org').searchParams;
  expect(decodeZoneIds(params.get('zoneIds'))).toEqual({'eu-west-1a': 'euw1-az3', 'eu-west-1b': 'euw1-az1', 'eu-west-1c': 'euw1-az2'});
  expect(decodeZoneIds('a:use1-az1,<script>:x,b:,c:USE1 AZ2')).toEqual({a: 'use1-az1'});
  expect(decodeZoneIds(null)).toEqual({});
  // Without IDs the link has no zoneIds parameter at all.
  expect(new URL(onboardingHref(imported.model!, {availability: 0.99, rtoSeconds: 300, rpoSeconds: 0, sessionsLost: 0}, []), 'https://example.org').searchParams.has('zoneIds')).toBe(false);
});
