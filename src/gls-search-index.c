/* gls-search-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gls-fold.h"
#include "gls-glossary.h"
#include "gls-search-index.h"
#include "gls-swar-private.h"
#include "gls-term-private.h"

/*
 * Collects the distinct words of every term, then lays them out sorted with
 * their postings.  Terms arrive in ordinal order, so each word's postings
 * come out ascending without sorting them.  A glossary of 100,000 terms has
 * millions of words in its definitions, so words are hashed as they are
 * scanned and kept in an open-addressing table of their own.
 */
struct _GlsWordIndexBuilder
{
  GString      *text;          /* the distinct words, each ending in a NUL */
  GArray       *word_starts;   /* id -> guint32 offset in text */
  guint32      *slots;         /* id + 1, 0 for an empty slot */
  guint32      *hashes;        /* id -> hash */
  guint32       mask;
  GArray       *last_term;     /* id -> last ordinal + 1 that used it */
  GArray       *term_words;    /* the ids each term uses, term after term */
  GArray       *term_ends;     /* ordinal -> end of its ids in term_words */
  GString      *folded;
};

typedef GlsWordIndexBuilder WordIndexBuilder;

static void
word_index_builder_init (WordIndexBuilder *builder)
{
  builder->text = g_string_sized_new (64 * 1024);
  builder->word_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  builder->mask = 1023;
  builder->slots = g_new0 (guint32, builder->mask + 1);
  builder->hashes = g_new (guint32, (builder->mask + 1) / 2);
  builder->last_term = g_array_new (FALSE, FALSE, sizeof (guint32));
  builder->term_words = g_array_new (FALSE, FALSE, sizeof (guint32));
  builder->term_ends = g_array_new (FALSE, FALSE, sizeof (guint32));
  builder->folded = g_string_sized_new (4096);
}

static inline const char *
builder_word (WordIndexBuilder *builder,
              guint32           id)
{
  return builder->text->str + g_array_index (builder->word_starts, guint32, id);
}

/* Doubles the table, keeping it at most half full. */
static void
grow_table (WordIndexBuilder *builder)
{
  guint32 n_words = builder->word_starts->len;
  guint32 mask = builder->mask * 2 + 1;

  g_free (builder->slots);
  builder->slots = g_new0 (guint32, mask + 1);
  builder->hashes = g_renew (guint32, builder->hashes, (mask + 1) / 2);
  builder->mask = mask;
  for (guint32 id = 0; id < n_words; id++)
    {
      guint32 slot = builder->hashes[id] & mask;

      while (builder->slots[slot] != 0)
        slot = (slot + 1) & mask;
      builder->slots[slot] = id + 1;
    }
}

/*
 * Whether the word kept at @candidate is @word, of @length bytes, whose
 * last (@length % 8) bytes are @tail, zero beyond them.  Kept words are
 * padded with zeros to a multiple of 8 bytes, so that both are compared 8
 * bytes at once.
 */
static inline gboolean
word_equals (const char *candidate,
             const char *word,
             gsize       length,
             guint64     tail)
{
  gsize i;

  for (i = 0; i + 8 <= length; i += 8)
    if (gls_swar_load (candidate + i) != gls_swar_load (word + i))
      return FALSE;
  return gls_swar_load (candidate + i) == tail;
}

static guint32
lookup_word (WordIndexBuilder *builder,
             const char       *word,
             gsize             length,
             guint32           hash,
             guint64           tail)
{
  static const char zeros[8] = { 0 };
  guint32 slot = hash & builder->mask;
  guint32 id;
  guint32 start;

  for (; builder->slots[slot] != 0; slot = (slot + 1) & builder->mask)
    {
      id = builder->slots[slot] - 1;
      if (builder->hashes[id] == hash && word_equals (builder_word (builder, id), word, length, tail))
        return id;
    }

  id = builder->word_starts->len;
  start = builder->text->len;
  g_string_append_len (builder->text, word, length);
  /* A NUL, and zeros up to the next multiple of 8. */
  g_string_append_len (builder->text, zeros, 8 - length % 8);
  g_array_append_val (builder->word_starts, start);
  g_array_set_size (builder->last_term, id + 1);
  g_array_index (builder->last_term, guint32, id) = 0;
  builder->hashes[id] = hash;
  builder->slots[slot] = id + 1;
  if ((id + 1) * 2 > builder->mask)
    grow_table (builder);
  return id;
}

