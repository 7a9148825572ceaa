import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { hostileAnalysis } from '../fixtures/report/analysis.js';
import { ROOT, SEEDS } from '../cli/run.js';
import { decodePng } from './png.js';

/** A headless browser if one is installed (never needed to use mtdiff): $MTDIFF_BROWSER or a usual name. */
function findBrowser(): string | undefined {
  const names = [process.env.MTDIFF_BROWSER, 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'].filter((n): n is string => !!n);
  return names.find((n) => spawnSync(n, ['--version'], { encoding: 'utf8' }).status === 0);
}

const browser = findBrowser();
const dir = mkdtempSync(join(tmpdir(), 'mtdiff-html-'));

function headless(args: string[]) {
  return spawnSync(browser!, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--user-data-dir=' + join(dir, 'profile'), ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
}

const hex = (c: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number];

function countColour(png: ReturnType<typeof decodePng>, colour: string): number {
  const [r, g, b] = hex(colour);
  let n = 0;
  for (let y = 0; y < png.height; y += 2) {
    for (let x = 0; x < png.width; x += 2) {
      const [pr, pg, pb] = png.pixel(x, y);
      if (Math.abs(pr - r) + Math.abs(pg - g) + Math.abs(pb - b) < 6) n++;
    }
  }
  return n;
}

describe.skipIf(!browser)('the HTML report in a real headless browser', () => {
  it('renders the seed report with highlights of each severity it has', () => {
    const page = join(dir, 'seed.html');
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'report', ...SEEDS, '--format', 'html', '--out', page, '--date', '2026-01-01'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const shot = join(dir, 'seed.png');
    headless(['--window-size=1200,2400', `--screenshot=${shot}`, `file://${page}`]);
    expect(existsSync(shot)).toBe(true);
    const png = decodePng(readFileSync(shot));
    // the seed has major and minor flags: both highlight colours (html.ts STYLE) are on screen
    expect(countColour(png, '#fbd3b0')).toBeGreaterThan(50);
    expect(countColour(png, '#fdf0b3')).toBeGreaterThan(50);
    process.stderr.write(`screenshot: ${shot}\n`);
  });

  it('hostile article text stays text once a browser has parsed and laid it out', () => {
    const page = join(dir, 'hostile.html');
    writeFileSync(page, renderHtml(hostileAnalysis(), { date: '2026-01-01' }));
    const r = headless(['--dump-dom', `file://${page}`]);
    expect(r.status).toBe(0);
    const dom = r.stdout;
    expect(dom).toContain('&lt;script&gt;alert("x")&lt;/script&gt;');
    expect(dom).not.toMatch(/<script|<b onmouseover|<img/i);
  });
});
