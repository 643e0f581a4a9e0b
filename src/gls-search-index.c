/* gls-search-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gls-fold.h"
#include "gls-glossary.h"
#include "gls-search-index.h"
#include "gls-term-private.h"

/*
 * Collects the distinct words of every term, then lays them out sorted with
 * their postings.  Terms arrive in ordinal order, so each word's postings
 * come out ascending without sorting them.
 */
typedef struct
{
  GHashTable   *ids;           /* word (in chunk) -> id + 1 */
  GStringChunk *chunk;
  GPtrArray    *words;         /* id -> word */
  GArray       *last_term;     /* id -> last ordinal + 1 that used it */
  GArray       *term_words;    /* the ids each term uses, term after term */
  GArray       *term_ends;     /* ordinal -> end of its ids in term_words */
} WordIndexBuilder;

static void
word_index_builder_init (WordIndexBuilder *builder)
{
  builder->ids = g_hash_table_new (g_str_hash, g_str_equal);
  builder->chunk = g_string_chunk_new (64 * 1024);
  builder->words = g_ptr_array_new ();
  builder->last_term = g_array_new (FALSE, FALSE, sizeof (guint32));
  builder->term_words = g_array_new (FALSE, FALSE, sizeof (guint32));
  builder->term_ends = g_array_new (FALSE, FALSE, sizeof (guint32));
}

/* Adds the space-separated words of @words to the term being built. */
static void
word_index_builder_add (WordIndexBuilder *builder,
                        guint32           ordinal,
                        char             *words)
{
  char *word = words;

  while (*word != '\0')
    {
      char *end = strchr (word, ' ');
      char saved = '\0';
      gpointer value;
      guint32 id;

      if (end != NULL)
        {
          saved = *end;
          *end = '\0';
        }

      value = g_hash_table_lookup (builder->ids, word);
      if (value != NULL)
        id = GPOINTER_TO_UINT (value) - 1;
      else
        {
          char *stored = g_string_chunk_insert (builder->chunk, word);
          guint32 never = 0;

          id = builder->words->len;
          g_ptr_array_add (builder->words, stored);
          g_array_append_val (builder->last_term, never);
          g_hash_table_insert (builder->ids, stored, GUINT_TO_POINTER (id + 1));
        }

      if (g_array_index (builder->last_term, guint32, id) != ordinal + 1)
        {
          g_array_index (builder->last_term, guint32, id) = ordinal + 1;
          g_array_append_val (builder->term_words, id);
        }

      if (end == NULL)
        break;
      *end = saved;
      word = end + 1;
    }
}

static void
word_index_builder_end_term (WordIndexBuilder *builder)
{
  guint32 end = builder->term_words->len;

  g_array_append_val (builder->term_ends, end);
}

static int
compare_word_ids (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const char *const *words = user_data;

  return strcmp (words[*(const guint32 *) a], words[*(const guint32 *) b]);
}

static void
word_index_builder_finish (WordIndexBuilder *builder,
                           GlsWordIndex     *index)
{
  guint n_words = builder->words->len;
  g_autofree guint32 *order = g_new (guint32, n_words);
  g_autofree guint32 *rank = g_new (guint32, n_words);
  g_autofree guint32 *fill = NULL;
  guint32 *counts;
  gsize text_len = 0;
  guint32 begin = 0;

  for (guint i = 0; i < n_words; i++)
    {
      order[i] = i;
      text_len += strlen (builder->words->pdata[i]) + 1;
    }

  g_qsort_with_data (order, n_words, sizeof (guint32), compare_word_ids, builder->words->pdata);

  index->n_words = n_words;
  index->text = g_malloc (MAX (text_len, 1));
  index->word_starts = g_new (guint32, n_words);
  text_len = 0;
  for (guint i = 0; i < n_words; i++)
    {
      const char *word = builder->words->pdata[order[i]];
      gsize len = strlen (word) + 1;

      rank[order[i]] = i;
      index->word_starts[i] = text_len;
      memcpy (index->text + text_len, word, len);
      text_len += len;
    }

  counts = g_new0 (guint32, n_words + 1);
  for (guint i = 0; i < builder->term_words->len; i++)
    counts[rank[g_array_index (builder->term_words, guint32, i)] + 1]++;
  for (guint i = 0; i < n_words; i++)
    counts[i + 1] += counts[i];
  index->offsets = counts;

  index->postings = g_new (guint32, MAX (builder->term_words->len, 1));
  fill = g_memdup2 (counts, n_words * sizeof (guint32));
  for (guint32 ordinal = 0; ordinal < builder->term_ends->len; ordinal++)
    {
      guint32 end = g_array_index (builder->term_ends, guint32, ordinal);

      for (guint32 i = begin; i < end; i++)
        {
          guint32 word = rank[g_array_index (builder->term_words, guint32, i)];

          index->postings[fill[word]++] = ordinal;
        }
      begin = end;
    }

  g_hash_table_unref (builder->ids);
  g_string_chunk_free (builder->chunk);
  g_ptr_array_unref (builder->words);
  g_array_unref (builder->last_term);
  g_array_unref (builder->term_words);
  g_array_unref (builder->term_ends);
}

