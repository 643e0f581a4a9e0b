/* gls-term-builder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Makes the terms a loader reads on a second thread, while the loader goes
 * on reading: it packs each term, folds its keys, indexes the words of its
 * name and definitions and computes the key that orders it.  The loader
 * hands over terms in batches, so that the threads seldom meet, and the
 * thread hands each batch back to be filled again.  Once the terms are all
 * made, the thread orders them and indexes their keys, while the loader
 * checks what they name.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gls-fold.h"
#include "gls-term-builder.h"

#define BATCH_SIZE  256
#define MAX_WAITING 8      /* batches sent and not yet built; past it, the loader waits */

/* Terms as records from gls_term_data_pack(), one after the other. */
typedef struct
{
  GByteArray *records;
  GArray     *offsets;              /* gsize: where each record starts */
} Batch;

struct _GlsTermBuilder
{
  GThread             *thread;
  GAsyncQueue         *queue;        /* Batch; an empty one ends */
  GAsyncQueue         *spare;        /* Batch, made and read, to fill again */
  Batch               *batch;        /* NULL once the last batch is sent */

  /* The thread's until terms_done; then the terms are shared, read-only for
   * the thread, which goes on to index their keys.
   */
  GPtrArray           *terms;
  GPtrArray           *collation_keys;  /* in collation_text, freed once sorted */
  GStringChunk        *collation_text;
  GString             *folded;
  GlsWordIndexBuilder *name_words;
  GlsWordIndexBuilder *definition_words;
  GlsTermStore        *store;
  gboolean             fold_collation;
  GMutex               lock;
  GCond                cond;
  gboolean             terms_done;
  gboolean             order_done;

  /* The thread's until order_done: the ordinals in display order. */
  guint32             *order;

  /* The thread's until it ends. */
  GlsSearchIndex      *search_index;
  GHashTable          *terms_by_id;
};

/*
 * Whether the locale collates by code point (C, POSIX): then "Éclair" would
 * follow "Zebra", so the folded name orders terms instead.
 */
static gboolean
collation_is_code_point (void)
{
  const char *collate = setlocale (LC_COLLATE, NULL);

  return collate == NULL || strcmp (collate, "POSIX") == 0 || strcmp (collate, "C") == 0 ||
         g_str_has_prefix (collate, "C.");
}

static Batch *
batch_new (void)
{
  Batch *batch = g_new (Batch, 1);

  batch->records = g_byte_array_sized_new (BATCH_SIZE * 1024);
  batch->offsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), BATCH_SIZE);
  return batch;
}

static void
batch_free (Batch *batch)
{
  g_byte_array_unref (batch->records);
  g_array_unref (batch->offsets);
  g_free (batch);
}

static void
build_term (GlsTermBuilder *builder,
            gconstpointer   record)
{
  GlsTerm *term = _gls_term_new (record, builder->terms->len, builder->store);
  const char *key;

  /* The keys go in one block, to be let go at once. */
  if (builder->fold_collation)
    {
      g_string_truncate (builder->folded, 0);
      gls_fold_append (builder->folded, term->name, -1, GLS_FOLD_WORDS, NULL);
      key = g_string_chunk_insert_len (builder->collation_text, builder->folded->str,
                                       builder->folded->len);
    }
  else
    {
      g_autofree char *collated = g_utf8_collate_key (term->name, -1);

      key = g_string_chunk_insert (builder->collation_text, collated);
    }
  g_ptr_array_add (builder->collation_keys, (char *) key);
  gls_word_index_builder_add_names (builder->name_words, term);
  gls_word_index_builder_add_definitions (builder->definition_words, term);
  g_ptr_array_add (builder->terms, term);
}

/* Equal collation keys order by name, then by id, which no two terms share. */
static int
compare_equal_keys (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const GlsKeyEntry *ea = a;
  const GlsKeyEntry *eb = b;
  GlsTerm **terms = user_data;
  int cmp;

  cmp = strcmp (terms[ea->ordinal]->name, terms[eb->ordinal]->name);
  if (cmp == 0)
    cmp = strcmp (terms[ea->ordinal]->id, terms[eb->ordinal]->id);
  return cmp;
}

/* The ordinals of the terms in the order of their collation keys. */
static guint32 *
sort_terms (GlsTermBuilder *builder)
{
  guint n_terms = builder->terms->len;
  char **keys = (char **) builder->collation_keys->pdata;
  g_autofree GlsKeyEntry *entries = g_new (GlsKeyEntry, MAX (n_terms, 1));
  guint32 *order = g_new (guint32, MAX (n_terms, 1));

  for (guint i = 0; i < n_terms; i++)
    entries[i] = (GlsKeyEntry) { keys[i], gls_key_prefix (keys[i]), i, 0 };
  gls_sort_key_entries (entries, n_terms, compare_equal_keys, builder->terms->pdata);
  for (guint i = 0; i < n_terms; i++)
    order[i] = entries[i].ordinal;
  return order;
}

static void
signal_done (GlsTermBuilder *builder,
             gboolean       *done)
{
  g_mutex_lock (&builder->lock);
  *done = TRUE;
  g_cond_broadcast (&builder->cond);
  g_mutex_unlock (&builder->lock);
}

static void
wait_done (GlsTermBuilder *builder,
           gboolean       *done)
{
  g_mutex_lock (&builder->lock);
  while (!*done)
    g_cond_wait (&builder->cond, &builder->lock);
  g_mutex_unlock (&builder->lock);
}

static GHashTable *
map_ids (GPtrArray *terms)
{
  GHashTable *terms_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < terms->len; i++)
    {
      GlsTerm *term = g_ptr_array_index (terms, i);

      if (i + GLS_TERM_PREFETCH < terms->len)
        __builtin_prefetch (((GlsTerm *) g_ptr_array_index (terms, i + GLS_TERM_PREFETCH))->id);
      g_hash_table_insert (terms_by_id, (char *) term->id, term);
    }
  return terms_by_id;
}

