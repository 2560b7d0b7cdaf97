import React from 'react';

/**
 * The loop of an alarm-driven evacuation: per-zone metrics, an outlier alarm,
 * guard checks, a zonal shift with an expiry, and people who decide how it
 * ends. A picture of the chapter's design, not of a result: it shows no numbers.
 */
const STEPS = [
  {title: 'Per-zone metrics', lines: ['errors and latency,', 'zone by zone']},
  {title: 'Outlier alarm', lines: ['one zone stands out', 'from the others']},
  {title: 'Guard checks', lines: ['only one zone sick?', 'capacity to spare?']},
  {title: 'Zonal shift', lines: ['StartZonalShift', 'with an expiry']},
  {title: 'People decide', lines: ['investigate, then', 'cancel or let expire']},
] as const;

export default function EvacuationLoop(): React.JSX.Element {
  const text = {fill: 'var(--ifm-font-color-base)', fontFamily: 'inherit'} as const;
  const boxW = 112;
  const gap = 18;
  const x = (i: number) => 8 + i * (boxW + gap);
  const width = x(STEPS.length) - gap + 8;
  return (
    <figure style={{margin: '1.5rem 0'}}>
      <svg
        viewBox={`0 0 ${width} 170`}
        role="img"
        aria-labelledby="evacuation-loop-title evacuation-loop-desc"
        style={{width: '100%', height: 'auto', maxWidth: width, display: 'block'}}
      >
        <title id="evacuation-loop-title">An alarm-driven evacuation of a sick zone, step by step</title>
        <desc id="evacuation-loop-desc">
          Five steps from left to right. Per-zone metrics record error rate and latency zone by zone. An outlier alarm
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
              x={x(i)}
              y={20}
              width={boxW}
              height={82}
              rx={8}
              fill="none"
              stroke={i === 1 ? 'var(--fl-dead)' : i === 3 ? 'var(--ifm-color-primary)' : 'currentColor'}
              strokeWidth={2}
              style={{color: 'var(--ifm-font-color-base)'}}
            />
            <text x={x(i) + boxW / 2} y={46} textAnchor="middle" fontSize={13} fontWeight={700} style={text}>
              {step.title}
            </text>
            {step.lines.map((line, j) => (
              <text key={line} x={x(i) + boxW / 2} y={68 + j * 16} textAnchor="middle" fontSize={11.5} style={text}>
                {line}
              </text>
            ))}
            {i < STEPS.length - 1 && (
              <line
                x1={x(i) + boxW + 2}
                y1={61}
                x2={x(i + 1) - 3}
                y2={61}
                stroke="var(--ifm-color-primary)"
                strokeWidth={2}
                markerEnd="url(#evacuation-arrow)"
              />
            )}
          </g>
        ))}
        <path
          d={`M ${x(STEPS.length - 1) + boxW / 2} 104 V 140 H ${x(0) + boxW / 2} V 108`}
          fill="none"
          stroke="var(--ifm-color-primary)"
          strokeWidth={2}
          strokeDasharray="6 4"
          markerEnd="url(#evacuation-arrow)"
        />
        <text x={width / 2} y={158} textAnchor="middle" fontSize={11.5} style={text}>
          the metrics keep watching, shift or no shift
        </text>
      </svg>
      <figcaption style={{fontSize: '0.9rem'}}>
        An evacuation you build yourself: the alarm only starts a shift that expires on its own, and people decide how it
        ends.
      </figcaption>
    </figure>
  );
}
