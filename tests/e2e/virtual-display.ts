import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface VirtualDisplay {
  /** `:N`, for the DISPLAY variable of what runs on it. */
  display: string;
  /** Types keys into whatever has focus on this display (xdotool), as a person at the keyboard. */
  pressKeys(...keys: string[]): Promise<void>;
  /** Clicks a mouse button (1 left, 3 right) at a point of the screen, as a hand on the mouse. */
  clickAt(x: number, y: number, button?: 1 | 3): Promise<void>;
  /** What the screen shows now, as raw pixels (xwd), to tell whether anything on it changed. */
  capture(): Promise<Buffer>;
  /** Waits until two captures in a row are the same: whatever was moving on screen has settled. */
  settled(): Promise<Buffer>;
  stop(): void;
}

/**
 * An X server of its own (Debian's xvfb), for the one thing headless Chromium cannot do: show the
 * browser's own permission prompt, so a test can answer it with the keyboard as a user would.
 */
export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  const server: ChildProcess = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const display = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start within 10 s.')), 10_000);
    server.once('error', (error) =>
      reject(new Error(`Xvfb could not start (apt-get install xvfb xdotool): ${error.message}`)),
    );
    server.stdio[3]?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${text.trim()}`);
      }
    });
  });
  const capture = async () => {
    const { stdout } = await run('xwd', ['-root', '-silent'], {
      env: { ...process.env, DISPLAY: display },
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  };
  return {
    display,
    async clickAt(x, y, button = 1) {
      await run(
        'xdotool',
        ['mousemove', String(Math.round(x)), String(Math.round(y)), 'click', String(button)],
        {
          env: { ...process.env, DISPLAY: display },
        },
      );
    },
    async pressKeys(...keys) {
      for (const key of keys) {
        await run('xdotool', ['key', key], { env: { ...process.env, DISPLAY: display } });
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    },
    capture,
    async settled() {
      let previous = await capture();
      for (;;) {
        const next = await capture();
        if (next.equals(previous)) return next;
        previous = next;
      }
    },
    stop() {
      server.kill();
    },
  };
}
