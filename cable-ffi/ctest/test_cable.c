/*
 * C tests of libcable, compiled against include/cable.h with -std=c99 -Wall -Wextra -Werror.
 *
 *   test_cable ROOT CORPUS          real values (seed, corpus pages), every error path, threads
 *   test_cable ROOT CORPUS --walk   walks CORPUS/cables-real-dev.csv through the CSV iterator
 *
 * ROOT is the repository root (for examples/07MOSCOW5434.txt), CORPUS the folder of the real
 * corpus (../shared/corpus). scripts/test runs the first form under valgrind and the second
 * natively (valgrind would make the 8,791-row walk take minutes). When CORPUS holds no
 * cables-real-dev.csv, the tests that read it print `SKIPPED: ...` and the others run
 * (scripts/test-c decides whether a missing corpus is an error: CABLE_REQUIRE_CORPUS=1).
 * Ends with the line "N passed, N failed"; the exit status is 0 only when nothing failed.
 */
#define _POSIX_C_SOURCE 200809L
#include "cable.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int passed, failed;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (cond) {                                                            \
            passed++;                                                          \
        } else {                                                               \
            failed++;                                                          \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                      \
    } while (0)

/* Compares a CableStr with a C string; want NULL means "absent". */
static int str_is(CableStr got, const char *want) {
    if (want == NULL) return got.ptr == NULL && got.len == 0;
    return got.ptr != NULL && got.len == strlen(want) && memcmp(got.ptr, want, got.len) == 0;
}

#define CHECK_STR(expr, want)                                                              \
    do {                                                                                   \
        CableStr got_ = (expr);                                                            \
        const char *want_ = (want);                                                        \
        if (str_is(got_, want_)) {                                                         \
            passed++;                                                                      \
        } else {                                                                           \
            failed++;                                                                      \
            fprintf(stderr, "%s:%d: %s is \"%.*s\"%s, expected %s%s%s\n", __FILE__, __LINE__, #expr, \
                    (int)got_.len, got_.ptr ? got_.ptr : "", got_.ptr ? "" : " (absent)",  \
                    want_ ? "\"" : "", want_ ? want_ : "absent", want_ ? "\"" : "");        \
        }                                                                                  \
    } while (0)

static const char *root, *corpus;
static int have_corpus;

/* Says that a test needing the corpus did not run; true when it must be skipped. */
static int skip_without_corpus(const char *what) {
    if (!have_corpus) printf("SKIPPED: %s: the corpus is missing (%s/cables-real-dev.csv not found)\n", what, corpus);
    return !have_corpus;
}

/* Reads a whole file into a malloc'ed buffer (NUL-terminated for convenience). */
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf;
    long size;
    if (f == NULL) return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    buf = malloc((size_t)size + 1);
    if (buf != NULL && fread(buf, 1, (size_t)size, f) != (size_t)size) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf != NULL) {
        buf[size] = '\0';
        *len = (size_t)size;
    }
    return buf;
}

static char *read_rel(const char *base, const char *rel, size_t *len) {
    char path[4096];
    char *data;
    snprintf(path, sizeof path, "%s/%s", base, rel);
    data = read_file(path, len);
    if (data == NULL) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(2);
    }
    return data;
}

/* The text a span covers equals `want`. */
static int span_is(const Cable *c, CableSpan sp, const char *want) {
    CableStr text = cable_str(cable_root(c), CABLE_FIELD_TEXT);
    return sp.end <= text.len && sp.start <= sp.end && sp.end - sp.start == strlen(want) &&
           memcmp(text.ptr + sp.start, want, sp.end - sp.start) == 0;
}

/* String `i` of a list, or {NULL, 0} past its end (the lists are arrays: items[0..len)). */
static CableStr str_at(CableStrs l, size_t i) {
    CableStr none = {NULL, 0};
    return i < l.len ? l.items[i] : none;
}

/* A present CableStr that starts with, ends with or contains `part`. */
static int str_starts(CableStr s, const char *part) {
    size_t n = strlen(part);
    return s.ptr != NULL && s.len >= n && memcmp(s.ptr, part, n) == 0;
}

static int str_ends(CableStr s, const char *part) {
    size_t n = strlen(part);
    return s.ptr != NULL && s.len >= n && memcmp(s.ptr + s.len - n, part, n) == 0;
}

static int str_contains(CableStr s, const char *part) {
    size_t n = strlen(part), i;
    if (s.ptr == NULL || s.len < n) return 0;
    for (i = 0; i + n <= s.len; i++)
        if (memcmp(s.ptr + i, part, n) == 0) return 1;
    return 0;
}

/* The text a span covers starts with `want`. */
static int span_starts(const Cable *c, CableSpan sp, const char *want) {
    CableStr text = cable_str(cable_root(c), CABLE_FIELD_TEXT);
    CableStr part;
    if (sp.end > text.len || sp.start > sp.end) return 0;
    part.ptr = text.ptr + sp.start;
    part.len = sp.end - sp.start;
    return str_starts(part, want);
}

/* The span `f` of a record, {0, 0} when absent. */
static CableSpan rec_span(const CableRecord *r, CableField f) {
    CableSpan sp = {0, 0};
    cable_span(r, f, &sp);
    return sp;
}

/* Paragraph `i` of a cable, and its portion marking (a list of none or one record). */
static const CableRecord *paragraph(const Cable *c, size_t i) {
    return cable_record(cable_root(c), CABLE_FIELD_PARAGRAPHS, i);
}

static const CableRecord *marking_of(const Cable *c, size_t i) {
    return cable_record(paragraph(c, i), CABLE_FIELD_MARKING, 0);
}

/* The paragraphs a passage covers: CABLE_FIELD_FIRST_PARAGRAPH and CABLE_FIELD_LAST_PARAGRAPH. */
static int passage_paragraphs(const CableRecord *p, int64_t *first, int64_t *last) {
    return cable_int(p, CABLE_FIELD_FIRST_PARAGRAPH, first) & cable_int(p, CABLE_FIELD_LAST_PARAGRAPH, last);
}

/* CABLE_FIELD_PARTIAL as a flag. */
static int is_partial(const Cable *c) {
    int64_t partial = 0;
    return cable_int(cable_root(c), CABLE_FIELD_PARTIAL, &partial) && partial == 1;
}

/* ------------------------------------------------------------------------------------------ */

