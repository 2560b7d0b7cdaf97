import React from 'react';

/**
 * The loop of a metastable failure: a trigger starts an overload that the
 * system's own reactions (timeouts, retries) keep going after the trigger
 * ends. A picture of the idea from Bronson et al. (HotOS 2021), with no
 * numbers: the lab below it shows the engine's.
 */
const LOOP = [
  {title: 'Overload', line: 'queues and latency grow'},
  {title: 'Timeouts', line: 'work is wasted'},
  {title: 'Retries', line: 'the same requests again'},
  {title: 'More load', line: 'above capacity'},
] as const;

const BOX_W = 180;
const BOX_H = 50;
const WIDTH = 400;
const HEIGHT = 300;
// Four boxes on a ring: top, right, bottom, left of the centre.
const CENTRES = [
  {x: WIDTH / 2, y: 96},
  {x: WIDTH - BOX_W / 2 - 6, y: 170},
  {x: WIDTH / 2, y: 248},
  {x: BOX_W / 2 + 6, y: 170},
] as const;

export default function MetastableLoop(): React.JSX.Element {
  const text = {fill: 'var(--ifm-font-color-base)', fontFamily: 'inherit'} as const;
  const edge = (from: number, to: number) => {
    const a = CENTRES[from]!;
    const b = CENTRES[to]!;
    // From the side of one box towards the side of the next, clockwise.
    const dx = Math.sign(b.x - a.x);
    const dy = Math.sign(b.y - a.y);
    return `M ${a.x + dx * (BOX_W / 4)} ${a.y + dy * (BOX_H / 2)} L ${b.x - dx * (BOX_W / 4)} ${b.y - dy * (BOX_H / 2)}`;
  };
  return (
    <figure style={{margin: '1.5rem 0'}}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="metastable-loop-title metastable-loop-desc"
        style={{width: '100%', height: 'auto', maxWidth: 480, display: 'block'}}
      >
        <title id="metastable-loop-title">The loop that keeps a metastable failure going</title>
        <desc id="metastable-loop-desc">
          A trigger, such as a lost zone, pushes the service into overload. Overload makes queues grow and latency rise;
          clients time out and the work done for them is wasted; they retry, sending the same requests again; the retries
          raise the offered load above capacity, which keeps the overload going. The loop continues after the trigger has
          ended, until shedding, backoff, a retry budget or a large cut in load breaks it.
        </desc>
        <defs>
          <marker id="metastable-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" fill="var(--ifm-color-primary)" />
          </marker>
        </defs>
        <rect x={WIDTH / 2 - 110} y={4} width={220} height={40} rx={8} fill="none" stroke="var(--fl-dead)" strokeWidth={2} strokeDasharray="6 4" />
        <text x={WIDTH / 2} y={29} textAnchor="middle" fontSize={14} fontWeight={700} style={text}>
          Trigger: a zone is lost
        </text>
        <line x1={WIDTH / 2} y1={45} x2={WIDTH / 2} y2={CENTRES[0].y - BOX_H / 2 - 3} stroke="var(--fl-dead)" strokeWidth={2} markerEnd="url(#metastable-arrow)" />
        {LOOP.map((step, i) => {
          const c = CENTRES[i]!;
          return (
            <g key={step.title}>
              <rect x={c.x - BOX_W / 2} y={c.y - BOX_H / 2} width={BOX_W} height={BOX_H} rx={8} fill="none" stroke="var(--ifm-font-color-base)" strokeWidth={2} />
              <text x={c.x} y={c.y - 4} textAnchor="middle" fontSize={15} fontWeight={700} style={text}>
                {step.title}
              </text>
              <text x={c.x} y={c.y + 16} textAnchor="middle" fontSize={13.5} style={text}>
                {step.line}
              </text>
              <path d={edge(i, (i + 1) % LOOP.length)} fill="none" stroke="var(--ifm-color-primary)" strokeWidth={2} markerEnd="url(#metastable-arrow)" />
            </g>
          );
        })}
      </svg>
      <figcaption style={{fontSize: '0.9rem'}}>
        The trigger starts the loop; the loop does not need it any more. Shedding cuts the arrow from overload to
        timeouts, backoff and a budget the one from timeouts to retries.
      </figcaption>
    </figure>
  );
}
