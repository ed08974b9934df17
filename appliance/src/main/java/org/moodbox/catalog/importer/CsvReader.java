package org.moodbox.catalog.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV records (quoted fields may hold commas, quotes and line breaks) with the physical line each
 * record starts on, so a bad row can be named by the line a person sees in an editor. Lines may end in LF, CRLF
 * or CR; a line break inside a quoted field always reads as LF.
 */
public final class CsvReader {
    /**
     * @param problem null, or {@link #UNCLOSED_QUOTE}: a quote opened on this line runs to the end of the file, so
     *                this row swallowed every line after it and the file cannot be split into rows from here on
     */
    public record Row(long line, List<String> fields, String problem) {
    }

    public static final String UNCLOSED_QUOTE = "quoted field opened but never closed";

    private final Reader in;
    /** Our own buffer: Reader.read() per character takes a lock each time, the import's main cost once. */
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private int peeked = -2;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end. A structural problem (unclosed quote) is returned, not thrown. */
    public Row next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (c == -1) {
                if (quoted) {
                    fields.add(field.toString());
                    return new Row(start, fields, UNCLOSED_QUOTE);
                }
                fields.add(field.toString());
                return new Row(start, fields, null);
            }
            if (quoted) {
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else if (c == '\r' || c == '\n') {
                    // A line break inside quotes is one '\n' whichever system wrote the file: a title typed on
                    // Windows (CRLF) reads the same as on Linux, and the lines counted are the editor's.
                    if (c == '\r') {
                        int n = read();
                        if (n != '\n') {
                            unread(n);
                        }
                    }
                    line++;
                    field.append('\n');
                } else {
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        unread(n);
                    }
                }
                line++;
                fields.add(field.toString());
                return new Row(start, fields, null);
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private void unread(int c) {
        peeked = c;
    }
}
