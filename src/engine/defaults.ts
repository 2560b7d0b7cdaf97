/**
 * Default numbers of the model and where each one comes from. AWS values are
 * documented typical values (see the reference page for links), not
 * guarantees; values marked "illustrative" or "estimate" are ours and say so.
 */

/** Sources of the defaults, by short name. */
export const SOURCES = {
  albHealthChecks:
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html',
  albTargetGroupAttributes:
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-target-group-attributes.html',
  ecsPlacement: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html',
  ecsRebalancing: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/track-service-rebalancing.html',
  rdsMultiAzInstance: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html',
  rdsMultiAzCluster: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/multi-az-db-clusters-concepts.html',
  auroraHighAvailability:
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html',
  auroraQuorum: 'https://aws.amazon.com/blogs/database/amazon-aurora-under-the-hood-quorum-and-correlated-failure/',
  patroni: 'https://access.crunchydata.com/documentation/patroni/latest/dynamic_configuration/',
  patroniReplicationModes: 'https://access.crunchydata.com/documentation/patroni/latest/replication_modes/',
  mysqlSemiSync: 'https://dev.mysql.com/doc/refman/8.4/en/replication-semisync-interface.html',
  fisAzScenario: 'https://docs.aws.amazon.com/fis/latest/userguide/az-availability-scenario.html',
  zonalShift: 'https://docs.aws.amazon.com/r53recovery/latest/dg/arc-zonal-shift.how-it-works.html',
  nlbCrossZone: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-cross-zone.html',
  elbPricing: 'https://aws.amazon.com/elasticloadbalancing/pricing/',
  dataTransferPricing: 'https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer_within_the_same_AWS_Region',
  zonalAutoshift: 'https://docs.aws.amazon.com/r53recovery/latest/dg/arc-zonal-autoshift.how-it-works.start-stop-auto.html',
  zonalShiftApi: 'https://docs.aws.amazon.com/arc-zonal-shift/latest/api/Welcome.html',
  elbDnsTtl: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html#request-routing',
  sdkRetryBehavior: 'https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html',
  timeoutsRetriesBackoff: 'https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/',
  loadShedding: 'https://aws.amazon.com/builders-library/using-load-shedding-to-avoid-overload/',
  sakasegawa1977: 'https://link.springer.com/article/10.1007/BF02532775',
  metastableHotOS2021: 'https://sigops.org/s/conferences/hotos/2021/papers/hotos21-s11-bronson.pdf',
  metastableOSDI2022: 'https://www.usenix.org/conference/osdi22/presentation/huang-lexiang',
} as const;

/** ALB target-group health check defaults (interval 30 s, timeout 5 s, healthy 5, unhealthy 2). */
export const DEFAULT_HEALTH_CHECK = {
  intervalSeconds: 30,
  timeoutSeconds: 5,
  healthyThreshold: 5,
  unhealthyThreshold: 2,
} as const;

/** ALB deregistration delay default, seconds. */
export const DEFAULT_DEREGISTRATION_DELAY_SECONDS = 300;

/** Illustrative capacity of one task, requests per second (not an AWS number). */
export const DEFAULT_CAPACITY_PER_TASK = 100;
/** Illustrative offered load, requests per second (not an AWS number). */
export const DEFAULT_REQUESTS_PER_SECOND = 100;
/** Illustrative share of requests that write. */
export const DEFAULT_WRITE_SHARE = 0.1;
/** Illustrative sessions per request per second (a user acts every 10 s). */
export const DEFAULT_SESSIONS_PER_RPS = 10;
/** Illustrative average session length, seconds: users come and go, so sessions turn over. */
export const DEFAULT_SESSION_SECONDS = 1800;
/** Estimate: placement + image pull + app start; AWS publishes no number. */
export const DEFAULT_TASK_START_SECONDS = 60;
/**
 * Estimate: seconds before the scheduler notices a stopped task on its own. AWS does not
 * document how long ECS takes to learn that a task on a lost host is gone; the model borrows
 * the 90 s of the ECS container health check defaults (interval 30 s × retries 3) as an order
 * of magnitude only, since that check runs on the host and dies with it. The load balancer
 * usually notices first (35–65 s), and the scheduler acts on that too.
 */
export const DEFAULT_SCHEDULER_NOTICE_SECONDS = 90;
/** Simulated seconds when the model sets none. */
export const DEFAULT_DURATION_SECONDS = 3600;

/** RDS Multi-AZ DB instance failover: typically 60–120 s. */
export const RDS_MULTI_AZ_INSTANCE_FAILOVER = {min: 60, max: 120} as const;
/** RDS Multi-AZ DB cluster failover: typically under 35 s (the lower bound 20 s is ours). */
export const RDS_MULTI_AZ_CLUSTER_FAILOVER = {min: 20, max: 35} as const;
/**
 * Aurora failover to a replica in another zone: AWS says service is typically restored in
 * under 120 s and often in under 60 s. The whole range the model draws from (the lower bound
 * 20 s is ours).
 */
