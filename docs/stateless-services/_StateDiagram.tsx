import React from 'react';

/**
 * Where state hides in a task, and where it goes instead. Zone a has failed:
 * the task there takes its sessions, local files, cache and in-flight requests
 * with it, and the zonal resources in that zone (an EBS volume, a NAT gateway)
 * go too. The band underneath is storage that keeps copies in several zones.
 */
const W = 460;
const H = 420;

const lost = ['sessions in memory', 'uploads on local disk', 'warm local cache', 'in-flight requests'];
const moved = [
  'Sessions → DynamoDB or ElastiCache Multi-AZ',
  'Uploads → S3 Standard (3 or more zones)',
  'Shared files → EFS Regional',
  'Cache → rebuilt, or a Multi-AZ cache',
  'In-flight work → retried with an idempotency key',
];

const LABEL =
  'Three zones. Zone a has failed: its task, with the sessions in its memory, the uploads on its local disk, its warm cache and its in-flight requests, is gone, and so are the EBS volume and the NAT gateway in that zone. The tasks in zones b and c hold no state. Underneath, spanning all three zones, the regional stores the state moves to: sessions to DynamoDB or ElastiCache Multi-AZ, uploads to S3 Standard, shared files to EFS Regional, caches rebuilt or kept in a Multi-AZ cache, and in-flight work retried with an idempotency key.';

const text = {fill: 'currentColor', fontSize: 13} as const;

function Zone({x, width, name, failed}: {x: number; width: number; name: string; failed: boolean}) {
  return (
    <g>
      <rect
        x={x}
        y={28}
        width={width}
        height={262}
        rx={8}
        fill="none"
        stroke={failed ? 'var(--fl-dead)' : 'currentColor'}
        strokeWidth={failed ? 2 : 1}
        strokeDasharray="6 4"
        strokeOpacity={failed ? 1 : 0.6}
      />
      <text x={x + 10} y={50} {...text} fontWeight={700}>
        {failed ? `zone ${name}: failed` : `zone ${name}`}
      </text>
    </g>
  );
}

function StatelessTask({x}: {x: number}) {
  return (
    <g>
      <rect x={x} y={64} width={90} height={84} rx={6} fill="none" stroke="var(--fl-healthy)" strokeWidth={2} />
      <text x={x + 45} y={86} textAnchor="middle" {...text} fontWeight={700}>
        task
      </text>
      {['holds only', 'the request', 'in hand'].map((line, i) => (
        <text key={line} x={x + 45} y={108 + i * 16} textAnchor="middle" {...text} fontSize={12}>
          {line}
        </text>
      ))}
    </g>
  );
}

export default function StateDiagram(): React.JSX.Element {
  return (
    <figure style={{margin: '1.5rem 0'}}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={LABEL} style={{width: '100%', maxWidth: 560, height: 'auto', display: 'block'}}>
        <title>{LABEL}</title>
        <text x={10} y={16} {...text} fontWeight={700}>
          A zone fails: what goes with it
        </text>
        <Zone x={10} width={200} name="a" failed />
        <Zone x={220} width={110} name="b" failed={false} />
        <Zone x={340} width={110} name="c" failed={false} />

        {/* The task in the failed zone, with its hidden state. */}
        <rect x={20} y={64} width={180} height={120} rx={6} fill="none" stroke="var(--fl-dead)" strokeWidth={2} />
        <text x={30} y={86} {...text} fontWeight={700}>
          task: gone, with its
        </text>
        {lost.map((item, i) => (
          <text key={item} x={30} y={108 + i * 19} {...text}>
            • {item}
          </text>
        ))}

        {/* Zonal resources in the failed zone. */}
        {[
          {label: 'EBS volume', x: 20},
          {label: 'NAT gateway', x: 112},
        ].map((r) => (
          <g key={r.label}>
            <rect x={r.x} y={200} width={88} height={30} rx={5} fill="none" stroke="var(--fl-dead)" strokeWidth={2} />
            <text x={r.x + 44} y={220} textAnchor="middle" {...text} fontSize={12}>
              {r.label}
            </text>
          </g>
        ))}
        <text x={20} y={254} {...text} fontSize={12}>
          zonal: unreachable until
        </text>
        <text x={20} y={270} {...text} fontSize={12}>
          the zone comes back
        </text>

        <StatelessTask x={230} />
        <StatelessTask x={350} />

        {/* The regional band: storage that keeps copies in several zones. */}
        <rect x={10} y={300} width={440} height={114} rx={8} fill="none" stroke="var(--ifm-color-primary)" strokeWidth={2} />
        <text x={20} y={320} {...text} fontWeight={700}>
          Regional: copies in several zones
        </text>
        {moved.map((item, i) => (
          <text key={item} x={20} y={340 + i * 17} {...text}>
            {item}
          </text>
        ))}
      </svg>
      <figcaption style={{fontSize: '0.9rem', marginTop: '0.5rem'}}>
        Everything inside the task in zone a, and every zonal resource there, is out of reach while the zone is down. The
        tasks in zones b and c can serve any user only because the state they need lives in the regional band.
      </figcaption>
    </figure>
  );
}
