/**
 * Values as the text of a PostgreSQL array literal, to pass as one parameter cast to an array type
 * (`${arrayLiteral(values)}::date[]`). Bulk writes send each column so: PGlite took a third less time
 * for 1,000 rows × 22 text columns than with the driver serialising the arrays itself.
 */
export const arrayLiteral = (values: readonly unknown[]): string =>
  `{${values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
