import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../store/db.js';
import {
  childcarePlaces,
  facilities,
  facilityBeds,
  population,
  regions,
  staff,
} from '../../store/schema/index.js';
import { backends } from '../../testing/databases.js';
import { exportTabular } from './export-tabular.js';
import { importTabularFile } from './import-tabular.js';
import { readCountyRecords } from './read-county.js';

const dir = mkdtempSync(path.join(tmpdir(), 'weijian-export-tabular-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const C = '320612';

/** A small county written straight into the tables, with every optional column used somewhere. */
async function buildCounty(database: Database): Promise<void> {
  const { db } = database;
  await db.insert(regions).values([
    { countyCode: C, code: '320612000000', level: 'county', name: '通州区' },
    { countyCode: C, code: '320612001000', parentCode: '320612000000', level: 'town', name: '金沙街道' },
    {
      countyCode: C,
      code: '320612001001',
      parentCode: '320612001000',
      level: 'village',
      name: '东市社区居委会',
      urbanRuralCode: '111',
    },
  ]);
  const [hospital, clinic] = await db
    .insert(facilities)
    .values([
      {
        countyCode: C,
        code: '12320612MB0000001X',
        name: '通州区人民医院（南院）',
        type: 'general_hospital',
        ownership: 'public',
        gradeLevel: 3,
        gradeClass: 'b',
        primaryCare: false,
        regionCode: '320612001001',
        geriatricsDepartment: true,
        tcmServices: true,
        openedOn: '1950-10-01',
      },
      {
        countyCode: C,
        code: 'PDY0001',
        name: '东市村卫生室',
        type: 'village_clinic',
        ownership: 'private',
        gradeLevel: 1,
        primaryCare: true,
        closedOn: '2024-03-31',
      },
    ])
    .returning({ id: facilities.id });
  await db.insert(facilityBeds).values([
    { countyCode: C, facilityId: hospital!.id, year: 2022, beds: 780, approvedBeds: 750 },
    { countyCode: C, facilityId: hospital!.id, year: 2023, beds: 800 },
  ]);
  await db.insert(staff).values([
    {
      countyCode: C,
      sourceSystem: 'his:320612-01',
      sourceId: 'E0001',
      facilityId: hospital!.id,
      name: '张三',
      sex: 'male',
      birthDate: '1980-02-29',
      licenceNumber: '110320612000001',
      category: 'physician',
      practiceCategory: 'clinical',
      gpRegistered: true,
      startedOn: '2005-07-01',
    },
    {
      countyCode: C,
      sourceSystem: 'spreadsheet',
      sourceId: 'PDY0001-1',
      facilityId: clinic!.id,
      name: '李四',
      category: 'village_doctor',
      gpCertificate: true,
      managementPost: true,
      startedOn: '2010-01-01',
      endedOn: '2023-12-31',
    },
  ]);
  await db.insert(population).values([
    {
      countyCode: C,
      regionCode: '320612000000',
      year: 2023,
      basis: 'resident',
      sex: 'male',
      ageGroup: 0,
      yearEnd: 3100,
    },
    {
      countyCode: C,
      regionCode: '320612001000',
      year: 2023,
      basis: 'registered',
      sex: 'female',
      ageGroup: 85,
      yearEnd: 1200,
      midYear: 1190,
    },
  ]);
  await db
    .insert(childcarePlaces)
    .values([{ countyCode: C, regionCode: '320612001000', year: 2023, places: 180 }]);
}

describe.each(backends)('exportTabular on $name', (backend) => {
  it('exports a workbook and CSVs that import into an empty database as the same rows', async () => {
    const source = await backend.open();
    const target = await backend.open();
    const fromCsv = await backend.open();
    try {
      await buildCounty(source);
      const out = path.join(dir, backend.name);
      const files = await exportTabular(source, C, out);
      expect(files.map((f) => path.basename(f))).toEqual([
        'weijian-320612.xlsx',
        ...['regions', 'facilities', 'beds', 'staff', 'population', 'childcare'].map(
          (k) => `weijian-320612-${k}.csv`,
        ),
      ]);
      const expected = await readCountyRecords(source.db, C);

      const report = await importTabularFile(
        target,
        { name: 'weijian-320612.xlsx', path: files[0]! },
        {
          skipInvalid: false,
        },
      );
      expect(report).toMatchObject({ rejected: [], read: 12, written: 12 });
      expect(await readCountyRecords(target.db, C)).toEqual(expected);

      for (const csv of files.slice(1)) {
        const csvReport = await importTabularFile(
          fromCsv,
          { name: path.basename(csv), path: csv },
          {
            skipInvalid: false,
          },
        );
        expect(csvReport.rejected).toEqual([]);
      }
      expect(await readCountyRecords(fromCsv.db, C)).toEqual(expected);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(files[0]!);
      const sheet = workbook.getWorksheet('机构')!;
      expect(sheet.getRow(1).getCell(1).value).toBe('机构编码');
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getColumn(2).width).toBe(32);
      expect(sheet.getRow(2).getCell(10).value).toEqual(new Date('1950-10-01T00:00:00Z'));
    } finally {
      await Promise.all([source.close(), target.close(), fromCsv.close()]);
    }
  });
});
