import React from 'react';

/**
 * Split brain, drawn: the old primary in zone a is cut off but still takes
 * writes from the clients that can reach it, while the replica in zone b was
 * promoted by the failover manager. Fencing removes the left-hand path.
 * Colours come from theme variables so the drawing reads in both themes.
 */
export default function SplitBrainDiagram(): React.JSX.Element {
  const text = {fill: 'var(--ifm-font-color-base)', fontSize: 13, fontFamily: 'inherit'} as const;
  const small = {...text, fontSize: 11.5} as const;
  return (
    <figure style={{margin: '1.5rem 0'}}>
      <svg
        viewBox="0 0 640 270"
        role="img"
        aria-labelledby="split-brain-title split-brain-desc"
        style={{width: '100%', height: 'auto', maxWidth: 640, display: 'block'}}
      >
        <title id="split-brain-title">Split brain between two zones</title>
        <desc id="split-brain-desc">
          Zone a and zone b are cut off from each other. In zone a the old primary is still running and a client writes
          order 17 to it. In zone b the failover manager has promoted the replica, and another client writes order 18
          there. Both writes are acknowledged, the two databases now disagree, and one side's writes will be thrown away.
          Fencing stops the old primary before the new one is promoted, so only zone b accepts writes.
        </desc>
        <defs>
          <marker id="split-brain-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
          </marker>
        </defs>
        <g style={{color: 'var(--ifm-font-color-base)'}}>
          {/* Zone boxes */}
          <rect x="10" y="10" width="270" height="250" rx="10" fill="none" stroke="currentColor" strokeDasharray="6 4" />
          <rect x="360" y="10" width="270" height="250" rx="10" fill="none" stroke="currentColor" strokeDasharray="6 4" />
          <text x="24" y="34" style={text} fontWeight={600}>Zone a (cut off)</text>
          <text x="374" y="34" style={text} fontWeight={600}>Zone b</text>

          {/* The cut between the zones */}
          <line x1="320" y1="20" x2="320" y2="250" stroke="var(--fl-dead)" strokeWidth="3" strokeDasharray="10 6" />
          <text x="320" y="140" style={small} textAnchor="middle" fill="var(--fl-dead)">
            <tspan x="320" dy="0" style={{fill: 'var(--fl-dead)'}}>✕</tspan>
          </text>

          {/* Old primary */}
          <rect x="60" y="120" width="180" height="56" rx="8" fill="none" stroke="var(--fl-dead)" strokeWidth="2.5" />
          <text x="150" y="143" style={text} textAnchor="middle">Old primary</text>
          <text x="150" y="163" style={small} textAnchor="middle">still accepts writes</text>

          {/* New primary */}
          <rect x="410" y="120" width="180" height="56" rx="8" fill="none" stroke="var(--fl-healthy)" strokeWidth="2.5" />
          <text x="500" y="143" style={text} textAnchor="middle">Promoted replica</text>
          <text x="500" y="163" style={small} textAnchor="middle">new primary</text>

          {/* Clients */}
          <text x="150" y="66" style={text} textAnchor="middle">Client 1</text>
          <line x1="150" y1="74" x2="150" y2="116" stroke="currentColor" strokeWidth="1.5" markerEnd="url(#split-brain-arrow)" />
          <text x="158" y="100" style={small}>writes order 17</text>
          <text x="500" y="66" style={text} textAnchor="middle">Client 2</text>
          <line x1="500" y1="74" x2="500" y2="116" stroke="currentColor" strokeWidth="1.5" markerEnd="url(#split-brain-arrow)" />
          <text x="508" y="100" style={small}>writes order 18</text>

          {/* Outcome */}
          <text x="150" y="210" style={small} textAnchor="middle">Without fencing: acknowledged,</text>
          <text x="150" y="227" style={small} textAnchor="middle">later thrown away</text>
          <text x="500" y="210" style={small} textAnchor="middle">Fencing stops zone a’s copy</text>
          <text x="500" y="227" style={small} textAnchor="middle">before this one is promoted</text>
        </g>
      </svg>
      <figcaption style={{fontSize: '0.9rem'}}>
        Split brain: two primaries, each acknowledging writes the other never sees. Fencing makes sure the old one has
        stopped before the new one starts.
      </figcaption>
    </figure>
  );
}
