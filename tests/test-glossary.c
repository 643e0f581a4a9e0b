/* test-glossary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "gls-glossary.h"
#include "gls-test-util.h"

static void
test_list_model (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("small.xml");
  GListModel *model = G_LIST_MODEL (glossary);
  g_autofree char *names = NULL;

  g_assert_true (g_list_model_get_item_type (model) == GLS_TYPE_TERM);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);
  g_assert_null (g_list_model_get_item (model, 8));

  /* Display order is the locale's collation: the accent sorts with E and the
   * digits come first.
   */
  names = gls_test_names (model);
  g_assert_cmpstr (names, ==,
                   "24/7 Support, Agent, Churn Rate, Customer Satisfaction Score, Éclair Metric, "
                   "Live Chat, Net Promoter Score, Omnichannel");

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlsTerm) term = g_list_model_get_item (model, i);

      g_assert_cmpuint (gls_term_get_position (term), ==, i);
      g_assert_true (gls_glossary_get_term (glossary, i) == term);
    }
  g_assert_finalize_object (g_steal_pointer (&glossary));
}

static void
test_header (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("small.xml");

  g_assert_cmpstr (gls_glossary_get_title (glossary), ==, "Test Glossary");
  g_assert_cmpstr (gls_glossary_get_description (glossary), ==, "Terms for the tests.");
  g_assert_cmpstr (gls_glossary_get_version (glossary), ==, "1.0");
  g_assert_cmpstr (gls_glossary_get_license (glossary), ==, "CC-BY-SA-4.0");
  g_assert_cmpstr (gls_glossary_get_language (glossary), ==, "en");
  g_assert_nonnull (gls_glossary_get_file (glossary));
}

static void
test_lookup (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("small.xml");
  GlsTerm *term = gls_glossary_lookup (glossary, "churn-rate");

  g_assert_nonnull (term);
  g_assert_cmpstr (gls_term_get_name (term), ==, "Churn Rate");
  g_assert_cmpuint (gls_term_get_n_definitions (term), ==, 2);
  g_assert_null (gls_glossary_lookup (glossary, "no-such-term"));
}

static void
test_letters (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("small.xml");

  g_assert_cmpuint (gls_glossary_get_letter_count (glossary, 'A'), ==, 1);
  g_assert_cmpuint (gls_glossary_get_letter_count (glossary, 'C'), ==, 2);
  /* "Éclair Metric" is filed under its base letter. */
  g_assert_cmpuint (gls_glossary_get_letter_count (glossary, 'E'), ==, 1);
  g_assert_cmpuint (gls_glossary_get_letter_count (glossary, 'B'), ==, 0);
  /* "24/7 Support" starts with a digit. */
  g_assert_cmpuint (gls_glossary_get_letter_count (glossary, '#'), ==, 1);
  g_assert_cmpint (gls_term_get_letter (gls_glossary_lookup (glossary, "eclair")), ==, 'E');
}

static void
test_categories (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("small.xml");
  GListModel *categories = gls_glossary_get_categories (glossary);
  const char *expected[][2] = { { "metrics", "4" }, { "channels", "3" }, { "roles", "1" } };

  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GlsCategory) category = g_list_model_get_item (categories, i);
      g_autofree char *count = g_strdup_printf ("%u", gls_category_get_n_terms (category));

      g_assert_cmpstr (gls_category_get_id (category), ==, expected[i][0]);
      g_assert_cmpstr (count, ==, expected[i][1]);
    }
  g_assert_cmpstr (gls_category_get_label (gls_glossary_lookup_category (glossary, "metrics")),
                   ==, "Metrics");
}

static void
test_backlinks (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("small.xml");
  GlsTerm *csat = gls_glossary_lookup (glossary, "customer-satisfaction-score");
  GlsTerm *agent = gls_glossary_lookup (glossary, "agent");
  g_autoptr(GPtrArray) backlinks = gls_glossary_dup_backlinks (glossary, csat);
  g_autoptr(GPtrArray) none = gls_glossary_dup_backlinks (glossary, agent);
  g_autoptr(GPtrArray) related = NULL;

  /* NPS names CSAT twice (related and inline) and is listed once. */
  g_assert_cmpuint (backlinks->len, ==, 1);
  g_assert_cmpstr (gls_term_get_id (g_ptr_array_index (backlinks, 0)), ==, "net-promoter-score");
  g_assert_cmpuint (none->len, ==, 0);

  related = gls_glossary_dup_related (glossary, gls_glossary_lookup (glossary, "net-promoter-score"));
  g_assert_cmpuint (related->len, ==, 2);
  g_assert_cmpstr (gls_term_get_id (g_ptr_array_index (related, 0)), ==,
                   "customer-satisfaction-score");
  g_assert_cmpstr (gls_term_get_id (g_ptr_array_index (related, 1)), ==, "churn-rate");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gls_loader_init ();

  g_test_add_func ("/gls/glossary/list-model", test_list_model);
  g_test_add_func ("/gls/glossary/header", test_header);
  g_test_add_func ("/gls/glossary/lookup", test_lookup);
  g_test_add_func ("/gls/glossary/letters", test_letters);
  g_test_add_func ("/gls/glossary/categories", test_categories);
  g_test_add_func ("/gls/glossary/backlinks", test_backlinks);

  return g_test_run ();
}
