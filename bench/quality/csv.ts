/**
 * A small RFC 4180 CSV parser: quoted fields may hold commas, doubled quotes (`""`) and line breaks;
 * records end at LF or CRLF. It reads the whole text at once because the datasets are a few MB.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  // True once the current record has any content, so that a trailing newline does not add an empty record.
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inQuotes) {
      if (ch === 34 /* " */) {
        if (text.charCodeAt(i + 1) === 34) {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += text[i];
      }
      continue;
    }
    if (ch === 34) {
      if (field.length > 0) throw new Error(`CSV: quote inside an unquoted field at offset ${i}`);
      inQuotes = true;
      started = true;
    } else if (ch === 44 /* , */) {
      record.push(field);
      field = '';
      started = true;
    } else if (ch === 10 /* \n */ || ch === 13 /* \r */) {
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (started || field.length > 0) {
        record.push(field);
        records.push(record);
      }
      record = [];
      field = '';
      started = false;
    } else {
      field += text[i];
      started = true;
    }
  }
  if (inQuotes) throw new Error('CSV: unterminated quoted field');
  if (started || field.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Options for `parseCsvObjects`. */
export interface CsvObjectOptions {
  /**
   * Drop a last record that has fewer fields than the header: files made with `head -c` end mid-record.
   * Any other short record still throws.
   */
  readonly dropTruncatedTail?: boolean;
}

/**
 * Parses CSV text whose first record is a header into objects keyed by column name.
 * Throws when a record has a different number of fields than the header, since that means a broken file.
 */
export function parseCsvObjects(text: string, options: CsvObjectOptions = {}): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const last = rows[rows.length - 1];
  if (options.dropTruncatedTail && last && last.length < header.length) rows.pop();
  return rows.map((row, n) => {
    if (row.length !== header.length) {
      throw new Error(`CSV: record ${n + 2} has ${row.length} fields, header has ${header.length}`);
    }
    const out: Record<string, string> = {};
    header.forEach((name, i) => (out[name] = row[i] as string));
    return out;
  });
}
