import { sql } from 'kysely';

/** The domain's `prefectureOf` in SQL, over a region-code column (`alias.column`). */
export const prefectureOfColumn = (column: string) =>
  sql<string>`case when substr(${sql.ref(column)}, 3, 2) = '90' then ${sql.ref(column)} else substr(${sql.ref(column)}, 1, 4) || '00' end`;
