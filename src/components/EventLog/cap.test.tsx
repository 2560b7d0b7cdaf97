import React from 'react';
import {renderToString} from 'react-dom/server';
import {describe, expect, it} from 'vitest';
import {simulate, type SimEvent, type SimulationResult} from '@site/src/engine';
import Timeline from '@site/src/components/Timeline';
import {logText} from '@site/src/utils/format';
import EventLog, {LOG_PAGE} from './index';

/** React's server HTML with the markers between adjacent text parts removed. */
const text = (html: string) => html.replace(/<!-- -->/g, '');
const count = (html: string, tag: string) => (html.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length;

describe('a huge run never draws all its rows', () => {
  it('the event log shows one page of events, the one holding the current time', () => {
    const events: SimEvent[] = Array.from({length: 20_000}, (_, i) => ({t: i, type: 'task/stopped', message: `t=${i} s task x stopped`}));
    const html = renderToString(<EventLog events={events} currentTime={12_345} onSeek={() => {}} />);
    expect(count(html, 'li')).toBe(LOG_PAGE);
    expect(text(html)).toContain('Events 12301–12400 of 20000');
    expect(html).toContain('3:25:45'); // 12 345 s, written as the chart and the scrubber write it
  });

  it('the chart’s table shows one page of its stretches', () => {
    const base = simulate({zones: ['a', 'b']});
    const segment = base.segments[0]!;
    const segments = Array.from({length: 5000}, (_, i) => ({...segment, from: i, to: i + 1}));
    const result: SimulationResult = {...base, segments, model: {...base.model, durationSeconds: 5000}};
    const html = renderToString(<Timeline result={result} currentTime={0} />);
    expect(count(html, 'tr')).toBeLessThanOrEqual(51); // 50 rows and the header
    expect(text(html)).toContain('Rows 1–50 of 5000');
  });
});

describe('logText', () => {
  it('writes the engine’s times as clocks', () => {
    expect(logText('t=421 s task b-2 is ready and registered; first health check at t=446 s')).toBe(
      'task b-2 is ready and registered; first health check at 7:26',
    );
  });
});
