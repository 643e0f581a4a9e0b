/* test-bundled.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The glossary the program ships: complete, categorised, cross-linked, and
 * without a dangling reference.
 */
#include "config.h"

#include <locale.h>

#include "gls-search.h"
#include "gls-test-util.h"

static GlsGlossary *
load_bundled_strictly (GPtrArray **diagnostics)
{
  g_autoptr(GFile) file = gls_bundled_file ();
  g_autoptr(GError) error = NULL;
  GlsGlossary *glossary;

  glossary = gls_load_file (file, "cx-glossary.xml", GLS_LOAD_STRICT, diagnostics, NULL, NULL,
                            NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glossary);
  return glossary;
}

static void
test_valid (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GlsGlossary) glossary = load_bundled_strictly (&diagnostics);

  /* Not even a warning: every reference resolves, no term relates to itself. */
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const GlsDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      g_test_message ("%u:%u: %s", diagnostic->line, diagnostic->column, diagnostic->message);
    }
  g_assert_cmpuint (diagnostics->len, ==, 0);

  g_assert_cmpstr (gls_glossary_get_title (glossary), ==, "Customer Experience Glossary");
  g_assert_cmpstr (gls_glossary_get_license (glossary), ==, "CC-BY-SA-4.0");
  g_assert_nonnull (gls_glossary_get_description (glossary));
  g_assert_nonnull (gls_glossary_get_version (glossary));
  g_assert_cmpuint (gls_glossary_get_n_terms (glossary), >=, 170);
}

static void
test_categories (void)
{
  g_autoptr(GlsGlossary) glossary = load_bundled_strictly (NULL);
  GListModel *categories = gls_glossary_get_categories (glossary);
  guint n_categories = g_list_model_get_n_items (categories);

  /* The six categories of the source vocabulary, and at most four more. */
  g_assert_cmpuint (n_categories, >=, 6);
  g_assert_cmpuint (n_categories, <=, 10);
  for (guint i = 0; i < n_categories; i++)
    {
      g_autoptr(GlsCategory) category = g_list_model_get_item (categories, i);

      g_test_message ("%s: %u terms", gls_category_get_label (category),
                      gls_category_get_n_terms (category));
      g_assert_cmpuint (gls_category_get_n_terms (category), >=, 5);
    }
  for (const char * const *id = (const char *[]) { "metrics", "channels", "operations",
                                                   "technology", "roles", "strategy", NULL };
       *id != NULL; id++)
    g_assert_nonnull (gls_glossary_lookup_category (glossary, *id));

  for (guint i = 0; i < gls_glossary_get_n_terms (glossary); i++)
    {
      GlsTerm *term = gls_glossary_get_term (glossary, i);

      if (gls_term_get_category_ids (term)[0] == NULL)
        g_test_message ("%s has no category", gls_term_get_id (term));
      g_assert_nonnull (gls_term_get_category_ids (term)[0]);
    }
}

static void
test_cross_links (void)
{
  g_autoptr(GlsGlossary) glossary = load_bundled_strictly (NULL);
  guint n_terms = gls_glossary_get_n_terms (glossary);
  guint n_relations = 0;
  guint n_one_sided = 0;

  for (guint i = 0; i < n_terms; i++)
    {
      GlsTerm *term = gls_glossary_get_term (glossary, i);
      g_autoptr(GPtrArray) related = gls_glossary_dup_related (glossary, term);

      if (related->len < 2)
        g_test_message ("%s has %u related terms", gls_term_get_id (term), related->len);
      g_assert_cmpuint (related->len, >=, 2);
      n_relations += related->len;

      for (guint r = 0; r < related->len; r++)
        {
          g_autoptr(GPtrArray) back = gls_glossary_dup_related (glossary,
                                                                g_ptr_array_index (related, r));

          if (!g_ptr_array_find (back, term, NULL))
            n_one_sided++;
        }
    }

  g_test_message ("%u relations, %.2f a term, %u one-sided", n_relations,
                  (double) n_relations / n_terms, n_one_sided);
  g_assert_cmpfloat ((double) n_relations / n_terms, >=, 3.0);
  /* One-sided relations point at broad terms only; they stay a small minority. */
  g_assert_cmpuint (n_one_sided * 10, <, n_relations);
}

/* Every name and abbreviation the source glossaries give finds its entry. */
static void
test_seed_lookups (void)
{
  g_autoptr(GlsGlossary) glossary = load_bundled_strictly (NULL);
  g_autofree char *path = gls_test_data_path ("seed-lookups.tsv");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n_checked = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GlsSearchResults) results = NULL;
      GlsTerm *best;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 2);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_assert_nonnull (gls_glossary_lookup (glossary, fields[1]));

      results = gls_search (glossary, fields[0], NULL, NULL);
      g_assert_cmpuint (gls_search_results_get_n_matches (results), >, 0);
      best = gls_glossary_get_term (glossary, gls_search_results_get_position (results, 0));
      if (g_strcmp0 (gls_term_get_id (best), fields[1]) != 0)
        g_test_message ("“%s” finds %s, not %s", fields[0], gls_term_get_id (best), fields[1]);
      g_assert_cmpstr (gls_term_get_id (best), ==, fields[1]);
      g_assert_cmpint (gls_search_results_get_tier (results, 0), ==, GLS_MATCH_EXACT);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, 250);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gls_loader_init ();

  g_test_add_func ("/gls/bundled/valid", test_valid);
  g_test_add_func ("/gls/bundled/categories", test_categories);
  g_test_add_func ("/gls/bundled/cross-links", test_cross_links);
  g_test_add_func ("/gls/bundled/seed-lookups", test_seed_lookups);

  return g_test_run ();
}
