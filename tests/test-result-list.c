/* test-result-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list the window shows: tests/data/search.xml filtered by query,
 * category and letter, as a GListModel that says what changed.
 */
#include "config.h"

#include <locale.h>

#include "gls-result-list.h"
#include "gls-test-util.h"

/*
 * What a list told its listeners: "position,removed,added" for each change
 * and the names of the properties notified.  A change of nothing is nothing
 * a listener sees, so it is left out.
 */
typedef struct
{
  GlsResultList *list;
  GString       *events;
} Recorder;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  Recorder *recorder = user_data;

  if (removed == 0 && added == 0)
    return;

  /* Listeners see the new contents already. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, added);
  g_assert_cmpuint (position, ==, 0);
  g_string_append_printf (recorder->events, "%s%u,%u,%u", recorder->events->len ? " " : "",
                          position, removed, added);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  Recorder *recorder = user_data;

  g_string_append_printf (recorder->events, "%s%s", recorder->events->len ? " " : "",
                          g_param_spec_get_name (pspec));
}

static void
recorder_init (Recorder      *recorder,
               GlsResultList *list)
{
  recorder->list = list;
  recorder->events = g_string_new (NULL);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), recorder);
  g_signal_connect (list, "notify::n-items", G_CALLBACK (on_notify_cb), recorder);
  g_signal_connect (list, "notify::query", G_CALLBACK (on_notify_cb), recorder);
  g_signal_connect (list, "notify::category", G_CALLBACK (on_notify_cb), recorder);
  g_signal_connect (list, "notify::letter", G_CALLBACK (on_notify_cb), recorder);
  g_signal_connect (list, "notify::glossary", G_CALLBACK (on_notify_cb), recorder);
}

/* Returns: the events since the last call */
static char *
recorder_take (Recorder *recorder)
{
  char *events = g_strdup (recorder->events->str);

  g_string_truncate (recorder->events, 0);
  return events;
}

static void
recorder_clear (Recorder *recorder)
{
  g_signal_handlers_disconnect_by_data (recorder->list, recorder);
  g_string_free (recorder->events, TRUE);
}

#define assert_events(recorder, expected)                  \
  G_STMT_START                                             \
  {                                                        \
    g_autofree char *events_ = recorder_take (recorder);   \
    g_assert_cmpstr (events_, ==, (expected));             \
  }                                                        \
  G_STMT_END

#define assert_names(list, expected)                                   \
  G_STMT_START                                                         \
  {                                                                    \
    g_autofree char *names_ = gls_test_names (G_LIST_MODEL (list));    \
    g_assert_cmpstr (names_, ==, (expected));                          \
  }                                                                    \
  G_STMT_END

static GlsResultList *
new_list (GlsGlossary *glossary)
{
  GlsResultList *list = gls_result_list_new ();

  gls_result_list_set_glossary (list, glossary);
  return list;
}