static void test_seed(void) {
    size_t len, i;
    char *data = read_rel(root, "examples/07MOSCOW5434.txt", &len);
    Cable *c = NULL;
    CableError err;
    int64_t t = 0;
    int64_t n = 0, total = 0;
    CableSpan sp;
    char *json = NULL;
    size_t json_len = 0;
    static const char *tags[] = {"PREL", "PGOV", "PTER", "KS", "RS"};

    CHECK(cable_parse(data, len, &c, &err) == CABLE_OK);
    CHECK(err.status == CABLE_OK && err.message[0] == '\0');
    free(data); /* the handle owns a copy */
    CHECK(c != NULL);
    if (c == NULL) return;

    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_REFERENCE_ID), "07MOSCOW5434");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_TRANSMISSION_ID), "VZCZCXRO9060");
    CHECK(cable_int(cable_root(c), CABLE_FIELD_CREATED, &t) && t == 1195302660); /* 2007-11-17T12:31:00Z */
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_DTG), "171231Z NOV 07");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_PRECEDENCE), "IMMEDIATE");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_INFO_PRECEDENCE), NULL);
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_SENDER), "AMEMBASSY MOSCOW");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ORIGIN), "MOSCOW");
    CHECK(cable_int(cable_root(c), CABLE_FIELD_SERIAL, &n) && n == 5434);

    CHECK(cable_count(cable_root(c), CABLE_FIELD_TO) == 1);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_TO, 0), CABLE_FIELD_ROUTE), "RUEHC");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_TO, 0), CABLE_FIELD_NAME), "SECSTATE WASHDC");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_TO, 0), CABLE_FIELD_OFFICE), NULL);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_TO, 0), CABLE_FIELD_PRECEDENCE), "IMMEDIATE");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_TO, 0), CABLE_FIELD_MCN), "5322");
    CHECK(cable_strs(cable_record(cable_root(c), CABLE_FIELD_TO, 0), CABLE_FIELD_EXCLUDED).len == 0);
    CHECK(span_is(c, rec_span(cable_record(cable_root(c), CABLE_FIELD_TO, 0), CABLE_FIELD_SPAN), "RUEHC/SECSTATE WASHDC IMMEDIATE 5322"));
    CHECK(cable_count(cable_root(c), CABLE_FIELD_INFO) == 2);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_INFO, 0), CABLE_FIELD_ROUTE), "RUCNCIS");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_INFO, 0), CABLE_FIELD_NAME), "CIS COLLECTIVE");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_INFO, 0), CABLE_FIELD_PRECEDENCE), "PRIORITY");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_INFO, 1), CABLE_FIELD_NAME), "EUROPEAN POLITICAL COLLECTIVE");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_INFO, 1), CABLE_FIELD_MCN), NULL);

    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ROUTING_RELAY_PRECEDENCE), "OO");
    CHECK(cable_strs(cable_root(c), CABLE_FIELD_ROUTING_RELAYS).len == 6);
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_ROUTING_RELAYS), 0), "RUEHDBU");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ROUTING_STATION), "RUEHMO");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ROUTING_SERIAL), "5434");
    CHECK(cable_int(cable_root(c), CABLE_FIELD_ROUTING_SECTION, &n) && n == 1);
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ROUTING_JULIAN_TIME), "3211231");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ROUTING_SECURITY), "ZNY CCCCC");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ROUTING_SIGNALS), "ZZH");

    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_CLASSIFICATION), "CONFIDENTIAL");
    CHECK(cable_strs(cable_root(c), CABLE_FIELD_CAVEATS).len == 1);
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_CAVEATS), 0), "SIPDIS");
    CHECK(cable_strs(cable_root(c), CABLE_FIELD_DISTRIBUTION).len == 0);
    CHECK(cable_int(cable_root(c), CABLE_FIELD_SECTION_NUMBER, &n) && cable_int(cable_root(c), CABLE_FIELD_SECTION_TOTAL, &total) && n == 1 && total == 2);
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_EO_ORDER), "12958");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_EO_DECLASSIFY_RAW), "11/16/2017");
    CHECK(cable_int(cable_root(c), CABLE_FIELD_EO_DECLASSIFY_ON, &t) && t == 1510790400); /* 2017-11-16 */

    CHECK(cable_strs(cable_root(c), CABLE_FIELD_TAGS).len == 5);
    for (i = 0; i < 5; i++) CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_TAGS), i), tags[i]);
    CHECK(span_is(c, rec_span(cable_record(cable_root(c), CABLE_FIELD_TAGS, 2), CABLE_FIELD_SPAN), "PTER"));
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_SUBJECT), "KOSOVO: RUSSIAN FORECAST FOR \"THE DAY AFTER;\" BOSNIA");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_SUBJECT_MARKING, 0), CABLE_FIELD_RAW), NULL);
    CHECK(cable_count(cable_root(c), CABLE_FIELD_REFERENCES) == 0);
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_CLASSIFIED_BY), "Ambassador William J. Burns: Reasons 1.4 (b/d).");
    CHECK(cable_strs(cable_root(c), CABLE_FIELD_CLASSIFIED_BY_NAMES).len == 1);
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_CLASSIFIED_BY_NAMES), 0), "William J. Burns");
    CHECK(cable_strs(cable_root(c), CABLE_FIELD_CLASSIFIED_BY_REASONS).len == 2);
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_CLASSIFIED_BY_REASONS), 0), "1.4(b)");
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_CLASSIFIED_BY_REASONS), 1), "1.4(d)");
    CHECK(!is_partial(c));
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ENVELOPE_KIND), NULL);
    /* The seed's only warnings: its three mangled paragraph numbers (11. 12. 13.). */
    CHECK(cable_count(cable_root(c), CABLE_FIELD_WARNINGS) == 3);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_WARNINGS, 0), CABLE_FIELD_KIND), "recovered_paragraph_number");
    CHECK_STR(cable_span_text(c, rec_span(cable_record(cable_root(c), CABLE_FIELD_WARNINGS, 0), CABLE_FIELD_SPAN)), "11.");

    CHECK(cable_span(cable_root(c), CABLE_FIELD_SENDER, &sp) && span_is(c, sp, "AMEMBASSY MOSCOW"));
    CHECK(cable_span(cable_root(c), CABLE_FIELD_DTG, &sp) && span_is(c, sp, "O 171231Z NOV 07"));
    CHECK(cable_span(cable_root(c), CABLE_FIELD_EO, &sp) && span_is(c, sp, "E.O. 12958: DECL: 11/16/2017"));
    CHECK(cable_span(cable_root(c), CABLE_FIELD_CLASSIFIED_BY, &sp) &&
          span_is(c, sp, "Ambassador William J. Burns: Reasons 1.4 (b/d)."));
    CHECK(cable_span(cable_root(c), CABLE_FIELD_BODY, &sp) && sp.end == cable_str(cable_root(c), CABLE_FIELD_TEXT).len);
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_SOURCE), NULL); /* parsed from bytes: no source */
    CHECK(!cable_span(cable_root(c), 1000, &sp));

    /* Out of range: absent values, nothing written. */
    n = 77;
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_TAGS), 5), NULL);
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_TAGS), (size_t)-1), NULL);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_TO, 1), CABLE_FIELD_NAME), NULL);
    CHECK_STR(str_at(cable_strs(cable_record(cable_root(c), CABLE_FIELD_TO, 0), CABLE_FIELD_EXCLUDED), 0), NULL);
    CHECK_STR(str_at(cable_strs(cable_record(cable_root(c), CABLE_FIELD_INFO, 5), CABLE_FIELD_EXCLUDED), 0), NULL);
    CHECK(cable_strs(cable_record(cable_root(c), CABLE_FIELD_INFO, 5), CABLE_FIELD_EXCLUDED).len == 0);
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_ROUTING_RELAYS), 6), NULL);
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_CAVEATS), 1), NULL);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_REFERENCES, 0), CABLE_FIELD_TEXT), NULL);
    CHECK(!cable_int(cable_record(cable_root(c), CABLE_FIELD_REFERENCES, 0), CABLE_FIELD_SERIAL, &n) && n == 77);
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_CLASSIFIED_BY_REASONS), 2), NULL);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_WARNINGS, 3), CABLE_FIELD_KIND), NULL);
    sp = rec_span(cable_record(cable_root(c), CABLE_FIELD_WARNINGS, 3), CABLE_FIELD_SPAN);
    CHECK(sp.start == 0 && sp.end == 0);

    CHECK(cable_to_json(c, &json, &json_len) == CABLE_OK);
    CHECK(json != NULL && strlen(json) == json_len);
    CHECK(json != NULL && strncmp(json, "{\"reference_id\":\"07MOSCOW5434\"", 30) == 0);
    CHECK(json != NULL && strstr(json, "\"mcn\":\"5322\"") != NULL);
    cable_string_free(json);
    CHECK(cable_to_json_pretty(c, &json, NULL) == CABLE_OK);
    CHECK(json != NULL && strstr(json, "\n  \"transmission_id\": \"VZCZCXRO9060\",\n") != NULL);
    cable_string_free(json);
    cable_free(c);
}

/* The body of the seed: nine (C) paragraphs, headings, cleaned text, summary, comment, signature,
 * the page break. Values read off examples/07MOSCOW5434.txt. */
