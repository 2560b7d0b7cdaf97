import React from 'react';

const text: React.CSSProperties = {fill: 'var(--ifm-font-color-base)', fontSize: 14};
const small: React.CSSProperties = {fill: 'var(--ifm-font-color-base)', fontSize: 13};
const axis: React.CSSProperties = {stroke: 'var(--ifm-font-color-base)', strokeWidth: 2};
const lost: React.CSSProperties = {fill: 'var(--fl-dead)', opacity: 0.22};
const down: React.CSSProperties = {fill: 'var(--fl-starting)', opacity: 0.22};
const lostEdge: React.CSSProperties = {stroke: 'var(--fl-dead)', strokeWidth: 2};
const downEdge: React.CSSProperties = {stroke: 'var(--fl-starting)', strokeWidth: 2};
const mark: React.CSSProperties = {stroke: 'var(--ifm-font-color-base)', strokeWidth: 2, strokeDasharray: '4 3'};

/**
 * RPO looks back from the failure, RTO looks forward from it: a time axis with
 * the writes the replica never received (behind the failure) and the time
 * without a writable primary (after it).
 */
export default function RpoRtoDiagram(): React.JSX.Element {
  return (
    <figure style={{margin: '1.5rem 0'}}>
      <svg
        viewBox="0 0 480 200"
        style={{width: '100%', maxWidth: 640, height: 'auto', display: 'block'}}
        role="img"
        aria-labelledby="rpo-rto-title">
        <title id="rpo-rto-title">
          A time line. Before the moment the primary is lost, the last stretch of writes never reached the replica:
          that window is the recovery point, what you lose. After the moment of loss, writes fail until a new primary
          accepts them: that window is the recovery time, how long you are down.
        </title>
        <rect x={120} y={70} width={100} height={50} style={lost} />
        <rect x={220} y={70} width={190} height={50} style={down} />
        <line x1={20} y1={120} x2={460} y2={120} style={axis} />
        <path d="M460 120 l-10 -5 l0 10 z" style={{fill: 'var(--ifm-font-color-base)'}} />
        <text x={462} y={142} textAnchor="end" style={small}>
          time
        </text>
        <line x1={120} y1={60} x2={120} y2={130} style={mark} />
        <line x1={220} y1={40} x2={220} y2={130} style={{...mark, strokeDasharray: undefined}} />
        <line x1={410} y1={60} x2={410} y2={130} style={mark} />
        <text x={220} y={32} textAnchor="middle" style={text}>
          primary lost
        </text>
        <text x={120} y={150} textAnchor="middle" style={small}>
          last write
        </text>
        <text x={120} y={166} textAnchor="middle" style={small}>
          the replica holds
        </text>
        <text x={410} y={150} textAnchor="middle" style={small}>
          writes accepted
        </text>
        <text x={410} y={166} textAnchor="middle" style={small}>
          again
        </text>
        <line x1={122} y1={95} x2={218} y2={95} style={lostEdge} />
        <text x={170} y={88} textAnchor="middle" style={{...text, fontWeight: 700}}>
          RPO
        </text>
        <text x={170} y={112} textAnchor="middle" style={small}>
          data lost
        </text>
        <line x1={222} y1={95} x2={408} y2={95} style={downEdge} />
        <text x={315} y={88} textAnchor="middle" style={{...text, fontWeight: 700}}>
          RTO
        </text>
        <text x={315} y={112} textAnchor="middle" style={small}>
          downtime
        </text>
      </svg>
      <figcaption style={{fontSize: '0.9rem', marginTop: '0.25rem'}}>
        The recovery point looks back from the failure; the recovery time looks forward from it.
      </figcaption>
    </figure>
  );
}
