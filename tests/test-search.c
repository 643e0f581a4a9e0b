/* test-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ranked search, over tests/data/search.xml: which terms a query finds, in
 * which tier and in which order, and what a result row highlights.
 */
#include "config.h"

#include <locale.h>

#include "gls-search.h"
#include "gls-test-util.h"

static const char *
tier_name (GlsMatchTier tier)
{
  static const char *const names[] = {
    "all", "exact", "prefix", "words", "substring", "definition", "typo",
  };

  g_assert_cmpuint (tier, <, G_N_ELEMENTS (names));
  return names[tier];
}

/*
 * Returns: the results as "tier: Name, Name; tier: Name", checking on the way
 * that the tiers come best first, and each tier in display order
 */
static char *
describe_results (GlsSearchResults *results)
{
  GlsGlossary *glossary = gls_search_results_get_glossary (results);
  GString *text = g_string_new (NULL);
  guint n_results = gls_search_results_get_n_results (results);
  int last_tier = -1;
  guint last_position = 0;

  for (guint i = 0; i < n_results; i++)
    {
      GlsMatchTier tier = gls_search_results_get_tier (results, i);
      guint position = gls_search_results_get_position (results, i);

      g_assert_cmpint (tier, >=, last_tier);
      if ((int) tier == last_tier)
        {
          g_assert_cmpuint (position, >, last_position);
          g_string_append (text, ", ");
        }
      else
        g_string_append_printf (text, "%s%s: ", i > 0 ? "; " : "", tier_name (tier));
      g_string_append (text, gls_term_get_name (gls_glossary_get_term (glossary, position)));

      /* The typo tier comes last, after every match. */
      g_assert_cmpint (i < gls_search_results_get_n_matches (results), ==, tier != GLS_MATCH_TYPO);
      last_tier = tier;
      last_position = position;
    }
  return g_string_free (text, FALSE);
}

static void
assert_search (GlsGlossary *glossary,
               const char  *query,
               const char  *expected)
{
  g_autoptr(GlsSearchResults) results = gls_search (glossary, query, NULL, NULL);
  g_autofree char *described = NULL;

  g_assert_nonnull (results);
  g_assert_cmpstr (gls_search_results_get_query (results), ==, query);
  g_assert_true (gls_search_results_get_glossary (results) == glossary);
  described = describe_results (results);
  g_assert_cmpstr (described, ==, expected);
}

static void
test_exact_name (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");

  assert_search (glossary, "Net Promoter Score", "exact: Net Promoter Score");
  assert_search (glossary, "net-promoter score", "exact: Net Promoter Score");
  assert_search (glossary, "Agent", "exact: Agent; prefix: Agent Assist; definition: Live Chat");
}

static void
test_exact_abbreviation (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");

  assert_search (glossary, "NPS", "exact: Net Promoter Score");
  /* A typo tier follows the matches: "csat" is one letter from "chat". */
  assert_search (glossary, "csat",
                 "exact: Customer Satisfaction Score; typo: Chatbot, Chatbot Escalation, Live Chat");
  assert_search (glossary, "FCR", "exact: First Contact Resolution");
}

static void
test_exact_alias (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");

  assert_search (glossary, "attrition rate", "exact: Churn Rate");
  assert_search (glossary, "customer service representative", "exact: Agent");
}

static void
test_prefix (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");

  assert_search (glossary, "net prom", "prefix: Net Promoter Score");
  assert_search (glossary, "attrit", "prefix: Churn Rate");
  /* Of an abbreviation. */
  assert_search (glossary, "cs", "prefix: Customer Satisfaction Score");
  assert_search (glossary, "Chatbot E", "prefix: Chatbot Escalation; typo: Chatbot");
}

static void
test_words (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");

  assert_search (glossary, "score promoter", "words: Net Promoter Score");
  assert_search (glossary, "score",
                 "words: Customer Effort Score, Customer Satisfaction Score, Net Promoter Score");
  /* Words of an alias count too. */
  assert_search (glossary, "representative serv", "words: Agent");
}

