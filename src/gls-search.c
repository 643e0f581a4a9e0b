/* gls-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ranked search over the structures a glossary indexed at load.  Every tier
 * is a bitmap over display positions, so each comes out in display order
 * without sorting, and a term lands in the best tier it reaches.
 */
#include "config.h"

#include <string.h>

#include "gls-fold.h"
#include "gls-glossary-private.h"
#include "gls-search.h"
#include "gls-term-private.h"

#define N_TIERS         (GLS_MATCH_TYPO + 1)
#define MAX_TYPO_CHARS  48
#define CANCEL_EVERY    4096

typedef struct
{
  char      *compact;
  char     **words;
  guint      n_words;
  gunichar  *chars;          /* of compact */
  guint      n_chars;
} Query;

struct _GlsSearchResults
{
  GlsGlossary *glossary;
  char        *text;
  Query        query;
  guint        n_results;
  guint        n_matches;
  guint32     *positions;    /* NULL: every term, in display order */
  guint8      *tiers;
  GBytes     **name_word_bits;
  GBytes     **definition_word_bits;
};

typedef struct
{
  GlsGlossary          *glossary;
  const GlsSearchIndex *index;
  const Query          *query;
  GlsSearchResults     *previous;
  GCancellable         *cancellable;
  gsize                 n_words;
  guint64              *claimed;
  guint64              *tiers[N_TIERS];
} Search;

static void
query_init (Query      *query,
            const char *text)
{
  query->compact = gls_fold (text, GLS_FOLD_COMPACT);
  if (*query->compact != '\0')
    {
      g_autofree char *words = gls_fold (text, GLS_FOLD_WORDS);

      query->words = g_strsplit (words, " ", -1);
    }
  else
    query->words = g_new0 (char *, 1);
  query->n_words = g_strv_length (query->words);
  query->chars = g_utf8_to_ucs4_fast (query->compact, -1, NULL);
  query->n_chars = g_utf8_strlen (query->compact, -1);
}

static void
query_clear (Query *query)
{
  g_clear_pointer (&query->compact, g_free);
  g_clear_pointer (&query->words, g_strfreev);
  g_clear_pointer (&query->chars, g_free);
}

static gboolean
search_cancelled (Search *search)
{
  return g_cancellable_is_cancelled (search->cancellable);
}

static inline void
set_ordinal (Search  *search,
             guint64 *bits,
             guint32  ordinal)
{
  gls_bitmap_set (bits, search->index->order.position_of[ordinal]);
}

/* Moves the terms of @bits that no better tier holds into @tier. */
static void
claim (Search       *search,
       GlsMatchTier  tier,
       const guint64 *bits)
{
  guint64 *target = search->tiers[tier];

  for (gsize i = 0; i < search->n_words; i++)
    {
      target[i] = bits[i] & ~search->claimed[i];
      search->claimed[i] |= target[i];
    }
}

