/*
 * cable_dump: prints the fields of every cable in the files named on the command line: header and
 * metadata, then the body (paragraphs with their number, marking, heading and first words,
 * summary, comment, notes, signature, breaks).
 *
 *   cable_dump [--json] FILE...
 *
 * Each FILE (or - for standard input) may be the text of one cable, a cablegate HTML page or a
 * cables.csv file (walked row by row, never loaded whole); the form is detected from the
 * content, as the `cable` command does. --json prints one JSON object per line instead (the
 * JSON contract of the README). A file that cannot be read or holds no cable, and a malformed
 * CSV row, print an error on stderr; the other inputs are still dumped and the exit status is 1.
 *
 * Build (from the repository root, after `cargo build --release -p cable-ffi`):
 *   cc -std=c99 -Wall -Wextra -Iinclude examples/c/cable_dump.c -Ltarget/release -lcable \
 *      -Wl,-rpath,"$PWD/target/release" -o examples/c/cable_dump
 */
#include "cable.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int json_mode = 0;

/* Prints a CableStr (absent: nothing). */
static void put(CableStr s) {
    if (s.ptr != NULL) fwrite(s.ptr, 1, s.len, stdout);
}

/* Prints at most about `max` bytes of `s` on one line: cut after a whole word (or at a character
 * boundary), line ends shown as spaces, " ..." when cut. */
static void put_excerpt(CableStr s, size_t max) {
    size_t n = s.len, i;
    if (s.ptr == NULL) return;
    if (n > max) {
        n = max;
        while (n > 0 && s.ptr[n] != ' ') n--;
        if (n == 0) {
            n = max;
            while (n > 0 && ((unsigned char)s.ptr[n] & 0xC0) == 0x80) n--;
        }
    }
    for (i = 0; i < n; i++) putchar(s.ptr[i] == '\n' ? ' ' : s.ptr[i]);
    if (n < s.len) fputs(" ...", stdout);
}

/* Prints "label  first words" when the value is present. */
static void passage(const char *label, CableStr s) {
    if (s.ptr == NULL) return;
    printf("  %-16s ", label);
    put_excerpt(s, 70);
    putchar('\n');
}

/* Prints "label  value" when the value is present. */
static void field(const char *label, CableStr s) {
    if (s.ptr == NULL) return;
    printf("  %-16s ", label);
    put(s);
    putchar('\n');
}

static void print_time(int64_t seconds, int with_time) {
    time_t t = (time_t)seconds;
    struct tm tm;
    char buf[32];
    struct tm *p = gmtime(&t);
    if (p == NULL) {
        printf("%lld", (long long)seconds);
        return;
    }
    tm = *p;
    strftime(buf, sizeof buf, with_time ? "%Y-%m-%d %H:%M UTC" : "%Y-%m-%d", &tm);
    fputs(buf, stdout);
}

/* A list of strings (a CableStrs: items[0] .. items[len - 1]) on one line. */
static void list(const char *label, CableStrs l, const char *sep) {
    size_t i;
    if (l.len == 0) return;
    printf("  %-16s ", label);
    for (i = 0; i < l.len; i++) {
        if (i > 0) fputs(sep, stdout);
        put(l.items[i]);
    }
    putchar('\n');
}

/* An addressee: ROUTE/NAME//OFFICE PRECEDENCE mcn MCN, then the posts excluded. */
static void print_recipient(const char *label, const CableRecord *r) {
    CableStr route = cable_str(r, CABLE_FIELD_ROUTE), office = cable_str(r, CABLE_FIELD_OFFICE);
    CableStr prec = cable_str(r, CABLE_FIELD_PRECEDENCE), mcn = cable_str(r, CABLE_FIELD_MCN);
    printf("  %-16s ", label);
    if (route.ptr != NULL) {
        put(route);
        putchar('/');
    }
    put(cable_str(r, CABLE_FIELD_NAME));
    if (office.ptr != NULL) {
        fputs("//", stdout);
        put(office);
    }
    if (prec.ptr != NULL) {
        putchar(' ');
        put(prec);
    }
    if (mcn.ptr != NULL) {
        fputs(" mcn ", stdout);
        put(mcn);
    }
    putchar('\n');
    list("  except", cable_strs(r, CABLE_FIELD_EXCLUDED), ", ");
}

/* The body: paragraphs (number, marking, heading, first words), summary, comment, action request,
 * notes, signature, breaks, redactions. */
