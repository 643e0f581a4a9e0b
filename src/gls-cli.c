/* gls-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The modes of the command line that need no display: they print plain
 * text, and their exit status says what happened.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gls-cli.h"
#include "gls-loader.h"
#include "gls-search.h"

#define WRAP_WIDTH      80
#define MAX_SEARCH_HITS 20

/* Appends @text wrapped at @width columns, breaking at spaces. */
void
gls_cli_wrap (GString    *out,
              const char *text,
              guint       width)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint column = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint length = g_utf8_strlen (words[i], -1);

      if (length == 0)
        continue;
      if (column > 0 && column + 1 + length > width)
        {
          g_string_append_c (out, '\n');
          column = 0;
        }
      if (column > 0)
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, words[i]);
      column += length;
    }
  g_string_append_c (out, '\n');
}

static GlsGlossary *
open_glossary (const char  *path,
               GString     *err)
{
  g_autoptr(GError) error = NULL;
  GlsGlossary *glossary;

  if (path == NULL)
    glossary = gls_load_bundled (&error);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      glossary = gls_load_file (file, path, GLS_LOAD_FLAGS_NONE, NULL, NULL, NULL, NULL, &error);
    }
  if (glossary == NULL)
    g_string_append_printf (err, "%s\n", error->message);
  return glossary;
}

static void
append_joined_names (GString   *line,
                     GPtrArray *terms)
{
  for (guint i = 0; i < terms->len; i++)
    {
      if (i > 0)
        g_string_append (line, ", ");
      g_string_append (line, gls_term_get_name (g_ptr_array_index (terms, i)));
    }
}

static void
print_term (GlsGlossary *glossary,
            GlsTerm     *term,
            GString     *out)
{
  g_autofree char *heading = gls_term_dup_heading (term);
  const char * const *aliases = gls_term_get_aliases (term);
  const char * const *category_ids = gls_term_get_category_ids (term);
  g_autoptr(GPtrArray) related = gls_glossary_dup_related (glossary, term);
  guint n_definitions = gls_term_get_n_definitions (term);

  g_string_append_printf (out, "%s\n", heading);
  if (aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) aliases);
      g_autofree char *line = g_strdup_printf (_("Also called: %s"), joined);

      gls_cli_wrap (out, line, WRAP_WIDTH);
    }
  if (category_ids[0] != NULL)
    {
      g_autoptr(GString) labels = g_string_new (NULL);
      g_autofree char *line = NULL;

      for (guint i = 0; category_ids[i] != NULL; i++)
        {
          GlsCategory *category = gls_glossary_lookup_category (glossary, category_ids[i]);

          if (labels->len > 0)
            g_string_append (labels, ", ");
          g_string_append (labels, category ? gls_category_get_label (category) : category_ids[i]);
        }
      line = g_strdup_printf (_("Category: %s"), labels->str);
      gls_cli_wrap (out, line, WRAP_WIDTH);
    }

  for (guint i = 0; i < n_definitions; i++)
    {
      g_autofree char *paragraph = NULL;

      if (n_definitions > 1)
        paragraph = g_strdup_printf ("%u. %s", i + 1, gls_term_get_definition (term, i));
      else
        paragraph = g_strdup (gls_term_get_definition (term, i));
      g_string_append_c (out, '\n');
      gls_cli_wrap (out, paragraph, WRAP_WIDTH);
    }

  if (related->len > 0)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append_printf (line, _("See also: %s"), "");
      append_joined_names (line, related);
      g_string_append_c (out, '\n');
      gls_cli_wrap (out, line->str, WRAP_WIDTH);
    }
}

static void
print_no_match (GlsSearchResults *results,
                const char       *query,
                GString          *err)
{
  GlsGlossary *glossary = gls_search_results_get_glossary (results);
  guint n_results = gls_search_results_get_n_results (results);
  guint first_typo = gls_search_results_get_n_matches (results);
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new ();

  g_string_append_printf (err, _("No term matches “%s”."), query);
  g_string_append_c (err, '\n');

  for (guint i = first_typo; i < n_results && suggestions->len < 3; i++)
    g_ptr_array_add (suggestions,
                     gls_glossary_get_term (glossary, gls_search_results_get_position (results, i)));
  if (suggestions->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      append_joined_names (names, suggestions);
      g_string_append_printf (err, _("Did you mean: %s?"), names->str);
      g_string_append_c (err, '\n');
    }
}

