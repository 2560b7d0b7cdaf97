/**
 * Zone names and zone IDs. A zone name (`us-east-1a`) is mapped to a physical
 * zone separately for each AWS account; a zone ID (`use1-az1`) names the same
 * zone in every account. The importer keeps both and shows them together.
 */

/** AWS's page on zone IDs, linked wherever the page shows them. */
export const AZ_IDS_DOC = 'https://docs.aws.amazon.com/global-infrastructure/latest/regions/az-ids.html';

/** A zone as the reader reads it: its name, and its zone ID when known (`us-east-1a (use1-az1)`). */
export function zoneLabel(zone: string, zoneIds: Readonly<Record<string, string>> = {}): string {
  const id = zoneIds[zone];
  return id && id !== zone ? `${zone} (${id})` : zone;
}

/** Zones as a list for a sentence. */
export function zoneList(zones: readonly string[], zoneIds: Readonly<Record<string, string>> = {}): string {
  return zones.map((z) => zoneLabel(z, zoneIds)).join(', ');
}