static guint
lower_bound_key (const GlsKeyEntry *keys,
                 guint              n_keys,
                 const char        *key)
{
  guint lo = 0;
  guint hi = n_keys;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (keys[mid].key, key) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/*
 * Returns the end of the run of keys from @first that start with @prefix.
 * Runs are mostly short, so the search gallops from @first before it halves.
 */
static guint
prefix_end (const GlsKeyEntry *keys,
            guint              first,
            guint              n_keys,
            const char        *prefix,
            gsize              prefix_len)
{
  guint lo = first;
  guint hi = n_keys;
  guint step = 1;

  while (lo + step < n_keys && strncmp (keys[lo + step].key, prefix, prefix_len) == 0)
    {
      lo += step;
      step *= 2;
    }
  hi = MIN (lo + step, n_keys);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strncmp (keys[mid].key, prefix, prefix_len) == 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
search_names (Search *search)
{
  const GlsSearchIndex *index = search->index;
  const char *compact = search->query->compact;
  gsize len = strlen (compact);
  g_autofree guint64 *exact = g_new0 (guint64, search->n_words);
  g_autofree guint64 *prefix = g_new0 (guint64, search->n_words);
  guint first = lower_bound_key (index->keys, index->n_keys, compact);
  guint end = prefix_end (index->keys, first, index->n_keys, compact, len);

  for (guint i = first; i < end; i++)
    set_ordinal (search, index->keys[i].key[len] == '\0' ? exact : prefix,
                 index->keys[i].ordinal);

  claim (search, GLS_MATCH_EXACT, exact);
  claim (search, GLS_MATCH_PREFIX, prefix);
}

/* The terms with a word that starts with @word, shared between keystrokes. */
static GBytes *
word_bits (Search             *search,
           const GlsWordIndex *words,
           const char         *word,
           gboolean            definitions)
{
  GlsSearchResults *previous = search->previous;
  guint64 *bits;
  guint first;
  guint last;

  for (guint i = 0; previous != NULL && i < previous->query.n_words; i++)
    {
      GBytes **cache = definitions ? previous->definition_word_bits : previous->name_word_bits;

      if (cache != NULL && cache[i] != NULL && strcmp (previous->query.words[i], word) == 0)
        return g_bytes_ref (cache[i]);
    }

  bits = g_new0 (guint64, search->n_words);
  gls_word_index_prefix_range (words, word, &first, &last);
  for (guint32 p = words->offsets[first]; p < words->offsets[last]; p++)
    {
      set_ordinal (search, bits, words->postings[p]);
      if (p % CANCEL_EVERY == 0 && search_cancelled (search))
        break;
    }
  return g_bytes_new_take (bits, search->n_words * sizeof (guint64));
}

/* The terms where every query word starts some word: of the name and
 * aliases, or of the definitions.
 */
static void
search_words (Search            *search,
              GlsMatchTier       tier,
              GlsSearchResults  *results)
{
  const GlsWordIndex *words;
  GBytes **cache;
  g_autofree guint64 *all = NULL;

  if (tier == GLS_MATCH_WORDS)
    {
      words = &search->index->name_words;
      cache = results->name_word_bits = g_new0 (GBytes *, search->query->n_words);
    }
  else
    {
      words = &search->index->definition_words;
      cache = results->definition_word_bits = g_new0 (GBytes *, search->query->n_words);
    }

  all = g_new (guint64, search->n_words);
  memset (all, 0xff, search->n_words * sizeof (guint64));
  for (guint w = 0; w < search->query->n_words; w++)
    {
      const guint64 *bits;

      cache[w] = word_bits (search, words, search->query->words[w], tier == GLS_MATCH_DEFINITION);
      bits = g_bytes_get_data (cache[w], NULL);
      for (gsize i = 0; i < search->n_words; i++)
        all[i] &= bits[i];
    }
  claim (search, tier, all);
}

static gboolean
term_keys_contain (GlsTerm    *term,
                   const char *compact)
{
  for (guint k = 0; k < term->n_compact_keys; k++)
    if (term->key_kinds[k] != GLS_KEY_ABBREVIATION && strstr (term->compact_keys[k], compact))
      return TRUE;
  return FALSE;
}

static gboolean
is_ascii (const char *text)
{
  for (; *text != '\0'; text++)
    if ((guchar) *text >= 0x80)
      return FALSE;
  return TRUE;
}

/*
 * Whether @previous's matches up to the substring tier hold every match of
 * this query's substring tier: true when its query is inside this one.
 */
static gboolean
can_narrow (Search *search)
{
  GlsSearchResults *previous = search->previous;

  return previous != NULL && previous->glossary == search->glossary &&
         previous->positions != NULL && previous->query.compact[0] != '\0' &&
         strstr (search->query->compact, previous->query.compact) != NULL;
}

static void
search_substrings (Search *search)
{
  const GlsSearchIndex *index = search->index;
  const GlsGramIndex *grams = &index->grams;
  const char *compact = search->query->compact;
  gsize len = strlen (compact);
  g_autofree guint64 *bits = g_new0 (guint64, search->n_words);
  guint gram = G_MAXUINT;
  guint32 gram_size = G_MAXUINT32;

  /* The rarest pair of characters narrows the candidates most. */
  if (len == 1)
    {
      gram = gls_gram_code (compact[0]);
      gram_size = grams->offsets[gram + 1] - grams->offsets[gram];
    }
  for (gsize i = 0; i + 1 < len; i++)
    {
      guint code = GLS_GRAM_ALPHABET + gls_gram_code (compact[i]) * GLS_GRAM_ALPHABET +
                   gls_gram_code (compact[i + 1]);
      guint32 size = grams->offsets[code + 1] - grams->offsets[code];

      if (size < gram_size)
        {
          gram = code;
          gram_size = size;
        }
    }

  if (can_narrow (search) && search->previous->n_matches < gram_size)
    {
      GlsSearchResults *previous = search->previous;

      for (guint i = 0; i < previous->n_matches; i++)
        {
          guint position = previous->positions[i];

          if (previous->tiers[i] > GLS_MATCH_SUBSTRING)
            break;
          if (gls_bitmap_get (search->claimed, position))
            continue;
          if (term_keys_contain (gls_glossary_get_term (search->glossary, position), compact))
            gls_bitmap_set (bits, position);
          if (i % CANCEL_EVERY == 0 && search_cancelled (search))
            return;
        }
    }
  else
    {
      /* One or two ASCII characters are their own gram: no need to check. */
      gboolean exact = len <= 2 && is_ascii (compact);

      for (guint32 p = grams->offsets[gram]; p < grams->offsets[gram + 1]; p++)
        {
          guint32 ordinal = grams->postings[p];
          guint position = index->order.position_of[ordinal];

          if (gls_bitmap_get (search->claimed, position))
            continue;
          if (exact || term_keys_contain (index->terms[ordinal], compact))
            gls_bitmap_set (bits, position);
          if (p % CANCEL_EVERY == 0 && search_cancelled (search))
            return;
        }
    }

  claim (search, GLS_MATCH_SUBSTRING, bits);
}

typedef enum
{
  WALK_ON,
  WALK_MATCH,
  WALK_PRUNE,
} WalkOutcome;

/*
 * The typo tier: terms with a name or alias that starts with the query but
 * for at most @max_edits insertions, deletions, substitutions or swaps of
 * neighbours.  The sorted keys are walked as a trie: a key shares the rows of
 * the edit distance table for the prefix it shares with the key before, and
 * a prefix already too far from the query rules out every key below it.
 */
static void
search_typos (Search *search,
              guint   max_edits)
{
  const GlsSearchIndex *index = search->index;
  const GlsKeyEntry *keys = index->typo_keys;
  const gunichar *query = search->query->chars;
  guint m = search->query->n_chars;
  guint max_depth = m + max_edits;
  g_autofree guint8 *rows = g_new (guint8, (max_depth + 1) * (m + 1));
  g_autofree gunichar *path = g_new (gunichar, max_depth + 1);
  g_autofree gsize *offsets = g_new (gsize, max_depth + 1);
  g_autofree guint64 *bits = g_new0 (guint64, search->n_words);
  const char *previous_key = "";
  guint depth = 0;
  guint i = 0;

  for (guint j = 0; j <= m; j++)
    rows[j] = j;
  offsets[0] = 0;

  while (i < index->n_typo_keys)
    {
      const char *key = keys[i].key;
      const char *p;
      WalkOutcome outcome = WALK_ON;
      gsize common = 0;

      if (i % CANCEL_EVERY == 0 && search_cancelled (search))
        return;

      /* Keep the rows of the prefix this key shares with the previous one. */
      while (common < offsets[depth] && key[common] == previous_key[common])
        common++;
      while (offsets[depth] > common)
        depth--;
      previous_key = key;

      for (p = key + offsets[depth]; *p != '\0' && depth < max_depth;)
        {
          gunichar c = g_utf8_get_char (p);
          const guint8 *above = rows + depth * (m + 1);
          guint8 *row = rows + (depth + 1) * (m + 1);
          guint row_min;

          p = g_utf8_next_char (p);
          path[depth] = c;
          offsets[depth + 1] = p - key;

          row[0] = row_min = depth + 1;
          for (guint j = 1; j <= m; j++)
            {
              guint substitution = above[j - 1] + (query[j - 1] != c ? 1u : 0u);
              guint value = MIN (above[j] + 1u, row[j - 1] + 1u);

              value = MIN (value, substitution);
              if (depth >= 1 && j >= 2 && c == query[j - 2] && path[depth - 1] == query[j - 1])
                value = MIN (value, rows[(depth - 1) * (m + 1) + j - 2] + 1u);
              row[j] = MIN (value, 255);
              row_min = MIN (row_min, row[j]);
            }
          depth++;

          if (row[m] <= max_edits)
            {
              outcome = WALK_MATCH;
              break;
            }
          if (row_min > max_edits)
            {
              outcome = WALK_PRUNE;
              break;
            }
        }

      if (outcome == WALK_ON)
        {
          i++;
          continue;
        }

      /* Every key below this prefix shares the outcome. */
      {
        guint end = prefix_end (keys, i, index->n_typo_keys, key, offsets[depth]);

        if (outcome == WALK_MATCH)
          for (guint k = i; k < end; k++)
            set_ordinal (search, bits, keys[k].ordinal);
        i = end;
      }
    }

  claim (search, GLS_MATCH_TYPO, bits);
}

static void
collect (Search           *search,
         GlsSearchResults *results)
{
  guint n_terms = search->index->n_terms;
  gsize count = 0;

  for (guint t = GLS_MATCH_EXACT; t < N_TIERS; t++)
    for (gsize i = 0; i < search->n_words; i++)
      count += __builtin_popcountll (search->tiers[t][i]);

  results->positions = g_new (guint32, MAX (count, 1));
  results->tiers = g_new (guint8, MAX (count, 1));
  for (guint t = GLS_MATCH_EXACT; t < N_TIERS; t++)
    {
      for (gsize i = 0; i < search->n_words; i++)
        {
          guint64 word = search->tiers[t][i];

          while (word != 0)
            {
              guint position = i * 64 + __builtin_ctzll (word);

              word &= word - 1;
              if (position >= n_terms)
                break;
              results->positions[results->n_results] = position;
              results->tiers[results->n_results] = t;
              results->n_results++;
            }
        }
      if (t == GLS_MATCH_DEFINITION)
        results->n_matches = results->n_results;
    }
}

/*
 * Searches @glossary for @query.  @previous, the results of the query typed
 * before this one, lets the search reuse what still holds.
 *
 * Returns: (transfer full) (nullable): the results, or NULL when cancelled
 */
GlsSearchResults *
gls_search (GlsGlossary      *glossary,
            const char       *query,
            GlsSearchResults *previous,
            GCancellable     *cancellable)
{
  g_autoptr(GlsSearchResults) results = NULL;
  Search search = { 0 };

  g_return_val_if_fail (GLS_IS_GLOSSARY (glossary), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  results = g_atomic_rc_box_new0 (GlsSearchResults);
  results->glossary = g_object_ref (glossary);
  results->text = g_strdup (query);
  query_init (&results->query, query);

  if (results->query.compact[0] == '\0')
    {
      results->n_results = results->n_matches = gls_glossary_get_n_terms (glossary);
      return g_steal_pointer (&results);
    }

  search.glossary = glossary;
  search.index = _gls_glossary_get_search_index (glossary);
  search.query = &results->query;
  search.previous = previous != NULL && previous->glossary == glossary ? previous : NULL;
  search.cancellable = cancellable;
  search.n_words = GLS_BITMAP_WORDS (search.index->n_terms);
  search.claimed = g_new0 (guint64, MAX (search.n_words, 1));
  for (guint t = 0; t < N_TIERS; t++)
    search.tiers[t] = g_new0 (guint64, MAX (search.n_words, 1));

  search_names (&search);
  search_words (&search, GLS_MATCH_WORDS, results);
  if (!search_cancelled (&search))
    search_substrings (&search);
  if (!search_cancelled (&search))
    search_words (&search, GLS_MATCH_DEFINITION, results);
  if (!search_cancelled (&search) && results->query.n_chars >= 4 &&
      results->query.n_chars <= MAX_TYPO_CHARS)
    search_typos (&search, results->query.n_chars >= 8 ? 2 : 1);
  if (!search_cancelled (&search))
    collect (&search, results);

  g_free (search.claimed);
  for (guint t = 0; t < N_TIERS; t++)
    g_free (search.tiers[t]);

  if (g_cancellable_is_cancelled (cancellable))
    return NULL;
  return g_steal_pointer (&results);
}

/* Returns: whether @query folds to the query @results answer */
gboolean
gls_search_results_answer (GlsSearchResults *results,
                           const char       *query)
{
  g_autofree char *compact = NULL;
  g_autofree char *words = NULL;
  g_autofree char *results_words = NULL;

  g_return_val_if_fail (results != NULL, FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  compact = gls_fold (query, GLS_FOLD_COMPACT);
  if (strcmp (compact, results->query.compact) != 0)
    return FALSE;
  words = gls_fold (query, GLS_FOLD_WORDS);
  results_words = g_strjoinv (" ", results->query.words);
  return strcmp (words, results_words) == 0;
}

GlsSearchResults *
gls_search_results_ref (GlsSearchResults *results)
{
  g_return_val_if_fail (results != NULL, NULL);

  return g_atomic_rc_box_acquire (results);
}

static void
results_clear (gpointer data)
{
  GlsSearchResults *results = data;

  for (guint i = 0; i < results->query.n_words; i++)
    {
      if (results->name_word_bits != NULL)
        g_clear_pointer (&results->name_word_bits[i], g_bytes_unref);
      if (results->definition_word_bits != NULL)
        g_clear_pointer (&results->definition_word_bits[i], g_bytes_unref);
    }
  g_free (results->name_word_bits);
  g_free (results->definition_word_bits);
  g_free (results->positions);
  g_free (results->tiers);
  g_free (results->text);
  query_clear (&results->query);
  g_object_unref (results->glossary);
}

void
gls_search_results_unref (GlsSearchResults *results)
{
  g_return_if_fail (results != NULL);

  g_atomic_rc_box_release_full (results, results_clear);
}

/* Returns: (transfer none) */
GlsGlossary *
gls_search_results_get_glossary (GlsSearchResults *results)
{
  g_return_val_if_fail (results != NULL, NULL);

  return results->glossary;
}

const char *
gls_search_results_get_query (GlsSearchResults *results)
{
  g_return_val_if_fail (results != NULL, NULL);

  return results->text;
}

/* Returns: the number of results, typo tier included */
guint
gls_search_results_get_n_results (GlsSearchResults *results)
{
  g_return_val_if_fail (results != NULL, 0);

  return results->n_results;
}

/* Returns: the number of results above the typo tier, which come first */
guint
gls_search_results_get_n_matches (GlsSearchResults *results)
{
  g_return_val_if_fail (results != NULL, 0);

  return results->n_matches;
}

/* Returns: the display position of the term ranked @index */
guint
gls_search_results_get_position (GlsSearchResults *results,
                                 guint             index)
{
  g_return_val_if_fail (results != NULL, 0);
  g_return_val_if_fail (index < results->n_results, 0);

  return results->positions ? results->positions[index] : index;
}

GlsMatchTier
gls_search_results_get_tier (GlsSearchResults *results,
                             guint             index)
{
  g_return_val_if_fail (results != NULL, GLS_MATCH_ALL);
  g_return_val_if_fail (index < results->n_results, GLS_MATCH_ALL);

  return results->tiers ? results->tiers[index] : GLS_MATCH_ALL;
}

/* The byte just past the character of @text at @offset. */
static guint
char_end (const char *text,
          guint       offset)
{
  return g_utf8_next_char (text + offset) - text;
}

static void
add_range (GArray *ranges,
           guint   start,
           guint   end)
{
  GlsRange range = { start, end };

  if (ranges->len > 0)
    {
      GlsRange *last = &g_array_index (ranges, GlsRange, ranges->len - 1);

      if (start <= last->end)
        {
          last->end = MAX (last->end, end);
          return;
        }
    }
  g_array_append_val (ranges, range);
}

/*
 * Returns: (transfer full): the ranges of @text that start with a word of
 * @query, word by word, as the definition tier matches them
 */
GArray *
gls_search_match_words (const char *query,
                        const char *text)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (GlsRange));
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) folded = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  g_autofree char *folded_query = NULL;

  g_return_val_if_fail (query != NULL, ranges);
  g_return_val_if_fail (text != NULL, ranges);

  folded_query = gls_fold (query, GLS_FOLD_WORDS);
  if (*folded_query == '\0')
    return ranges;
  words = g_strsplit (folded_query, " ", -1);

  gls_fold_append (folded, text, -1, GLS_FOLD_WORDS, offsets);
  for (gsize start = 0; start < folded->len;)
    {
      gsize end = start;
      gsize best = 0;

      while (end < folded->len && folded->str[end] != ' ')
        end++;
      for (guint w = 0; words[w] != NULL; w++)
        {
          gsize len = strlen (words[w]);

          if (len <= end - start && strncmp (folded->str + start, words[w], len) == 0)
            best = MAX (best, len);
        }
      if (best > 0)
        add_range (ranges, g_array_index (offsets, guint, start),
                   char_end (text, g_array_index (offsets, guint, start + best - 1)));
      start = end + 1;
    }
  return ranges;
}

/*
 * Returns: (transfer full): the ranges of @text to highlight for @query: where
 * the folded query occurs in the folded name, or else the words it starts
 */
GArray *
gls_search_match_name (const char *query,
                        const char *text)
{
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) folded = g_string_new (NULL);
  g_autofree char *compact = NULL;
  const char *found;

  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  compact = gls_fold (query, GLS_FOLD_COMPACT);
  gls_fold_append (folded, text, -1, GLS_FOLD_COMPACT, offsets);
  if (*compact != '\0' && (found = strstr (folded->str, compact)) != NULL)
    {
      GArray *ranges = g_array_new (FALSE, FALSE, sizeof (GlsRange));
      gsize first = found - folded->str;
      gsize last = first + strlen (compact) - 1;

      add_range (ranges, g_array_index (offsets, guint, first),
                 char_end (text, g_array_index (offsets, guint, last)));
      return ranges;
    }
  return gls_search_match_words (query, text);
}

