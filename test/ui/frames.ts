import type { render } from 'ink-testing-library';

type App = ReturnType<typeof render>;

/** Polls the last frame until it satisfies the check (Ink renders asynchronously after a key). */
export async function frameWhere(app: App, check: (frame: string) => boolean, what: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const frame = app.lastFrame() ?? '';
    if (check(frame)) return frame;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`screen never showed ${what}; last frame:\n${app.lastFrame()}`);
}

/** Types keys one by one, each followed by the render it causes (or a short settle when nothing changes). */
export async function press(app: App, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    const before = app.frames.length;
    app.stdin.write(k);
    for (let i = 0; i < 20 && app.frames.length === before; i++) await new Promise((r) => setTimeout(r, 5));
  }
}
