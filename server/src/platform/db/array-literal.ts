/**
 * Values as the text of a PostgreSQL array literal, to pass as one parameter cast to an array type
 * (`${arrayLiteral(values)}::date[]`). Bulk writes send each column so: PGlite took a third less time
 * for 1,000 rows × 22 text columns than with the driver serialising the arrays itself.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) literal += ',';
    if (value === null || value === undefined) literal += 'NULL';
    else {
      const text = String(value);
      literal += `"${text.includes('"') || text.includes('\\') ? text.replace(/["\\]/g, '\\$&') : text}"`;
    }
  }
  return `${literal}}`;
}
