// Which source gives each value of `ip_geo`: the log's coordinates, then the gazetteer for a portal
// CSV location, then the IP databases; country-only answers are placed at the country's centre.
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDb } from '../../../main/db/case-db';
import { enrichCase } from '../../../main/geo/enrich';
import { readIpGeo } from '../../../main/geo/ip-geo-table';
import { openBundledCountryDb, openGeoDatabase, toIpRecord, type GeoDatabase, type IpRecord } from '../../../main/geo/mmdb';
import { graphSignin } from '../../helpers/graph-records';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';
import { scalar } from '../../helpers/sql';

const tmp = tempDir();
const PORTAL_HEADER = 'Date (UTC),Request ID,Correlation ID,User,Username,Application,IP address,Location,Status,Sign-in error code';

/** A stand-in City/ASN database answering the same record for every address. */
function fakeDb(role: 'city' | 'asn', record: Partial<IpRecord>): GeoDatabase {
  const full: IpRecord = { country: null, city: null, lat: null, lon: null, accuracyKm: null, asn: null, org: null, ...record };
  return { info: { role, path: `/x/${role}.mmdb`, fileName: `${role}.mmdb`, databaseType: role, buildDate: '2025-01-01T00:00:00.000Z' }, lookup: () => full };
}
const TOKYO_DB = fakeDb('city', { country: 'JP', city: 'Tokyo', lat: 35.68, lon: 139.69, accuracyKm: 20 });
const ASN_DB = fakeDb('asn', { asn: 64500, org: 'Example Transit' });

let caseDb: CaseDb;
beforeAll(async () => {
  const graph = tmp.write(
    'graph.json',
    JSON.stringify({
      value: [
        graphSignin({
          ipAddress: '20.1.1.1',
          autonomousSystemNumber: 3215,
          location: { city: 'Paris', state: 'Ile-de-France', countryOrRegion: 'FR', geoCoordinates: { latitude: 48.85, longitude: 2.35 } },
        }),
        graphSignin({ ipAddress: '8.8.8.8', location: { city: '', state: '', countryOrRegion: '', geoCoordinates: {} } }),
        graphSignin({ ipAddress: '10.0.0.5', location: { city: '', state: '', countryOrRegion: '', geoCoordinates: {} } }),
      ],
    }),
  );
  const csv = tmp.write(
    'InteractiveSignIns_2025-03-01_2025-03-07.csv',
    `${PORTAL_HEADER}\n2025-03-04T02:10:00Z,req-csv-1,corr-csv-1,Alex,alexw@northwind.example,Azure Portal,131.107.1.1,"Redmond, Washington, US",Success,0\n`,
  );
  ({ caseDb } = await importIntoNewCase([graph, csv]));
});

describe('enrichment precedence', () => {
  it('uses the log, then the gazetteer, then the bundled country database', async () => {
    const summary = await enrichCase(caseDb);
    expect(summary.ips).toBe(4);
    expect(readIpGeo(caseDb, '20.1.1.1')).toMatchObject({
      kind: 'public',
      country: 'FR',
      city: 'Paris',
      latitude: 48.85,
      longitude: 2.35,
      asn: 3215,
      sourceCountry: 'log',
      sourceCoords: 'log',
      sourceAsn: 'log',
    });
    const redmond = readIpGeo(caseDb, '131.107.1.1')!;
    expect(redmond).toMatchObject({ country: 'US', city: 'Redmond', sourceCountry: 'log', sourceCoords: 'gazetteer', uncertaintyKm: 0 });
    expect(redmond.latitude!).toBeCloseTo(47.67, 1);
    expect(redmond.longitude!).toBeCloseTo(-122.12, 1);
    const google = readIpGeo(caseDb, '8.8.8.8')!;
    expect(google).toMatchObject({ country: 'US', sourceCountry: 'country-mmdb', sourceCoords: 'country-centroid', asn: null });
    expect(google.uncertaintyKm!).toBeGreaterThan(1000);
    expect(readIpGeo(caseDb, '10.0.0.5')).toMatchObject({ kind: 'private', country: null, latitude: null, sourceCoords: null });
  });

  it('lets the log and the CSV location beat an analyst City database, which beats the country centre', async () => {
    await enrichCase(caseDb, undefined, { cityDb: TOKYO_DB, asnDb: ASN_DB });
    expect(readIpGeo(caseDb, '20.1.1.1')).toMatchObject({ latitude: 48.85, sourceCoords: 'log', asn: 3215, org: null });
    expect(readIpGeo(caseDb, '131.107.1.1')).toMatchObject({ sourceCoords: 'gazetteer', asn: 64500, org: 'Example Transit', sourceAsn: 'asn-mmdb' });
    expect(readIpGeo(caseDb, '8.8.8.8')).toMatchObject({ country: 'JP', city: 'Tokyo', latitude: 35.68, uncertaintyKm: 20, sourceCountry: 'city-mmdb', sourceCoords: 'city-mmdb' });
    // private addresses are never looked up
    expect(readIpGeo(caseDb, '10.0.0.5')).toMatchObject({ country: null, asn: null });
  });

  it('is idempotent', async () => {
    await enrichCase(caseDb, undefined, { countryDb: null });
    await enrichCase(caseDb, undefined, { countryDb: null });
    expect(Number(scalar(caseDb, 'SELECT count(*) FROM ip_geo'))).toBe(4);
    expect(readIpGeo(caseDb, '8.8.8.8')).toMatchObject({ country: null, latitude: null });
  });
});

describe('MaxMind databases', () => {
  it('reads the bundled country database', async () => {
    const db = await openBundledCountryDb();
    expect(db.lookup('8.8.8.8')?.country).toBe('US');
    expect(db.lookup('10.0.0.1')).toBeNull();
    expect(db.info.databaseType).toBeTruthy();
  });

  it('reads GeoLite2 and ip-location-db record shapes', () => {
    expect(toIpRecord({ country: { iso_code: 'DE' }, city: { names: { en: 'Berlin' } }, location: { latitude: 52.5, longitude: 13.4, accuracy_radius: 50 } })).toEqual({
      country: 'DE',
      city: 'Berlin',
      lat: 52.5,
      lon: 13.4,
      accuracyKm: 50,
      asn: null,
      org: null,
    });
    expect(toIpRecord({ autonomous_system_number: 8075, autonomous_system_organization: 'MICROSOFT-CORP' })).toMatchObject({ asn: 8075, org: 'MICROSOFT-CORP', country: null });
    expect(toIpRecord({ country_code: 'FR', city: 'Lyon', latitude: 45.75, longitude: 4.85 })).toMatchObject({ country: 'FR', city: 'Lyon', lat: 45.75 });
  });

  it('refuses a file that is not a MaxMind database', async () => {
    const bogus = tmp.write('not-a-db.mmdb', 'hello');
    writeFileSync(bogus, 'definitely not an mmdb');
    await expect(openGeoDatabase(bogus, 'city')).rejects.toThrow(/not a MaxMind database/);
  });
});
