/**
 * Where records go. JSONL to a file is appended record by record and fsynced, so an interrupted run keeps
 * every finished record whole (and `--resume` can carry on); json and csv files are written atomically at
 * the end. Without --output, stdout carries the records and nothing else.
 */
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync } from 'node:fs';
import { outputError } from '../core/errors.js';
import { writeAll, writeFileAtomic } from '../io/write.js';
import { CSV_HEADER, csvLines, csvRow, jsonlLine, type BatchRecord } from './record.js';

export type OutputFormat = 'jsonl' | 'json' | 'csv';

export interface Sink {
  write(record: BatchRecord): void;
  finish(): void;
}

class JsonlFile implements Sink {
  private fd: number;

  constructor(
    private readonly path: string,
    append: boolean,
  ) {
    try {
      this.fd = openSync(path, append ? 'a' : 'w');
    } catch (err) {
      throw outputError(`cannot open ${path}: ${(err as Error).message}`);
    }
  }

  /** A record that cannot be written whole is cut off again, so the file never ends in a torn line. */
  write(record: BatchRecord): void {
    let before: number | undefined;
    try {
      before = fstatSync(this.fd).size;
      writeAll(this.fd, jsonlLine(record));
      fsyncSync(this.fd);
    } catch (err) {
      if (before !== undefined) this.cutBack(before);
      const code = (err as { code?: string }).code;
      throw outputError(`cannot write ${this.path}: ${code === 'ENOSPC' ? 'no space left on device' : (err as Error).message}`);
    }
  }

  private cutBack(size: number): void {
    try {
      ftruncateSync(this.fd, size);
      fsyncSync(this.fd);
    } catch {
      // --resume drops a torn last line, so a file that cannot even be truncated still resumes
    }
  }

  finish(): void {
    closeSync(this.fd);
  }
}

/** Streams JSONL or CSV rows to stdout as they come; JSON (one array) can only be written at the end. */
class Stdout implements Sink {
  private readonly held: BatchRecord[] = [];
  private started = false;

  constructor(private readonly format: OutputFormat) {}

  write(record: BatchRecord): void {
    if (this.format === 'json') this.held.push(record);
    else if (this.format === 'jsonl') process.stdout.write(jsonlLine(record));
    else {
      process.stdout.write((this.started ? '' : CSV_HEADER) + csvLines([csvRow(record)]));
      this.started = true;
    }
  }

  finish(): void {
    if (this.format === 'json') process.stdout.write(jsonArray(this.held));
    else if (this.format === 'csv' && !this.started) process.stdout.write(CSV_HEADER);
  }
}

class AtomicFile implements Sink {
  private readonly held: BatchRecord[] = [];

  constructor(
    private readonly path: string,
    private readonly format: 'json' | 'csv',
  ) {}

  write(record: BatchRecord): void {
    this.held.push(record);
  }

  finish(): void {
    writeFileAtomic(this.path, this.format === 'json' ? jsonArray(this.held) : CSV_HEADER + csvLines(this.held.map(csvRow)));
  }
}

function jsonArray(records: BatchRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

export function openSink(format: OutputFormat, output: string | undefined, append: boolean): Sink {
  if (!output) return new Stdout(format);
  return format === 'jsonl' ? new JsonlFile(output, append) : new AtomicFile(output, format);
}
