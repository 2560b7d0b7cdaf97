import React from 'react';
import styles from './_RegionDiagram.module.css';

/**
 * A Region with three Availability Zones, each made of separate data centres,
 * labelled with its AZ ID and with the AZ name two different accounts see for it.
 * Drawn with HTML boxes rather than a scaled SVG, so its text wraps inside the
 * boxes at any width and keeps the page's font size on a phone (the SVG ran over
 * its boxes at 1280 px and shrank to about 8 px at 375 px).
 */
const ZONES = [
  {id: 'use1-az1', yours: 'us-east-1a', theirs: 'us-east-1c'},
  {id: 'use1-az2', yours: 'us-east-1b', theirs: 'us-east-1a'},
  {id: 'use1-az4', yours: 'us-east-1c', theirs: 'us-east-1b'},
];

export default function RegionDiagram(): React.JSX.Element {
  const titleId = 'region-diagram-title';
  const descId = 'region-diagram-desc';
  return (
    <figure className={styles.figure}>
      <div className={styles.region} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <p id={titleId} className={styles.title}>
          Region us-east-1
        </p>
        <p id={descId} className="fl-visually-hidden">
          The Region us-east-1 holds three Availability Zones with the IDs use1-az1, use1-az2 and use1-az4. Each zone is one or
          more data centres with its own power and network. Links between zones are single-digit milliseconds, and zones can be up
          to about 100 km apart. In this Region, one of the oldest, the same zone can have a different name in different accounts created before November
          2025: use1-az1 can be us-east-1a in your account and us-east-1c in another.
        </p>
        <ul className={styles.zones} aria-hidden="true">
          {ZONES.map((zone) => (
            <li key={zone.id} className={styles.zone} data-zone={zone.id}>
              <strong className={styles.zoneId}>{zone.id}</strong>
              <span className={styles.dcs}>
                <span className={styles.dc}>DC</span>
                <span className={styles.dc}>DC</span>
              </span>
              <span>own power, own network</span>
              <span>you: {zone.yours}</span>
              <span>other: {zone.theirs}</span>
            </li>
          ))}
        </ul>
        <p className={styles.note} aria-hidden="true">
          Zones: up to ~100 km apart, single-digit ms between them
        </p>
        <p className={styles.key} aria-hidden="true">
          DC = data centre. Names can differ per account; IDs do not.
        </p>
      </div>
    </figure>
  );
}
