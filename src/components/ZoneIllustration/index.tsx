import React from 'react';
import styles from './styles.module.css';

/**
 * The home page picture: a load balancer in front of three zones, one of which
 * has failed. Drawn in SVG so it costs no script and follows the colour theme.
 */
export default function ZoneIllustration(): React.JSX.Element {
  const zones = [
    {id: 'use1-az1', failed: false},
    {id: 'use1-az2', failed: false},
    {id: 'use1-az4', failed: true},
  ];
  return (
    <svg
      className={styles.svg}
      viewBox="0 0 360 230"
      role="img"
      aria-labelledby="zone-illustration-title">
      <title id="zone-illustration-title">
        A load balancer sends traffic to tasks in three Availability Zones. The third zone has failed, so its
        tasks are down and the two other zones carry the load.
      </title>
      <rect className={styles.lb} x="110" y="8" width="140" height="36" rx="8" />
      <text className={styles.lbText} x="180" y="31" textAnchor="middle">
        Load balancer
      </text>
      {zones.map((zone, index) => {
        const x = 12 + index * 116;
        return (
          <g key={zone.id}>
            <line
              className={zone.failed ? styles.flowFailed : styles.flow}
              x1="180"
              y1="44"
              x2={x + 52}
              y2="92"
            />
            <rect className={zone.failed ? styles.zoneFailed : styles.zone} x={x} y="92" width="104" height="128" rx="10" />
            <text className={styles.zoneText} x={x + 52} y="112" textAnchor="middle">
              {zone.id}
            </text>
            {[0, 1].map((task) => (
              <rect
                key={task}
                className={zone.failed ? styles.taskDead : styles.task}
                x={x + 14 + task * 42}
                y="126"
                width="34"
                height="28"
                rx="5"
              />
            ))}
            <rect className={zone.failed ? styles.taskDead : styles.db} x={x + 14} y="166" width="76" height="40" rx="6" />
            <text className={styles.dbText} x={x + 52} y="191" textAnchor="middle">
              {index === 0 ? 'primary' : 'standby'}
            </text>
            {zone.failed ? (
              <path className={styles.cross} d={`M${x + 24} 124 L${x + 80} 210 M${x + 80} 124 L${x + 24} 210`} />
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
