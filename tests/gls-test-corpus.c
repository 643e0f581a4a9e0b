/* gls-test-corpus.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The corpus of hostile and broken files in tests/data/bad/, read from its
 * manifest and made ready to open: a secret file for the cases that try to
 * read one, a listener on loopback for those that try the network, and the
 * files too big to keep in the repository.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "gls-test-corpus.h"
#include "gls-test-util.h"

#define NESTING_DEPTH   100000
#define TEXT_NODE_SIZE  (50 * 1024 * 1024)

static const struct
{
  const char  *name;
  GlsLoadError code;
} error_codes[] = {
  { "TOO_LARGE", GLS_LOAD_ERROR_TOO_LARGE },
  { "NOT_WELL_FORMED", GLS_LOAD_ERROR_NOT_WELL_FORMED },
  { "FORBIDDEN", GLS_LOAD_ERROR_FORBIDDEN },
  { "NOT_GLOSSARY", GLS_LOAD_ERROR_NOT_GLOSSARY },
  { "INVALID", GLS_LOAD_ERROR_INVALID },
  { "DUPLICATE_ID", GLS_LOAD_ERROR_DUPLICATE_ID },
  { "UNKNOWN_CATEGORY", GLS_LOAD_ERROR_UNKNOWN_CATEGORY },
  { "MISSING_TERM", GLS_LOAD_ERROR_MISSING_TERM },
};

static char *
corpus_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "bad", name, NULL);
}

/* "ok N" or "error CODE LINE:COLUMN TEXT"; LINE:COLUMN may be "-", and
 * COLUMN "*" for any.
 */
static void
parse_outcome (const char     *field,
               GlsTestOutcome *outcome)
{
  g_auto(GStrv) words = g_strsplit (field, " ", 4);
  guint n_words = g_strv_length (words);

  memset (outcome, 0, sizeof *outcome);
  if (g_str_equal (words[0], "ok"))
    {
      g_assert_cmpuint (n_words, ==, 2);
      outcome->ok = TRUE;
      outcome->n_terms = atoi (words[1]);
      return;
    }

  g_assert_cmpstr (words[0], ==, "error");
  g_assert_cmpuint (n_words, ==, 4);
  outcome->code = G_MAXINT;
  for (guint i = 0; i < G_N_ELEMENTS (error_codes); i++)
    if (g_str_equal (words[1], error_codes[i].name))
      outcome->code = error_codes[i].code;
  g_assert_cmpint (outcome->code, !=, G_MAXINT);

  if (!g_str_equal (words[2], "-"))
    {
      g_auto(GStrv) position = g_strsplit (words[2], ":", 2);

      g_assert_nonnull (position[1]);
      outcome->line = atoi (position[0]);
      outcome->column = g_str_equal (position[1], "*") ? 0 : atoi (position[1]);
      g_assert_cmpuint (outcome->line, >, 0);
    }
  outcome->text = g_strdup (words[3]);
}

static void
test_case_free (gpointer data)
{
  GlsTestCase *test_case = data;

  g_free (test_case->name);
  g_free (test_case->path);
  g_free (test_case->outcome.text);
  g_free (test_case->strict.text);
  g_free (test_case);
}

/* The lines of a manifest that are not comments, split at tabs. */
static GPtrArray *
read_manifest (const char *name)
{
  g_autofree char *path = corpus_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && lines[i][0] != '#')
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
  return rows;
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* A copy of the case's file with its placeholders filled in, when it has any. */
static char *
prepare_file (GlsTestCorpus *corpus,
              const char    *name)
{
  g_autofree char *path = corpus_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GString) filled = NULL;
  g_autoptr(GError) error = NULL;
  char *copy;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  filled = g_string_new_len (contents, length);
  if (g_string_replace (filled, "@SECRET_URI@", corpus->secret_uri, 0) +
      g_string_replace (filled, "@LISTENER@", corpus->listener_address, 0) == 0)
    return g_steal_pointer (&path);

  copy = g_build_filename (corpus->directory, name, NULL);
  write_file (copy, filled->str, filled->len);
  return copy;
}

#define PREFIX                                                               \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                             \
  "<glossary xmlns=\"" GLS_NAMESPACE "\" version=\"1\">\n"                   \
  "  <title>T</title>\n"                                                     \
  "  <term id='a'><name>A</name><definition>"
#define SUFFIX "</definition></term>\n</glossary>\n"