static void test_seed_body(void) {
    size_t len, i, at = 0;
    int64_t first = 99, last = 99;
    char *data = read_rel(root, "examples/07MOSCOW5434.txt", &len);
    Cable *c = NULL;
    int64_t n = 0;
    CableSpan sp;
    CableStr text;
    static const char *headings[9] = {NULL, "Lavrov's Letter", NULL, NULL, NULL, "Tadic and Kostunica", "Bosnia", NULL,
                                      "Comment"};

    CHECK(cable_parse(data, len, &c, NULL) == CABLE_OK);
    free(data);
    if (c == NULL) return;

    CHECK(cable_count(cable_root(c), CABLE_FIELD_PARAGRAPHS) == 9);
    for (i = 0; i < 9; i++) {
        CHECK(cable_int(paragraph(c, i), CABLE_FIELD_NUMBER, &n) && n == (int64_t)i + 1);
        CHECK_STR(cable_str(marking_of(c, i), CABLE_FIELD_LEVEL), "CONFIDENTIAL");
        CHECK_STR(cable_str(marking_of(c, i), CABLE_FIELD_RAW), "(C)");
        CHECK(cable_strs(marking_of(c, i), CABLE_FIELD_CAVEATS).len == 0);
        CHECK_STR(cable_str(paragraph(c, i), CABLE_FIELD_HEADING), headings[i]);
        CHECK(cable_count(paragraph(c, i), CABLE_FIELD_ITEMS) == 0);
        CHECK(cable_str(paragraph(c, i), CABLE_FIELD_TEXT).len > 0);
    }
    /* Mangled numbers (11. 12. 13.) are read as 1 to 3; written as they are. */
    CHECK_STR(cable_str(paragraph(c, 0), CABLE_FIELD_WRITTEN_NUMBER), "11.");
    CHECK_STR(cable_str(paragraph(c, 4), CABLE_FIELD_WRITTEN_NUMBER), "\xc2\xb6" "5."); /* ¶5. */
    CHECK(cable_span(paragraph(c, 6), CABLE_FIELD_HEADING_SPAN, &sp) && span_is(c, sp, "Bosnia"));
    CHECK(!cable_span(paragraph(c, 0), CABLE_FIELD_HEADING_SPAN, NULL));

    /* Paragraph 6 runs over the page break: the marker is cut out of its text. */
    CHECK(cable_paragraph_find(c, 6, &at) && at == 5);
    text = cable_str(paragraph(c, at), CABLE_FIELD_TEXT);
    CHECK(str_starts(text, "Botsan-Kharchenko reiterated his admiration"));
    CHECK(str_contains(text, "without hesitation, and reconfirmed"));
    CHECK(!str_contains(text, "MOSCOW 00005434"));
    CHECK(text.ptr == cable_str(paragraph(c, at), CABLE_FIELD_TEXT).ptr); /* kept by the handle */
    CHECK(span_starts(c, rec_span(paragraph(c, at), CABLE_FIELD_SPAN), "\xc2\xb6" "6. (C) Botsan-Kharchenko"));
    CHECK(span_starts(c, rec_span(paragraph(c, at), CABLE_FIELD_TEXT_SPAN), "Botsan-Kharchenko"));
    CHECK(str_starts(cable_str(paragraph(c, 1), CABLE_FIELD_TEXT), "In a November 16 meeting, Special Envoy"));
    CHECK(!cable_paragraph_find(c, 10, &at) && at == 5);

    text = cable_str(cable_record(cable_root(c), CABLE_FIELD_SUMMARY, 0), CABLE_FIELD_TEXT);
    CHECK(str_starts(text, "Russia's Kosovo Troika Envoy"));
    CHECK(str_ends(text, "unilateral independence."));
    CHECK(cable_span(cable_record(cable_root(c), CABLE_FIELD_SUMMARY, 0), CABLE_FIELD_SPAN, &sp) && span_starts(c, sp, "Russia's Kosovo Troika Envoy"));
    CHECK(passage_paragraphs(cable_record(cable_root(c), CABLE_FIELD_SUMMARY, 0), &first, &last) && first == 0 && last == 0);
    CHECK(str_starts(cable_str(cable_record(cable_root(c), CABLE_FIELD_COMMENT, 0), CABLE_FIELD_TEXT), "By hinting at differences"));
    CHECK(passage_paragraphs(cable_record(cable_root(c), CABLE_FIELD_COMMENT, 0), &first, &last) && first == 8 && last == 8);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_ACTION_REQUEST, 0), CABLE_FIELD_TEXT), NULL);
    CHECK(!cable_span(cable_record(cable_root(c), CABLE_FIELD_ACTION_REQUEST, 0), CABLE_FIELD_SPAN, &sp));
    CHECK(cable_count(cable_root(c), CABLE_FIELD_NOTES) == 0);

    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_SIGNATURE), "BURNS");
    CHECK(cable_span(cable_root(c), CABLE_FIELD_SIGNATURE, &sp) && span_is(c, sp, "BURNS"));
    CHECK(cable_strs(cable_root(c), CABLE_FIELD_SIGNERS).len == 1);
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_SIGNERS), 0), "BURNS");
    CHECK(cable_count(cable_root(c), CABLE_FIELD_REDACTIONS) == 0);
    CHECK(cable_count(cable_root(c), CABLE_FIELD_BREAKS) == 1);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_BREAKS, 0), CABLE_FIELD_KIND), "page");
    CHECK(cable_int(cable_record(cable_root(c), CABLE_FIELD_BREAKS, 0), CABLE_FIELD_PAGE, &n) && n == 2);
    CHECK(span_is(c, rec_span(cable_record(cable_root(c), CABLE_FIELD_BREAKS, 0), CABLE_FIELD_SPAN), "MOSCOW 00005434 002 OF 002"));

    /* Out of range: absent values, nothing written. */
    n = 77;
    at = 77;
    first = 77;
    CHECK(!cable_int(paragraph(c, 9), CABLE_FIELD_NUMBER, &n) && n == 77);
    CHECK_STR(cable_str(paragraph(c, 9), CABLE_FIELD_TEXT), NULL);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_PARAGRAPHS, (size_t)-1), CABLE_FIELD_TEXT), NULL);
    CHECK_STR(cable_str(paragraph(c, 9), CABLE_FIELD_HEADING), NULL);
    CHECK_STR(cable_str(marking_of(c, 9), CABLE_FIELD_LEVEL), NULL);
    CHECK_STR(str_at(cable_strs(marking_of(c, 0), CABLE_FIELD_CAVEATS), 0), NULL);
    CHECK_STR(cable_str(cable_record(paragraph(c, 0), CABLE_FIELD_ITEMS, 0), CABLE_FIELD_LABEL), NULL);
    sp = rec_span(paragraph(c, 9), CABLE_FIELD_SPAN);
    CHECK(sp.start == 0 && sp.end == 0);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_NOTES, 0), CABLE_FIELD_TEXT), NULL);
    CHECK(!passage_paragraphs(cable_record(cable_root(c), CABLE_FIELD_NOTES, 0), &first, NULL) && first == 77);
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_SIGNERS), 1), NULL);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_BREAKS, 1), CABLE_FIELD_KIND), NULL);
    CHECK(!cable_int(cable_record(cable_root(c), CABLE_FIELD_BREAKS, 1), CABLE_FIELD_PAGE, &n) && n == 77);
    sp = rec_span(cable_record(cable_root(c), CABLE_FIELD_REDACTIONS, 0), CABLE_FIELD_SPAN);
    CHECK(sp.start == 0 && sp.end == 0);
    cable_free(c);

    /* A NULL handle reads as absent. */
    CHECK(cable_count(cable_root(NULL), CABLE_FIELD_PARAGRAPHS) == 0 && cable_strs(cable_root(NULL), CABLE_FIELD_SIGNERS).len == 0 && cable_count(cable_root(NULL), CABLE_FIELD_BREAKS) == 0);
    CHECK_STR(cable_str(paragraph(NULL, 0), CABLE_FIELD_TEXT), NULL);
    CHECK_STR(cable_str(cable_record(cable_root(NULL), CABLE_FIELD_SUMMARY, 0), CABLE_FIELD_TEXT), NULL);
    CHECK_STR(cable_str(cable_root(NULL), CABLE_FIELD_SIGNATURE), NULL);
    CHECK(!passage_paragraphs(cable_record(cable_root(NULL), CABLE_FIELD_SUMMARY, 0), &first, &last) && first == 77);
}

/* 08ABUJA320, a SECRET//NOFORN page: (S//NF) and (C//NF) paragraphs, a summary, a note, a comment,
 * a page break inside paragraph 5, redacted names. Values read off the page. */
static void test_corpus_body(void) {
    size_t len, i, at = 0;
    int64_t first = 99, last = 99;
    char *page;
    Cable *c = NULL;
    int64_t n = 0;
    CableSpan sp;
    CableStr text;
    if (skip_without_corpus("corpus page 08ABUJA320 (body accessors)")) return;
    page = read_rel(corpus, "cablegate-html/2008/02/08ABUJA320.html", &len);

    CHECK(cable_parse_as(page, len, CABLE_FORMAT_HTML, NULL, &c, NULL) == CABLE_OK);
    free(page);
    if (c == NULL) return;
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_CLASSIFICATION), "SECRET");
    CHECK(cable_count(cable_root(c), CABLE_FIELD_PARAGRAPHS) == 7);
    for (i = 0; i < 7; i++) {
        CHECK(cable_int(paragraph(c, i), CABLE_FIELD_NUMBER, &n) && n == (int64_t)i + 1);
        CHECK_STR(cable_str(marking_of(c, i), CABLE_FIELD_LEVEL), i == 5 ? "CONFIDENTIAL" : "SECRET");
        CHECK_STR(cable_str(marking_of(c, i), CABLE_FIELD_RAW), i == 5 ? "(C//NF)" : "(S//NF)");
        CHECK(cable_strs(marking_of(c, i), CABLE_FIELD_CAVEATS).len == 1);
        CHECK_STR(str_at(cable_strs(marking_of(c, i), CABLE_FIELD_CAVEATS), 0), "NOFORN");
        CHECK_STR(str_at(cable_strs(marking_of(c, i), CABLE_FIELD_CAVEATS), 1), NULL);
        CHECK_STR(cable_str(paragraph(c, i), CABLE_FIELD_HEADING), NULL);
    }
    CHECK_STR(cable_str(paragraph(c, 0), CABLE_FIELD_WRITTEN_NUMBER), "\xc2\xb6" "1."); /* `<a ...>¶</a>1.` */
    CHECK(str_starts(cable_str(paragraph(c, 0), CABLE_FIELD_TEXT), "SUMMARY: XXXXXXXXXXXX alleged a close association"));

    /* Paragraph 5 is interrupted by `ABUJA 00000320 002 OF 002`. */
    CHECK(cable_paragraph_find(c, 5, &at) && at == 4);
    text = cable_str(paragraph(c, at), CABLE_FIELD_TEXT);
    CHECK(str_starts(text, "Moreover, XXXXXXXXXXXX said"));
    CHECK(str_contains(text, "willing to offer the First Lady twenty plots of land instead"));
    CHECK(str_ends(text, "The negotiations, XXXXXXXXXXXX told PolOff, continue."));
    CHECK(!str_contains(text, "ABUJA 00000320"));
    CHECK(cable_count(cable_root(c), CABLE_FIELD_BREAKS) == 1);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_BREAKS, 0), CABLE_FIELD_KIND), "page");
    CHECK(cable_int(cable_record(cable_root(c), CABLE_FIELD_BREAKS, 0), CABLE_FIELD_PAGE, &n) && n == 2);
    sp = rec_span(cable_record(cable_root(c), CABLE_FIELD_BREAKS, 0), CABLE_FIELD_SPAN);
    CHECK(span_starts(c, sp, "ABUJA 00000320 002 OF 002"));
    CHECK(sp.start > rec_span(paragraph(c, at), CABLE_FIELD_SPAN).start && sp.end < rec_span(paragraph(c, at), CABLE_FIELD_SPAN).end);

    text = cable_str(cable_record(cable_root(c), CABLE_FIELD_SUMMARY, 0), CABLE_FIELD_TEXT);
    CHECK(str_starts(text, "XXXXXXXXXXXX alleged a close association between President Yar,Adua"));
    CHECK(str_ends(text, "an emergent \"Katsina clique\" in the Presidential Villa."));
    CHECK(passage_paragraphs(cable_record(cable_root(c), CABLE_FIELD_SUMMARY, 0), &first, &last) && first == 0 && last == 0);
    text = cable_str(cable_record(cable_root(c), CABLE_FIELD_COMMENT, 0), CABLE_FIELD_TEXT);
    CHECK(str_starts(text, "While XXXXXXXXXXXX is a trusted, longtime Mission contact"));
    CHECK(str_ends(text, "Post will closely monitor these accusations and report any new developments."));
    CHECK(passage_paragraphs(cable_record(cable_root(c), CABLE_FIELD_COMMENT, 0), &first, &last) && first == 6 && last == 6);
    CHECK(!passage_paragraphs(cable_record(cable_root(c), CABLE_FIELD_ACTION_REQUEST, 0), &first, &last));

    /* `(Note: Many Nigerian Muslims ... at all. End Note.)` in paragraph 4. */
    CHECK(cable_count(cable_root(c), CABLE_FIELD_NOTES) == 1);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_NOTES, 0), CABLE_FIELD_KIND), "note");
    text = cable_str(cable_record(cable_root(c), CABLE_FIELD_NOTES, 0), CABLE_FIELD_TEXT);
    CHECK(str_starts(text, "Many Nigerian Muslims have criticized the GON's handling of the 2007 hajj"));
    CHECK(str_ends(text, "were never airlifted from Nigeria at all."));
    CHECK(passage_paragraphs(cable_record(cable_root(c), CABLE_FIELD_NOTES, 0), &first, NULL) && first == 3);
    CHECK(cable_span(cable_record(cable_root(c), CABLE_FIELD_NOTES, 0), CABLE_FIELD_SPAN, &sp) && span_starts(c, sp, "Many Nigerian Muslims"));

    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_SIGNATURE), "SANDERS");
    CHECK(cable_strs(cable_root(c), CABLE_FIELD_SIGNERS).len == 1);
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_SIGNERS), 0), "SANDERS");
    /* 28 runs of X: the names the publishers removed. */
    CHECK(cable_count(cable_root(c), CABLE_FIELD_REDACTIONS) == 28);
    for (i = 0; i < cable_count(cable_root(c), CABLE_FIELD_REDACTIONS); i++) CHECK(span_starts(c, rec_span(cable_record(cable_root(c), CABLE_FIELD_REDACTIONS, i), CABLE_FIELD_SPAN), "XXXXXXXXXXXX"));
    cable_free(c);
}

