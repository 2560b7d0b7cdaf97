import React from 'react';

/**
 * The loop of an alarm-driven evacuation: per-zone metrics, an outlier alarm,
 * guard checks, a zonal shift with an expiry, and people who decide how it
 * ends. A picture of the chapter's design, not of a result: it shows no numbers.
 */
const STEPS = [
  {title: 'Per-zone metrics', line: 'errors and latency, zone by zone'},
  {title: 'Outlier alarm', line: 'one zone stands out from the others'},
  {title: 'Guard checks', line: 'only one zone sick? capacity to spare?'},
  {title: 'Zonal shift', line: 'StartZonalShift, with an expiry'},
  {title: 'People decide', line: 'investigate, then cancel or let expire'},
] as const;

// A vertical chain, so that the text stays legible on a phone.
const BOX_W = 280;
const BOX_H = 52;
const GAP = 20;
const WIDTH = 340;
const y = (i: number) => 8 + i * (BOX_H + GAP);
const HEIGHT = y(STEPS.length) - GAP + 8;

export default function EvacuationLoop(): React.JSX.Element {
  const text = {fill: 'var(--ifm-font-color-base)', fontFamily: 'inherit'} as const;
  return (
    <figure style={{margin: '1.5rem 0'}}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="evacuation-loop-title evacuation-loop-desc"
        style={{width: '100%', height: 'auto', maxWidth: 420, display: 'block'}}
      >
        <title id="evacuation-loop-title">An alarm-driven evacuation of a sick zone, step by step</title>
        <desc id="evacuation-loop-desc">
          Five steps from top to bottom. Per-zone metrics record error rate and latency zone by zone. An outlier alarm
          fires when one zone stands out from the others. Guard checks confirm that only one zone looks sick and that the
          other zones have capacity to spare. Automation then starts a zonal shift away from that zone, with an expiry.
          Finally people investigate and either cancel the shift or let it expire; an arrow returns to the metrics,
          which keep watching.
        </desc>
        <defs>
          <marker id="evacuation-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" fill="var(--ifm-color-primary)" />
          </marker>
        </defs>
        {STEPS.map((step, i) => (
          <g key={step.title}>
            <rect
              x={8}
              y={y(i)}
              width={BOX_W}
              height={BOX_H}
              rx={8}
              fill="none"
              stroke={i === 1 ? 'var(--fl-dead)' : i === 3 ? 'var(--ifm-color-primary)' : 'var(--ifm-font-color-base)'}
              strokeWidth={2}
            />
            <text x={8 + BOX_W / 2} y={y(i) + 21} textAnchor="middle" fontSize={14} fontWeight={700} style={text}>
              {step.title}
            </text>
            <text x={8 + BOX_W / 2} y={y(i) + 40} textAnchor="middle" fontSize={12.5} style={text}>
              {step.line}
            </text>
            {i < STEPS.length - 1 && (
              <line
                x1={8 + BOX_W / 2}
                y1={y(i) + BOX_H + 1}
                x2={8 + BOX_W / 2}
                y2={y(i + 1) - 3}
                stroke="var(--ifm-color-primary)"
                strokeWidth={2}
                markerEnd="url(#evacuation-arrow)"
              />
            )}
          </g>
        ))}
        <path
          d={`M ${8 + BOX_W + 2} ${y(STEPS.length - 1) + BOX_H / 2} H ${WIDTH - 14} V ${y(0) + BOX_H / 2} H ${8 + BOX_W + 5}`}
          fill="none"
          stroke="var(--ifm-color-primary)"
          strokeWidth={2}
          strokeDasharray="6 4"
          markerEnd="url(#evacuation-arrow)"
        />
      </svg>
      <figcaption style={{fontSize: '0.9rem'}}>
        An evacuation you build yourself: the alarm only starts a shift that expires on its own, people decide how it
        ends, and the metrics keep watching throughout.
      </figcaption>
    </figure>
  );
}