static void
test_substring (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");

  assert_search (glossary, "romoter", "substring: Net Promoter Score");
  assert_search (glossary, "chatwid", "substring: Webchat Widget");
  /* Across the words of an alias. */
  assert_search (glossary, "tionrat", "substring: Churn Rate");
}

static void
test_definition (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");

  assert_search (glossary, "survey question",
                 "definition: Customer Effort Score, Net Promoter Score");
  assert_search (glossary, "QUEST surv", "definition: Customer Effort Score, Net Promoter Score");
  assert_search (glossary, "survey",
                 "definition: Customer Effort Score, Customer Satisfaction Score, "
                 "Net Promoter Score");
  /* Only where words start. */
  assert_search (glossary, "urvey", "");
}

static void
test_typo (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");
  g_autoptr(GlsSearchResults) results = NULL;

  assert_search (glossary, "chrun", "typo: Churn Rate");
  /* Four characters allow one edit. */
  assert_search (glossary, "chun", "typo: Churn Rate");
  assert_search (glossary, "agnt", "typo: Agent, Agent Assist");
  /* Two letters swapped are one edit, not two. */
  assert_search (glossary, "agnet", "typo: Agent, Agent Assist");
  /* Three characters allow none. */
  assert_search (glossary, "agt", "");
  assert_search (glossary, "chn", "");
  /* Seven allow one, eight two. */
  assert_search (glossary, "chrunrt", "");
  assert_search (glossary, "chrunrte", "typo: Churn Rate");
  assert_search (glossary, "net promotr scroe", "typo: Net Promoter Score");
  /* Abbreviations are never guessed at. */
  assert_search (glossary, "csta", "");

  results = gls_search (glossary, "chrun", NULL, NULL);
  g_assert_cmpuint (gls_search_results_get_n_matches (results), ==, 0);
  g_assert_cmpuint (gls_search_results_get_n_results (results), ==, 1);
  g_assert_cmpint (gls_search_results_get_tier (results, 0), ==, GLS_MATCH_TYPO);
}

static void
test_ranking (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");

  assert_search (glossary, "chat",
                 "exact: Live Chat; "
                 "prefix: Chatbot, Chatbot Escalation; "
                 "words: Proactive Chat; "
                 "substring: Webchat Widget; "
                 "definition: Agent, Omnichannel; "
                 "typo: Chargeback");
}

static void
test_folding (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");
  const char *spellings[] = { "omni-channel", "Omni Channel", "omnichannel", "OMNI–CHANNEL" };
  const char *accents[] = { "Éclair Metric", "eclair metric", "ECLAIR-METRIC" };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    assert_search (glossary, spellings[i], "exact: Omnichannel");
  for (guint i = 0; i < G_N_ELEMENTS (accents); i++)
    assert_search (glossary, accents[i], "exact: Éclair Metric");
  assert_search (glossary, "omni", "prefix: Omnichannel");
}

static void
test_empty_query (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");
  const char *queries[] = { "", "  ", " - / " };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GlsSearchResults) results = gls_search (glossary, queries[q], NULL, NULL);
      guint n_terms = gls_glossary_get_n_terms (glossary);

      g_assert_cmpuint (gls_search_results_get_n_results (results), ==, n_terms);
      g_assert_cmpuint (gls_search_results_get_n_matches (results), ==, n_terms);
      for (guint i = 0; i < n_terms; i++)
        {
          g_assert_cmpuint (gls_search_results_get_position (results, i), ==, i);
          g_assert_cmpint (gls_search_results_get_tier (results, i), ==, GLS_MATCH_ALL);
        }
    }
}

static void
test_no_match (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");
  g_autoptr(GlsSearchResults) results = gls_search (glossary, "xyzzy", NULL, NULL);

  g_assert_cmpuint (gls_search_results_get_n_results (results), ==, 0);
  g_assert_cmpuint (gls_search_results_get_n_matches (results), ==, 0);
}

static void
test_cancelled (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GlsSearchResults) results = NULL;

  g_cancellable_cancel (cancellable);
  results = gls_search (glossary, "chat", NULL, cancellable);
  g_assert_null (results);
}