/* A header with a collective and XMT lines, and a marked subject: the fields the seed lacks. */
static void test_excluded_and_marking(void) {
    static const char text[] =
        "R 011200Z JAN 08\n"
        "FM SECSTATE WASHDC\n"
        "TO ALL NATO POST COLLECTIVE PRIORITY\n"
        "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE ROUTINE 0121\n"
        "XMT AMEMBASSY PARIS\n"
        "AMEMBASSY ROME\n"
        "\n"
        "C O N F I D E N T I A L STATE 001234\n"
        "\n"
        "SUBJECT: (C/NF) TEST\n";
    Cable *c = NULL;
    CHECK(cable_parse(text, sizeof text - 1, &c, NULL) == CABLE_OK);
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_REFERENCE_ID), "08STATE1234");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_PRECEDENCE), "ROUTINE");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_TO, 0), CABLE_FIELD_NAME), "ALL NATO POST COLLECTIVE");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_INFO, 0), CABLE_FIELD_MCN), "0121");
    CHECK(cable_strs(cable_record(cable_root(c), CABLE_FIELD_INFO, 0), CABLE_FIELD_EXCLUDED).len == 2);
    CHECK_STR(str_at(cable_strs(cable_record(cable_root(c), CABLE_FIELD_INFO, 0), CABLE_FIELD_EXCLUDED), 0), "AMEMBASSY PARIS");
    CHECK_STR(str_at(cable_strs(cable_record(cable_root(c), CABLE_FIELD_INFO, 0), CABLE_FIELD_EXCLUDED), 1), "AMEMBASSY ROME");
    CHECK_STR(str_at(cable_strs(cable_record(cable_root(c), CABLE_FIELD_INFO, 0), CABLE_FIELD_EXCLUDED), 2), NULL);
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_SUBJECT), "TEST");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_SUBJECT_MARKING, 0), CABLE_FIELD_RAW), "(C/NF)");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_SUBJECT_MARKING, 0), CABLE_FIELD_LEVEL), "CONFIDENTIAL");
    CHECK(cable_strs(cable_record(cable_root(c), CABLE_FIELD_SUBJECT_MARKING, 0), CABLE_FIELD_CAVEATS).len == 1);
    CHECK_STR(str_at(cable_strs(cable_record(cable_root(c), CABLE_FIELD_SUBJECT_MARKING, 0), CABLE_FIELD_CAVEATS), 0), "NOFORN");
    cable_free(c);
}

/* Cross-references, the drafting block and the document's marking, on committed fixtures
 * (values read from the cables). */
static void test_annotations(void) {
    size_t len = 0;
    int64_t t = 0;
    int64_t n = 0;
    Cable *c = NULL;
    char *page = read_rel(root, "tests/fixtures/09STATE28302.html", &len);
    CHECK(page != NULL && cable_parse_as(page, len, CABLE_FORMAT_HTML, NULL, &c, NULL) == CABLE_OK);
    /* `(REFS A and B)` in paragraph 2, `paragraph 5` in paragraph 3. */
    CHECK(cable_count(cable_root(c), CABLE_FIELD_LINKS) == 3);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_LINKS, 0), CABLE_FIELD_KIND), "reference");
    CHECK(cable_int(cable_record(cable_root(c), CABLE_FIELD_LINKS, 1), CABLE_FIELD_PARAGRAPH, &n) && n == 1);
    CHECK(cable_int(cable_record(cable_root(c), CABLE_FIELD_LINKS, 1), CABLE_FIELD_TARGET, &t) && t == 1);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_REFERENCES, (size_t)t), CABLE_FIELD_LABEL), "B");
    CHECK(span_is(c, rec_span(cable_record(cable_root(c), CABLE_FIELD_LINKS, 1), CABLE_FIELD_SPAN), "B"));
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_LINKS, 2), CABLE_FIELD_KIND), "paragraph");
    CHECK(cable_int(cable_record(cable_root(c), CABLE_FIELD_LINKS, 2), CABLE_FIELD_NUMBER, &n) && n == 5);
    CHECK(cable_int(cable_record(cable_root(c), CABLE_FIELD_LINKS, 2), CABLE_FIELD_TARGET, &t) && t == 4);
    CHECK(!cable_int(cable_record(cable_root(c), CABLE_FIELD_LINKS, 0), CABLE_FIELD_NUMBER, &n) && n == 5);
    CHECK(cable_record(cable_root(c), CABLE_FIELD_LINKS, 3) == NULL && cable_record(cable_root(c), CABLE_FIELD_DRAFTING, 0) == NULL && cable_record(cable_root(c), CABLE_FIELD_DOCUMENT_MARKING, 0) == NULL);
    cable_free(c);
    free(page);
    page = read_rel(root, "tests/fixtures/09DOHA214.html", &len);
    CHECK(page != NULL && cable_parse_as(page, len, CABLE_FORMAT_HTML, NULL, &c, NULL) == CABLE_OK);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_DRAFTING, 0), CABLE_FIELD_DRAFTED), "P/E:MZEBLEY");
    CHECK(cable_strs(cable_record(cable_root(c), CABLE_FIELD_DRAFTING, 0), CABLE_FIELD_CLEARED).len == 3);
    CHECK_STR(str_at(cable_strs(cable_record(cable_root(c), CABLE_FIELD_DRAFTING, 0), CABLE_FIELD_CLEARED), 2), "DCM: MRATNEY");
    CHECK_STR(str_at(cable_strs(cable_record(cable_root(c), CABLE_FIELD_DRAFTING, 0), CABLE_FIELD_CLEARED), 3), NULL);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_DRAFTING, 0), CABLE_FIELD_APPROVED), "AMB:JLABARON");
    CHECK(span_starts(c, rec_span(cable_record(cable_root(c), CABLE_FIELD_DRAFTING, 0), CABLE_FIELD_SPAN), "APPROVED: AMB:JLABARON"));
    /* A warning about 204 bytes (a distribution list read as no field): its text is the first
     * 200, as in the JSON; the span has them all. */
    {
        const CableRecord *w = cable_record(cable_root(c), CABLE_FIELD_WARNINGS, 11);
        CableSpan ws = rec_span(w, CABLE_FIELD_SPAN);
        CableStr wt = cable_str(w, CABLE_FIELD_TEXT);
        CHECK_STR(cable_str(w, CABLE_FIELD_KIND), "unrecognised_line");
        CHECK(ws.start == 968 && ws.end == 1172 && wt.len == 200);
        CHECK(wt.ptr != NULL && strncmp(wt.ptr, "S/CT FOR SHARRI R.  CLARK AND BRUCE AVERILL", 43) == 0);
        CHECK(wt.ptr != NULL && memcmp(wt.ptr, cable_str(cable_root(c), CABLE_FIELD_TEXT).ptr + ws.start, 200) == 0);
    }
    cable_free(c);
    free(page);
    page = read_rel(root, "tests/fixtures/90CAPETOWN97.html", &len);
    CHECK(page != NULL && cable_parse_as(page, len, CABLE_FORMAT_HTML, NULL, &c, NULL) == CABLE_OK);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_DOCUMENT_MARKING, 0), CABLE_FIELD_RAW), "CONFIDENTIAL - ENTIRE TEXT");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_DOCUMENT_MARKING, 0), CABLE_FIELD_LEVEL), "CONFIDENTIAL");
    CHECK(cable_strs(cable_record(cable_root(c), CABLE_FIELD_DOCUMENT_MARKING, 0), CABLE_FIELD_CAVEATS).len == 0);
    CHECK(span_is(c, rec_span(cable_record(cable_root(c), CABLE_FIELD_DOCUMENT_MARKING, 0), CABLE_FIELD_SPAN), "CONFIDENTIAL - ENTIRE TEXT"));
    cable_free(c);
    free(page);
    CHECK(cable_count(cable_root(NULL), CABLE_FIELD_LINKS) == 0 && cable_record(cable_root(NULL), CABLE_FIELD_LINKS, 0) == NULL && cable_record(cable_root(NULL), CABLE_FIELD_DRAFTING, 0) == NULL);
    CHECK_STR(cable_str(NULL, CABLE_FIELD_KIND), NULL);
    CHECK_STR(cable_str(NULL, CABLE_FIELD_DRAFTED), NULL);
}

