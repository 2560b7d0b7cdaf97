import React, {type ReactNode} from 'react';

/** One box of the chain. */
export interface ChainStep {
  title: string;
  /** A short second line under the title. */
  line: string;
  /** The box's outline colour (a CSS colour or variable); the text colour by default. */
  stroke?: string;
  /** A label to the right of the box, e.g. a count. */
  note?: string;
}

interface Props {
  /** A prefix for the SVG's element ids, unique on the page. */
  id: string;
  /** The picture's accessible name. */
  title: string;
  /** The picture's text alternative: everything it shows, in words. */
  description: string;
  caption: ReactNode;
  steps: readonly ChainStep[];
  /** Written beside every arrow between two boxes. */
  edgeLabel?: string;
  /** A dashed arrow from the last box back to the first: the chain is a loop. */
  loopBack?: boolean;
  /** Room on the right of the boxes, for notes or the loop-back arrow. */
  sideWidth?: number;
  /** The widest the picture is drawn, in CSS pixels. */
  maxWidth?: number;
}

const BOX_W = 280;
const BOX_H = 52;
const LEFT = 8;
const TOP = 8;

/**
 * A vertical chain of boxes joined by arrows, for the chapters' pictures of a
 * sequence (an evacuation, a call chain). Vertical so that the text stays
 * legible on a phone; a picture of a design, never of a model's result.
 */
export default function StepChain({id, title, description, caption, steps, edgeLabel, loopBack = false, sideWidth = 52, maxWidth = 420}: Props): React.JSX.Element {
  const gap = edgeLabel ? 34 : 20;
  const y = (i: number) => TOP + i * (BOX_H + gap);
  const width = LEFT + BOX_W + sideWidth;
  const height = y(steps.length) - gap + TOP;
  const centre = LEFT + BOX_W / 2;
  const text = {fill: 'var(--ifm-font-color-base)', fontFamily: 'inherit'} as const;
  const arrow = `${id}-arrow`;
  return (
    <figure style={{margin: '1.5rem 0'}}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} style={{width: '100%', height: 'auto', maxWidth, display: 'block'}}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          <marker id={arrow} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" fill="var(--ifm-color-primary)" />
          </marker>
        </defs>
        {steps.map((step, i) => (
          <g key={step.title}>
            <rect x={LEFT} y={y(i)} width={BOX_W} height={BOX_H} rx={8} fill="none" stroke={step.stroke ?? 'var(--ifm-font-color-base)'} strokeWidth={2} />
            <text x={centre} y={y(i) + 21} textAnchor="middle" fontSize={14} fontWeight={700} style={text}>
              {step.title}
            </text>
            <text x={centre} y={y(i) + 40} textAnchor="middle" fontSize={12.5} style={text}>
              {step.line}
            </text>
            {step.note && (
              <text x={LEFT + BOX_W + 10} y={y(i) + BOX_H / 2 + 5} fontSize={14} fontWeight={700} style={text}>
                {step.note}
              </text>
            )}
            {i < steps.length - 1 && (
              <>
                <line x1={centre} y1={y(i) + BOX_H + 1} x2={centre} y2={y(i + 1) - 3} stroke="var(--ifm-color-primary)" strokeWidth={2} markerEnd={`url(#${arrow})`} />
                {edgeLabel && (
                  <text x={centre + 10} y={y(i) + BOX_H + gap / 2 + 5} fontSize={13} style={text}>
                    {edgeLabel}
                  </text>
                )}
              </>
            )}
          </g>
        ))}
        {loopBack && (
          <path
            d={`M ${LEFT + BOX_W + 2} ${y(steps.length - 1) + BOX_H / 2} H ${width - 14} V ${y(0) + BOX_H / 2} H ${LEFT + BOX_W + 5}`}
            fill="none"
            stroke="var(--ifm-color-primary)"
            strokeWidth={2}
            strokeDasharray="6 4"
            markerEnd={`url(#${arrow})`}
          />
        )}
      </svg>
      <figcaption style={{fontSize: '0.9rem'}}>{caption}</figcaption>
    </figure>
  );
}
