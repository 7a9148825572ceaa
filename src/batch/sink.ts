/**
 * Where records go. JSONL to a file is appended record by record and fsynced, so an interrupted run keeps
 * every finished record whole (and `--resume` can carry on); json and csv files are written atomically at
 * the end. Without --output, stdout carries the records and nothing else.
 */
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync } from 'node:fs';
import { outputError } from '../core/errors.js';
import { writeAll, writeFileAtomic } from '../io/write.js';
import { flagHeader, flagRow, rowLines, type RowFormat } from '../format/flag-rows.js';
import type { ReviewFile } from '../review/file.js';
import { CSV_HEADER, csvLines, csvRow, isError, jsonlLine, type BatchRecord } from './record.js';

export const OUTPUT_FORMATS = ['jsonl', 'json', 'csv', 'flags-csv', 'flags-tsv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The reviewer decisions of an item, for the decision column of the per-flag formats. */
export type DecisionsOf = (id: string) => ReviewFile | undefined;

const rowFormat = (format: OutputFormat): RowFormat | undefined => (format === 'flags-csv' ? 'csv' : format === 'flags-tsv' ? 'tsv' : undefined);

/** One row per flag of an analysed item; an error record has no flags, so no rows (the summary names it). */
function flagLinesOf(record: BatchRecord, format: RowFormat, decisions: DecisionsOf): string {
  if (isError(record)) return '';
  const review = decisions(record.id);
  const rows = [...record.flags].sort((a, b) => a.start - b.start || a.end - b.end).map((f) => flagRow(record.id, f, review));
  return rowLines(rows, format);
}

function headerOf(format: OutputFormat): string {
  const rows = rowFormat(format);
  return rows ? flagHeader(rows) : CSV_HEADER;
}

function linesOf(records: readonly BatchRecord[], format: OutputFormat, decisions: DecisionsOf): string {
  const rows = rowFormat(format);
  return rows ? records.map((r) => flagLinesOf(r, rows, decisions)).join('') : csvLines(records.map(csvRow));
}

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

  constructor(
    private readonly format: OutputFormat,
    private readonly decisions: DecisionsOf,
  ) {}

  write(record: BatchRecord): void {
    if (this.format === 'json') this.held.push(record);
    else if (this.format === 'jsonl') process.stdout.write(jsonlLine(record));
    else {
      process.stdout.write((this.started ? '' : headerOf(this.format)) + linesOf([record], this.format, this.decisions));
      this.started = true;
    }
  }

  finish(): void {
    if (this.format === 'json') process.stdout.write(jsonArray(this.held));
    else if (this.format !== 'jsonl' && !this.started) process.stdout.write(headerOf(this.format));
  }
}

class AtomicFile implements Sink {
  private readonly held: BatchRecord[] = [];

  constructor(
    private readonly path: string,
    private readonly format: Exclude<OutputFormat, 'jsonl'>,
    private readonly decisions: DecisionsOf,
  ) {}

  write(record: BatchRecord): void {
    this.held.push(record);
  }

  finish(): void {
    writeFileAtomic(this.path, this.format === 'json' ? jsonArray(this.held) : headerOf(this.format) + linesOf(this.held, this.format, this.decisions));
  }
}

function jsonArray(records: BatchRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

export function openSink(format: OutputFormat, output: string | undefined, append: boolean, decisions: DecisionsOf = () => undefined): Sink {
  if (!output) return new Stdout(format, decisions);
  return format === 'jsonl' ? new JsonlFile(output, append) : new AtomicFile(output, format, decisions);
}
