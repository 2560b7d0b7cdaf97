import React from 'react';

/**
 * A Region with three Availability Zones, each made of separate data centres,
 * labelled with its AZ ID and with the AZ name two different accounts see for it.
 * Colours come from the theme (currentColor and Infima variables), so it reads in
 * light and dark mode.
 */
const ZONES = [
  {id: 'use1-az1', yours: 'us-east-1a', theirs: 'us-east-1c'},
  {id: 'use1-az2', yours: 'us-east-1b', theirs: 'us-east-1a'},
  {id: 'use1-az4', yours: 'us-east-1c', theirs: 'us-east-1b'},
];

const ZONE_WIDTH = 180;
const GAP = 30;
const LEFT = 25;

export default function RegionDiagram(): React.JSX.Element {
  const titleId = 'region-diagram-title';
  const descId = 'region-diagram-desc';
  return (
    <figure style={{margin: '1.5rem 0'}}>
      <svg
        viewBox="0 0 640 330"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        style={{width: '100%', height: 'auto', maxWidth: 640, display: 'block', color: 'var(--ifm-font-color-base)'}}>
        <title id={titleId}>A Region with three Availability Zones</title>
        <desc id={descId}>
          The Region us-east-1 holds three Availability Zones with the IDs use1-az1, use1-az2 and use1-az4. Each zone is one or
          more data centres with its own power and network. Links between zones are single-digit milliseconds, and zones can be up
          to about 100 km apart. The same zone has a different name in different accounts: use1-az1 is us-east-1a in your account
          and us-east-1c in another.
        </desc>
        <rect x="5" y="5" width="630" height="320" rx="14" fill="none" stroke="currentColor" strokeWidth="2" strokeDasharray="8 6" />
        <text x="25" y="36" fill="currentColor" fontSize="20" fontWeight="700">
          Region us-east-1
        </text>
        {ZONES.map((zone, i) => {
          const x = LEFT + i * (ZONE_WIDTH + GAP);
          return (
            <g key={zone.id}>
              <rect x={x} y="56" width={ZONE_WIDTH} height="200" rx="10" fill="none" stroke="var(--ifm-color-primary)" strokeWidth="3" />
              <text x={x + ZONE_WIDTH / 2} y="86" textAnchor="middle" fill="currentColor" fontSize="20" fontWeight="700">
                {zone.id}
              </text>
              {[0, 1].map((dc) => (
                <g key={dc}>
                  <rect x={x + 20 + dc * 75} y="102" width="65" height="54" rx="4" fill="none" stroke="currentColor" strokeWidth="1.5" />
                  <text x={x + 52 + dc * 75} y="135" textAnchor="middle" fill="currentColor" fontSize="15">
                    DC
                  </text>
                </g>
              ))}
              <text x={x + ZONE_WIDTH / 2} y="184" textAnchor="middle" fill="currentColor" fontSize="15">
                own power, own network
              </text>
              <text x={x + ZONE_WIDTH / 2} y="214" textAnchor="middle" fill="currentColor" fontSize="16">
                you: {zone.yours}
              </text>
              <text x={x + ZONE_WIDTH / 2} y="238" textAnchor="middle" fill="currentColor" fontSize="16">
                other: {zone.theirs}
              </text>
              {i < ZONES.length - 1 ? (
                <line
                  x1={x + ZONE_WIDTH + 2}
                  y1="156"
                  x2={x + ZONE_WIDTH + GAP - 2}
                  y2="156"
                  stroke="var(--ifm-color-primary)"
                  strokeWidth="3"
                />
              ) : null}
            </g>
          );
        })}
        <text x="320" y="290" textAnchor="middle" fill="currentColor" fontSize="17">
          Zones: up to ~100 km apart, single-digit ms between them
        </text>
        <text x="320" y="313" textAnchor="middle" fill="currentColor" fontSize="15">
          DC = data centre. Names differ per account; IDs do not.
        </text>
      </svg>
    </figure>
  );
}