/* Two cablegate pages, values checked by reading the pages. */
static void test_corpus_pages(void) {
    size_t len;
    char *page;
    Cable *c = NULL;
    CableError err;
    int64_t t;
    int64_t n;
    static const char *tags[] = {"ECON", "PGOV", "PREL", "EAID", "AF"};
    size_t i;
    if (skip_without_corpus("corpus pages 09KABUL3714, 07SANAA473, 09STATE67105")) return;
    page = read_rel(corpus, "cablegate-html/2009/11/09KABUL3714.html", &len);

    CHECK(cable_detect_format(page, len) == CABLE_FORMAT_HTML);
    CHECK(cable_parse_as(page, len, CABLE_FORMAT_HTML, NULL, &c, &err) == CABLE_OK);
    free(page);
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_REFERENCE_ID), "09KABUL3714");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_TRANSMISSION_ID), "VZCZCXYZ0025");
    CHECK(cable_int(cable_root(c), CABLE_FIELD_CREATED, &t) && t == 1258557480); /* 2009-11-18T15:18:00Z */
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_PRECEDENCE), "ROUTINE");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_SENDER), "AMEMBASSY KABUL");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_TO, 0), CABLE_FIELD_NAME), "SECSTATE WASHDC");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_TO, 0), CABLE_FIELD_MCN), "3271");
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_ROUTING_RELAYS), 0), "RUEHWEB");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ROUTING_STATION), "RUEHBUL");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_CLASSIFICATION), "CONFIDENTIAL");
    CHECK(cable_strs(cable_root(c), CABLE_FIELD_CAVEATS).len == 3);
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_CAVEATS), 0), "CORRECTED COPY");
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_CAVEATS), 1), "NOFORN");
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_CAVEATS), 2), "SIPDIS");
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_DISTRIBUTION), 0), "DEPT FOR S/SRAP AND SCA/A");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_EO_DECLASSIFY_RAW), "11/18/2019");
    CHECK(cable_strs(cable_root(c), CABLE_FIELD_TAGS).len == 5);
    for (i = 0; i < 5; i++) CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_TAGS), i), tags[i]);
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_SUBJECT), "AFGHAN COMMERCE MINISTER DISCUSSES REFORM AGENDA");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_SUBJECT_MARKING, 0), CABLE_FIELD_LEVEL), "CONFIDENTIAL");
    CHECK(cable_strs(cable_root(c), CABLE_FIELD_CLASSIFIED_BY_REASONS).len == 2);
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_CLASSIFIED_BY_REASONS), 1), "1.4(d)");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ENVELOPE_KIND), "cablegate_html");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ENVELOPE_REFERENCE_ID), "09KABUL3714");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ENVELOPE_CREATED), "2009-11-18 15:03");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ENVELOPE_RELEASED), "2010-12-02 21:09");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ENVELOPE_CLASSIFICATION), "CONFIDENTIAL//NOFORN");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ENVELOPE_ORIGIN), "Embassy Kabul");
    CHECK(!cable_int(cable_root(c), CABLE_FIELD_ENVELOPE_ROW_ID, NULL));
    CHECK(cable_count(cable_root(c), CABLE_FIELD_WARNINGS) == 0);
    cable_free(c);

    /* A warning: the banner lost its first letter. */
    page = read_rel(corpus, "cablegate-html/2007/04/07SANAA473.html", &len);
    CHECK(cable_parse_as(page, len, CABLE_FORMAT_HTML, NULL, &c, NULL) == CABLE_OK);
    free(page);
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_CLASSIFICATION), "SECRET");
    CHECK(cable_count(cable_root(c), CABLE_FIELD_WARNINGS) == 1);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_WARNINGS, 0), CABLE_FIELD_KIND), "damaged_keyword");
    CHECK_STR(cable_span_text(c, rec_span(cable_record(cable_root(c), CABLE_FIELD_WARNINGS, 0), CABLE_FIELD_SPAN)), "E C R E T");
    CHECK(span_is(c, rec_span(cable_record(cable_root(c), CABLE_FIELD_WARNINGS, 0), CABLE_FIELD_SPAN), "E C R E T"));
    cable_free(c);

    page = read_rel(corpus, "cablegate-html/2009/06/09STATE67105.html", &len);
    CHECK(cable_parse_as(page, len, CABLE_FORMAT_HTML, NULL, &c, NULL) == CABLE_OK);
    free(page);
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_REFERENCE_ID), "09STATE67105");
    CHECK(cable_int(cable_root(c), CABLE_FIELD_CREATED, &t) && t == 1246294740); /* 2009-06-29T16:59:00Z */
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_PRECEDENCE), "PRIORITY");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_SENDER), "SECSTATE WASHDC");
    CHECK(cable_count(cable_root(c), CABLE_FIELD_TO) == 2);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_TO, 0), CABLE_FIELD_NAME), "SECURITY OFFICER COLLECTIVE");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_TO, 1), CABLE_FIELD_NAME), "AMEMBASSY TRIPOLI");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_INFO, 0), CABLE_FIELD_NAME), "AMCONSUL CASABLANCA");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_CLASSIFICATION), "SECRET");
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_CAVEATS), 0), "NOFORN");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_EO_DECLASSIFY_RAW), "MR");
    CHECK(!cable_int(cable_root(c), CABLE_FIELD_EO_DECLASSIFY_ON, &t));
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_SUBJECT), "DIPLOMATIC SECURITY DAILY");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_CLASSIFIED_BY), "Derived from Multiple Sources");
    CHECK(cable_strs(cable_root(c), CABLE_FIELD_CLASSIFIED_BY_NAMES).len == 0);
    CHECK(cable_int(cable_root(c), CABLE_FIELD_SERIAL, &n) && n == 67105);
    cable_free(c);
}

/* Fields are read by name and type from records (values read off the seed): one field can have
 * two types, a list can be strings and records, a field of another type or kind of record and an
 * unknown name read as absent. */
static void test_fields_by_name(void) {
    size_t len;
    char *data = read_rel(root, "examples/07MOSCOW5434.txt", &len);
    Cable *c = NULL;
    const CableRecord *top, *tag, *to;
    int64_t n = 7;
    CableSpan sp = {0, 0};
    CableField unknown[] = {CABLE_FIELD_GEO + 1, 1000, (CableField)-1};
    size_t i;

    CHECK(cable_parse(data, len, &c, NULL) == CABLE_OK);
    free(data);
    top = cable_root(c);
    CHECK(top != NULL && top == cable_root(c));
    CHECK_STR(cable_str(top, CABLE_FIELD_SUBJECT), "KOSOVO: RUSSIAN FORECAST FOR \"THE DAY AFTER;\" BOSNIA");
    CHECK(cable_span(top, CABLE_FIELD_SUBJECT, &sp) && span_starts(c, sp, "KOSOVO: RUSSIAN FORECAST"));
    CHECK(!cable_int(top, CABLE_FIELD_SUBJECT, &n) && n == 7 && cable_count(top, CABLE_FIELD_SUBJECT) == 0);
    CHECK_STR(cable_str(top, CABLE_FIELD_TAGS), NULL);
    CHECK(cable_strs(top, CABLE_FIELD_TAGS).len == 5 && cable_count(top, CABLE_FIELD_TAGS) == 5);
    tag = cable_record(top, CABLE_FIELD_TAGS, 4);
    CHECK_STR(cable_str(tag, CABLE_FIELD_TEXT), "RS");
    CHECK(span_is(c, rec_span(tag, CABLE_FIELD_SPAN), "RS"));
    to = cable_record(top, CABLE_FIELD_TO, 0);
    CHECK_STR(cable_str(to, CABLE_FIELD_SUBJECT), NULL);
    CHECK_STR(cable_str(to, CABLE_FIELD_MCN), "5322");
    CHECK_STR(cable_str(cable_record(top, CABLE_FIELD_WARNINGS, 2), CABLE_FIELD_TEXT), "13.");
    CHECK(cable_int(top, CABLE_FIELD_PARTIAL, &n) && n == 0);
    for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        CHECK_STR(cable_str(top, unknown[i]), NULL);
        CHECK(cable_strs(top, unknown[i]).len == 0 && cable_count(top, unknown[i]) == 0);
        CHECK(!cable_int(top, unknown[i], &n) && !cable_span(top, unknown[i], &sp));
        CHECK(cable_record(top, unknown[i], 0) == NULL);
    }
    cable_free(c);
    CHECK(cable_root(NULL) == NULL && cable_count(NULL, CABLE_FIELD_PARAGRAPHS) == 0);
}

/* ------------------------------------------------------------------------------------------ */

static CableStatus parse_status(const char *data, size_t len, const CableOptions *opts, CableError *err) {
    Cable *c = (Cable *)&c; /* not NULL: must be overwritten */
    CableStatus st = cable_parse_as(data, len, CABLE_FORMAT_TEXT, opts, &c, err);
    if (st != CABLE_OK) CHECK(c == NULL);
    cable_free(c);
    return st;
}

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "wb");
    if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(2);
    }
}

