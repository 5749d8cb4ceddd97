import type { IsoDate } from './normalize.js';

/** The province keeps China Standard Time: its working day, not UTC's, decides what "today" is. */
export const PROVINCE_TIME_ZONE = 'Asia/Shanghai';

const format = new Intl.DateTimeFormat('en-CA', { timeZone: PROVINCE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The province's calendar day at an instant: 2026-11-26T16:30Z is already the 27th in Wuhan. */
export function provinceDate(instant: Date): IsoDate {
  return format.format(instant) as IsoDate;
}
