/* gls-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gls-row-model.h"
#include "gls-test-util.h"

char *
gls_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

GlsGlossary *
gls_test_load (const char *name)
{
  g_autofree char *path = gls_test_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlsGlossary *glossary;

  glossary = gls_load_file (file, name, GLS_LOAD_FLAGS_NONE, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glossary);
  return glossary;
}

GlsGlossary *
gls_test_load_string (const char    *xml,
                      GlsLoadFlags   flags,
                      GPtrArray    **diagnostics,
                      GError       **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return gls_load_bytes (bytes, "test.xml", NULL, flags, diagnostics, NULL, NULL, NULL, error);
}

char *
gls_test_names (GListModel *model)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      GlsTerm *term = GLS_IS_ROW_ITEM (item) ? gls_row_item_get_term (GLS_ROW_ITEM (item))
                                             : GLS_TERM (item);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, gls_term_get_name (term));
    }
  return g_string_free (names, FALSE);
}
