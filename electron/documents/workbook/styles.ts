/**
 * The look of every exported list: 宋体 throughout (installed on every Windows, and mapped by WPS on 统信UOS/麒麟),
 * a bold title, a grey bordered header and bordered, wrapped, top-aligned data cells, which is what offices print
 * and file. Kept in one place so all exports stay identical.
 */
import type { Alignment, Borders, Fill, Font } from 'exceljs';

export const FONT_NAME = '宋体';
// Font charset 134 (GB2312) tells Excel/WPS this is a Chinese font, so it is never substituted by a Latin one.
const CHINESE_CHARSET = 134;

export const titleFont: Partial<Font> = { name: FONT_NAME, size: 16, bold: true, charset: CHINESE_CHARSET };
export const subtitleFont: Partial<Font> = { name: FONT_NAME, size: 11, charset: CHINESE_CHARSET };
export const headerFont: Partial<Font> = { name: FONT_NAME, size: 11, bold: true, charset: CHINESE_CHARSET };
export const bodyFont: Partial<Font> = { name: FONT_NAME, size: 11, charset: CHINESE_CHARSET };

export const TITLE_ROW_HEIGHT = 32;
export const SUBTITLE_ROW_HEIGHT = 22;

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const thinBorders: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export const headerFill: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };

export const titleAlignment: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
export const subtitleAlignment: Partial<Alignment> = { horizontal: 'left', vertical: 'middle' };
export const headerAlignment: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

export function dataAlignment(align: 'left' | 'center' | 'right', wrap: boolean): Partial<Alignment> {
  return { horizontal: align, vertical: 'top', wrapText: wrap };
}

/** Excel's built-in Text format: what a user typing into the cell later enters stays text too. */
export const TEXT_NUM_FMT = '@';
