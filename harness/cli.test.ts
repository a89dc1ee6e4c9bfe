import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeTooOld } from './cliText';

const ROOT = path.resolve(import.meta.dirname, '..');
const cli = (args: string[], preload: string[] = []) =>
  spawnSync(process.execPath, [...preload, '--import', 'tsx', path.join('harness', 'cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

describe('the harness command line', () => {
  it('--help names --port, --db and --exports and starts nothing', () => {
    const run = cli(['--help']);
    expect(run.status).toBe(0);
    for (const option of ['--port', '--db', '--exports']) expect(run.stdout).toContain(option);
    expect(run.stdout).not.toContain('READY');
  });

  it('refuses a Node older than 22.12 with one clear line, before loading the SQLite driver', () => {
    expect(nodeTooOld('v22.12.0')).toBeNull();
    expect(nodeTooOld('v24.1.0')).toBeNull();
    expect(nodeTooOld('v22.11.0')).toContain('22.12');
    // The real script under a Node that says it is 20 (Node 20 itself would crash in the driver, not refuse).
    const fake = `data:text/javascript,Object.defineProperty(process,'version',{value:'v20.20.2'})`;
    const run = cli(['--port', '0', '--db', path.join(ROOT, 'no-such-dir', 'x.sqlite')], ['--import', fake]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Node 22.12');
    expect(lines[0]).toContain('v20.20.2');
  });
});