static void
word_index_clear (GlsWordIndex *index)
{
  g_clear_pointer (&index->text, g_free);
  g_clear_pointer (&index->word_starts, g_free);
  g_clear_pointer (&index->offsets, g_free);
  g_clear_pointer (&index->postings, g_free);
}

void
gls_word_index_prefix_range (const GlsWordIndex *index,
                             const char         *prefix,
                             guint              *first,
                             guint              *last)
{
  gsize prefix_len = strlen (prefix);
  guint lo = 0;
  guint hi = index->n_words;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (index->text + index->word_starts[mid], prefix) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = lo;

  hi = index->n_words;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strncmp (index->text + index->word_starts[mid], prefix, prefix_len) == 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  *last = lo;
}

static int
compare_key_entries (gconstpointer a,
                     gconstpointer b)
{
  const GlsKeyEntry *ka = a;
  const GlsKeyEntry *kb = b;
  int cmp = strcmp (ka->key, kb->key);

  if (cmp != 0)
    return cmp;
  return (ka->ordinal > kb->ordinal) - (ka->ordinal < kb->ordinal);
}

static void
build_keys (GlsSearchIndex *index)
{
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (GlsKeyEntry));
  GArray *typo_keys = g_array_new (FALSE, FALSE, sizeof (GlsKeyEntry));

  for (guint32 ordinal = 0; ordinal < index->n_terms; ordinal++)
    {
      GlsTerm *term = index->terms[ordinal];
      guint n_keys;
      const char * const *compact = _gls_term_get_compact_keys (term, &n_keys);

      for (guint k = 0; k < n_keys; k++)
        {
          GlsKeyEntry entry = { compact[k], ordinal, _gls_term_get_key_kind (term, k) };

          g_array_append_val (keys, entry);
          if (entry.kind != GLS_KEY_ABBREVIATION)
            g_array_append_val (typo_keys, entry);
        }
    }

  g_array_sort (keys, compare_key_entries);
  g_array_sort (typo_keys, compare_key_entries);
  index->n_keys = keys->len;
  index->keys = (GlsKeyEntry *) g_array_free (keys, FALSE);
  index->n_typo_keys = typo_keys->len;
  index->typo_keys = (GlsKeyEntry *) g_array_free (typo_keys, FALSE);
}

/* Calls @func with each distinct gram of the term's name and alias keys. */
static void
foreach_gram (GlsSearchIndex *index,
              guint32         ordinal,
              guint32        *last_term,
              void          (*func) (GlsGramIndex *grams,
                                     guint         gram,
                                     guint32       ordinal))
{
  GlsTerm *term = index->terms[ordinal];
  guint n_keys;
  const char * const *keys = _gls_term_get_compact_keys (term, &n_keys);

  for (guint k = 0; k < n_keys; k++)
    {
      const guchar *key = (const guchar *) keys[k];

      if (_gls_term_get_key_kind (term, k) == GLS_KEY_ABBREVIATION)
        continue;
      for (gsize i = 0; key[i] != '\0'; i++)
        {
          guint grams[2] = { gls_gram_code (key[i]), G_MAXUINT };

          if (key[i + 1] != '\0')
            grams[1] = GLS_GRAM_ALPHABET + grams[0] * GLS_GRAM_ALPHABET + gls_gram_code (key[i + 1]);
          for (guint g = 0; g < 2 && grams[g] != G_MAXUINT; g++)
            {
              if (last_term[grams[g]] == ordinal + 1)
                continue;
              last_term[grams[g]] = ordinal + 1;
              func (&index->grams, grams[g], ordinal);
            }
        }
    }
}

static void
count_gram (GlsGramIndex *grams,
            guint         gram,
            guint32       ordinal)
{
  grams->offsets[gram + 1]++;
}