static void
assert_same_results (GlsSearchResults *narrowed,
                     GlsSearchResults *fresh)
{
  guint n_results = gls_search_results_get_n_results (fresh);

  g_assert_cmpstr (gls_search_results_get_query (narrowed), ==,
                   gls_search_results_get_query (fresh));
  g_assert_cmpuint (gls_search_results_get_n_results (narrowed), ==, n_results);
  g_assert_cmpuint (gls_search_results_get_n_matches (narrowed), ==,
                    gls_search_results_get_n_matches (fresh));
  for (guint i = 0; i < n_results; i++)
    {
      g_assert_cmpuint (gls_search_results_get_position (narrowed, i), ==,
                        gls_search_results_get_position (fresh, i));
      g_assert_cmpint (gls_search_results_get_tier (narrowed, i), ==,
                       gls_search_results_get_tier (fresh, i));
    }
}

/* Types @steps in turn, each search given the results of the one before. */
static void
assert_typing_matches (GlsGlossary *glossary,
                       GPtrArray   *steps)
{
  g_autoptr(GlsSearchResults) previous = NULL;

  for (guint i = 0; i < steps->len; i++)
    {
      const char *query = g_ptr_array_index (steps, i);
      g_autoptr(GlsSearchResults) fresh = gls_search (glossary, query, NULL, NULL);
      GlsSearchResults *narrowed = gls_search (glossary, query, previous, NULL);

      assert_same_results (narrowed, fresh);
      g_clear_pointer (&previous, gls_search_results_unref);
      previous = narrowed;
    }
}

/* Types @text forwards, deletes it backwards, then types it from its end. */
static void
assert_typing_text_matches (GlsGlossary *glossary,
                            const char  *text)
{
  g_autoptr(GPtrArray) forwards = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) backwards = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) from_end = g_ptr_array_new_with_free_func (g_free);
  glong n_chars = g_utf8_strlen (text, -1);

  for (glong n = 1; n <= n_chars; n++)
    {
      const char *cut = g_utf8_offset_to_pointer (text, n);

      g_ptr_array_add (forwards, g_strndup (text, cut - text));
      g_ptr_array_insert (backwards, 0, g_strndup (text, cut - text));
      g_ptr_array_add (from_end, g_strdup (g_utf8_offset_to_pointer (text, n_chars - n)));
    }
  assert_typing_matches (glossary, forwards);
  assert_typing_matches (glossary, backwards);
  assert_typing_matches (glossary, from_end);
}

static void
assert_typing_glossary_matches (GlsGlossary *glossary)
{
  for (guint t = 0; t < gls_glossary_get_n_terms (glossary); t++)
    {
      GlsTerm *term = gls_glossary_get_term (glossary, t);
      const char * const *aliases = gls_term_get_aliases (term);
      g_autofree char *lowered = g_utf8_strdown (gls_term_get_name (term), -1);
      g_autofree char *with_typo = g_strconcat (gls_term_get_name (term), "x", NULL);

      assert_typing_text_matches (glossary, gls_term_get_name (term));
      assert_typing_text_matches (glossary, lowered);
      assert_typing_text_matches (glossary, with_typo);
      for (guint i = 0; aliases[i] != NULL; i++)
        assert_typing_text_matches (glossary, aliases[i]);
    }
}

static void
test_narrowing (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");
  const char *queries[] = {
    "chat", "chatbot escalation", "webchat widget", "score promoter", "survey question",
    "chrun rate", "agnet", "customer satisfaction score", "omni-channel", "Éclair",
    "tion", "ate", "the share of", "a b c", "rate churn",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    assert_typing_text_matches (glossary, queries[i]);
  assert_typing_glossary_matches (glossary);
}

static void
test_narrowing_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsGlossary) glossary = gls_load_bundled (&error);
  const char *queries[] = {
    "customer", "experience", "satisfaction", "retention rate", "tion", "ment", "ing",
    "score net", "first call", "voice of the", "cust sat", "churm", "omnichanel",
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    assert_typing_text_matches (glossary, queries[i]);
  assert_typing_glossary_matches (glossary);
}