static void
test_list_model (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");
  g_autoptr(GlsResultList) list = gls_result_list_new ();
  GListModel *model = G_LIST_MODEL (list);
  guint n_terms = gls_glossary_get_n_terms (glossary);

  g_assert_true (g_list_model_get_item_type (model) == GLS_TYPE_TERM);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (g_list_model_get_item (model, 0));
  g_assert_null (gls_result_list_get_glossary (list));

  /* Every term, in the glossary's order. */
  gls_result_list_set_glossary (list, glossary);
  g_assert_true (gls_result_list_get_glossary (list) == glossary);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_terms);
  for (guint i = 0; i < n_terms; i++)
    {
      g_autoptr(GlsTerm) term = g_list_model_get_item (model, i);

      g_assert_true (term == gls_glossary_get_term (glossary, i));
      g_assert_cmpint (gls_result_list_get_tier (list, i), ==, GLS_MATCH_ALL);
    }
  g_assert_null (g_list_model_get_item (model, n_terms));
  g_assert_null (g_list_model_get_item (model, G_MAXUINT));
  g_assert_false (gls_result_list_get_searching (list));

  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_items_changed (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");
  g_autoptr(GlsResultList) list = gls_result_list_new ();
  Recorder recorder;

  recorder_init (&recorder, list);

  gls_result_list_set_glossary (list, glossary);
  assert_events (&recorder, "0,0,16 n-items glossary");

  /* A change says that every item went, then that the new ones came: in
   * one signal, GTK's list views would look for the items they showed among
   * all the new ones.
   */
  gls_result_list_set_query (list, "chat");
  assert_events (&recorder, "0,16,0 0,0,7 n-items query");
  /* Nothing changes, nothing is said. */
  gls_result_list_set_query (list, "chat");
  assert_events (&recorder, "");

  gls_result_list_set_category (list, "channels");
  assert_events (&recorder, "0,7,0 0,0,6 n-items category");
  gls_result_list_set_letter (list, 'C');
  assert_events (&recorder, "0,6,0 0,0,2 n-items letter");
  assert_names (list, "Chatbot, Chatbot Escalation");
  gls_result_list_set_letter (list, 'P');
  assert_events (&recorder, "0,2,0 0,0,1 n-items letter");
  assert_names (list, "Proactive Chat");

  /* The same number of items, another item: no n-items notification. */
  gls_result_list_set_letter (list, 'W');
  assert_events (&recorder, "0,1,0 0,0,1 letter");
  assert_names (list, "Webchat Widget");
  gls_result_list_set_letter (list, 'W');
  assert_events (&recorder, "");

  gls_result_list_set_letter (list, 0);
  assert_events (&recorder, "0,1,0 0,0,6 n-items letter");
  gls_result_list_set_category (list, NULL);
  assert_events (&recorder, "0,6,0 0,0,7 n-items category");
  gls_result_list_set_query (list, NULL);
  assert_events (&recorder, "0,7,0 0,0,16 n-items query");
  g_assert_cmpstr (gls_result_list_get_query (list), ==, "");

  gls_result_list_set_glossary (list, NULL);
  assert_events (&recorder, "0,16,0 n-items glossary");

  recorder_clear (&recorder);
  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_letter (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");
  g_autoptr(GlsResultList) list = new_list (glossary);

  gls_result_list_set_letter (list, 'C');
  g_assert_cmpint (gls_result_list_get_letter (list), ==, 'C');
  assert_names (list, "Chargeback, Chatbot, Chatbot Escalation, Churn Rate, Customer Effort Score, "
                      "Customer Satisfaction Score");
  g_assert_cmpint (gls_result_list_get_tier (list, 0), ==, GLS_MATCH_ALL);

  /* Accented names are filed under their base letter, digits under '#'. */
  gls_result_list_set_letter (list, 'E');
  assert_names (list, "Éclair Metric");
  gls_result_list_set_letter (list, '#');
  assert_names (list, "24/7 Support");
  gls_result_list_set_letter (list, 'Z');
  assert_names (list, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  for (guint i = 0; i < GLS_N_LETTERS; i++)
    {
      char letter = gls_letter_from_index (i);

      gls_result_list_set_letter (list, letter);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                        gls_glossary_get_letter_count (glossary, letter));
    }

  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_category (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");
  g_autoptr(GlsResultList) list = new_list (glossary);
  GListModel *categories = gls_glossary_get_categories (glossary);

  gls_result_list_set_category (list, "metrics");
  g_assert_cmpstr (gls_result_list_get_category (list), ==, "metrics");
  assert_names (list, "Churn Rate, Customer Effort Score, Customer Satisfaction Score, "
                      "Éclair Metric, First Contact Resolution, Net Promoter Score");

  /* A term in two categories is in both lists. */
  gls_result_list_set_category (list, "technology");
  assert_names (list, "Agent Assist, Chatbot");

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(GlsCategory) category = g_list_model_get_item (categories, i);

      gls_result_list_set_category (list, gls_category_get_id (category));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                        gls_category_get_n_terms (category));
    }

  gls_result_list_set_category (list, NULL);
  g_assert_null (gls_result_list_get_category (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                    gls_glossary_get_n_terms (glossary));

  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_combined (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");
  g_autoptr(GlsResultList) list = new_list (glossary);
  const GlsMatchTier chat_tiers[] = {
    GLS_MATCH_EXACT, GLS_MATCH_PREFIX, GLS_MATCH_PREFIX, GLS_MATCH_WORDS, GLS_MATCH_SUBSTRING,
    GLS_MATCH_DEFINITION,
  };

  /* Filters keep the ranking of the query. */
  gls_result_list_set_query (list, "chat");
  gls_result_list_set_category (list, "channels");
  assert_names (list, "Live Chat, Chatbot, Chatbot Escalation, Proactive Chat, Webchat Widget, "
                      "Omnichannel");
  for (guint i = 0; i < G_N_ELEMENTS (chat_tiers); i++)
    g_assert_cmpint (gls_result_list_get_tier (list, i), ==, chat_tiers[i]);

  gls_result_list_set_query (list, "score");
  gls_result_list_set_category (list, "metrics");
  assert_names (list, "Customer Effort Score, Customer Satisfaction Score, Net Promoter Score");
  gls_result_list_set_letter (list, 'N');
  assert_names (list, "Net Promoter Score");
  g_assert_cmpint (gls_result_list_get_tier (list, 0), ==, GLS_MATCH_WORDS);
  gls_result_list_set_category (list, "channels");
  assert_names (list, "");

  /* Without the query, the letter and category alone. */
  gls_result_list_set_query (list, "");
  gls_result_list_set_category (list, "metrics");
  assert_names (list, "Net Promoter Score");
  gls_result_list_set_letter (list, 'C');
  assert_names (list, "Churn Rate, Customer Effort Score, Customer Satisfaction Score");

  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_find (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");
  g_autoptr(GlsGlossary) other = gls_test_load ("small.xml");
  g_autoptr(GlsResultList) list = new_list (glossary);
  GlsTerm *chatbot = gls_glossary_lookup (glossary, "chatbot");
  GlsTerm *churn = gls_glossary_lookup (glossary, "churn-rate");

  g_assert_cmpuint (gls_result_list_find (list, chatbot), ==, gls_term_get_position (chatbot));

  gls_result_list_set_query (list, "chat");
  g_assert_cmpuint (gls_result_list_find (list, gls_glossary_lookup (glossary, "live-chat")), ==, 0);
  g_assert_cmpuint (gls_result_list_find (list, chatbot), ==, 1);
  g_assert_cmpuint (gls_result_list_find (list, gls_glossary_lookup (glossary, "omnichannel")),
                    ==, 6);
  /* Not in the list: filtered out, a typo suggestion, or of another glossary. */
  g_assert_cmpuint (gls_result_list_find (list, churn), ==, G_MAXUINT);
  g_assert_cmpuint (gls_result_list_find (list, gls_glossary_lookup (glossary, "chargeback")), ==,
                    G_MAXUINT);
  g_assert_cmpuint (gls_result_list_find (list, gls_glossary_lookup (other, "live-chat")), ==,
                    G_MAXUINT);

  gls_result_list_set_glossary (list, NULL);
  g_assert_cmpuint (gls_result_list_find (list, chatbot), ==, G_MAXUINT);

  g_assert_finalize_object (g_steal_pointer (&list));
}

static char *
suggestion_names (GlsResultList *list)
{
  g_autoptr(GPtrArray) suggestions = gls_result_list_dup_suggestions (list);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < suggestions->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                            gls_term_get_name (g_ptr_array_index (suggestions, i)));
  return g_string_free (names, FALSE);
}

#define assert_suggestions(list, expected)                  \
  G_STMT_START                                              \
  {                                                         \
    g_autofree char *names_ = suggestion_names (list);      \
    g_assert_cmpstr (names_, ==, (expected));               \
  }                                                         \
  G_STMT_END

static void
test_suggestions (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");
  g_autoptr(GlsResultList) list = new_list (glossary);

  assert_suggestions (list, "");

  /* The list stays empty; the typo is offered instead. */
  gls_result_list_set_query (list, "chrun");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  assert_suggestions (list, "Churn Rate");
  gls_result_list_set_query (list, "agnet");
  assert_suggestions (list, "Agent, Agent Assist");

  /* At most three, in display order. */
  gls_result_list_set_query (list, "chaz");
  assert_suggestions (list, "Chargeback, Chatbot, Chatbot Escalation");

  /* Only what the filters let through. */
  gls_result_list_set_category (list, "billing");
  assert_suggestions (list, "Chargeback");
  gls_result_list_set_query (list, "chrun");
  assert_suggestions (list, "");
  gls_result_list_set_category (list, NULL);
  gls_result_list_set_letter (list, 'C');
  assert_suggestions (list, "Churn Rate");
  gls_result_list_set_letter (list, 'A');
  assert_suggestions (list, "");

  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_unknown_category (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");
  g_autoptr(GlsResultList) list = new_list (glossary);
  Recorder recorder;

  recorder_init (&recorder, list);
  gls_result_list_set_category (list, "no-such-category");
  assert_events (&recorder, "0,16,0 n-items category");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));

  gls_result_list_set_query (list, "chrun");
  assert_events (&recorder, "query");
  assert_suggestions (list, "");

  gls_result_list_set_category (list, NULL);
  gls_result_list_set_query (list, "");
  assert_events (&recorder, "category 0,0,16 n-items query");

  recorder_clear (&recorder);
  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_glossary_change (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");
  g_autoptr(GlsGlossary) other = gls_test_load ("small.xml");
  g_autoptr(GlsResultList) list = new_list (glossary);
  Recorder recorder;

  gls_result_list_set_query (list, "chat");
  recorder_init (&recorder, list);

  /* The query and filters stay and apply to the new glossary. */
  gls_result_list_set_glossary (list, other);
  assert_events (&recorder, "0,7,0 0,0,3 n-items glossary");
  g_assert_cmpstr (gls_result_list_get_query (list), ==, "chat");
  assert_names (list, "Live Chat, Agent, Omnichannel");

  gls_result_list_set_glossary (list, other);
  assert_events (&recorder, "");

  recorder_clear (&recorder);
  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_properties (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");
  g_autoptr(GlsResultList) list = gls_result_list_new ();
  g_autoptr(GlsGlossary) glossary_value = NULL;
  g_autofree char *query = NULL;
  g_autofree char *category = NULL;
  char letter;
  guint n_items;
  gboolean searching;

  g_assert_cmpstr (gls_result_list_get_query (list), ==, "");
  g_object_set (list, "glossary", glossary, "query", "score", "category", "metrics",
                "letter", 'N', NULL);
  g_object_get (list, "glossary", &glossary_value, "query", &query, "category", &category,
                "letter", &letter, "n-items", &n_items, "searching", &searching, NULL);
  g_assert_true (glossary_value == glossary);
  g_assert_cmpstr (query, ==, "score");
  g_assert_cmpstr (category, ==, "metrics");
  g_assert_cmpint (letter, ==, 'N');
  g_assert_cmpuint (n_items, ==, 1);
  g_assert_false (searching);

  g_clear_object (&glossary_value);
  g_assert_finalize_object (g_steal_pointer (&list));
}

/* A glossary too large to search on the calling thread. */
static GlsGlossary *
load_large_glossary (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n<glossary xmlns=\"" GLS_NAMESPACE
                                         "\" version=\"1\"><title>Large</title>\n");
  g_autoptr(GError) error = NULL;
  GlsGlossary *glossary;

  for (guint i = 0; i < GLS_RESULT_LIST_SYNC_LIMIT; i++)
    g_string_append_printf (xml, "<term id='t%u'><name>Term %05u</name>"
                                 "<definition>Number %u.</definition></term>\n", i, i, i);
  g_string_append (xml, "<term id='special'><name>Special Churn</name>"
                        "<definition>The one to find.</definition></term>\n</glossary>\n");

  glossary = gls_test_load_string (xml->str, GLS_LOAD_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  return glossary;
}

static void
on_list_finalized_cb (gpointer  user_data,
                      GObject  *where_the_object_was)
{
  g_atomic_int_set ((int *) user_data, TRUE);
  g_main_context_wakeup (NULL);
}

static void
wait_for_search (GlsResultList *list)
{
  while (gls_result_list_get_searching (list))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_large (void)
{
  g_autoptr(GlsGlossary) glossary = load_large_glossary ();
  g_autoptr(GlsResultList) list = gls_result_list_new ();
  guint n_terms = gls_glossary_get_n_terms (glossary);
  g_autofree char *all = g_strdup_printf ("0,0,%u n-items", n_terms);
  g_autofree char *narrowed = g_strdup_printf ("query query 0,%u,0 0,0,1 n-items", n_terms);
  int finalized = FALSE;
  Recorder recorder;

  g_assert_cmpuint (n_terms, ==, GLS_RESULT_LIST_SYNC_LIMIT + 1);
  recorder_init (&recorder, list);

  /* The search runs on a worker thread: the list changes when it is done. */
  gls_result_list_set_glossary (list, glossary);
  g_assert_true (gls_result_list_get_searching (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  assert_events (&recorder, "glossary");
  wait_for_search (list);
  assert_events (&recorder, all);

  /* A newer query wins over the one still running. */
  gls_result_list_set_query (list, "term 1");
  gls_result_list_set_query (list, "special");
  wait_for_search (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  assert_names (list, "Special Churn");
  assert_events (&recorder, narrowed);

  gls_result_list_set_query (list, "spcial churn");
  wait_for_search (list);
  assert_names (list, "");
  g_assert_cmpuint (gls_result_list_find (list, gls_glossary_lookup (glossary, "special")), ==,
                    G_MAXUINT);
  assert_suggestions (list, "Special Churn");

  recorder_clear (&recorder);

  /* Tasks still on their way hold the list for a moment, and the last to
   * let go may do so on a worker thread.
   */
  g_object_weak_ref (G_OBJECT (list), on_list_finalized_cb, &finalized);
  g_clear_object (&list);
  while (!g_atomic_int_get (&finalized))
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gls_loader_init ();

  g_test_add_func ("/gls/result-list/list-model", test_list_model);
  g_test_add_func ("/gls/result-list/items-changed", test_items_changed);
  g_test_add_func ("/gls/result-list/letter", test_letter);
  g_test_add_func ("/gls/result-list/category", test_category);
  g_test_add_func ("/gls/result-list/combined", test_combined);
  g_test_add_func ("/gls/result-list/find", test_find);
  g_test_add_func ("/gls/result-list/suggestions", test_suggestions);
  g_test_add_func ("/gls/result-list/unknown-category", test_unknown_category);
  g_test_add_func ("/gls/result-list/glossary-change", test_glossary_change);
  g_test_add_func ("/gls/result-list/properties", test_properties);
  g_test_add_func ("/gls/result-list/large", test_large);

  return g_test_run ();
}