/* The files too big for the repository, made anew for each run. */
static char *
generate_file (GlsTestCorpus *corpus,
               const char    *name)
{
  char *path = g_build_filename (corpus->directory, name + 1, NULL);

  if (g_str_equal (name, "@nesting-100000.xml"))
    {
      GString *xml = g_string_new (PREFIX);

      for (guint i = 0; i < NESTING_DEPTH; i++)
        g_string_append (xml, "<x>");
      for (guint i = 0; i < NESTING_DEPTH; i++)
        g_string_append (xml, "</x>");
      g_string_append (xml, SUFFIX);
      write_file (path, xml->str, xml->len);
      g_string_free (xml, TRUE);
    }
  else if (g_str_equal (name, "@text-node-50mb.xml"))
    {
      FILE *stream = fopen (path, "w");
      g_autofree char *block = g_strnfill (1024 * 1024, 'x');

      /* One text node of 50 MB, in words so that no line is the limit. */
      for (gsize i = 0; i < 1024 * 1024; i += 8)
        block[i] = ' ';
      g_assert_nonnull (stream);
      fputs (PREFIX, stream);
      for (guint i = 0; i < TEXT_NODE_SIZE / (1024 * 1024); i++)
        g_assert_cmpuint (fwrite (block, 1, 1024 * 1024, stream), ==, 1024 * 1024);
      fputs (SUFFIX, stream);
      g_assert_cmpint (fclose (stream), ==, 0);
    }
  else if (g_str_equal (name, "@over-size-cap.xml"))
    {
      int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

      /* Sparse: one byte over the cap, and no disk or time spent on it. */
      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (write (fd, PREFIX, strlen (PREFIX)), ==, strlen (PREFIX));
      g_assert_cmpint (ftruncate (fd, (off_t) GLS_LOAD_MAX_SIZE + 1), ==, 0);
      g_assert_cmpint (close (fd), ==, 0);
    }
  else
    g_error ("No generator for %s", name);
  return path;
}

static void
open_listener (GlsTestCorpus *corpus)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  corpus->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                   G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (corpus->listener, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (corpus->listener, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (corpus->listener, FALSE);
  bound = g_socket_get_local_address (corpus->listener, &error);
  g_assert_no_error (error);
  corpus->listener_address =
    g_strdup_printf ("127.0.0.1:%u",
                     g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
}

GlsTestCorpus *
gls_test_corpus_new (void)
{
  GlsTestCorpus *corpus = g_new0 (GlsTestCorpus, 1);
  g_autofree char *template = g_test_build_filename (G_TEST_BUILT, "hostile-XXXXXX", NULL);
  g_autofree char *secret_path = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(GFile) secret_file = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  corpus->directory = g_mkdtemp (g_steal_pointer (&template));
  g_assert_nonnull (corpus->directory);

  corpus->secret = g_strdup_printf ("SECRET-%s", uuid);
  secret_path = g_build_filename (corpus->directory, "secret.txt", NULL);
  write_file (secret_path, corpus->secret, -1);
  secret_file = g_file_new_for_path (secret_path);
  corpus->secret_uri = g_file_get_uri (secret_file);
  open_listener (corpus);

  corpus->cases = g_ptr_array_new_with_free_func (test_case_free);
  rows = read_manifest ("expected.tsv");
  for (guint i = 0; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);
      GlsTestCase *test_case = g_new0 (GlsTestCase, 1);
      guint n_fields = g_strv_length (row);

      g_assert_cmpuint (n_fields, >=, 2);
      g_assert_cmpuint (n_fields, <=, 3);
      test_case->name = g_strdup (row[0]);
      parse_outcome (row[1], &test_case->outcome);
      parse_outcome (row[n_fields == 3 ? 2 : 1], &test_case->strict);
      test_case->path = row[0][0] == '@' ? generate_file (corpus, row[0])
                                         : prepare_file (corpus, row[0]);
      g_ptr_array_add (corpus->cases, test_case);
    }

  corpus->texts = read_manifest ("expected-text.tsv");
  return corpus;
}

static void
remove_directory (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_directory (path);
      else
        g_remove (path);
    }
  g_rmdir (directory);
}

void
gls_test_corpus_free (GlsTestCorpus *corpus)
{
  remove_directory (corpus->directory);
  g_free (corpus->directory);
  g_free (corpus->secret);
  g_free (corpus->secret_uri);
  g_socket_close (corpus->listener, NULL);
  g_object_unref (corpus->listener);
  g_free (corpus->listener_address);
  g_ptr_array_unref (corpus->cases);
  g_ptr_array_unref (corpus->texts);
  g_free (corpus);
}

GPtrArray *
gls_test_corpus_list_directory (void)
{
  g_autofree char *path = corpus_path (NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  return names;
}

guint
gls_test_corpus_count_connections (GlsTestCorpus *corpus)
{
  guint n_connections = 0;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocket) connection = g_socket_accept (corpus->listener, NULL, &error);

      if (connection == NULL)
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
          return n_connections;
        }
      g_socket_close (connection, NULL);
      n_connections++;
    }
}

void
gls_test_corpus_assert_no_secret (GlsTestCorpus *corpus,
                                  const char    *text)
{
  if (text != NULL && strstr (text, corpus->secret) != NULL)
    g_error ("The secret leaked: %s", text);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not hold “%s”", text, part);
}

