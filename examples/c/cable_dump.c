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

/* Prints a list given by a count and an index getter, separated by `sep`. */
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

static void print_recipient(const char *label, CableStr route, CableStr name, CableStr office,
                            CableStr prec, CableStr mcn) {
    printf("  %-16s ", label);
    if (route.ptr != NULL) {
        put(route);
        putchar('/');
    }
    put(name);
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
}

/* The body: paragraphs (number, marking, heading, first words), summary, comment, action request,
 * notes, signature, breaks, redactions. */
static void dump_body(const Cable *c) {
    size_t count = cable_paragraph_count(c), i;
    uint32_t n;
    CableSpan sp;
    if (count > 0) printf("  %-16s %zu\n", "paragraphs", count);
    for (i = 0; i < count; i++) {
        CableStr mark = cable_marking_raw(cable_paragraph_marking(cable_paragraph(c, i))), heading = cable_paragraph_heading(cable_paragraph(c, i));
        if (cable_paragraph_number(cable_paragraph(c, i), &n))
            printf("    %3u. ", n);
        else
            printf("    %4s ", "-");
        printf("%-9.*s ", (int)mark.len, mark.ptr != NULL ? mark.ptr : "");
        if (heading.ptr != NULL) {
            putchar('[');
            put(heading);
            fputs("] ", stdout);
        }
        put_excerpt(cable_paragraph_text(cable_paragraph(c, i)), 60);
        putchar('\n');
    }
    passage("summary", cable_passage_text(cable_summary(c)));
    passage("comment", cable_passage_text(cable_comment(c)));
    passage("action request", cable_passage_text(cable_action_request(c)));
    for (i = 0; i < cable_note_count(c); i++) {
        CableStr kind = cable_passage_kind(cable_note(c, i));
        size_t at = 0;
        printf("  %-16.*s ", (int)kind.len, kind.ptr);
        if (cable_passage_paragraphs(cable_note(c, i), &at, NULL)) printf("(paragraph index %zu) ", at);
        put_excerpt(cable_passage_text(cable_note(c, i)), 50);
        putchar('\n');
    }
    field("signature", cable_signature(c));
    list("signers", cable_signers(c), ", ");
    for (i = 0; i < cable_break_count(c); i++) {
        sp = cable_break_span(cable_break(c, i));
        printf("  %-16s ", i == 0 ? "breaks" : "");
        put(cable_break_kind(cable_break(c, i)));
        if (cable_break_page(cable_break(c, i), &n)) printf(" %u", n);
        printf(" [%zu, %zu]\n", sp.start, sp.end);
    }
    if (cable_redaction_count(c) > 0) printf("  %-16s %zu\n", "redactions", cable_redaction_count(c));
}

static void dump_text(const Cable *c, const char *label) {
    int64_t t;
    uint32_t n, total;
    uint64_t row;
    size_t i;

    printf("== %s\n", label);
    field("reference id", cable_reference_id(c));
    field("transmission id", cable_transmission_id(c));
    if (cable_created(c, &t)) {
        printf("  %-16s ", "created");
        print_time(t, 1);
        putchar('\n');
    }
    field("dtg", cable_dtg(c));
    field("precedence", cable_precedence(c));
    field("info precedence", cable_info_precedence(c));
    field("sender", cable_sender(c));
    if (cable_origin(c).ptr != NULL && cable_serial(c, &n)) {
        printf("  %-16s ", "origin");
        put(cable_origin(c));
        printf(" %u\n", n);
    }
    for (i = 0; i < cable_to_count(c); i++) {
        print_recipient("to", cable_recipient_route(cable_to(c, i)), cable_recipient_name(cable_to(c, i)), cable_recipient_office(cable_to(c, i)),
                        cable_recipient_precedence(cable_to(c, i)), cable_recipient_mcn(cable_to(c, i)));
        list("  except", cable_recipient_excluded(cable_to(c, i)), ", ");
    }
    for (i = 0; i < cable_info_count(c); i++) {
        print_recipient("info", cable_recipient_route(cable_info(c, i)), cable_recipient_name(cable_info(c, i)), cable_recipient_office(cable_info(c, i)),
                        cable_recipient_precedence(cable_info(c, i)), cable_recipient_mcn(cable_info(c, i)));
        list("  except", cable_recipient_excluded(cable_info(c, i)), ", ");
    }
    list("relays", cable_routing_relays(c), " ");
    field("security", cable_routing_security(c));
    field("classification", cable_classification(c));
    list("caveats", cable_caveats(c), ", ");
    list("distribution", cable_distribution(c), "; ");
    if (cable_section(c, &n, &total)) {
        if (total > 0)
            printf("  %-16s %u of %u\n", "section", n, total);
        else
            printf("  %-16s %u\n", "section", n);
    }
    if (cable_eo_order(c).ptr != NULL || cable_eo_declassify_raw(c).ptr != NULL) {
        printf("  %-16s ", "e.o.");
        put(cable_eo_order(c));
        if (cable_eo_declassify_raw(c).ptr != NULL) {
            fputs(", declassify ", stdout);
            put(cable_eo_declassify_raw(c));
        }
        if (cable_eo_declassify_on(c, &t)) {
            fputs(" (", stdout);
            print_time(t, 0);
            putchar(')');
        }
        putchar('\n');
    }
    list("tags", cable_tags(c), " ");
    if (cable_subject(c).ptr != NULL) {
        printf("  %-16s ", "subject");
        if (cable_marking_raw(cable_subject_marking(c)).ptr != NULL) {
            put(cable_marking_raw(cable_subject_marking(c)));
            putchar(' ');
        }
        put(cable_subject(c));
        putchar('\n');
    }
    for (i = 0; i < cable_ref_count(c); i++) {
        printf("  %-16s ", "reference");
        if (cable_ref_label(cable_ref(c, i)).ptr != NULL) {
            put(cable_ref_label(cable_ref(c, i)));
            fputs(". ", stdout);
        }
        put(cable_ref_kind(cable_ref(c, i)));
        if (cable_ref_id(cable_ref(c, i)).ptr != NULL) {
            putchar(' ');
            put(cable_ref_id(cable_ref(c, i)));
        }
        fputs(": ", stdout);
        put(cable_ref_text(cable_ref(c, i)));
        putchar('\n');
    }
    field("classified by", cable_classified_by_text(c));
    list("  names", cable_classified_by_names(c), "; ");
    list("  reasons", cable_classified_by_reasons(c), " ");
    if (cable_partial(c)) printf("  %-16s yes\n", "partial");
    if (cable_envelope_kind(c).ptr != NULL) {
        printf("  %-16s ", "envelope");
        put(cable_envelope_kind(c));
        if (cable_envelope_row_id(c, &row)) printf(" row %llu", (unsigned long long)row);
        putchar('\n');
        field("  reference id", cable_envelope_reference_id(c));
        field("  created", cable_envelope_created(c));
        field("  classification", cable_envelope_classification(c));
        field("  origin", cable_envelope_origin(c));
    }
    dump_body(c);
    for (i = 0; i < cable_warning_count(c); i++) {
        CableSpan sp = cable_warning_span(cable_warning(c, i));
        CableStr text = cable_span_text(c, cable_warning_span(cable_warning(c, i)));
        printf("  %-16s ", i == 0 ? "warnings" : "");
        put(cable_warning_kind(cable_warning(c, i)));
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