/*
 * Opens the glossary at @path (the bundled one when NULL) and searches it.
 * Returns: (transfer full) (nullable): the results, or NULL after printing
 * why there are none to @err; *status is the exit status then
 */
static GlsSearchResults *
search_or_report (const char *query,
                  const char *path,
                  GString    *err,
                  int        *status)
{
  g_autoptr(GlsGlossary) glossary = open_glossary (path, err);
  g_autoptr(GlsSearchResults) results = NULL;

  if (glossary == NULL)
    {
      *status = GLS_CLI_EXIT_FAILURE;
      return NULL;
    }

  results = gls_search (glossary, query, NULL, NULL);
  if (gls_search_results_get_n_matches (results) == 0 ||
      gls_search_results_get_tier (results, 0) == GLS_MATCH_ALL)
    {
      print_no_match (results, query, err);
      *status = 1;
      return NULL;
    }
  *status = 0;
  return g_steal_pointer (&results);
}

/* Prints the best match for @query; returns 0, or 1 when nothing matches. */
int
gls_cli_lookup (const char *query,
                const char *path,
                GString    *out,
                GString    *err)
{
  g_autoptr(GlsSearchResults) results = NULL;
  GlsGlossary *glossary;
  int status;

  g_return_val_if_fail (query != NULL, GLS_CLI_EXIT_FAILURE);

  results = search_or_report (query, path, err, &status);
  if (results == NULL)
    return status;

  glossary = gls_search_results_get_glossary (results);
  print_term (glossary,
              gls_glossary_get_term (glossary, gls_search_results_get_position (results, 0)), out);
  return 0;
}

/* Prints the names of the best matches for @query, one a line. */
int
gls_cli_search (const char *query,
                const char *path,
                GString    *out,
                GString    *err)
{
  g_autoptr(GlsSearchResults) results = NULL;
  GlsGlossary *glossary;
  int status;

  g_return_val_if_fail (query != NULL, GLS_CLI_EXIT_FAILURE);

  results = search_or_report (query, path, err, &status);
  if (results == NULL)
    return status;

  glossary = gls_search_results_get_glossary (results);
  for (guint i = 0; i < MIN (gls_search_results_get_n_matches (results), MAX_SEARCH_HITS); i++)
    {
      GlsTerm *term = gls_glossary_get_term (glossary, gls_search_results_get_position (results, i));

      g_string_append_printf (out, "%s\n", gls_term_get_name (term));
    }
  return 0;
}

/*
 * Checks each file strictly.  Problems go to @err as
 * "FILE:LINE:COLUMN: error: MESSAGE"; returns 0 when every file is valid.
 */
int
gls_cli_validate (const char * const *paths,
                  GString            *out,
                  GString            *err)
{
  int status = 0;

  g_return_val_if_fail (paths != NULL, GLS_CLI_EXIT_FAILURE);

  if (paths[0] == NULL)
    {
      g_string_append_printf (err, "%s\n", _("--validate needs at least one FILE"));
      return GLS_CLI_EXIT_FAILURE;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GlsGlossary) glossary = NULL;
      g_autoptr(GError) error = NULL;

      /* The file's text goes as soon as it is parsed, as in the window. */
      glossary = gls_load_file (file, paths[i], GLS_LOAD_STRICT, &diagnostics, NULL, NULL, NULL,
                                &error);
      if (diagnostics == NULL)
        {
          g_string_append_printf (err, "%s: error: %s\n", paths[i], error->message);
          status = 1;
          continue;
        }
      for (guint d = 0; d < diagnostics->len; d++)
        {
          g_autofree char *line = gls_diagnostic_format (g_ptr_array_index (diagnostics, d),
                                                         paths[i], TRUE);

          g_string_append_printf (err, "%s\n", line);
        }
      if (glossary == NULL)
        {
          status = 1;
          continue;
        }

      g_string_append_printf (out, g_dngettext (NULL, "%s: valid, %u term\n",
                                                "%s: valid, %u terms\n",
                                                gls_glossary_get_n_terms (glossary)),
                              paths[i], gls_glossary_get_n_terms (glossary));
    }
  return status;
}
