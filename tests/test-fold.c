/* test-fold.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Folding: the form of a text that search compares, so that what a user
 * types matches however a glossary spells it.
 */
#include "config.h"

#include <locale.h>

#include "gls-fold.h"

static void
assert_folds (const char *text,
              const char *compact,
              const char *words)
{
  g_autofree char *folded_compact = gls_fold (text, GLS_FOLD_COMPACT);
  g_autofree char *folded_words = gls_fold (text, GLS_FOLD_WORDS);

  g_assert_cmpstr (folded_compact, ==, compact);
  g_assert_cmpstr (folded_words, ==, words);
}

static void
test_case (void)
{
  assert_folds ("Net Promoter SCORE", "netpromoterscore", "net promoter score");
  assert_folds ("CSAT", "csat", "csat");
  assert_folds ("ΣΊΣΥΦΟΣ", "σισυφοσ", "σισυφοσ");
  assert_folds ("already folded", "alreadyfolded", "already folded");
}

static void
test_accents (void)
{
  assert_folds ("Éclair", "eclair", "eclair");
  assert_folds ("crème brûlée", "cremebrulee", "creme brulee");
  assert_folds ("Ångström", "angstrom", "angstrom");
  /* A combining accent after its letter is dropped the same way. */
  assert_folds ("E\xCC\x81" "clair", "eclair", "eclair");
}

static void
test_word_breaks (void)
{
  const char *spellings[] = { "omni-channel", "Omni Channel", "OMNI–CHANNEL", "omni_channel",
                              "  omni / channel  " };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    assert_folds (spellings[i], "omnichannel", "omni channel");
  assert_folds ("omnichannel", "omnichannel", "omnichannel");

  /* No space at either end, one between words however many separate them. */
  assert_folds ("--Net   Promoter--Score?!", "netpromoterscore", "net promoter score");
  assert_folds ("24/7 Support", "247support", "24 7 support");
  assert_folds ("", "", "");
  assert_folds (" - / ", "", "");
}

static void
test_apostrophes (void)
{
  assert_folds ("customer's", "customers", "customers");
  assert_folds ("customer’s journey", "customersjourney", "customers journey");
  assert_folds ("O'Brien", "obrien", "obrien");
}

static void
test_compatibility_forms (void)
{
  assert_folds ("Straße", "strasse", "strasse");
  assert_folds ("ﬁle", "file", "file");
  assert_folds ("ＣＳＡＴ", "csat", "csat");
  assert_folds ("m²", "m2", "m2");
  /* Punctuation in compatibility form breaks words like its base form. */
  assert_folds ("A＆B", "ab", "a b");
  assert_folds ("wait…what", "waitwhat", "wait what");
}

static void
test_other_scripts (void)
{
  /* Letters and digits of every script are kept. */
  assert_folds ("Служба поддержки", "службаподдержки", "служба поддержки");
  assert_folds ("顧客 満足", "顧客満足", "顧客 満足");
}

static void
test_append (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  /* Appends in words mode keep the words apart. */
  gls_fold_append (out, "Net", -1, GLS_FOLD_WORDS, NULL);
  gls_fold_append (out, "Promoter", -1, GLS_FOLD_WORDS, NULL);
  g_assert_cmpstr (out->str, ==, "net promoter");
  gls_fold_append (out, "", -1, GLS_FOLD_WORDS, NULL);
  gls_fold_append (out, "Score is", 5, GLS_FOLD_WORDS, NULL);
  g_assert_cmpstr (out->str, ==, "net promoter score");

  g_string_truncate (out, 0);
  gls_fold_append (out, "Net", -1, GLS_FOLD_COMPACT, NULL);
  gls_fold_append (out, "Promoter", -1, GLS_FOLD_COMPACT, NULL);
  g_assert_cmpstr (out->str, ==, "netpromoter");
}

/* Folds @text and checks that each byte of the result comes from the byte
 * of @text that @expected gives.
 */
static void
assert_offsets (const char  *text,
                GlsFoldMode  mode,
                const char  *folded,
                const guint *expected)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));

  gls_fold_append (out, text, -1, mode, offsets);
  g_assert_cmpstr (out->str, ==, folded);
  g_assert_cmpuint (offsets->len, ==, out->len);
  for (guint i = 0; i < offsets->len; i++)
    g_assert_cmpuint (g_array_index (offsets, guint, i), ==, expected[i]);
}

static void
test_source_offsets (void)
{
  /* "É" is two bytes, and "é" two in the other form too. */
  assert_offsets ("Éclair", GLS_FOLD_COMPACT, "eclair", (guint[]) { 0, 2, 3, 4, 5, 6 });
  /* Both letters of "ss" come from "ß", bytes 4 and 5. */
  assert_offsets ("Straße", GLS_FOLD_COMPACT, "strasse", (guint[]) { 0, 1, 2, 3, 4, 4, 6 });
  /* A space between words comes from the character after the break. */
  assert_offsets ("Omni-Channel", GLS_FOLD_WORDS, "omni channel",
                  (guint[]) { 0, 1, 2, 3, 5, 5, 6, 7, 8, 9, 10, 11 });
  assert_offsets ("it’s", GLS_FOLD_COMPACT, "its", (guint[]) { 0, 1, 5 });
  /* Non-ASCII output: "Σ" folds to "σ", two bytes from byte 1 of "-Σ". */
  assert_offsets ("-Σ", GLS_FOLD_COMPACT, "σ", (guint[]) { 1, 1 });
}

static void
test_source_offsets_append (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  const guint expected[] = { 0, 1, 2, 0, 0, 1 };

  /* Offsets count from the start of each text appended. */
  gls_fold_append (out, "Net", -1, GLS_FOLD_WORDS, offsets);
  gls_fold_append (out, "NPS", 2, GLS_FOLD_WORDS, offsets);
  g_assert_cmpstr (out->str, ==, "net np");
  g_assert_cmpuint (offsets->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (g_array_index (offsets, guint, i), ==, expected[i]);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gls/fold/case", test_case);
  g_test_add_func ("/gls/fold/accents", test_accents);
  g_test_add_func ("/gls/fold/word-breaks", test_word_breaks);
  g_test_add_func ("/gls/fold/apostrophes", test_apostrophes);
  g_test_add_func ("/gls/fold/compatibility-forms", test_compatibility_forms);
  g_test_add_func ("/gls/fold/other-scripts", test_other_scripts);
  g_test_add_func ("/gls/fold/append", test_append);
  g_test_add_func ("/gls/fold/source-offsets", test_source_offsets);
  g_test_add_func ("/gls/fold/source-offsets-append", test_source_offsets_append);

  return g_test_run ();
}
