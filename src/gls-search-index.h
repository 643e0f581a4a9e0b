/* gls-search-index.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gls-term.h"

G_BEGIN_DECLS

/*
 * The structures a glossary builds once at load so that a query never
 * re-folds or re-sorts anything.  Term ordinals (file order) identify terms
 * inside the index; position_of maps them to display positions.
 */

typedef struct
{
  const char *key;            /* owned by the term */
  guint64     prefix;         /* the key's first 8 bytes, big-endian, for sorting */
  guint32     ordinal;
  guint8      kind;           /* GlsKeyKind */
} GlsKeyEntry;

/* A sorted vocabulary of folded words, each with the ordinals of the terms
 * that use it, in ascending order.
 */
typedef struct
{
  char    *text;              /* the words, each ending in a NUL */
  guint32 *word_starts;       /* n_words offsets into text */
  guint32 *offsets;           /* n_words + 1 offsets into postings */
  guint32 *postings;
  guint    n_words;
} GlsWordIndex;

/* Which terms' name and alias keys hold each character and each pair of
 * adjacent characters; letters and digits of ASCII get a code of their own,
 * everything else shares one.
 */
#define GLS_GRAM_ALPHABET 37
#define GLS_N_GRAMS (GLS_GRAM_ALPHABET + GLS_GRAM_ALPHABET * GLS_GRAM_ALPHABET)

typedef struct
{
  guint32 offsets[GLS_N_GRAMS + 1];
  guint32 *postings;
} GlsGramIndex;

static inline guint
gls_gram_code (guchar c)
{
  if (c >= 'a' && c <= 'z')
    return c - 'a';
  if (c >= '0' && c <= '9')
    return 26 + c - '0';
  return 36;
}

/* What searching needs of the order the glossary shows the terms in. */
typedef struct
{
  guint32       *position_of;        /* ordinal -> display position */
  guint8        *letters;            /* by position: 0 for 'A' ... 26 for '#' */
  guint64      **category_bits;      /* by category index, over positions */
  guint          n_categories;
} GlsSearchOrder;

void            gls_search_order_init  (GlsSearchOrder  *order,
                                        GlsTerm        **terms_by_ordinal,
                                        guint            n_terms,
                                        guint32         *position_of,
                                        guint            n_categories);
void            gls_search_order_clear (GlsSearchOrder  *order);

typedef struct
{
  guint          n_terms;
  GlsTerm      **terms;              /* by ordinal, unowned; set with the order */

  GlsKeyEntry   *keys;               /* every compact key, sorted */
  guint          n_keys;
  GlsKeyEntry   *typo_keys;          /* names and aliases only, sorted */
  guint          n_typo_keys;

  GlsGramIndex   grams;              /* of name and alias keys */
  GlsWordIndex   name_words;         /* words of names and aliases */
  GlsWordIndex   definition_words;

  GlsSearchOrder order;
} GlsSearchIndex;

GlsSearchIndex *gls_search_index_new       (GlsTerm        **terms_by_ordinal,
                                            guint            n_terms,
                                            GlsWordIndex    *name_words);
void            gls_search_index_set_definition_words (GlsSearchIndex *index,
                                                       GlsWordIndex   *definition_words);
void            gls_search_index_set_order (GlsSearchIndex  *index,
                                            GlsTerm        **terms_by_ordinal,
                                            GlsSearchOrder  *order);
void            gls_search_index_free  (GlsSearchIndex  *index);

guint64         gls_key_prefix (const char *key);
void            gls_sort_key_entries (GlsKeyEntry      *entries,
                                      gsize             n,
                                      GCompareDataFunc  tie,
                                      gpointer          user_data);

/* Bitmaps over display positions. */
#define GLS_BITMAP_WORDS(n) (((n) + 63) / 64)

static inline void
gls_bitmap_set (guint64 *bits,
                guint    i)
{
  bits[i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
}

static inline gboolean
gls_bitmap_get (const guint64 *bits,
                guint          i)
{
  return (bits[i / 64] >> (i % 64)) & 1;
}

/* Collects the words of terms, one term after the other, into a GlsWordIndex. */
typedef struct _GlsWordIndexBuilder GlsWordIndexBuilder;

GlsWordIndexBuilder *gls_word_index_builder_new             (void) G_GNUC_WARN_UNUSED_RESULT;
void                 gls_word_index_builder_add_names       (GlsWordIndexBuilder *builder,
                                                             GlsTerm             *term);
void                 gls_word_index_builder_add_definitions (GlsWordIndexBuilder *builder,
                                                             GlsTerm             *term);
void                 gls_word_index_builder_finish          (GlsWordIndexBuilder *builder,
                                                             GlsWordIndex        *index);
void                 gls_word_index_clear                   (GlsWordIndex        *index);

/* Returns the range [*first, *last) of @index words that start with @prefix. */
void            gls_word_index_prefix_range (const GlsWordIndex *index,
                                             const char         *prefix,
                                             guint              *first,
                                             guint              *last);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlsSearchIndex, gls_search_index_free)

G_END_DECLS