/*
 * A line of @text of at most about @max_chars characters for a result row:
 * the start of the text, or, when the first match lies further on, a window
 * around it that starts with an ellipsis.
 *
 * Returns: (transfer full): the snippet; @ranges receives its highlights
 */
char *
gls_search_snippet (const char  *query,
                    const char  *text,
                    guint        max_chars,
                    GArray     **ranges)
{
  g_autoptr(GArray) matches = NULL;
  GString *snippet = g_string_new (NULL);
  const char *start = text;
  const char *end;
  glong shift;

  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  matches = gls_search_match_words (query, text);
  if (matches->len > 0)
    {
      const char *first = text + g_array_index (matches, GlsRange, 0).start;

      if (g_utf8_pointer_to_offset (text, first) > (glong) max_chars / 3)
        {
          /* Keep a few words of context before the match. */
          start = g_utf8_offset_to_pointer (first, -(glong) MIN (max_chars / 6,
                                                                (guint) g_utf8_pointer_to_offset (text, first)));
          while (start > text && start[-1] != ' ')
            start = g_utf8_prev_char (start);
          g_string_append (snippet, "…");
        }
    }

  end = start;
  for (guint n = 0; n < max_chars && *end != '\0'; n++)
    end = g_utf8_next_char (end);
  shift = (glong) snippet->len - (start - text);
  g_string_append_len (snippet, start, end - start);
  if (*end != '\0')
    g_string_append (snippet, "…");

  if (ranges != NULL)
    {
      *ranges = g_array_new (FALSE, FALSE, sizeof (GlsRange));
      for (guint i = 0; i < matches->len; i++)
        {
          GlsRange range = g_array_index (matches, GlsRange, i);

          if (text + range.start < start || text + range.end > end)
            continue;
          range.start += shift;
          range.end += shift;
          g_array_append_val (*ranges, range);
        }
    }
  return g_string_free (snippet, FALSE);
}