static void dump_body(const CableRecord *root) {
    size_t count = cable_count(root, CABLE_FIELD_PARAGRAPHS), i;
    int64_t n;
    CableSpan sp = {0, 0};
    if (count > 0) printf("  %-16s %zu\n", "paragraphs", count);
    for (i = 0; i < count; i++) {
        const CableRecord *p = cable_record(root, CABLE_FIELD_PARAGRAPHS, i);
        CableStr mark = cable_str(cable_record(p, CABLE_FIELD_MARKING, 0), CABLE_FIELD_RAW);
        CableStr heading = cable_str(p, CABLE_FIELD_HEADING);
        if (cable_int(p, CABLE_FIELD_NUMBER, &n))
            printf("    %3lld. ", (long long)n);
        else
            printf("    %4s ", "-");
        printf("%-9.*s ", (int)mark.len, mark.ptr != NULL ? mark.ptr : "");
        if (heading.ptr != NULL) {
            putchar('[');
            put(heading);
            fputs("] ", stdout);
        }
        put_excerpt(cable_str(p, CABLE_FIELD_TEXT), 60);
        putchar('\n');
    }
    passage("summary", cable_str(cable_record(root, CABLE_FIELD_SUMMARY, 0), CABLE_FIELD_TEXT));
    passage("comment", cable_str(cable_record(root, CABLE_FIELD_COMMENT, 0), CABLE_FIELD_TEXT));
    passage("action request", cable_str(cable_record(root, CABLE_FIELD_ACTION_REQUEST, 0), CABLE_FIELD_TEXT));
    for (i = 0; i < cable_count(root, CABLE_FIELD_NOTES); i++) {
        const CableRecord *note = cable_record(root, CABLE_FIELD_NOTES, i);
        CableStr kind = cable_str(note, CABLE_FIELD_KIND);
        printf("  %-16.*s ", (int)kind.len, kind.ptr);
        if (cable_int(note, CABLE_FIELD_FIRST_PARAGRAPH, &n)) printf("(paragraph index %lld) ", (long long)n);
        put_excerpt(cable_str(note, CABLE_FIELD_TEXT), 50);
        putchar('\n');
    }
    field("signature", cable_str(root, CABLE_FIELD_SIGNATURE));
    list("signers", cable_strs(root, CABLE_FIELD_SIGNERS), ", ");
    for (i = 0; i < cable_count(root, CABLE_FIELD_BREAKS); i++) {
        const CableRecord *b = cable_record(root, CABLE_FIELD_BREAKS, i);
        cable_span(b, CABLE_FIELD_SPAN, &sp);
        printf("  %-16s ", i == 0 ? "breaks" : "");
        put(cable_str(b, CABLE_FIELD_KIND));
        if (cable_int(b, CABLE_FIELD_PAGE, &n)) printf(" %lld", (long long)n);
        printf(" [%zu, %zu]\n", sp.start, sp.end);
    }
    count = cable_count(root, CABLE_FIELD_REDACTIONS);
    if (count > 0) printf("  %-16s %zu\n", "redactions", count);
}

