import React from 'react';
import {PEAK, capacityRows} from './capacityBars';

/**
 * Static stability drawn to scale: for 2, 3 and 4 zones, each zone's capacity
 * as a block, the survivors first and the lost zone last. The sizes come from
 * `capacityPlan` (P / (N − 1) a zone); a fine-grained capacity per task keeps
 * rounding out of the picture.
 */
const LEFT = 84;
const UNIT = 140; // width of 100 % of the peak
const ROW = 48;
const TOP = 34;
const W = LEFT + 2 * UNIT + 70;

export default function CapacityBars(): React.JSX.Element {
  const rows = capacityRows;
  const height = TOP + rows.length * ROW + 8;
  const peakX = LEFT + UNIT;
  const label = `Capacity needed to survive the loss of one zone: ${rows
    .map(({zones, plan}) => `${zones} zones need ${Math.round(plan.overhead * 100)} % of the peak in all, ${Math.round((100 * plan.tasksPerZone) / PEAK)} % in each zone`)
    .join('; ')}. In every case the zones left after a loss add up to exactly the peak.`;
  return (
    <figure style={{margin: '1.5rem 0'}}>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={label} style={{width: '100%', maxWidth: 560, height: 'auto', display: 'block', margin: '0 auto'}}>
        <title>{label}</title>
        <line x1={peakX} x2={peakX} y1={18} y2={height - 4} stroke="currentColor" strokeWidth={2} strokeDasharray="6 4" />
        <text x={peakX} y={13} textAnchor="middle" fontSize={12} fill="currentColor">
          peak (100 %)
        </text>
        {rows.map(({zones, plan}, row) => {
          const y = TOP + row * ROW;
          const zoneWidth = (plan.tasksPerZone / PEAK) * UNIT;
          return (
            <g key={zones}>
              <text x={0} y={y + 18} fontSize={13} fontWeight={700} fill="currentColor">
                {zones} zones
              </text>
              <text x={0} y={y + 33} fontSize={11} fill="currentColor">
                {Math.round((100 * plan.tasksPerZone) / PEAK)} % each
              </text>
              {Array.from({length: zones}, (_, index) => {
                const lost = index === zones - 1;
                return (
                  <rect
                    key={index}
                    x={LEFT + index * zoneWidth}
                    y={y + 6}
                    width={zoneWidth}
                    height={28}
                    fill={lost ? 'none' : 'var(--fl-healthy)'}
                    fillOpacity={lost ? 1 : 0.85}
                    stroke={lost ? 'var(--fl-dead)' : 'currentColor'}
                    strokeWidth={lost ? 2 : 1}
                    strokeDasharray={lost ? '4 3' : undefined}
                  />
                );
              })}
              <text x={LEFT + zones * zoneWidth - zoneWidth / 2} y={y + 25} textAnchor="middle" fontSize={11} fill="currentColor">
                lost
              </text>
              <text x={LEFT + zones * zoneWidth + 6} y={y + 25} fontSize={13} fill="currentColor">
                {Math.round(plan.overhead * 100)} %
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption style={{fontSize: '0.9rem', textAlign: 'center', marginTop: '0.5rem'}}>
        Each block is one zone’s capacity, to scale, as a share of the peak. The solid blocks are the zones left after one is lost (dashed): they always add up to the peak, so
        the total is N ÷ (N − 1) times the peak.
      </figcaption>
    </figure>
  );
}
