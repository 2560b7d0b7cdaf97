import React from 'react';
import {crossZoneShares} from './crossZone';

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

const W = 300;
const H = 230;

function Panel({crossZone}: {crossZone: boolean}) {
  const targets = crossZoneShares[crossZone ? 'on' : 'off'];
  const zones = ['a', 'b'] as const;
  const zoneX = {a: 10, b: 155};
  const zoneW = 135;
  const nodeY = 56;
  const taskY = 150;
  const nodeCenter = (z: 'a' | 'b') => zoneX[z] + zoneW / 2;
  const taskPos = (zone: string, index: number, count: number) => {
    const x0 = zoneX[zone as 'a' | 'b'];
    return x0 + ((index + 0.5) * zoneW) / count;
  };
  const byZone = (z: string) => targets.filter((t) => t.zone === z);
  const label = crossZone
    ? `Cross-zone on: every node spreads over all four tasks, so each task gets ${pct(targets[0]?.share ?? 0)} of the traffic.`
    : `Cross-zone off: each node keeps its half of the traffic in its own zone, so the lone task in zone a gets ${pct(byZone('a')[0]?.share ?? 0)} and each task in zone b gets ${pct(byZone('b')[0]?.share ?? 0)}.`;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} style={{width: '100%', maxWidth: 330, height: 'auto'}}>
      <title>{label}</title>
      <text x={W / 2} y={16} textAnchor="middle" fontWeight={700} fontSize={14} fill="currentColor">
        Cross-zone {crossZone ? 'on' : 'off'}
      </text>
      {zones.map((z) => (
        <g key={z}>
          <rect x={zoneX[z]} y={28} width={zoneW} height={H - 34} rx={8} fill="none" stroke="currentColor" strokeDasharray="5 4" strokeOpacity={0.6} />
          <text x={zoneX[z] + 8} y={H - 12} fontSize={12} fill="currentColor">
            zone {z}
          </text>
          <rect x={nodeCenter(z) - 34} y={nodeY - 14} width={68} height={26} rx={5} fill="none" stroke="var(--ifm-color-primary)" strokeWidth={2} />
          <text x={nodeCenter(z)} y={nodeY + 4} textAnchor="middle" fontSize={12} fill="currentColor" fontWeight={700}>
            LB node
          </text>
        </g>
      ))}
      {targets.map((t) => {
        const list = byZone(t.zone);
        const tx = taskPos(t.zone, list.indexOf(t), list.length);
        const sources = crossZone ? zones : ([t.zone] as const);
        return (
          <g key={t.id}>
            {sources.map((z) => (
              <line
                key={z}
                x1={nodeCenter(z as 'a' | 'b')}
                y1={nodeY + 12}
                x2={tx}
                y2={taskY - 14}
                stroke="var(--ifm-color-primary)"
                strokeWidth={1 + (t.share / sources.length) * 16}
                strokeOpacity={0.7}
              />
            ))}
            <rect x={tx - 16} y={taskY - 14} width={32} height={28} rx={4} fill="var(--fl-healthy)" />
            <text x={tx} y={taskY + 34} textAnchor="middle" fontSize={11} fill="currentColor">
              {pct(t.share)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export default function CrossZoneDiagram(): React.JSX.Element {
  return (
    <figure style={{margin: '1.5rem 0'}}>
      <div style={{display: 'flex', flexWrap: 'wrap', gap: '1rem', justifyContent: 'center'}}>
        <Panel crossZone />
        <Panel crossZone={false} />
      </div>
      <figcaption style={{fontSize: '0.9rem', textAlign: 'center', marginTop: '0.5rem'}}>
        One task in zone a, three in zone b. The percentage under each task is its share of all requests, as the engine routes them; thicker lines carry more.
      </figcaption>
    </figure>
  );
}