static void
fill_gram (GlsGramIndex *grams,
           guint         gram,
           guint32       ordinal)
{
  /* offsets[gram] serves as the cursor while filling, see build_grams(). */
  grams->postings[grams->offsets[gram]++] = ordinal;
}

static void
build_grams (GlsSearchIndex *index)
{
  GlsGramIndex *grams = &index->grams;
  g_autofree guint32 *last_term = g_new0 (guint32, GLS_N_GRAMS);

  for (guint32 ordinal = 0; ordinal < index->n_terms; ordinal++)
    foreach_gram (index, ordinal, last_term, count_gram);
  for (guint g = 0; g < GLS_N_GRAMS; g++)
    grams->offsets[g + 1] += grams->offsets[g];
  grams->postings = g_new (guint32, MAX (grams->offsets[GLS_N_GRAMS], 1));

  memset (last_term, 0, GLS_N_GRAMS * sizeof (guint32));
  for (guint32 ordinal = 0; ordinal < index->n_terms; ordinal++)
    foreach_gram (index, ordinal, last_term, fill_gram);

  /* Each cursor ended at the next gram's start: shift them back. */
  memmove (grams->offsets + 1, grams->offsets, GLS_N_GRAMS * sizeof (guint32));
  grams->offsets[0] = 0;
}

static void
build_word_indexes (GlsSearchIndex *index)
{
  WordIndexBuilder names;
  WordIndexBuilder definitions;
  GString *folded = g_string_sized_new (1024);

  word_index_builder_init (&names);
  word_index_builder_init (&definitions);

  for (guint32 ordinal = 0; ordinal < index->n_terms; ordinal++)
    {
      GlsTerm *term = index->terms[ordinal];
      guint n_definitions = gls_term_get_n_definitions (term);

      g_string_assign (folded, _gls_term_get_name_words (term));
      word_index_builder_add (&names, ordinal, folded->str);
      word_index_builder_end_term (&names);

      g_string_truncate (folded, 0);
      for (guint d = 0; d < n_definitions; d++)
        gls_fold_append (folded, gls_term_get_definition (term, d), -1, GLS_FOLD_WORDS, NULL);
      word_index_builder_add (&definitions, ordinal, folded->str);
      word_index_builder_end_term (&definitions);
    }

  word_index_builder_finish (&names, &index->name_words);
  word_index_builder_finish (&definitions, &index->definition_words);
  g_string_free (folded, TRUE);
}

static void
build_filters (GlsSearchIndex *index)
{
  gsize n_bitmap_words = GLS_BITMAP_WORDS (index->n_terms);

  index->letters = g_new (guint8, MAX (index->n_terms, 1));
  index->category_bits = g_new0 (guint64 *, MAX (index->n_categories, 1));
  for (guint c = 0; c < index->n_categories; c++)
    index->category_bits[c] = g_new0 (guint64, MAX (n_bitmap_words, 1));

  for (guint32 ordinal = 0; ordinal < index->n_terms; ordinal++)
    {
      GlsTerm *term = index->terms[ordinal];
      guint position = index->position_of[ordinal];

      index->letters[position] = gls_letter_to_index (gls_term_get_letter (term));
      for (guint c = 0; c < index->n_categories; c++)
        if (_gls_term_has_category_index (term, c))
          gls_bitmap_set (index->category_bits[c], position);
    }
}

GlsSearchIndex *
gls_search_index_new (GlsTerm **terms_by_ordinal,
                      guint     n_terms,
                      guint     n_categories)
{
  GlsSearchIndex *index = g_new0 (GlsSearchIndex, 1);

  index->n_terms = n_terms;
  index->terms = terms_by_ordinal;
  index->n_categories = n_categories;
  index->position_of = g_new (guint32, MAX (n_terms, 1));
  for (guint32 ordinal = 0; ordinal < n_terms; ordinal++)
    index->position_of[ordinal] = gls_term_get_position (terms_by_ordinal[ordinal]);

  build_keys (index);
  build_grams (index);
  build_word_indexes (index);
  build_filters (index);

  return index;
}

void
gls_search_index_free (GlsSearchIndex *index)
{
  if (index == NULL)
    return;

  g_free (index->position_of);
  g_free (index->keys);
  g_free (index->typo_keys);
  g_free (index->grams.postings);
  word_index_clear (&index->name_words);
  word_index_clear (&index->definition_words);
  g_free (index->letters);
  for (guint c = 0; c < index->n_categories; c++)
    g_free (index->category_bits[c]);
  g_free (index->category_bits);
  g_free (index);
}
