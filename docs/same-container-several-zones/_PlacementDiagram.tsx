import React from 'react';

/**
 * Two services after zone a fails: one task with subnets in two zones (nothing
 * left serving), and one task per zone (zone b keeps serving). Drawn with theme
 * colours so it reads in light and dark mode; stacked vertically so the text
 * stays legible on a phone.
 */
interface ZoneBox {
  name: string;
  failed: boolean;
  task: 'dead' | 'healthy' | 'none';
}

const PANELS: {title: string; verdict: string; zones: ZoneBox[]}[] = [
  {
    title: 'One task, subnets in zones a and b',
    verdict: 'Nothing serves until a new task starts in b',
    zones: [
      {name: 'zone a', failed: true, task: 'dead'},
      {name: 'zone b', failed: false, task: 'none'},
    ],
  },
  {
    title: 'One task in each zone',
    verdict: 'Zone b keeps serving',
    zones: [
      {name: 'zone a', failed: true, task: 'dead'},
      {name: 'zone b', failed: false, task: 'healthy'},
    ],
  },
];

const PANEL_HEIGHT = 250;

export default function PlacementDiagram(): React.JSX.Element {
  return (
    <figure style={{margin: '1.5rem 0'}}>
      <svg
        viewBox={`0 0 420 ${PANELS.length * PANEL_HEIGHT + 10}`}
        role="img"
        aria-labelledby="placement-diagram-title placement-diagram-desc"
        style={{width: '100%', maxWidth: 480, height: 'auto', display: 'block', color: 'var(--ifm-font-color-base)'}}>
        <title id="placement-diagram-title">One task with two subnets against one task per zone, after zone a fails</title>
        <desc id="placement-diagram-desc">
          Top: a service with one task and subnets in zones a and b. Zone a has failed and its task is dead; zone b has only an
          empty subnet, so nothing serves until a replacement task starts there. Bottom: a service with one task in each zone.
          Zone a has failed and its task is dead, but the task in zone b keeps serving.
        </desc>
        {PANELS.map((panel, p) => {
          const top = p * PANEL_HEIGHT + 5;
          return (
            <g key={panel.title}>
              <text x="10" y={top + 24} fill="currentColor" fontSize="19" fontWeight="700">
                {panel.title}
              </text>
              {panel.zones.map((zone, z) => {
                const x = 10 + z * 205;
                const y = top + 40;
                return (
                  <g key={zone.name}>
                    <rect
                      x={x}
                      y={y}
                      width="195"
                      height="150"
                      rx="10"
                      fill="none"
                      stroke={zone.failed ? 'var(--fl-dead)' : 'var(--ifm-color-primary)'}
                      strokeWidth="3"
                      strokeDasharray={zone.failed ? '10 6' : undefined}
                    />
                    <text x={x + 97} y={y + 28} textAnchor="middle" fill="currentColor" fontSize="18" fontWeight="700">
                      {zone.name}
                      {zone.failed ? ' (failed)' : ''}
                    </text>
                    <rect x={x + 22} y={y + 45} width="150" height="55" rx="6" fill="none" stroke="currentColor" strokeWidth="1.5" strokeDasharray="4 4" />
                    {zone.task === 'none' ? (
                      <text x={x + 97} y={y + 78} textAnchor="middle" fill="currentColor" fontSize="16">
                        empty subnet
                      </text>
                    ) : (
                      <g>
                        <rect
                          x={x + 42}
                          y={y + 55}
                          width="110"
                          height="36"
                          rx="6"
                          fill="none"
                          stroke={zone.task === 'dead' ? 'var(--fl-dead)' : 'var(--fl-healthy)'}
                          strokeWidth="3"
                        />
                        <text x={x + 97} y={y + 79} textAnchor="middle" fill="currentColor" fontSize="16">
                          {zone.task === 'dead' ? 'task: dead' : 'task: serving'}
                        </text>
                      </g>
                    )}
                    <text x={x + 97} y={y + 132} textAnchor="middle" fill="currentColor" fontSize="15">
                      {zone.failed ? 'no power, no network' : 'up'}
                    </text>
                  </g>
                );
              })}
              <text x="10" y={top + 220} fill="currentColor" fontSize="17">
                → {panel.verdict}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