static void dump_text(const Cable *c, const char *label) {
    const CableRecord *root = cable_root(c); /* the cable's own fields */
    int64_t t, n, total;
    size_t i;

    printf("== %s\n", label);
    field("reference id", cable_str(root, CABLE_FIELD_REFERENCE_ID));
    field("transmission id", cable_str(root, CABLE_FIELD_TRANSMISSION_ID));
    if (cable_int(root, CABLE_FIELD_CREATED, &t)) {
        printf("  %-16s ", "created");
        print_time(t, 1);
        putchar('\n');
    }
    field("dtg", cable_str(root, CABLE_FIELD_DTG));
    field("precedence", cable_str(root, CABLE_FIELD_PRECEDENCE));
    field("info precedence", cable_str(root, CABLE_FIELD_INFO_PRECEDENCE));
    field("sender", cable_str(root, CABLE_FIELD_SENDER));
    if (cable_str(root, CABLE_FIELD_ORIGIN).ptr != NULL && cable_int(root, CABLE_FIELD_SERIAL, &n)) {
        printf("  %-16s ", "origin");
        put(cable_str(root, CABLE_FIELD_ORIGIN));
        printf(" %lld\n", (long long)n);
    }
    for (i = 0; i < cable_count(root, CABLE_FIELD_TO); i++) print_recipient("to", cable_record(root, CABLE_FIELD_TO, i));
    for (i = 0; i < cable_count(root, CABLE_FIELD_INFO); i++) print_recipient("info", cable_record(root, CABLE_FIELD_INFO, i));
    list("relays", cable_strs(root, CABLE_FIELD_ROUTING_RELAYS), " ");
    field("security", cable_str(root, CABLE_FIELD_ROUTING_SECURITY));
    field("classification", cable_str(root, CABLE_FIELD_CLASSIFICATION));
    list("caveats", cable_strs(root, CABLE_FIELD_CAVEATS), ", ");
    list("distribution", cable_strs(root, CABLE_FIELD_DISTRIBUTION), "; ");
    if (cable_int(root, CABLE_FIELD_SECTION_NUMBER, &n)) {
        if (cable_int(root, CABLE_FIELD_SECTION_TOTAL, &total))
            printf("  %-16s %lld of %lld\n", "section", (long long)n, (long long)total);
        else
            printf("  %-16s %lld\n", "section", (long long)n);
    }
    if (cable_str(root, CABLE_FIELD_EO_ORDER).ptr != NULL || cable_str(root, CABLE_FIELD_EO_DECLASSIFY_RAW).ptr != NULL) {
        printf("  %-16s ", "e.o.");
        put(cable_str(root, CABLE_FIELD_EO_ORDER));
        if (cable_str(root, CABLE_FIELD_EO_DECLASSIFY_RAW).ptr != NULL) {
            fputs(", declassify ", stdout);
            put(cable_str(root, CABLE_FIELD_EO_DECLASSIFY_RAW));
        }
        if (cable_int(root, CABLE_FIELD_EO_DECLASSIFY_ON, &t)) {
            fputs(" (", stdout);
            print_time(t, 0);
            putchar(')');
        }
        putchar('\n');
    }
    list("tags", cable_strs(root, CABLE_FIELD_TAGS), " ");
    if (cable_str(root, CABLE_FIELD_SUBJECT).ptr != NULL) {
        CableStr mark = cable_str(cable_record(root, CABLE_FIELD_SUBJECT_MARKING, 0), CABLE_FIELD_RAW);
        printf("  %-16s ", "subject");
        if (mark.ptr != NULL) {
            put(mark);
            putchar(' ');
        }
        put(cable_str(root, CABLE_FIELD_SUBJECT));
        putchar('\n');
    }
    for (i = 0; i < cable_count(root, CABLE_FIELD_REFERENCES); i++) {
        const CableRecord *r = cable_record(root, CABLE_FIELD_REFERENCES, i);
        printf("  %-16s ", "reference");
        if (cable_str(r, CABLE_FIELD_LABEL).ptr != NULL) {
            put(cable_str(r, CABLE_FIELD_LABEL));
            fputs(". ", stdout);
        }
        put(cable_str(r, CABLE_FIELD_KIND));
        if (cable_str(r, CABLE_FIELD_ID).ptr != NULL) {
            putchar(' ');
            put(cable_str(r, CABLE_FIELD_ID));
        }
        fputs(": ", stdout);
        put(cable_str(r, CABLE_FIELD_TEXT));
        putchar('\n');
    }
    field("classified by", cable_str(root, CABLE_FIELD_CLASSIFIED_BY));
    list("  names", cable_strs(root, CABLE_FIELD_CLASSIFIED_BY_NAMES), "; ");
    list("  reasons", cable_strs(root, CABLE_FIELD_CLASSIFIED_BY_REASONS), " ");
    if (cable_int(root, CABLE_FIELD_PARTIAL, &n) && n == 1) printf("  %-16s yes\n", "partial");
    if (cable_str(root, CABLE_FIELD_ENVELOPE_KIND).ptr != NULL) {
        printf("  %-16s ", "envelope");
        put(cable_str(root, CABLE_FIELD_ENVELOPE_KIND));
        if (cable_int(root, CABLE_FIELD_ENVELOPE_ROW_ID, &n)) printf(" row %lld", (long long)n);
        putchar('\n');
        field("  reference id", cable_str(root, CABLE_FIELD_ENVELOPE_REFERENCE_ID));
        field("  created", cable_str(root, CABLE_FIELD_ENVELOPE_CREATED));
        field("  classification", cable_str(root, CABLE_FIELD_ENVELOPE_CLASSIFICATION));
        field("  origin", cable_str(root, CABLE_FIELD_ENVELOPE_ORIGIN));
    }
    dump_body(root);
    for (i = 0; i < cable_count(root, CABLE_FIELD_WARNINGS); i++) {
        const CableRecord *w = cable_record(root, CABLE_FIELD_WARNINGS, i);
        CableStr text = cable_str(w, CABLE_FIELD_TEXT); /* the text of its span */
        CableSpan sp = {0, 0};
        cable_span(w, CABLE_FIELD_SPAN, &sp);
        printf("  %-16s ", i == 0 ? "warnings" : "");
        put(cable_str(w, CABLE_FIELD_KIND));
        printf(" [%zu, %zu]", sp.start, sp.end);
        if (text.len > 0) {
            fputs(" \"", stdout);
            fwrite(text.ptr, 1, text.len > 60 ? 60 : text.len, stdout);
            fputs(text.len > 60 ? "...\"" : "\"", stdout);
        }
        putchar('\n');
    }
}