static gpointer
builder_thread (gpointer data)
{
  GlsTermBuilder *builder = data;
  GlsWordIndex name_words = { 0 };

  for (;;)
    {
      Batch *batch = g_async_queue_pop (builder->queue);

      if (batch->offsets->len == 0)
        {
          batch_free (batch);
          break;
        }
      for (guint i = 0; i < batch->offsets->len; i++)
        build_term (builder, batch->records->data + g_array_index (batch->offsets, gsize, i));
      g_byte_array_set_size (batch->records, 0);
      g_array_set_size (batch->offsets, 0);
      g_async_queue_push (builder->spare, batch);
    }

  g_clear_pointer (&builder->store, gls_term_store_free);
  g_string_free (g_steal_pointer (&builder->folded), TRUE);
  signal_done (builder, &builder->terms_done);

  builder->order = sort_terms (builder);
  signal_done (builder, &builder->order_done);
  g_clear_pointer (&builder->collation_keys, g_ptr_array_unref);
  g_clear_pointer (&builder->collation_text, g_string_chunk_free);

  /* The words of the definitions are finished by gls_term_builder_finish(). */
  gls_word_index_builder_finish (g_steal_pointer (&builder->name_words), &name_words);
  builder->search_index = gls_search_index_new ((GlsTerm **) builder->terms->pdata,
                                                builder->terms->len, &name_words);
  builder->terms_by_id = map_ids (builder->terms);
  return NULL;
}

/* A batch handed back by the thread, or a new one.  When the thread falls
 * behind, the loader waits for it rather than pile up records.
 */
static Batch *
next_batch (GlsTermBuilder *builder)
{
  Batch *batch;

  if (g_async_queue_length (builder->queue) >= MAX_WAITING)
    return g_async_queue_pop (builder->spare);
  batch = g_async_queue_try_pop (builder->spare);

  return batch != NULL ? batch : batch_new ();
}

GlsTermBuilder *
gls_term_builder_new (void)
{
  GlsTermBuilder *builder = g_new0 (GlsTermBuilder, 1);

  builder->queue = g_async_queue_new ();
  builder->spare = g_async_queue_new_full ((GDestroyNotify) batch_free);
  builder->batch = batch_new ();
  builder->terms = g_ptr_array_new_with_free_func (g_object_unref);
  builder->collation_keys = g_ptr_array_new ();
  builder->collation_text = g_string_chunk_new (64 * 1024);
  builder->folded = g_string_new (NULL);
  builder->name_words = gls_word_index_builder_new ();
  builder->definition_words = gls_word_index_builder_new ();
  builder->store = gls_term_store_new ();
  builder->fold_collation = collation_is_code_point ();
  g_mutex_init (&builder->lock);
  g_cond_init (&builder->cond);
  builder->thread = g_thread_new ("gls-terms", builder_thread, builder);
  return builder;
}

/* Copies @data; the term's ordinal is the number of terms added before it. */
void
gls_term_builder_add (GlsTermBuilder *builder,
                      GlsTermData    *data)
{
  gsize offset = gls_term_data_pack (data, builder->batch->records);

  g_array_append_val (builder->batch->offsets, offset);
  if (builder->batch->offsets->len == BATCH_SIZE)
    {
      g_async_queue_push (builder->queue, builder->batch);
      builder->batch = next_batch (builder);
    }
}

/*
 * Ends the input and waits for the last term.  The terms may be changed
 * (not their ids, names, keys or definitions) while the thread orders and
 * indexes them.
 *
 * Returns: (transfer none): the terms, in file order
 */
GPtrArray *
gls_term_builder_get_terms (GlsTermBuilder *builder)
{
  if (builder->batch != NULL)
    {
      Batch *last = g_steal_pointer (&builder->batch);

      if (last->offsets->len > 0)
        {
          g_async_queue_push (builder->queue, last);
          last = batch_new ();
        }
      g_async_queue_push (builder->queue, last);
    }

  wait_done (builder, &builder->terms_done);
  return builder->terms;
}

/* Returns: (transfer none): the terms' ordinals in display order, the order
 * of their names
 */
const guint32 *
gls_term_builder_get_order (GlsTermBuilder *builder)
{
  gls_term_builder_get_terms (builder);
  wait_done (builder, &builder->order_done);
  return builder->order;
}

/*
 * Finishes the word index of the definitions on the calling thread, the
 * larger of the two, while the builder's thread indexes the keys; waits for
 * it, hands everything over to @built and frees @builder.
 */
void
gls_term_builder_finish (GlsTermBuilder *builder,
                         GlsBuiltTerms  *built)
{
  GlsWordIndex definition_words = { 0 };

  gls_term_builder_get_terms (builder);
  gls_word_index_builder_finish (g_steal_pointer (&builder->definition_words),
                                 &definition_words);
  g_thread_join (builder->thread);
  g_async_queue_unref (builder->queue);
  g_async_queue_unref (builder->spare);
  g_mutex_clear (&builder->lock);
  g_cond_clear (&builder->cond);

  built->terms = builder->terms;
  built->search_index = builder->search_index;
  built->terms_by_id = builder->terms_by_id;
  gls_search_index_set_definition_words (built->search_index, &definition_words);
  g_free (builder->order);
  g_free (builder);
}

void
gls_built_terms_clear (GlsBuiltTerms *built)
{
  g_clear_pointer (&built->terms, g_ptr_array_unref);
  g_clear_pointer (&built->terms_by_id, g_hash_table_unref);
  g_clear_pointer (&built->search_index, gls_search_index_free);
}
