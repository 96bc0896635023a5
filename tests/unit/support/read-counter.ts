import type { DBCoreTable } from 'dexie';

import type { AcquaintDatabase } from '@/lib/db/database';

/**
 * Counts the records of one table that reach Dexie from IndexedDB: values from gets, queries and
 * cursors (`records`), keys read without their values (`keys`), and counts, which walk their
 * whole range however small their answer (`counts`). Install before the database is first used.
 */
export function countReads(db: AcquaintDatabase, tableName: string) {
  const counter = { records: 0, keys: 0, counts: 0 };
  db.use({
    stack: 'dbcore',
    name: `count-reads-${tableName}`,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== tableName) return table;
          const counted: DBCoreTable = {
            ...table,
            async get(request) {
              const value = await table.get(request);
              if (value !== undefined) counter.records += 1;
              return value;
            },
            async getMany(request) {
              const values = await table.getMany(request);
              counter.records += values.filter((value) => value !== undefined).length;
              return values;
            },
            async query(request) {
              const response = await table.query(request);
              if (request.values) counter.records += response.result.length;
              else counter.keys += response.result.length;
              return response;
            },
            async count(request) {
              counter.counts += 1;
              return table.count(request);
            },
            async openCursor(request) {
              const cursor = await table.openCursor(request);
              if (cursor) {
                const start = cursor.start;
                cursor.start = (onNext) =>
                  start.call(cursor, () => {
                    if (request.values) counter.records += 1;
                    else counter.keys += 1;
                    onNext();
                  });
              }
              return cursor;
            },
          };
          return counted;
        },
      };
    },
  });
  return counter;
}