static void test_errors(void) {
    Cable *c = NULL;
    CableError err;
    CableOptions opts;
    size_t len;
    char *seed = read_rel(root, "examples/07MOSCOW5434.txt", &len);
    char *bad;
    static const char garbage[] = "\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x3e\x00\x01\x00"
                                  "\x00\x00\x10\x10\x00\x00\x00\x00\x00\x00\x40\x00\x00\x00\x00\x00\x00\x00";
    int i;

    /* NULL pointers. */
    CHECK(cable_parse(NULL, 10, &c, &err) == CABLE_NULL_ARGUMENT && c == NULL);
    CHECK(err.status == CABLE_NULL_ARGUMENT && strcmp(err.message, "data is NULL") == 0);
    CHECK(cable_parse(seed, len, NULL, &err) == CABLE_NULL_ARGUMENT);
    CHECK(cable_parse(seed, len, NULL, NULL) == CABLE_NULL_ARGUMENT);
    CHECK(cable_parse_as(NULL, 0, CABLE_FORMAT_HTML, NULL, &c, NULL) == CABLE_NULL_ARGUMENT);
    CHECK(cable_parse_as(seed, len, CABLE_FORMAT_TEXT, NULL, &c, NULL) == CABLE_OK); /* NULL options: defaults */
    cable_free(c);
    CHECK(cable_to_json(NULL, &bad, NULL) == CABLE_NULL_ARGUMENT && bad == NULL);
    CHECK(cable_csv_open(NULL, NULL, NULL, NULL) == CABLE_NULL_ARGUMENT);
    CHECK(cable_csv_next(NULL, &c, &err) == CABLE_NULL_ARGUMENT && c == NULL);
    CHECK_STR(cable_str(cable_root(NULL), CABLE_FIELD_REFERENCE_ID), NULL);
    CHECK_STR(cable_str(cable_root(NULL), CABLE_FIELD_TEXT), NULL);
    CHECK_STR(cable_str(cable_root(NULL), CABLE_FIELD_SOURCE), NULL);
    CHECK(cable_strs(cable_root(NULL), CABLE_FIELD_TAGS).len == 0 && cable_count(cable_root(NULL), CABLE_FIELD_WARNINGS) == 0);
    CHECK(!cable_int(cable_root(NULL), CABLE_FIELD_CREATED, NULL) && !is_partial(NULL));
    CHECK(cable_csv_row(NULL) == 0);
    cable_free(NULL);
    cable_string_free(NULL);
    cable_csv_close(NULL);

    /* Zero length, whitespace. */
    CHECK(parse_status(seed, 0, NULL, &err) == CABLE_EMPTY);
    CHECK(parse_status(" \n\t\r\n", 5, NULL, &err) == CABLE_EMPTY);
    CHECK(cable_parse_as(seed, 0, CABLE_FORMAT_HTML, NULL, &c, &err) == CABLE_NOT_A_PAGE && c == NULL);

    /* Binary garbage. */
    CHECK(parse_status(garbage, sizeof garbage - 1, NULL, &err) == CABLE_BINARY);
    CHECK(err.offset == 7); /* the first NUL */

    /* Text that is not a cable. */
    CHECK(parse_status("Dear diary,\nnothing happened today.\n", 36, NULL, &err) == CABLE_NOT_A_CABLE);
    CHECK(err.line == 1 && err.column == 1 && strstr(err.message, "no recognisable cable line") != NULL);
    CHECK(cable_parse_as("<html><body>hi</body></html>", 28, CABLE_FORMAT_HTML, NULL, &c, &err) == CABLE_NOT_A_PAGE);
    CHECK(strstr(err.message, "<pre>") != NULL);
    /* A cables.csv file holds many cables: refused, not read as one. */
    CHECK(cable_parse_as(seed, len, CABLE_FORMAT_CSV, NULL, &c, &err) == CABLE_NOT_A_CABLE && c == NULL);
    CHECK(strstr(err.message, "many cables") != NULL);
    CHECK(cable_parse_as(seed, len, 99, NULL, &c, NULL) == CABLE_OK); /* unknown: text */
    cable_free(c);

    /* A truncated cable: what is there is read. */
    CHECK(cable_parse(seed, 45, &c, &err) == CABLE_OK); /* "\n\nVZCZCXRO9060  \nOO RUEHDBU ..." */
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_TRANSMISSION_ID), "VZCZCXRO9060");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_SENDER), NULL);
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_REFERENCE_ID), NULL);
    cable_free(c);
    CHECK(parse_status(seed, 3, NULL, &err) == CABLE_NOT_A_CABLE); /* "\n\nV" */

    /* Invalid UTF-8: lossy by default, with a warning; rejected with the strict flag. */
    bad = malloc(len);
    memcpy(bad, seed, len);
    bad[strstr(seed, "Russia's") - seed + 6] = (char)0x92; /* Windows-1252 apostrophe */
    bad[strstr(seed, "Lavrov's") - seed + 6] = (char)0xff;
    CHECK(cable_parse(bad, len, &c, &err) == CABLE_OK);
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_REFERENCE_ID), "07MOSCOW5434");
    /* In text order: the recovered number 11., the two replaced bytes, then 12. and 13. */
    CHECK(cable_count(cable_root(c), CABLE_FIELD_WARNINGS) == 5);
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_WARNINGS, 0), CABLE_FIELD_KIND), "recovered_paragraph_number");
    CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_WARNINGS, 1), CABLE_FIELD_KIND), "lossy_decoding");
    CHECK_STR(cable_span_text(c, rec_span(cable_record(cable_root(c), CABLE_FIELD_WARNINGS, 1), CABLE_FIELD_SPAN)), "\xe2\x80\x99"); /* U+2019 */
    CHECK_STR(cable_span_text(c, rec_span(cable_record(cable_root(c), CABLE_FIELD_WARNINGS, 2), CABLE_FIELD_SPAN)), "\xc3\xbf");     /* U+00FF: Latin-1 */
    CHECK(cable_str(cable_root(c), CABLE_FIELD_TEXT).len == len + 3);
    cable_free(c);
    opts = cable_options_default();
    opts.flags = CABLE_OPTION_STRICT_UTF8;
    CHECK(parse_status(bad, len, &opts, &err) == CABLE_INVALID_UTF8);
    CHECK(err.offset == (uint64_t)(strstr(seed, "Russia's") - seed + 6));
    CHECK(err.line > 20 && err.column > 1);
    CHECK(parse_status(seed, len, &opts, &err) == CABLE_OK);
    free(bad);

    /* The size limit. */
    opts = cable_options_default();
    opts.max_input_len = 1000;
    CHECK(parse_status(seed, len, &opts, &err) == CABLE_TOO_LARGE);
    CHECK(parse_status(seed, 900, &opts, &err) == CABLE_OK);
    opts.year = 2004;
    CHECK(cable_parse_as("UNCLAS KABUL 001234\n\nSUBJECT: X\n", 32, CABLE_FORMAT_TEXT, &opts, &c, &err) == CABLE_OK);
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_REFERENCE_ID), "04KABUL1234");
    cable_free(c);

    /* Status strings and the version. */
    for (i = CABLE_OK; i <= CABLE_INTERNAL; i++) CHECK(strcmp(cable_status_message(i), "unknown status") != 0);
    CHECK(strcmp(cable_status_message(-1), "unknown status") == 0);
    CHECK(strcmp(cable_status_message(4242), "unknown status") == 0);
    CHECK(strcmp(cable_status_message(CABLE_EMPTY), "empty input") == 0);
    CHECK(strlen(cable_version()) > 0);
    free(seed);
}