export const AURORA_REPLICA_FAILOVER = {min: 20, max: 120} as const;
/**
 * The shape of the default Aurora draw, the model's assumption (AWS publishes no
 * distribution): three draws in four fall in 20–60 s ("often under 60 s"), the rest in
 * 61–120 s ("typically under 120 s").
 */
export const AURORA_FAILOVER_SHAPE = {typicalMaxSeconds: 60, tailShare: 0.25} as const;
/** Aurora without a replica: a new writer in under 10 minutes. */
export const AURORA_RECREATE_SECONDS = 600;
/** Aurora storage: 6 copies, 2 per zone over 3 zones; writes need 4, reads 3. */
export const AURORA_STORAGE = {copiesPerZone: 2, writeQuorum: 4, readQuorum: 3} as const;
/** Illustrative asynchronous replica lag, seconds. */
export const DEFAULT_ASYNC_LAG_SECONDS = 5;
/** Estimate of a read-replica promotion ("minutes"). */
export const DEFAULT_PROMOTION_SECONDS = 120;
/**
 * Patroni defaults: ttl 30 s, loop_wait 10 s, retry_timeout 10 s, primary_start_timeout
 * 300 s, maximum_lag_on_failover 1 MB (1,048,576 bytes). A leader that cannot renew its
 * lock in the DCS within retry_timeout demotes itself, before the lock expires; a crashed
 * PostgreSQL on a live node is restarted in place for up to primary_start_timeout before
 * failover; a standby more than maximum_lag_on_failover behind does not take part in the
 * leader race.
 */
export const PATRONI = {
  ttlSeconds: 30,
  loopWaitSeconds: 10,
  retryTimeoutSeconds: 10,
  primaryStartTimeoutSeconds: 300,
  maximumLagOnFailoverBytes: 1_048_576,
} as const;
/**
 * The lowest settings Patroni accepts (its dynamic configuration page): a lease shorter than 20 s
 * or a loop shorter than 1 s is not a configuration Patroni runs, so the model refuses it too.
 */
export const PATRONI_MINIMUM = {
  ttlSeconds: 20,
  loopWaitSeconds: 1,
} as const;
/**
 * Illustrative WAL bytes one write adds (a small row change plus its index entries and
 * commit record; full-page images after a checkpoint make some writes far larger). Not a
 * PostgreSQL number: it turns "seconds of writes behind" into the bytes
 * `maximum_lag_on_failover` is set in.
 */
export const DEFAULT_WAL_BYTES_PER_WRITE = 1000;
/** MySQL `rpl_semi_sync_source_timeout` default, seconds. */
export const SEMI_SYNC_TIMEOUT_SECONDS = 10;
/**
 * Estimate of how long after a zone impairment AWS's zonal autoshift starts. AWS does not
 * publish it; the FIS scenario that starts an autoshift at minute 5 is scripted, not detection.
 */
export const DEFAULT_AUTOSHIFT_DELAY_SECONDS = 300;
/** Illustrative settings of an alarm-driven zonal shift: 5 % errors for 3 periods of 60 s, a shift that expires after 1 h. */
export const DEFAULT_ALARM_SHIFT = {
  errorRateThreshold: 0.05,
  evaluationPeriodSeconds: 60,
  evaluationPeriods: 3,
  expiresAfterSeconds: 3600,
} as const;
/** Inter-AZ data transfer list price, USD per GB in each direction (check the live pricing page). */
export const CROSS_AZ_USD_PER_GB_EACH_WAY = 0.01;
/** Illustrative average bytes per request + response between the load balancer and a task, for cost estimates. */
export const DEFAULT_BYTES_PER_REQUEST = 10_000;
/** Illustrative bytes of one database call and its result, for cost estimates. */
export const DEFAULT_BYTES_PER_DATABASE_CALL = 4_000;
/** Illustrative replication bytes per write, to each replica, for cost estimates. */
export const DEFAULT_REPLICATION_BYTES_PER_WRITE = 2_000;
/** TTL of an Elastic Load Balancing DNS record, seconds (AWS: 60 s). */
export const ELB_DNS_TTL_SECONDS = 60;
/**
 * Client defaults, each an estimate (AWS documents none for your clients): clients honour the
 * TTL (no cache past it), keep connections alive, give up on an address after 5 s and on an
 * answer after 10 s, and do not retry unless told to.
 */
export const DEFAULT_CLIENTS = {
  dnsCacheSeconds: 0,
  keepAlive: true,
  connectTimeoutSeconds: 5,
  requestTimeoutSeconds: 10,
  retries: 0,
  backoff: null,
  retryBudget: null,
} as const;
/** Estimate: seconds one request's work takes on an idle task (50 ms). */
export const DEFAULT_SERVICE_TIME_SECONDS = 0.05;
/** Longest timeout, backoff cap or DNS cache the model accepts, seconds. */
export const MAX_CLIENT_WAIT_SECONDS = 600;
/** The model supports at most this many zones. */
export const MAX_ZONES = 6;
/** Longest run the model accepts: 31 days. */
export const MAX_DURATION_SECONDS = 31 * 24 * 3600;