/* Prints one cable; returns 0, or 1 if it could not be serialised. */
static int dump(const Cable *c, const char *label) {
    if (json_mode) {
        char *json = NULL;
        size_t len = 0;
        CableStatus st = cable_to_json(c, &json, &len);
        if (st != CABLE_OK) {
            fprintf(stderr, "%s: %s\n", label, cable_status_message(st));
            return 1;
        }
        fwrite(json, 1, len, stdout);
        putchar('\n');
        cable_string_free(json);
    } else {
        dump_text(c, label);
    }
    return 0;
}

/* Reads a whole stream into a malloc'ed buffer; NULL on failure. */
static char *read_all(FILE *f, size_t *len) {
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap), *bigger;
    if (buf == NULL) return NULL;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                free(buf);
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    if (ferror(f)) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static int dump_csv(const char *path) {
    CableCsv *csv = NULL;
    CableError err;
    CableStatus st;
    Cable *c = NULL;
    int errors = 0;
    char label[4096];

    if (cable_csv_open(path, NULL, &csv, &err) != CABLE_OK) {
        fprintf(stderr, "cable_dump: %s\n", err.message);
        return 1;
    }
    while ((st = cable_csv_next(csv, &c, &err)) != CABLE_END) {
        snprintf(label, sizeof label, "%s:%llu", path, (unsigned long long)cable_csv_row(csv));
        if (st == CABLE_OK) {
            errors |= dump(c, label);
            cable_free(c);
        } else {
            fprintf(stderr, "cable_dump: %s: %s\n", path, err.message);
            errors = 1;
        }
    }
    cable_csv_close(csv);
    return errors;
}

static int dump_file(const char *path) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char *data;
    size_t len = 0;
    Cable *c = NULL;
    CableError err;
    CableStatus st;
    CableFormat form;
    int errors;

    if (f == NULL) {
        fprintf(stderr, "cable_dump: %s: %s\n", path, strerror(errno));
        return 1;
    }
    if (f != stdin) {
        /* Peek at the head: CSV files are walked by the library, never loaded here. */
        char head[4096];
        size_t n = fread(head, 1, sizeof head, f);
        if (cable_detect_format(head, n) == CABLE_FORMAT_CSV) {
            fclose(f);
            return dump_csv(path);
        }
        rewind(f);
    }
    data = read_all(f, &len);
    if (f != stdin) fclose(f);
    if (data == NULL) {
        fprintf(stderr, "cable_dump: %s: cannot read\n", path);
        return 1;
    }
    form = cable_detect_format(data, len);
    if (form == CABLE_FORMAT_CSV) {
        fprintf(stderr, "cable_dump: %s: CSV on standard input is not supported; name the file\n", path);
        free(data);
        return 1;
    }
    st = cable_parse_as(data, len, form, NULL, &c, &err); /* text or page, as detected */
    free(data); /* the handle owns its own copy */
    if (st != CABLE_OK) {
        fprintf(stderr, "cable_dump: %s: %s\n", path, err.message);
        return 1;
    }
    errors = dump(c, path);
    cable_free(c);
    return errors;
}

int main(int argc, char **argv) {
    int i, errors = 0, files = 0;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            json_mode = 1;
        } else if (strcmp(argv[i], "--version") == 0) {
            printf("cable_dump (libcable %s)\n", cable_version());
            return 0;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            printf("usage: %s [--json] FILE...  (text, cablegate page or cables.csv; - for stdin)\n", argv[0]);
            return 0;
        }
    }
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) continue;
        files++;
        errors |= dump_file(argv[i]);
    }
    if (files == 0) {
        fprintf(stderr, "usage: %s [--json] FILE...\n", argv[0]);
        return 2;
    }
    return errors ? 1 : 0;
}
