/**
 * Load progress on stderr: a bar (input bytes read of the total) with rows and rows/s, redrawn in
 * place on a terminal; a plain line every few seconds otherwise (logs, CI). Rows and bytes are
 * counted by whoever owns the load; this only reads them.
 */
export class Progress {
  private timer: NodeJS.Timeout | undefined;
  private readonly started = Date.now();
  private lastLine = 0;

  constructor(
    private readonly label: string,
    private readonly count: () => number,
    /** Share of the input read, 0…1, when the total is known. */
    private readonly fraction: () => number | null = () => null,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  /** Plain lines come every `intervalMs` (RESONANCE_PROGRESS_MS, default 5 s); a terminal is redrawn 5 times a second. */
  start(intervalMs = Number(process.env.RESONANCE_PROGRESS_MS) || 5000): this {
    const tty = Boolean(this.out.isTTY);
    this.timer = setInterval(() => this.draw(tty), tty ? 200 : intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.out.isTTY && this.lastLine > 0) this.out.write(`\r${' '.repeat(this.lastLine)}\r`);
  }

  /** The status text: the bar (when the total is known), rows so far, the rate and the time. */
  render(width = 24): string {
    const rows = this.count();
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    const rate = Math.round(rows / seconds);
    const done = this.fraction();
    const bar =
      done === null
        ? ''
        : `[${'#'.repeat(Math.round(Math.min(done, 1) * width)).padEnd(width, '.')}] ${Math.floor(Math.min(done, 1) * 100)}% `;
    return `${this.label}: ${bar}${rows.toLocaleString('en-US')} rows, ${rate.toLocaleString('en-US')} rows/s, ${seconds.toFixed(0)} s`;
  }

  private draw(tty: boolean): void {
    const text = this.render();
    if (tty) {
      this.out.write(`\r${text.padEnd(this.lastLine)}`);
      this.lastLine = text.length;
    } else this.out.write(`${text}\n`);
  }
}