/*
 * Hashes the word at *@p, eight bytes at once, and moves *@p to its end: the
 * next space, or @end.  Each eight bytes from the word's start, and then
 * the last bytes (none, if the length is a multiple of eight), are mixed in
 * by a multiplication whose high half is the hash.  Those last bytes go in
 * @tail, zero beyond them.
 */
static inline guint32
hash_word (const char **p,
           const char  *end,
           guint64     *tail)
{
  const guint64 mix = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  const char *q = *p;
  guint64 hash = 0;
  guint64 last = 0;

  for (; end - q >= 8; q += 8)
    {
      guint64 word = gls_swar_load (q);
      guint64 spaces = gls_swar_find (word, ' ');

      if (spaces != 0)
        {
          guint n = gls_swar_first (spaces);

          last = n == 0 ? 0 : word & (G_MAXUINT64 >> (64 - 8 * n));
          *p = q + n;
          *tail = last;
          return (guint32) (((hash ^ last) * mix) >> 32);
        }
      hash = (hash ^ word) * mix;
    }
  for (guint n = 0; q < end && *q != ' '; q++, n++)
    last |= (guint64) (guchar) *q << (8 * n);
  *p = q;
  *tail = last;
  return (guint32) (((hash ^ last) * mix) >> 32);
}

/* Adds the words of @folded, folded text with one space between words, to
 * the term being built.
 */
