/* fuzz-xml-loader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer's entry to the XML loader: any bytes, loaded as a file is, both
 * as the window reads it and as --validate checks it; what loads is walked
 * through as the program would show it.
 */
#include "config.h"

#include "gls-loader.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
walk (GlsGlossary *glossary)
{
  GListModel *categories = gls_glossary_get_categories (glossary);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(GlsCategory) category = g_list_model_get_item (categories, i);

      g_assert_nonnull (gls_glossary_lookup_category (glossary, gls_category_get_id (category)));
    }

  for (guint i = 0; i < gls_glossary_get_n_terms (glossary); i++)
    {
      GlsTerm *term = gls_glossary_get_term (glossary, i);
      g_autoptr(GPtrArray) related = gls_glossary_dup_related (glossary, term);
      g_autofree char *heading = gls_term_dup_heading (term);

      g_assert_true (gls_glossary_lookup (glossary, gls_term_get_id (term)) == term);
      g_assert_cmpuint (related->len, ==, g_strv_length ((char **) gls_term_get_related_ids (term)));
      g_assert_true (g_str_has_prefix (heading, gls_term_get_name (term)));
      g_assert_true (g_utf8_validate (gls_term_get_name (term), -1, NULL));
      for (guint d = 0; d < gls_term_get_n_definitions (term); d++)
        {
          const char *definition = gls_term_get_definition (term, d);
          gsize length = strlen (definition);
          const GlsReference *references;
          guint n_references;

          g_assert_true (g_utf8_validate (definition, -1, NULL));
          references = gls_term_get_references (term, d, &n_references);
          for (guint r = 0; r < n_references; r++)
            {
              g_assert_cmpuint (references[r].start, <, references[r].end);
              g_assert_cmpuint (references[r].end, <=, length);
              g_assert_nonnull (gls_glossary_lookup (glossary, references[r].term_id));
            }
        }
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static gboolean initialized;
  const GlsLoadFlags modes[] = { GLS_LOAD_FLAGS_NONE, GLS_LOAD_STRICT };
  g_autoptr(GBytes) bytes = NULL;

  if (!initialized)
    {
      gls_loader_init ();
      initialized = TRUE;
    }
  if (size > 1024 * 1024)
    return 0;

  bytes = g_bytes_new (data, size);
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GlsGlossary) glossary = NULL;

      glossary = gls_load_bytes (bytes, "fuzz.xml", NULL, modes[m], &diagnostics, NULL, NULL, NULL,
                                 &error);
      g_assert_true ((glossary == NULL) == (error != NULL));
      for (guint i = 0; i < diagnostics->len; i++)
        {
          const GlsDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
          g_autofree char *line = gls_diagnostic_format (diagnostic, "fuzz.xml", TRUE);

          /* Every message is one line of UTF-8. */
          g_assert_true (g_utf8_validate (line, -1, NULL));
          g_assert_null (strchr (line, '\n'));
        }
      if (error != NULL)
        g_assert_null (strchr (error->message, '\n'));
      if (glossary != NULL)
        walk (glossary);
    }
  return 0;
}
