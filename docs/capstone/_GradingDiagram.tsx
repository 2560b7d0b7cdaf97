import React from 'react';
import {BRIEF} from './challenge';

/**
 * How the capstone grades a design: the design runs for each scenario (each
 * zone lost in turn, then the primary failing) with five seeds and the
 * database failover at the top of AWS's typical range, each target takes its worst
 * value over the runs, and the budget targets are read from the design itself.
 */
const W = 460;
const H = 410;

const runs = ['use1-az1 lost', 'use1-az2 lost', 'use1-az4 lost', 'primary fails'];
const targets = ['Availability ≥ 99 %', 'RPO 0 s', 'RTO ≤ 90 s', 'No overload'];
const budget = [`≤ ${BRIEF.maxTasks} tasks · ≤ ${BRIEF.maxDatabaseInstances} database instances`, `billed inter-AZ transfer ≤ $${BRIEF.maxCrossZoneUsdPerMonth} a month`];

const LABEL =
  `How a design is graded. Your design from the lab is run in four scenarios, each one hour long: once with each of its zones lost for 30 minutes (use1-az1, use1-az2, use1-az4), and once with the database primary failing. Each scenario runs with five seeds, and every database failover takes the top of the typical range AWS documents for it. Each run target, availability of at least 99 %, a recovery point of 0 s, a recovery time of at most 90 s and no overload failures, keeps its worst value over the runs and is compared with its limit. The budget targets, at most ${BRIEF.maxTasks} tasks, at most ${BRIEF.maxDatabaseInstances} database instances and at most $${BRIEF.maxCrossZoneUsdPerMonth} a month of traffic between zones billed as inter-AZ transfer, are read from the design without running it. Every target says met or missed, and why.`;

const text = {fill: 'currentColor', fontSize: 13} as const;

function Box({x, y, w, h, label, strong = false, tone = 'currentColor'}: {x: number; y: number; w: number; h: number; label: string; strong?: boolean; tone?: string}) {
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={6} fill="none" stroke={tone} strokeWidth={strong ? 2 : 1.2} />
      <text x={x + w / 2} y={y + h / 2 + 4.5} textAnchor="middle" {...text} fontWeight={strong ? 700 : 400}>
        {label}
      </text>
    </g>
  );
}

function Arrow({x1, y1, x2, y2}: {x1: number; y1: number; x2: number; y2: number}) {
  return <line x1={x1} y1={y1} x2={x2} y2={y2} stroke="currentColor" strokeOpacity={0.7} strokeWidth={1.2} markerEnd="url(#capstone-arrow)" />;
}

export default function GradingDiagram(): React.JSX.Element {
  const runW = 100;
  const runGap = 10;
  const runsX = (W - (runs.length * runW + (runs.length - 1) * runGap)) / 2;
  return (
    <figure style={{margin: '1.5rem 0', maxWidth: W}}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={LABEL} style={{color: 'var(--ifm-font-color-base)', display: 'block'}}>
        <defs>
          <marker id="capstone-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
          </marker>
        </defs>
        <Box x={130} y={8} w={200} h={34} label="Your design (the lab)" strong tone="var(--ifm-color-primary)" />
        {runs.map((run, i) => {
          const x = runsX + i * (runW + runGap);
          return (
            <g key={run}>
              <Arrow x1={230} y1={42} x2={x + runW / 2} y2={78} />
              <Box x={x} y={80} w={runW} h={34} label={run} tone={i === 3 ? 'var(--fl-starting)' : 'var(--fl-dead)'} />
              <Arrow x1={x + runW / 2} y1={114} x2={x + runW / 2} y2={146} />
            </g>
          );
        })}
        {/* A halo in the page's colour keeps the caption readable where the arrows pass behind it. */}
        <text x={W / 2} y={138} textAnchor="middle" {...text} fontSize={12} stroke="var(--ifm-background-color)" strokeWidth={5} paintOrder="stroke">
          one hour each, 5 seeds, slowest typical failover
        </text>
        <rect x={runsX} y={148} width={runs.length * runW + (runs.length - 1) * runGap} height={120} rx={8} fill="none" stroke="currentColor" strokeOpacity={0.6} strokeDasharray="6 4" />
        <text x={runsX + 10} y={168} {...text} fontWeight={700}>
          Run targets: the worst run counts
        </text>
        {targets.map((target, i) => (
          <text key={target} x={runsX + 20 + (i % 2) * 200} y={198 + Math.floor(i / 2) * 30} {...text}>
            {target}
          </text>
        ))}
        <text x={runsX + 10} y={258} {...text} fontSize={12}>
          e.g. RTO = the slowest recovery of all the runs
        </text>
        <rect x={runsX} y={286} width={runs.length * runW + (runs.length - 1) * runGap} height={84} rx={8} fill="none" stroke="currentColor" strokeOpacity={0.6} strokeDasharray="6 4" />
        <text x={runsX + 10} y={306} {...text} fontWeight={700}>
          Budget: read from the design, no run
        </text>
        {budget.map((line, i) => (
          <text key={line} x={runsX + 20} y={330 + i * 22} {...text}>
            {line}
          </text>
        ))}
        <Arrow x1={230} y1={372} x2={230} y2={386} />
        <text x={W / 2} y={404} textAnchor="middle" {...text} fontWeight={700}>
          Each target: ✓ met or ✗ missed, and why
        </text>
      </svg>
    </figure>
  );
}