static void
word_index_builder_add (WordIndexBuilder *builder,
                        guint32           ordinal,
                        const char       *folded,
                        gsize             length)
{
  const char *end = folded + length;
  const char *word = folded;

  while (word < end)
    {
      const char *p = word;
      guint64 tail;
      guint32 hash = hash_word (&p, end, &tail);
      guint32 id;

      id = lookup_word (builder, word, p - word, hash, tail);
      if (g_array_index (builder->last_term, guint32, id) != ordinal + 1)
        {
          g_array_index (builder->last_term, guint32, id) = ordinal + 1;
          g_array_append_val (builder->term_words, id);
        }
      word = p + 1;
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
  WordIndexBuilder *builder = user_data;

  return strcmp (builder_word (builder, *(const guint32 *) a),
                 builder_word (builder, *(const guint32 *) b));
}

static void
word_index_builder_finish (WordIndexBuilder *builder,
                           GlsWordIndex     *index)
{
  guint n_words = builder->word_starts->len;
  g_autofree guint32 *order = g_new (guint32, MAX (n_words, 1));
  g_autofree guint32 *rank = g_new (guint32, MAX (n_words, 1));
  g_autofree guint32 *fill = NULL;
  guint32 *term_words;
  guint32 *counts;
  guint n_postings;
  gsize text_len = 0;
  guint32 begin = 0;

  for (guint i = 0; i < n_words; i++)
    order[i] = i;
  text_len = builder->text->len;

  g_qsort_with_data (order, n_words, sizeof (guint32), compare_word_ids, builder);

  index->n_words = n_words;
  index->text = g_malloc (MAX (text_len, 1));
  index->word_starts = g_new (guint32, n_words);
  text_len = 0;
  for (guint i = 0; i < n_words; i++)
    {
      const char *word = builder_word (builder, order[i]);
      gsize len = strlen (word) + 1;

      rank[order[i]] = i;
      index->word_starts[i] = text_len;
      memcpy (index->text + text_len, word, len);
      text_len += len;
    }
  /* Without the padding the builder kept its words with. */
  index->text = g_realloc (index->text, MAX (text_len, 1));

  /* The building tables go before the postings come, for a lower peak. */
  g_string_free (builder->text, TRUE);
  g_array_unref (builder->word_starts);
  g_free (builder->slots);
  g_free (builder->hashes);
  g_string_free (builder->folded, TRUE);
  g_array_unref (builder->last_term);

  n_postings = builder->term_words->len;
  term_words = (guint32 *) g_array_free (builder->term_words, FALSE);
  term_words = g_realloc (term_words, MAX (n_postings, 1) * sizeof (guint32));

  counts = g_new0 (guint32, n_words + 1);
  for (guint i = 0; i < n_postings; i++)
    counts[rank[term_words[i]] + 1]++;
  for (guint i = 0; i < n_words; i++)
    counts[i + 1] += counts[i];
  index->offsets = counts;

  index->postings = g_new (guint32, MAX (n_postings, 1));
  fill = g_memdup2 (counts, n_words * sizeof (guint32));
  for (guint32 ordinal = 0; ordinal < builder->term_ends->len; ordinal++)
    {
      guint32 end = g_array_index (builder->term_ends, guint32, ordinal);

      for (guint32 i = begin; i < end; i++)
        index->postings[fill[rank[term_words[i]]]++] = ordinal;
      begin = end;
    }

  g_free (term_words);
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

/*
 * The first 8 bytes of @key as a number that orders as strcmp() does: most
 * comparisons of sorted keys end there, without reading the keys.
 */
guint64
gls_key_prefix (const char *key)
{
  guint64 prefix = 0;

  for (guint i = 0; i < 8; i++)
    {
      prefix = (prefix << 8) | (guchar) key[i];
      if (key[i] == '\0')
        {
          prefix <<= 8 * (7 - i);
          break;
        }
    }
  return prefix;
}

typedef struct
{
  GCompareDataFunc  tie;
  gpointer          user_data;
} TieBreak;

/* Two entries of the same prefix: by the rest of their keys, then @data's tie. */
static int
compare_key_tails (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  const GlsKeyEntry *ka = a;
  const GlsKeyEntry *kb = b;
  const TieBreak *tie_break = data;
  int cmp;

  /* Both keys are shorter than 8 bytes and equal, or both go on past their
   * 8th byte.
   */
  cmp = (ka->prefix & 0xff) != 0 ? strcmp (ka->key + 8, kb->key + 8) : 0;
  if (cmp == 0 && tie_break->tie != NULL)
    cmp = tie_break->tie (a, b, tie_break->user_data);
  return cmp;
}

/*
 * Sorts @entries by their keys, and entries of equal keys by @tie when it
 * is given, or else leaves them in the order they came in: for the 100,000s
 * of keys of a large glossary.  A radix sort on the 8-byte prefixes, a byte
 * at a time from the last, moves each entry 8 times at most and compares
 * nothing; being stable, it leaves equal prefixes in the order they came
 * in, and only those runs are then sorted, as stably as g_array_sort()
 * sorts, by the rest of their keys and then @tie.
 */
void
gls_sort_key_entries (GlsKeyEntry      *entries,
                      gsize             n,
                      GCompareDataFunc  tie,
                      gpointer          user_data)
{
  TieBreak tie_break = { tie, user_data };
  g_autofree guint32 *counts = g_new0 (guint32, 8 * 256);
  g_autofree GlsKeyEntry *spare = g_new (GlsKeyEntry, MAX (n, 1));
  GlsKeyEntry *from = entries;
  GlsKeyEntry *to = spare;

  for (gsize i = 0; i < n; i++)
    for (guint byte = 0; byte < 8; byte++)
      counts[256 * byte + ((entries[i].prefix >> (8 * byte)) & 0xff)]++;

  for (guint byte = 0; byte < 8; byte++)
    {
      guint32 offsets[256];
      guint32 total = 0;
      GlsKeyEntry *swap;

      /* A byte that every key has the same moves nothing. */
      if (n == 0 || counts[256 * byte + ((entries[0].prefix >> (8 * byte)) & 0xff)] == n)
        continue;
      for (guint b = 0; b < 256; b++)
        {
          offsets[b] = total;
          total += counts[256 * byte + b];
        }
      for (gsize i = 0; i < n; i++)
        to[offsets[(from[i].prefix >> (8 * byte)) & 0xff]++] = from[i];
      swap = from;
      from = to;
      to = swap;
    }
  if (from != entries)
    memcpy (entries, from, n * sizeof (GlsKeyEntry));

  for (gsize first = 0; first < n;)
    {
      gsize end = first + 1;

      while (end < n && entries[end].prefix == entries[first].prefix)
        end++;
      if (end - first > 1 && (tie != NULL || (entries[first].prefix & 0xff) != 0))
        g_qsort_with_data (entries + first, end - first, sizeof (GlsKeyEntry), compare_key_tails,
                           &tie_break);
      first = end;
    }
}

#define KEY_PREFETCH 32

/*
 * Returns: the terms' compact keys and their prefixes, by ordinal.  The keys
 * lie far apart in memory, one term's storage after another's: each is
 * fetched a few dozen keys before it is read.
 */
static GArray *
collect_keys (GlsSearchIndex *index)
{
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (GlsKeyEntry));

  for (guint32 ordinal = 0; ordinal < index->n_terms; ordinal++)
    {
      GlsTerm *term = index->terms[ordinal];

      for (guint k = 0; k < term->n_compact_keys; k++)
        {
          GlsKeyEntry entry = { term->compact_keys[k], 0, ordinal, term->key_kinds[k] };

          g_array_append_val (keys, entry);
        }
    }
  for (guint i = 0; i < keys->len; i++)
    {
      GlsKeyEntry *entry = &g_array_index (keys, GlsKeyEntry, i);

      if (i + KEY_PREFETCH < keys->len)
        __builtin_prefetch (g_array_index (keys, GlsKeyEntry, i + KEY_PREFETCH).key);
      entry->prefix = gls_key_prefix (entry->key);
    }
  return keys;
}

/* Sorts @keys, which it takes, into the index's prefix lists. */
static void
build_keys (GlsSearchIndex *index,
            GArray         *keys)
{
  GArray *typo_keys;

  /* The keys came in by ordinal, which equal keys keep. */
  gls_sort_key_entries ((GlsKeyEntry *) keys->data, keys->len, NULL, NULL);

  /* The keys that typos are looked for in, in the same order. */
  typo_keys = g_array_sized_new (FALSE, FALSE, sizeof (GlsKeyEntry), keys->len);
  for (guint i = 0; i < keys->len; i++)
    {
      const GlsKeyEntry *entry = &g_array_index (keys, GlsKeyEntry, i);

      if (entry->kind != GLS_KEY_ABBREVIATION)
        g_array_append_vals (typo_keys, entry, 1);
    }
  index->n_keys = keys->len;
  index->keys = (GlsKeyEntry *) g_array_free (keys, FALSE);
  index->n_typo_keys = typo_keys->len;
  index->typo_keys = (GlsKeyEntry *) g_array_free (typo_keys, FALSE);
}

/* Appends to @grams each gram of @key that the term of @ordinal has not had. */
static void
collect_grams (const guchar *key,
               guint32       ordinal,
               guint32      *last_term,
               GArray       *grams)
{
  gsize length = strlen ((const char *) key);
  gsize n = grams->len;
  guint16 *out;

  /* Room for two grams a character, written in place. */
  g_array_set_size (grams, n + 2 * length);
  out = (guint16 *) grams->data;
  for (gsize i = 0; i < length; i++)
    {
      guint16 pair[2] = { gls_gram_code (key[i]), 0 };
      guint n_pair = 1;

      if (i + 1 < length)
        pair[n_pair++] = GLS_GRAM_ALPHABET + pair[0] * GLS_GRAM_ALPHABET +
                         gls_gram_code (key[i + 1]);
      for (guint g = 0; g < n_pair; g++)
        {
          if (last_term[pair[g]] == ordinal + 1)
            continue;
          last_term[pair[g]] = ordinal + 1;
          out[n++] = pair[g];
        }
    }
  g_array_set_size (grams, n);
}

/*
 * Reads the name and alias keys once, from @keys by ordinal: the distinct
 * grams of each term go in a list, term after term, which is counted, and
 * then laid out gram by gram.
 */
static void
build_grams (GlsSearchIndex *index,
             const GArray   *keys)
{
  GlsGramIndex *grams = &index->grams;
  g_autofree guint32 *last_term = g_new0 (guint32, GLS_N_GRAMS);
  g_autofree guint32 *ends = g_new (guint32, MAX (index->n_terms, 1));
  /* About 37 grams a term in a large glossary; pages reserved and not used
   * take no memory.
   */
  g_autoptr(GArray) found = g_array_sized_new (FALSE, FALSE, sizeof (guint16),
                                               48 * (gsize) index->n_terms);
  const guint16 *gram_of;
  guint32 ordinal = 0;
  guint32 begin = 0;

  G_STATIC_ASSERT (GLS_N_GRAMS <= G_MAXUINT16);

  for (guint i = 0; i < keys->len; i++)
    {
      const GlsKeyEntry *entry = &g_array_index (keys, GlsKeyEntry, i);

      /* The terms before this key's have all their grams. */
      for (; ordinal < entry->ordinal; ordinal++)
        ends[ordinal] = found->len;
      if (i + KEY_PREFETCH < keys->len)
        __builtin_prefetch (g_array_index (keys, GlsKeyEntry, i + KEY_PREFETCH).key);
      if (entry->kind != GLS_KEY_ABBREVIATION)
        collect_grams ((const guchar *) entry->key, entry->ordinal, last_term, found);
    }
  for (; ordinal < index->n_terms; ordinal++)
    ends[ordinal] = found->len;
  gram_of = (const guint16 *) found->data;
  for (guint i = 0; i < found->len; i++)
    grams->offsets[gram_of[i] + 1]++;
  for (guint g = 0; g < GLS_N_GRAMS; g++)
    grams->offsets[g + 1] += grams->offsets[g];

  /* offsets[gram] serves as its cursor while filling, and ends at the next
   * gram's start: they are shifted back after.
   */
  grams->postings = g_new (guint32, MAX (found->len, 1));
  for (ordinal = 0; ordinal < index->n_terms; ordinal++)
    {
      for (guint32 i = begin; i < ends[ordinal]; i++)
        grams->postings[grams->offsets[gram_of[i]]++] = ordinal;
      begin = ends[ordinal];
    }
  memmove (grams->offsets + 1, grams->offsets, GLS_N_GRAMS * sizeof (guint32));
  grams->offsets[0] = 0;
}

GlsWordIndexBuilder *
gls_word_index_builder_new (void)
{
  GlsWordIndexBuilder *builder = g_new0 (GlsWordIndexBuilder, 1);

  word_index_builder_init (builder);
  return builder;
}

/* Adds the words of @term's name and aliases; terms come in ordinal order. */
void
gls_word_index_builder_add_names (GlsWordIndexBuilder *builder,
                                  GlsTerm             *term)
{
  g_assert (term->ordinal == builder->term_ends->len);

  word_index_builder_add (builder, term->ordinal, term->name_words, strlen (term->name_words));
  word_index_builder_end_term (builder);
}

/* Adds the words of @term's definitions; terms come in ordinal order. */
void
gls_word_index_builder_add_definitions (GlsWordIndexBuilder *builder,
                                        GlsTerm             *term)
{
  g_assert (term->ordinal == builder->term_ends->len);

  g_string_truncate (builder->folded, 0);
  for (guint d = 0; d < term->n_definitions; d++)
    gls_fold_append (builder->folded, term->definitions[d], -1, GLS_FOLD_WORDS, NULL);
  word_index_builder_add (builder, term->ordinal, builder->folded->str, builder->folded->len);
  word_index_builder_end_term (builder);
}

/* Lays the words out in @index, and frees @builder. */
void
gls_word_index_builder_finish (GlsWordIndexBuilder *builder,
                               GlsWordIndex        *index)
{
  word_index_builder_finish (builder, index);
  g_free (builder);
}

void
gls_word_index_clear (GlsWordIndex *index)
{
  word_index_clear (index);
}

/*
 * Makes the letter and category filters over the terms' display positions,
 * taking over @position_of (ordinal -> display position): the glossary does
 * this on its thread while the term builder's thread indexes the keys.
 */
void
gls_search_order_init (GlsSearchOrder  *order,
                       GlsTerm        **terms_by_ordinal,
                       guint            n_terms,
                       guint32         *position_of,
                       guint            n_categories)
{
  gsize n_bitmap_words = GLS_BITMAP_WORDS (n_terms);

  order->position_of = position_of;
  order->n_categories = n_categories;
  order->letters = g_new (guint8, MAX (n_terms, 1));
  order->category_bits = g_new0 (guint64 *, MAX (n_categories, 1));
  for (guint c = 0; c < n_categories; c++)
    order->category_bits[c] = g_new0 (guint64, MAX (n_bitmap_words, 1));

  for (guint32 ordinal = 0; ordinal < n_terms; ordinal++)
    {
      GlsTerm *term = terms_by_ordinal[ordinal];
      guint position = position_of[ordinal];

      order->letters[position] = gls_letter_to_index (gls_term_get_letter (term));
      for (guint i = 0; i < term->n_category_indices; i++)
        gls_bitmap_set (order->category_bits[term->category_indices[i]], position);
    }
}

void
gls_search_order_clear (GlsSearchOrder *order)
{
  g_clear_pointer (&order->position_of, g_free);
  g_clear_pointer (&order->letters, g_free);
  if (order->category_bits != NULL)
    for (guint c = 0; c < order->n_categories; c++)
      g_free (order->category_bits[c]);
  g_clear_pointer (&order->category_bits, g_free);
  order->n_categories = 0;
}

/*
 * Builds what depends on the terms alone, taking over the word index of
 * their names: the term builder does this on its thread while the loader
 * resolves references and the glossary sorts.  @terms_by_ordinal need only
 * live through the call.
 */
GlsSearchIndex *
gls_search_index_new (GlsTerm      **terms_by_ordinal,
                      guint          n_terms,
                      GlsWordIndex  *name_words)
{
  GlsSearchIndex *index = g_new0 (GlsSearchIndex, 1);
  GArray *keys;

  index->n_terms = n_terms;
  index->terms = terms_by_ordinal;
  index->name_words = *name_words;
  memset (name_words, 0, sizeof *name_words);

  keys = collect_keys (index);
  build_grams (index, keys);
  build_keys (index, keys);
  index->terms = NULL;
  return index;
}

/* Takes over the word index of the terms' definitions, made on another thread. */
void
gls_search_index_set_definition_words (GlsSearchIndex *index,
                                       GlsWordIndex   *definition_words)
{
  word_index_clear (&index->definition_words);
  index->definition_words = *definition_words;
  memset (definition_words, 0, sizeof *definition_words);
}

/* Completes @index once the glossary has ordered its terms, taking over @order. */
void
gls_search_index_set_order (GlsSearchIndex  *index,
                            GlsTerm        **terms_by_ordinal,
                            GlsSearchOrder  *order)
{
  gls_search_order_clear (&index->order);
  index->terms = terms_by_ordinal;
  index->order = *order;
  memset (order, 0, sizeof *order);
}

void
gls_search_index_free (GlsSearchIndex *index)
{
  if (index == NULL)
    return;

  g_free (index->keys);
  g_free (index->typo_keys);
  g_free (index->grams.postings);
  word_index_clear (&index->name_words);
  word_index_clear (&index->definition_words);
  gls_search_order_clear (&index->order);
  g_free (index);
}
