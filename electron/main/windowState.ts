import fs from 'node:fs';
import path from 'node:path';

export interface WindowBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1360, height: 860 };

const isInt = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** Reads the remembered window size and position; anything odd in the file falls back to the default. */
export function loadWindowState(dir: string): WindowBounds {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dir, 'window-state.json'), 'utf8')) as Record<string, unknown>;
    if (!isInt(raw.width, 800, 10000) || !isInt(raw.height, 600, 10000)) return DEFAULT_BOUNDS;
    const bounds: WindowBounds = { width: raw.width, height: raw.height, maximized: raw.maximized === true };
    if (isInt(raw.x, -20000, 20000) && isInt(raw.y, -20000, 20000)) Object.assign(bounds, { x: raw.x, y: raw.y });
    return bounds;
  } catch {
    return DEFAULT_BOUNDS;
  }
}

/** Keeps the window on a screen that still exists (a laptop undocked from its second monitor). */
export function fitToScreens(bounds: WindowBounds, screens: { x: number; y: number; width: number; height: number }[]): WindowBounds {
  if (bounds.x === undefined || bounds.y === undefined) return bounds;
  const visible = screens.some((s) => bounds.x! + 100 > s.x && bounds.x! < s.x + s.width - 100 && bounds.y! >= s.y - 10 && bounds.y! < s.y + s.height - 100);
  return visible ? bounds : { width: bounds.width, height: bounds.height, maximized: bounds.maximized };
}

export function saveWindowState(dir: string, bounds: WindowBounds): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'window-state.json'), JSON.stringify(bounds));
  } catch {
    // Losing the window position is harmless; never block quitting for it.
  }
}
