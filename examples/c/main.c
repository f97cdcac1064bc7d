/* Parses a page with the C API and searches it: bantin from C99.
 *
 *   cc -std=c99 main.c $(pkg-config --cflags --libs bantin) -o example
 *   ./example page.txt */
#include <bantin/bantin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char* read_file(const char* path, size_t* size) {
  FILE* f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* data = malloc((size_t)n + 1);
  *size = fread(data, 1, (size_t)n, f);
  fclose(f);
  return data;
}

static int fail(bantin_status* status) {
  fprintf(stderr, "bantin: %s\n", bantin_status_message(status));
  bantin_status_free(status);
  return 1;
}

int main(int argc, char** argv) {
  size_t size = 0;
  char* page = argc > 1 ? read_file(argv[1], &size) : NULL;
  if (!page) return fprintf(stderr, "usage: example PAGE\n"), 2;

  /* Parse: the Bulletin as JSON, the same as `bantin parse --json`. */
  bantin_hints hints = {.source_id = "example-source"};
  char* json = NULL;
  bantin_status* status = bantin_parse(page, size, &hints, &json, NULL);
  if (status) return fail(status);
  printf("%s\n", json);

  /* Index and search. */
  bantin_index* index = bantin_index_new();
  char* id = NULL;
  int added = 0;
  if ((status = bantin_index_add_page(index, page, size, &hints, &id, &added))) return fail(status);
  char* results = NULL;
  bantin_search_options options = {.page_size = 5};
  if ((status = bantin_index_search(index, "", &options, &results))) return fail(status);
  printf("%s\n", results);

  /* Errors are values: a malformed query says where. */
  char* none = NULL;
  status = bantin_index_search(index, "\"unclosed", NULL, &none);
  int ok = added == 1 && strstr(results, id) != NULL && strstr(json, "\"example-source\"") != NULL &&
           bantin_status_code(status) == BANTIN_INVALID_ARGUMENT && none == NULL;
  bantin_status_free(status);

  bantin_free(results);
  bantin_free(id);
  bantin_free(json);
  bantin_index_free(index);
  free(page);
  if (!ok) return fprintf(stderr, "example: unexpected answer\n"), 1;
  printf("ok: bantin %s\n", bantin_version());
  return 0;
}
