/** Where the progress bar draws: stderr when it is a terminal and `--quiet` is off, else nowhere. */
export interface Progress {
  /** Starts a stage (its name is printed at the left of the bar). */
  stage(name: string): void;
  /** The current stage's completion, 0..1. */
  update(fraction: number): void;
  /** Ends the current stage's line. */
  done(note?: string): void;
  /** A one-line message that is not an error (always printed unless quiet). */
  note(message: string): void;
}

const WIDTH = 28;

/** A progress bar on `stream`, drawn only on a TTY; notes still print when not a TTY, unless quiet. */
export function createProgress(stream: NodeJS.WriteStream, quiet: boolean): Progress {
  const tty = !quiet && stream.isTTY === true;
  let name = '';
  let started = 0;
  let last = -1;
  const draw = (fraction: number): void => {
    const f = Math.max(0, Math.min(1, fraction));
    const filled = Math.round(f * WIDTH);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    stream.write(
      `\r${name.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(f * 100).toFixed(0).padStart(3)}% ${seconds}s`,
    );
  };
  return {
    stage(next) {
      name = next;
      started = Date.now();
      last = -1;
      if (tty) draw(0);
    },
    update(fraction) {
      if (!tty) return;
      const rounded = Math.floor(fraction * 100);
      if (rounded === last) return;
      last = rounded;
      draw(fraction);
    },
    done(note) {
      if (!tty) return;
      draw(1);
      stream.write(note ? `  ${note}\n` : '\n');
    },
    note(message) {
      if (!quiet) stream.write(`${message}\n`);
    },
  };
}
