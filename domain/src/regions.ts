/**
 * The prefecture-level division a county-level region code (GB/T 2260) belongs to: its first four
 * digits and 00, except the county-level cities directly under the province (4290xx: 仙桃, 潜江, 天门,
 * 神农架), which count as prefectures themselves. The server's SQL twin is `prefectureOfColumn`.
 */
export const prefectureOf = (regionCode: string): string => (regionCode.slice(2, 4) === '90' ? regionCode : `${regionCode.slice(0, 4)}00`);
