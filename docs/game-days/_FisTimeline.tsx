import React from 'react';

/**
 * The AWS FIS "AZ Availability: Power Interruption" scenario on a time axis:
 * 30 minutes of impairment, then 30 of recovery, and the variant that starts
 * a zonal autoshift at minute 5 for the remaining 25 minutes of impairment.
 * Figures: docs.aws.amazon.com/fis/latest/userguide/az-availability-scenario.html.
 */
export default function FisTimeline(): React.JSX.Element {
  const text = {fill: 'var(--ifm-font-color-base)', fontSize: 13, fontFamily: 'inherit'} as const;
  const small = {...text, fontSize: 12} as const;
  // 0..60 minutes map to x 40..600.
  const x = (minute: number) => 40 + (minute / 60) * 560;
  return (
    <figure style={{margin: '1.5rem 0'}}>
      <svg
        viewBox="0 0 640 210"
        role="img"
        aria-labelledby="fis-timeline-title fis-timeline-desc"
        style={{width: '100%', height: 'auto', maxWidth: 640, display: 'block'}}
      >
        <title id="fis-timeline-title">Timeline of the FIS AZ power interruption scenario</title>
        <desc id="fis-timeline-desc">
          From minute 0 to minute 30 the zone is impaired: compute stopped, subnets cut, EBS unresponsive, RDS and
          ElastiCache failed over. From minute 30 to minute 60 the zone recovers. In the autoshift variant, a zonal
          autoshift moves traffic away from the zone from minute 5 until the end of the impairment at minute 30, 25
          minutes in all.
        </desc>
        <g style={{color: 'var(--ifm-font-color-base)'}}>
          {/* Impairment and recovery bars */}
          <rect x={x(0)} y="40" width={x(30) - x(0)} height="40" rx="4" fill="none" stroke="var(--fl-dead)" strokeWidth="2.5" />
          <text x={(x(0) + x(30)) / 2} y="65" style={text} textAnchor="middle">Impairment: 30 min</text>
          <rect x={x(30)} y="40" width={x(60) - x(30)} height="40" rx="4" fill="none" stroke="var(--fl-healthy)" strokeWidth="2.5" />
          <text x={(x(30) + x(60)) / 2} y="65" style={text} textAnchor="middle">Recovery: 30 min</text>

          {/* Autoshift variant */}
          <rect x={x(5)} y="100" width={x(30) - x(5)} height="32" rx="4" fill="none" stroke="var(--ifm-color-primary)" strokeWidth="2.5" strokeDasharray="6 3" />
          <text x={(x(5) + x(30)) / 2} y="121" style={small} textAnchor="middle">Autoshift variant: minute 5 to 30</text>

          {/* Axis */}
          <line x1={x(0)} y1="155" x2={x(60)} y2="155" stroke="currentColor" strokeWidth="1.5" />
          {[0, 5, 30, 60].map((m) => (
            <g key={m}>
              <line x1={x(m)} y1="150" x2={x(m)} y2="160" stroke="currentColor" strokeWidth="1.5" />
              <text x={x(m)} y="178" style={small} textAnchor="middle">{m}</text>
            </g>
          ))}
          <text x={x(60)} y="198" style={small} textAnchor="end">minutes from the start of the experiment</text>
        </g>
      </svg>
      <figcaption style={{fontSize: '0.9rem'}}>
        The scenario's shape: half an hour with the zone impaired, half an hour of recovery, and an optional autoshift
        from minute 5.
      </figcaption>
    </figure>
  );
}