/* A CSV file with a malformed row between two good ones, and a truncated last row. */
static void test_csv_errors(void) {
    char dir[] = "/tmp/cable-ctest-XXXXXX";
    char path[256];
    CableCsv *csv = NULL;
    Cable *c = NULL;
    CableError err;
    CableStatus st;
    int64_t id;
    static const char good1[] =
        "\"11\",\"11/17/2007 12:31\",\"07MOSCOW5434\",\"Embassy Moscow\",\"CONFIDENTIAL\",\"07STATE1|07STATE2\","
        "\"O 171231Z NOV 07\nFM AMEMBASSY MOSCOW\",\"C O N F I D E N T I A L MOSCOW 005434\n\nSUBJECT: THE \\\"DAY\\\" AFTER\n\"\n";
    static const char bad[] = "\"12\",\"11/18/2007 10:00\",unquoted,\"x\"\n";
    static const char good2[] =
        "\"13\",\"11/19/2007 09:00\",\"07MOSCOW5500\",\"Embassy Moscow\",\"UNCLASSIFIED\",\"\","
        "\"\",\"UNCLAS MOSCOW 005500\n\nSUBJECT: NEXT\n\"\n";
    static const char truncated[] = "\"14\",\"11/20/2007 09:00\",\"07MOSCOW5501\",\"Embassy Moscow\",\"UNCLAS";
    char content[2048];

    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        exit(2);
    }
    snprintf(path, sizeof path, "%s/rows.csv", dir);
    snprintf(content, sizeof content, "%s%s\n%s%s", good1, bad, good2, truncated);
    write_file(path, content);

    CHECK(cable_csv_open(path, NULL, &csv, &err) == CABLE_OK && csv != NULL);
    CHECK(cable_csv_next(csv, NULL, &err) == CABLE_NULL_ARGUMENT);

    st = cable_csv_next(csv, &c, &err);
    CHECK(st == CABLE_OK && cable_csv_row(csv) == 1);
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_REFERENCE_ID), "07MOSCOW5434");
    CHECK(str_ends(cable_str(cable_root(c), CABLE_FIELD_SOURCE), "/rows.csv:1") && str_starts(cable_str(cable_root(c), CABLE_FIELD_SOURCE), dir));
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_SUBJECT), "THE \"DAY\" AFTER");
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ENVELOPE_KIND), "cables_csv");
    CHECK(cable_int(cable_root(c), CABLE_FIELD_ENVELOPE_ROW_ID, &id) && id == 11);
    CHECK(cable_strs(cable_root(c), CABLE_FIELD_ENVELOPE_REFERENCES).len == 2);
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_ENVELOPE_REFERENCES), 0), "07STATE1");
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_ENVELOPE_REFERENCES), 1), "07STATE2");
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_ENVELOPE_REFERENCES), 2), NULL);
    cable_free(c);

    st = cable_csv_next(csv, &c, &err);
    CHECK(st == CABLE_CSV_ROW && c == NULL);
    CHECK(err.status == CABLE_CSV_ROW && err.row == 2 && err.offset == sizeof good1 - 1);
    CHECK(cable_csv_row(csv) == 2);
    CHECK(strstr(err.message, "row 2") != NULL);

    st = cable_csv_next(csv, &c, &err); /* the walk goes on */
    CHECK(st == CABLE_OK && cable_csv_row(csv) == 3);
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_REFERENCE_ID), "07MOSCOW5500");
    CHECK(str_ends(cable_str(cable_root(c), CABLE_FIELD_SOURCE), "/rows.csv:3"));
    CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_CLASSIFICATION), "UNCLASSIFIED");
    CHECK(cable_strs(cable_root(c), CABLE_FIELD_ENVELOPE_REFERENCES).len == 0);
    cable_free(c);

    st = cable_csv_next(csv, &c, &err);
    CHECK(st == CABLE_CSV_ROW && err.row == 4 && c == NULL); /* file ends inside the row */
    CHECK(cable_csv_next(csv, &c, &err) == CABLE_END && c == NULL);
    CHECK(cable_csv_next(csv, &c, NULL) == CABLE_END);
    cable_csv_close(csv);

    /* A missing file. */
    snprintf(path, sizeof path, "%s/missing.csv", dir);
    csv = (CableCsv *)&csv;
    CHECK(cable_csv_open(path, NULL, &csv, &err) == CABLE_IO_ERROR && csv == NULL);
    CHECK(err.status == CABLE_IO_ERROR && strstr(err.message, "missing.csv") != NULL);

    snprintf(path, sizeof path, "%s/rows.csv", dir);
    unlink(path);
    rmdir(dir);
}

/* ------------------------------------------------------------------------------------------ */

struct job {
    const char *seed;
    size_t seed_len;
    const char *page;
    size_t page_len;
    const Cable *shared;
    const char *text; /* where the shared handle's paragraph 2 text is, as this thread saw it */
    int ok;
};

static void *worker(void *arg) {
    struct job *job = arg;
    int i;
    job->ok = 1;
    for (i = 0; i < 25; i++) {
        Cable *c = NULL, *p = NULL;
        char *json = NULL;
        if (cable_parse(job->seed, job->seed_len, &c, NULL) != CABLE_OK ||
            !str_is(cable_str(cable_record(cable_root(c), CABLE_FIELD_TO, 0), CABLE_FIELD_MCN), "5322") || !str_is(str_at(cable_strs(cable_root(c), CABLE_FIELD_TAGS), 4), "RS"))
            job->ok = 0;
        if (cable_parse_as(job->page, job->page_len, CABLE_FORMAT_HTML, NULL, &p, NULL) != CABLE_OK ||
            !str_is(cable_str(cable_root(p), CABLE_FIELD_REFERENCE_ID), "09KABUL3714"))
            job->ok = 0;
        /* The shared handle, read by every thread at once (caches fill concurrently). */
        if (!str_is(cable_str(cable_root(job->shared), CABLE_FIELD_REFERENCE_ID), "09KABUL3714") ||
            !str_is(str_at(cable_strs(cable_root(job->shared), CABLE_FIELD_CAVEATS), 0), "CORRECTED COPY") ||
            !str_is(cable_str(cable_root(job->shared), CABLE_FIELD_ENVELOPE_KIND), "cablegate_html"))
            job->ok = 0;
        /* Cleaned text is computed on first access and kept: every thread gets the same copy. */
        if (cable_count(cable_root(job->shared), CABLE_FIELD_PARAGRAPHS) != 8 || !str_starts(cable_str(cable_record(cable_root(job->shared), CABLE_FIELD_SUMMARY, 0), CABLE_FIELD_TEXT), "Reform-minded") ||
            !str_starts(cable_str(cable_record(cable_root(job->shared), CABLE_FIELD_PARAGRAPHS, 7), CABLE_FIELD_TEXT), "Comment: Minister Shahrani"))
            job->ok = 0;
        job->text = cable_str(cable_record(cable_root(job->shared), CABLE_FIELD_PARAGRAPHS, 2), CABLE_FIELD_TEXT).ptr;
        if (job->text == NULL || !str_starts(cable_str(cable_record(cable_root(job->shared), CABLE_FIELD_PARAGRAPHS, 2), CABLE_FIELD_TEXT), "Shahrani argued")) job->ok = 0;
        if (cable_to_json(job->shared, &json, NULL) != CABLE_OK) job->ok = 0;
        cable_string_free(json);
        cable_free(c);
        cable_free(p);
    }
    return NULL;
}

/* Canonical ids, tag kinds, the station table, tags as written and canonical. */
static void test_ids(void) {
    char buf[32];
    const char *id = "08ECTION01OF02MANAMA492";
    const CableRecord *st;
    size_t len = 0;
    char *page;
    Cable *c = NULL;

    CHECK(cable_canonical_id(id, strlen(id), buf, sizeof buf) == 11);
    CHECK(strcmp(buf, "08MANAMA492") == 0);
    id = "90STATE255195TOSEC140301";
    CHECK(cable_canonical_id(id, strlen(id), buf, sizeof buf) == 13);
    CHECK(strcmp(buf, "90STATE255195") == 0);
    id = "04 HCMC 0450";
    CHECK(cable_canonical_id(id, strlen(id), NULL, 0) == 18); /* 04HOCHIMINHCITY450 */
    CHECK(cable_canonical_id("MOSCOW 5434", 11, buf, sizeof buf) == 0);
    CHECK(cable_canonical_id(NULL, 3, buf, sizeof buf) == 0);

    CHECK_STR(cable_tag_kind("PREL", 4), "subject");
    CHECK_STR(cable_tag_kind("NATO", 4), "org");
    CHECK_STR(cable_tag_kind("rs", 2), "geo");
    CHECK_STR(cable_tag_kind("KIPR", 4), "program");
    CHECK_STR(cable_tag_kind("OVIP (CLINTON, HILLARY)", 23), "person");
    CHECK_STR(cable_tag_kind("UX", 2), "unknown");
    CHECK_STR(cable_tag_kind(NULL, 0), NULL);

    st = cable_station("RUEHMO", 6);
    CHECK(st != NULL);
    CHECK_STR(cable_str(st, CABLE_FIELD_STATION), "MOSCOW");
    CHECK_STR(cable_str(st, CABLE_FIELD_PLAD), "AMEMBASSY MOSCOW");
    CHECK_STR(cable_str(st, CABLE_FIELD_ORIGIN), "Embassy Moscow");
    CHECK_STR(cable_str(st, CABLE_FIELD_COUNTRY), "Russia");
    CHECK_STR(cable_str(st, CABLE_FIELD_GEO), "RS");
    CHECK(cable_strs(st, CABLE_FIELD_ROUTES).len == 1);
    CHECK_STR(str_at(cable_strs(st, CABLE_FIELD_ROUTES), 0), "RUEHMO");
    CHECK_STR(str_at(cable_strs(st, CABLE_FIELD_ROUTES), 1), NULL);
    st = cable_station("Secretary of State", 18);
    CHECK_STR(cable_str(st, CABLE_FIELD_STATION), "STATE");
    CHECK_STR(str_at(cable_strs(st, CABLE_FIELD_ROUTES), 0), "RUEHC");
    st = cable_station("AMCONSUL HO CHI MINH CITY", 25);
    CHECK_STR(cable_str(st, CABLE_FIELD_STATION), "HOCHIMINHCITY");
    CHECK(cable_station("ATLANTIS", 8) == NULL);
    CHECK_STR(cable_str(NULL, CABLE_FIELD_STATION), NULL);
    CHECK(cable_station_count() > 250);
    CHECK(cable_station_at(cable_station_count()) == NULL);

    /* 09LONDON2222: `TAGS: POGOV, PREL, ...` — PGOV misspelled. */
    if (skip_without_corpus("corpus page 09LONDON2222 (tag fixes)")) return;
    page = read_rel(corpus, "cablegate-html/2009/09/09LONDON2222.html", &len);
    CHECK(page != NULL);
    if (page == NULL) return;
    CHECK(cable_parse_as(page, len, CABLE_FORMAT_HTML, NULL, &c, NULL) == CABLE_OK);
    free(page);
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_TAGS), 0), "PGOV");
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_TAGS_RAW), 0), "POGOV");
    CHECK(cable_strs(cable_root(c), CABLE_FIELD_TAGS).len == cable_strs(cable_root(c), CABLE_FIELD_TAGS_RAW).len);
    CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_TAGS_RAW), cable_strs(cable_root(c), CABLE_FIELD_TAGS_RAW).len), NULL);
    cable_free(c);
}