void
gls_test_assert_failure (const GlsTestOutcome *outcome,
                         const char           *display_name,
                         GPtrArray            *diagnostics,
                         const GError         *error)
{
  g_autofree char *prefix = NULL;
  const GlsDiagnostic *first = NULL;

  g_assert_false (outcome->ok);
  g_assert_nonnull (error);
  g_assert_true (error->domain == GLS_LOAD_ERROR);
  g_assert_cmpint (error->code, ==, outcome->code);
  assert_contains (error->message, outcome->text);
  /* One line, and one a person can read to its end. */
  g_assert_null (strchr (error->message, '\n'));
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <=, 500);

  if (outcome->line == 0)
    {
      /* Refused before it was read: there is nothing to point at. */
      g_assert_true (diagnostics == NULL || diagnostics->len == 0);
      return;
    }

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len && first == NULL; i++)
    {
      const GlsDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (diagnostic->severity == GLS_SEVERITY_ERROR)
        first = diagnostic;
    }
  g_assert_nonnull (first);
  g_assert_cmpint (first->code, ==, outcome->code);
  g_assert_cmpuint (first->line, ==, outcome->line);
  g_assert_cmpuint (first->column, >, 0);
  if (outcome->column > 0)
    g_assert_cmpuint (first->column, ==, outcome->column);

  prefix = g_strdup_printf ("%s:%u:%u: ", display_name, first->line, first->column);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

static const char *
text_of (GlsGlossary *glossary,
         const char  *what)
{
  g_auto(GStrv) parts = g_strsplit (what, ":", 2);
  GlsTerm *term;

  if (g_str_equal (parts[0], "title"))
    return gls_glossary_get_title (glossary);

  g_assert_nonnull (parts[1]);
  term = gls_glossary_lookup (glossary, parts[1]);
  g_assert_nonnull (term);
  if (g_str_equal (parts[0], "name"))
    return gls_term_get_name (term);
  if (g_str_equal (parts[0], "abbrev"))
    return gls_term_get_abbreviations (term)[0];
  if (g_str_equal (parts[0], "alias"))
    return gls_term_get_aliases (term)[0];
  if (g_str_equal (parts[0], "definition"))
    return gls_term_get_definition (term, 0);
  g_error ("Unknown text “%s” in expected-text.tsv", what);
  return NULL;
}

guint
gls_test_assert_loaded (GlsTestCorpus        *corpus,
                        const GlsTestCase    *test_case,
                        const GlsTestOutcome *outcome,
                        GlsGlossary          *glossary)
{
  guint n_checked = 0;

  g_assert_true (outcome->ok);
  g_assert_nonnull (glossary);
  g_assert_cmpuint (gls_glossary_get_n_terms (glossary), ==, outcome->n_terms);

  for (guint i = 0; i < corpus->texts->len; i++)
    {
      GStrv row = g_ptr_array_index (corpus->texts, i);
      g_autoptr(GString) expected = NULL;
      g_autofree char *unescaped = NULL;
      guint times;

      if (!g_str_equal (row[0], test_case->name))
        continue;
      g_assert_cmpuint (g_strv_length (row), >=, 3);
      unescaped = g_strcompress (row[2]);
      times = row[3] != NULL ? atoi (row[3]) : 1;
      expected = g_string_new (NULL);
      for (guint j = 0; j < times; j++)
        g_string_append (expected, unescaped);
      g_assert_cmpstr (text_of (glossary, row[1]), ==, expected->str);
      n_checked++;
    }
  return n_checked;
}

static void
append_strv (GString            *dump,
             const char * const *strings)
{
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    g_string_append_printf (dump, "%s\n", strings[i]);
}

char *
gls_test_glossary_dump (GlsGlossary *glossary)
{
  GString *dump = g_string_new (NULL);
  GListModel *categories = gls_glossary_get_categories (glossary);
  const char *header[] = {
    gls_glossary_get_title (glossary), gls_glossary_get_description (glossary),
    gls_glossary_get_version (glossary), gls_glossary_get_license (glossary),
    gls_glossary_get_language (glossary),
  };

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    g_string_append_printf (dump, "%s\n", header[i] ? header[i] : "");
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(GlsCategory) category = g_list_model_get_item (categories, i);

      g_string_append_printf (dump, "%s %s\n", gls_category_get_id (category),
                              gls_category_get_label (category));
    }
  for (guint i = 0; i < gls_glossary_get_n_terms (glossary); i++)
    {
      GlsTerm *term = gls_glossary_get_term (glossary, i);

      g_string_append_printf (dump, "%s %s\n", gls_term_get_id (term), gls_term_get_name (term));
      append_strv (dump, gls_term_get_abbreviations (term));
      append_strv (dump, gls_term_get_aliases (term));
      append_strv (dump, gls_term_get_category_ids (term));
      append_strv (dump, gls_term_get_related_ids (term));
      for (guint d = 0; d < gls_term_get_n_definitions (term); d++)
        g_string_append_printf (dump, "%s\n", gls_term_get_definition (term, d));
    }
  return g_string_free (dump, FALSE);
}
