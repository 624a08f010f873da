/*
 * The C side of the golden tests: parses fixture files through libcable and prints, for each,
 * one line `<file name>\t<cable_to_json()>`. scripts/test-c runs it under valgrind over every
 * source of the top-level goldens of tests/fixtures and hands the lines to tests/golden_match.py, which compares
 * them with the goldens (the subset matching of tests/fixtures/README.md, as the Rust and
 * Python golden tests do).
 *
 *   golden_json FILE...     .txt: cable_parse, .html: cable_parse_as, .csv: cable_csv_*
 *
 * Exits 1 when a file cannot be read or parsed.
 */
#include "cable.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    if (buf != NULL) *len = (size_t)size;
    return buf;
}

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The cable of one fixture file, or NULL (after printing why). */
static Cable *parse_fixture(const char *path) {
    Cable *c = NULL;
    CableError err;
    CableStatus st;
    if (ends_with(path, ".csv")) {
        CableCsv *csv = NULL;
        Cable *extra = NULL;
        st = cable_csv_open(path, NULL, &csv, &err);
        if (st == CABLE_OK) st = cable_csv_next(csv, &c, &err);
        if (st == CABLE_OK && cable_csv_next(csv, &extra, &err) != CABLE_END) {
            fprintf(stderr, "%s: a fixture CSV holds one row\n", path);
            cable_free(extra);
            cable_free(c);
            c = NULL;
        }
        cable_csv_close(csv);
    } else {
        size_t len = 0;
        char *data = read_file(path, &len);
        if (data == NULL) {
            fprintf(stderr, "%s: cannot read\n", path);
            return NULL;
        }
        st = cable_parse_as(data, len, ends_with(path, ".html") ? CABLE_FORMAT_HTML : CABLE_FORMAT_TEXT, NULL, &c, &err);
        free(data);
    }
    if (st != CABLE_OK) fprintf(stderr, "%s: %s\n", path, err.message);
    return st == CABLE_OK ? c : NULL;
}

int main(int argc, char **argv) {
    int status = 0;
    for (int i = 1; i < argc; i++) {
        const char *name = strrchr(argv[i], '/');
        char *json = NULL;
        size_t len = 0;
        Cable *c = parse_fixture(argv[i]);
        if (c == NULL || cable_to_json(c, &json, &len) != CABLE_OK) {
            status = 1;
        } else {
            printf("%s\t%.*s\n", name != NULL ? name + 1 : argv[i], (int)len, json);
        }
        cable_string_free(json);
        cable_free(c);
    }
    return status;
}