static void test_threads(void) {
    enum { THREADS = 4 };
    pthread_t threads[THREADS];
    struct job jobs[THREADS];
    size_t seed_len, page_len;
    char *seed, *page;
    Cable *shared = NULL;
    int i;
    if (skip_without_corpus("threads over the corpus page 09KABUL3714")) return;
    seed = read_rel(root, "examples/07MOSCOW5434.txt", &seed_len);
    page = read_rel(corpus, "cablegate-html/2009/11/09KABUL3714.html", &page_len);

    CHECK(cable_parse_as(page, page_len, CABLE_FORMAT_HTML, NULL, &shared, NULL) == CABLE_OK);
    for (i = 0; i < THREADS; i++) {
        jobs[i].seed = seed;
        jobs[i].seed_len = seed_len;
        jobs[i].page = page;
        jobs[i].page_len = page_len;
        jobs[i].shared = shared;
        CHECK(pthread_create(&threads[i], NULL, worker, &jobs[i]) == 0);
    }
    for (i = 0; i < THREADS; i++) {
        CHECK(pthread_join(threads[i], NULL) == 0);
        CHECK(jobs[i].ok);
        CHECK(jobs[i].text == jobs[0].text);
    }
    cable_free(shared);
    free(seed);
    free(page);
}

/* ------------------------------------------------------------------------------------------ */

/* Walks cables-real-dev.csv: every row, counted; one row's values checked against its text. */
static void test_walk(void) {
    char path[4096];
    CableCsv *csv = NULL;
    Cable *c = NULL;
    CableError err;
    CableStatus st;
    unsigned long rows = 0, ok = 0, bad = 0, warnings = 0, ottawa = 0, montreal = 0, paragraphs = 0;
    clock_t start = clock();
    if (skip_without_corpus("walk of cables-real-dev.csv")) return;

    snprintf(path, sizeof path, "%s/cables-real-dev.csv", corpus);
    if (cable_csv_open(path, NULL, &csv, &err) != CABLE_OK) {
        fprintf(stderr, "cannot open the corpus: %s\n", err.message);
        failed++;
        return;
    }
    while ((st = cable_csv_next(csv, &c, &err)) != CABLE_END) {
        rows++;
        if (st != CABLE_OK) {
            bad++;
            fprintf(stderr, "row %llu: %s\n", (unsigned long long)err.row, err.message);
            continue;
        }
        ok++;
        warnings += cable_count(cable_root(c), CABLE_FIELD_WARNINGS);
        paragraphs += cable_count(cable_root(c), CABLE_FIELD_PARAGRAPHS);
        if (str_is(cable_str(cable_root(c), CABLE_FIELD_ENVELOPE_REFERENCE_ID), "03MONTREAL543")) {
            /* Row id 7675: signed by two people on one line, `PRICE KANTER`. */
            montreal++;
            CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_SIGNATURE), "PRICE KANTER");
            CHECK(cable_strs(cable_root(c), CABLE_FIELD_SIGNERS).len == 2);
            CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_SIGNERS), 0), "PRICE");
            CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_SIGNERS), 1), "KANTER");
            CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_SIGNERS), 2), NULL);
        }
        if (str_is(cable_str(cable_root(c), CABLE_FIELD_ENVELOPE_REFERENCE_ID), "03OTTAWA1437")) {
            /* Row 1979 (id 8190), a partial record; values read off the row. */
            int64_t t;
            int64_t n, total;
            int64_t year;
            int64_t id;
            ottawa++;
            CHECK(cable_csv_row(csv) == 1979);
            CHECK(cable_int(cable_root(c), CABLE_FIELD_ENVELOPE_ROW_ID, &id) && id == 8190);
            CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_REFERENCE_ID), "03OTTAWA1437");
            CHECK(is_partial(c));
            CHECK(cable_int(cable_root(c), CABLE_FIELD_CREATED, &t) && t == 1053462960); /* 5/20/2003 20:36 */
            CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_SENDER), NULL);
            CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_CLASSIFICATION), "CONFIDENTIAL");
            CHECK(cable_strs(cable_root(c), CABLE_FIELD_CAVEATS).len == 2);
            CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_CAVEATS), 0), "SIPDIS");
            CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_CAVEATS), 1), "NOFORN");
            CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_DISTRIBUTION), 0), "NSC PASS TO ONDCP");
            CHECK(cable_int(cable_root(c), CABLE_FIELD_SECTION_NUMBER, &n) && cable_int(cable_root(c), CABLE_FIELD_SECTION_TOTAL, &total) && n == 1 && total == 2);
            CHECK(cable_int(cable_root(c), CABLE_FIELD_EO_DECLASSIFY_ON, &t) && t == 1368662400); /* 05/16/2013 */
            CHECK(cable_strs(cable_root(c), CABLE_FIELD_TAGS).len == 5);
            CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_TAGS), 4), "KCRM"); /* written KCRIM: canonical KCRM */
            CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_TAGS_RAW), 4), "KCRIM");
            CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_SUBJECT), "CANADA: A GOVERNMENT ADRIFT");
            CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_SUBJECT_MARKING, 0), CABLE_FIELD_RAW), "(C/NF)");
            CHECK_STR(str_at(cable_strs(cable_record(cable_root(c), CABLE_FIELD_SUBJECT_MARKING, 0), CABLE_FIELD_CAVEATS), 0), "NOFORN");
            CHECK(cable_count(cable_root(c), CABLE_FIELD_REFERENCES) == 1);
            CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_REFERENCES, 0), CABLE_FIELD_LABEL), "A");
            CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_REFERENCES, 0), CABLE_FIELD_KIND), "cable");
            CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_REFERENCES, 0), CABLE_FIELD_ID), "03OTTAWA917");
            CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_REFERENCES, 0), CABLE_FIELD_STATION), "OTTAWA");
            CHECK(cable_int(cable_record(cable_root(c), CABLE_FIELD_REFERENCES, 0), CABLE_FIELD_SERIAL, &n) && n == 917);
            CHECK(cable_int(cable_record(cable_root(c), CABLE_FIELD_REFERENCES, 0), CABLE_FIELD_YEAR, &year) && year == 2003);
            CHECK_STR(cable_str(cable_record(cable_root(c), CABLE_FIELD_REFERENCES, 0), CABLE_FIELD_TEXT), "OTTAWA 917");
            CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_CLASSIFIED_BY_NAMES), 0), "Stephen R. Kelly");
            CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_CLASSIFIED_BY_REASONS), 0), "1.5(b)");
            CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_CLASSIFIED_BY_REASONS), 1), "1.5(d)");
            CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ENVELOPE_CLASSIFICATION), "CONFIDENTIAL//NOFORN");
            CHECK_STR(cable_str(cable_root(c), CABLE_FIELD_ENVELOPE_ORIGIN), "Embassy Ottawa");
            CHECK_STR(str_at(cable_strs(cable_root(c), CABLE_FIELD_ENVELOPE_REFERENCES), 0), "03OTTAWA917");
        }
        cable_free(c);
    }
    cable_csv_close(csv);
    printf("walked %s: %lu rows, %lu parsed, %lu failed, %lu paragraphs, %lu warnings, %.1f s\n", path, rows, ok, bad,
           paragraphs, warnings, (double)(clock() - start) / CLOCKS_PER_SEC);
    CHECK(rows == 8791);
    CHECK(ok == 8791 && bad == 0);
    CHECK(ottawa == 1);
    CHECK(montreal == 1);
}

/* Issue 14: the C edge cases, under valgrind and ASan/UBSan. */
static void test_edge_cases(void) {
    static char head[65535 + 32];
    const char *id = "07MOSCOW5434";
    char *json = (char *)"not touched";
    size_t len = 77;
    CableCsv *csv = NULL;
    CableError err;
    CableStr kind;
    /* A character across the 64 KiB detection window: detection panicked (and printed it). */
    memset(head, 'a', 65535);
    memcpy(head + 65535, "\xc3\xa9\nCONFIDENTIAL\n", 15);
    CHECK(cable_detect_format(head, 65535 + 15) == CABLE_FORMAT_TEXT);
    /* len = SIZE_MAX ("NUL-terminated" by mistake) aborted on the allocation: absent. */
    CHECK(cable_canonical_id(id, (size_t)-1, NULL, 0) == 0);
    kind = cable_tag_kind(id, (size_t)-1);
    CHECK(kind.ptr == NULL && kind.len == 0);
    CHECK(cable_station(id, (size_t)-1) == NULL);
    /* cable_to_json(NULL, ...) left the length unset. */
    CHECK(cable_to_json(NULL, &json, &len) == CABLE_NULL_ARGUMENT);
    CHECK(json == NULL && len == 0);
    /* A directory is no CSV file: it was CABLE_OK. */
    CHECK(cable_csv_open(root, NULL, &csv, &err) == CABLE_IO_ERROR);
    CHECK(csv == NULL && strstr(err.message, "is a directory") != NULL);
}

int main(int argc, char **argv) {
    char probe[4096];
    if (argc < 3) {
        fprintf(stderr, "usage: %s ROOT CORPUS [--walk]\n", argv[0]);
        return 2;
    }
    root = argv[1];
    corpus = argv[2];
    snprintf(probe, sizeof probe, "%s/cables-real-dev.csv", corpus);
    have_corpus = access(probe, R_OK) == 0;
    if (argc > 3 && strcmp(argv[3], "--walk") == 0) {
        test_walk();
    } else {
        test_seed();
        test_seed_body();
        test_fields_by_name();
        test_corpus_body();
        test_excluded_and_marking();
        test_annotations();
        test_corpus_pages();
        test_errors();
        test_csv_errors();
        test_ids();
        test_edge_cases();
        test_threads();
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