static void
test_previous_of_other_glossary (void)
{
  g_autoptr(GlsGlossary) glossary = gls_test_load ("search.xml");
  g_autoptr(GlsGlossary) other = gls_test_load ("small.xml");
  g_autoptr(GlsSearchResults) previous = gls_search (other, "cha", NULL, NULL);
  g_autoptr(GlsSearchResults) fresh = gls_search (glossary, "chat", NULL, NULL);
  g_autoptr(GlsSearchResults) results = gls_search (glossary, "chat", previous, NULL);

  assert_same_results (results, fresh);
}

/* Returns: @ranges as "[start,end) [start,end)" */
static char *
describe_ranges (GArray *ranges)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ranges->len; i++)
    {
      GlsRange *range = &g_array_index (ranges, GlsRange, i);

      g_assert_cmpuint (range->start, <, range->end);
      g_string_append_printf (text, "%s[%u,%u)", i > 0 ? " " : "", range->start, range->end);
    }
  return g_string_free (text, FALSE);
}

/* Returns: the highlighted parts of @text, joined by "|" */
static char *
highlighted (const char *text,
             GArray     *ranges)
{
  GString *parts = g_string_new (NULL);

  for (guint i = 0; i < ranges->len; i++)
    {
      GlsRange *range = &g_array_index (ranges, GlsRange, i);

      g_assert_cmpuint (range->end, <=, strlen (text));
      g_assert_true (g_utf8_validate (text + range->start, range->end - range->start, NULL));
      if (i > 0)
        g_string_append_c (parts, '|');
      g_string_append_len (parts, text + range->start, range->end - range->start);
    }
  return g_string_free (parts, FALSE);
}

static void
assert_match_name (const char *query,
                   const char *text,
                   const char *expected_ranges,
                   const char *expected_text)
{
  g_autoptr(GArray) ranges = gls_search_match_name (query, text);
  g_autofree char *described = describe_ranges (ranges);
  g_autofree char *parts = highlighted (text, ranges);

  g_assert_cmpstr (described, ==, expected_ranges);
  g_assert_cmpstr (parts, ==, expected_text);
}

static void
assert_match_words (const char *query,
                    const char *text,
                    const char *expected_ranges,
                    const char *expected_text)
{
  g_autoptr(GArray) ranges = gls_search_match_words (query, text);
  g_autofree char *described = describe_ranges (ranges);
  g_autofree char *parts = highlighted (text, ranges);

  g_assert_cmpstr (described, ==, expected_ranges);
  g_assert_cmpstr (parts, ==, expected_text);
}

static void
test_match_name (void)
{
  assert_match_name ("promoter", "Net Promoter Score", "[4,12)", "Promoter");
  assert_match_name ("NET PROM", "Net Promoter Score", "[0,8)", "Net Prom");
  assert_match_name ("eclair", "Éclair Metric", "[0,7)", "Éclair");
  assert_match_name ("clair met", "Éclair Metric", "[2,11)", "clair Met");
  /* Hyphens and spaces inside a match are part of it. */
  assert_match_name ("omnichannel", "Omni-channel", "[0,12)", "Omni-channel");
  assert_match_name ("channel", "Omni-channel", "[5,12)", "channel");
  /* Half of a letter that folds to two is all of it. */
  assert_match_name ("stras", "Straße", "[0,6)", "Straß");
  assert_match_name ("strasse", "Straße", "[0,7)", "Straße");
  /* Words in another order are matched one by one. */
  assert_match_name ("metric eclair", "Éclair Metric", "[0,7) [8,14)", "Éclair|Metric");
  assert_match_name ("score net", "Net Promoter Score", "[0,3) [13,18)", "Net|Score");
  assert_match_name ("xyz", "Net Promoter Score", "", "");
  assert_match_name ("", "Net Promoter Score", "", "");
}

