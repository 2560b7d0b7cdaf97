import React from 'react';
import {renderToString} from 'react-dom/server';
import {describe, expect, it} from 'vitest';
import {simulate, zoneOutage} from '@site/src/engine';
import {formatCount} from '@site/src/utils/format';
import RunComparison from './index';

/** React's server HTML with the markers between adjacent text parts removed. */
const text = (html: string) => html.replace(/<!-- -->/g, '');

describe('RunComparison', () => {
  it('draws one row per run with the figures of its summary, in the columns asked for', () => {
    const lost = (retries: number) => simulate({zones: ['a', 'b'], service: {desiredCount: 2}, clients: {retries}, faults: [zoneOutage('a', {at: 300, duration: 600})]});
    const rows = [
      {label: 'No retries', summary: lost(0).summary},
      {label: 'One retry', summary: lost(1).summary},
    ];
    const html = text(
      renderToString(
        <RunComparison
          title="Two runs"
          caption="The same zone loss."
          rows={rows}
          columns={['failed', 'retries']}
        />,
      ),
    );
    expect(html).toContain('The same zone loss.');
    expect((html.match(/<tr>/g) ?? []).length).toBe(3); // the header and two runs
    for (const row of rows) {
      expect(html).toMatch(new RegExp(`<th scope="row"[^>]*>${row.label}</th>`));
      expect(html).toContain(`>${formatCount(Math.round(row.summary.failed))}</td>`);
    }
    // The retry changes the figures, so the two rows cannot both match by accident.
    expect(rows[0]!.summary.failed).not.toBe(rows[1]!.summary.failed);
    expect(html).toContain('Failed requests');
    expect(html).not.toContain('Availability');
  });
});