static void
test_match_words (void)
{
  assert_match_words ("score net", "Net Promoter Score", "[0,3) [13,18)", "Net|Score");
  assert_match_words ("prom", "Net Promoter Score", "[4,8)", "Prom");
  /* Not inside words. */
  assert_match_words ("romoter", "Net Promoter Score", "", "");
  assert_match_words ("eclair", "crème Éclair", "[7,14)", "Éclair");
  assert_match_words ("channel", "Omni-channel support", "[5,12)", "channel");
  assert_match_words ("customer", "The customer’s journey", "[4,12)", "customer");
  /* The longest query word that starts a word wins. */
  assert_match_words ("sur survey", "A survey answer", "[2,8)", "survey");
  assert_match_words ("a", "A survey answer", "[0,1) [9,10)", "A|a");
}

static void
test_snippet_short (void)
{
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GArray) no_ranges = NULL;
  g_autofree char *snippet = gls_search_snippet ("loyalty", "A loyalty measure.", 60, &ranges);
  g_autofree char *unmatched = gls_search_snippet ("zzz", "A loyalty measure.", 60, &no_ranges);
  g_autofree char *parts = highlighted (snippet, ranges);

  g_assert_cmpstr (snippet, ==, "A loyalty measure.");
  g_assert_cmpstr (parts, ==, "loyalty");
  g_assert_cmpstr (unmatched, ==, "A loyalty measure.");
  g_assert_cmpuint (no_ranges->len, ==, 0);
}

static void
test_snippet_long (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GArray) start_ranges = NULL;
  g_autofree char *snippet = NULL;
  g_autofree char *start_snippet = NULL;
  g_autofree char *parts = NULL;
  g_autofree char *start_parts = NULL;

  for (guint i = 0; i < 20; i++)
    g_string_append (text, "Wörds before the match. ");
  g_string_append (text, "The loyalty of customers grows. ");
  for (guint i = 0; i < 20; i++)
    g_string_append (text, "Wörds after the match. ");

  /* A match far into the text: a window of whole words around it. */
  snippet = gls_search_snippet ("loyalty", text->str, 60, &ranges);
  g_assert_cmpstr (snippet, ==, "…match. The loyalty of customers grows. Wörds after the match…");
  parts = highlighted (snippet, ranges);
  g_assert_cmpstr (parts, ==, "loyalty");

  /* A match at the start: the start of the text. */
  start_snippet = gls_search_snippet ("words", text->str, 60, &start_ranges);
  g_assert_cmpstr (start_snippet, ==,
                   "Wörds before the match. Wörds before the match. Wörds before…");
  start_parts = highlighted (start_snippet, start_ranges);
  g_assert_cmpstr (start_parts, ==, "Wörds|Wörds|Wörds");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gls_loader_init ();

  g_test_add_func ("/gls/search/exact-name", test_exact_name);
  g_test_add_func ("/gls/search/exact-abbreviation", test_exact_abbreviation);
  g_test_add_func ("/gls/search/exact-alias", test_exact_alias);
  g_test_add_func ("/gls/search/prefix", test_prefix);
  g_test_add_func ("/gls/search/words", test_words);
  g_test_add_func ("/gls/search/substring", test_substring);
  g_test_add_func ("/gls/search/definition", test_definition);
  g_test_add_func ("/gls/search/typo", test_typo);
  g_test_add_func ("/gls/search/ranking", test_ranking);
  g_test_add_func ("/gls/search/folding", test_folding);
  g_test_add_func ("/gls/search/empty-query", test_empty_query);
  g_test_add_func ("/gls/search/no-match", test_no_match);
  g_test_add_func ("/gls/search/cancelled", test_cancelled);
  g_test_add_func ("/gls/search/narrowing", test_narrowing);
  g_test_add_func ("/gls/search/narrowing-bundled", test_narrowing_bundled);
  g_test_add_func ("/gls/search/previous-of-other-glossary", test_previous_of_other_glossary);
  g_test_add_func ("/gls/search/match-name", test_match_name);
  g_test_add_func ("/gls/search/match-words", test_match_words);
  g_test_add_func ("/gls/search/snippet-short", test_snippet_short);
  g_test_add_func ("/gls/search/snippet-long", test_snippet_long);

  return g_test_run ();
}
