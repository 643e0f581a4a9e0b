/* gls-result-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list the window shows: the glossary's terms that match the query,
 * ranked, and that pass the category and letter filters.  It filters the
 * already sorted glossary and never sorts.  On large glossaries the work runs
 * on a worker thread; a newer change cancels the one under way.
 */
#include "config.h"

#include "gls-glossary-private.h"
#include "gls-result-list.h"

#define MAX_SUGGESTIONS 3

struct _GlsResultList
{
  GObject           parent_instance;

  GlsGlossary      *glossary;
  char             *query;
  char             *category;
  char              letter;

  /* What is shown. */
  GlsSearchResults *results;
  guint32          *positions;     /* NULL: results in their order */
  guint8           *tiers;
  guint             n_items;
  guint32           suggestions[MAX_SUGGESTIONS];
  guint             n_suggestions;

  GCancellable     *cancellable;
  guint             generation;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlsResultList, gls_result_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_GLOSSARY,
  PROP_QUERY,
  PROP_CATEGORY,
  PROP_LETTER,
  PROP_N_ITEMS,
  PROP_SEARCHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a refresh computes, on whichever thread runs it. */
typedef struct
{
  GlsGlossary      *glossary;
  GlsSearchResults *previous;
  char             *query;
  char             *category;
  char              letter;
  guint             generation;

  GlsSearchResults *results;
  guint32          *positions;
  guint8           *tiers;
  guint             n_items;
  guint32           suggestions[MAX_SUGGESTIONS];
  guint             n_suggestions;
} Refresh;

static void
refresh_free (gpointer data)
{
  Refresh *refresh = data;

  g_clear_object (&refresh->glossary);
  g_clear_pointer (&refresh->previous, gls_search_results_unref);
  g_clear_pointer (&refresh->results, gls_search_results_unref);
  g_free (refresh->query);
  g_free (refresh->category);
  g_free (refresh->positions);
  g_free (refresh->tiers);
  g_free (refresh);
}

static gboolean
passes_filters (const GlsSearchIndex *index,
                const guint64        *category_bits,
                int                   letter_index,
                guint                 position)
{
  if (letter_index >= 0 && index->order.letters[position] != letter_index)
    return FALSE;
  return category_bits == NULL || gls_bitmap_get (category_bits, position);
}

static gboolean
refresh_run (Refresh      *refresh,
             GCancellable *cancellable)
{
  const GlsSearchIndex *index = _gls_glossary_get_search_index (refresh->glossary);
  const guint64 *category_bits = NULL;
  int letter_index = refresh->letter ? gls_letter_to_index (refresh->letter) : -1;
  GlsSearchResults *results;
  guint n_results;
  guint n_matches;

  /* "Vendor " asks what "Vendor" asked: the previous results still hold. */
  if (refresh->previous != NULL && gls_search_results_answer (refresh->previous, refresh->query))
    refresh->results = gls_search_results_ref (refresh->previous);
  else
    refresh->results = gls_search (refresh->glossary, refresh->query, refresh->previous,
                                   cancellable);
  if (refresh->results == NULL)
    return FALSE;
  results = refresh->results;
  n_results = gls_search_results_get_n_results (results);
  n_matches = gls_search_results_get_n_matches (results);

  if (refresh->category != NULL)
    {
      GlsCategory *category = gls_glossary_lookup_category (refresh->glossary, refresh->category);
      GListModel *categories = gls_glossary_get_categories (refresh->glossary);

      for (guint c = 0; category != NULL && c < g_list_model_get_n_items (categories); c++)
        {
          g_autoptr(GlsCategory) item = g_list_model_get_item (categories, c);

          if (item == category)
            category_bits = index->order.category_bits[c];
        }
      /* A category this glossary lacks matches nothing. */
      if (category_bits == NULL)
        {
          refresh->positions = g_new (guint32, 1);
          refresh->tiers = g_new (guint8, 1);
          return TRUE;
        }
    }

  if (category_bits == NULL && letter_index < 0)
    refresh->n_items = n_matches;
  else
    {
      refresh->positions = g_new (guint32, MAX (n_matches, 1));
      refresh->tiers = g_new (guint8, MAX (n_matches, 1));
      for (guint i = 0; i < n_matches; i++)
        {
          guint position = gls_search_results_get_position (results, i);

          if (i % 4096 == 0 && g_cancellable_is_cancelled (cancellable))
            return FALSE;
          if (!passes_filters (index, category_bits, letter_index, position))
            continue;
          refresh->positions[refresh->n_items] = position;
          refresh->tiers[refresh->n_items] = gls_search_results_get_tier (results, i);
          refresh->n_items++;
        }
    }

  for (guint i = n_matches; i < n_results && refresh->n_suggestions < MAX_SUGGESTIONS; i++)
    {
      guint position = gls_search_results_get_position (results, i);

      if (passes_filters (index, category_bits, letter_index, position))
        refresh->suggestions[refresh->n_suggestions++] = position;
    }
  return TRUE;
}

static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  if (refresh_run (task_data, cancellable))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
}

static void
apply_refresh (GlsResultList *self,
               Refresh       *refresh)
{
  guint old_n_items = self->n_items;

  g_clear_pointer (&self->results, gls_search_results_unref);
  g_clear_pointer (&self->positions, g_free);
  g_clear_pointer (&self->tiers, g_free);
  self->results = g_steal_pointer (&refresh->results);
  self->positions = g_steal_pointer (&refresh->positions);
  self->tiers = g_steal_pointer (&refresh->tiers);
  memcpy (self->suggestions, refresh->suggestions, sizeof self->suggestions);
  self->n_suggestions = refresh->n_suggestions;

  /* Everything goes, then everything comes: in one signal, GTK's list views
   * look for the items they tracked among all those added, one get_item()
   * each, which at 100,000 results costs a visible moment.
   */
  if (old_n_items > 0)
    {
      self->n_items = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, 0);
    }
  self->n_items = refresh->n_items;
  if (self->n_items > 0 || old_n_items == 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_signal_emit (self, signals[UPDATED], 0);
}

static void
on_refresh_done_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GlsResultList *self = GLS_RESULT_LIST (source_object);
  GTask *task = G_TASK (result);
  Refresh *refresh = g_task_get_task_data (task);

  if (!g_task_propagate_boolean (task, NULL) || refresh->generation != self->generation)
    return;
  g_clear_object (&self->cancellable);
  apply_refresh (self, refresh);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

static void
refresh (GlsResultList *self)
{
  gboolean was_searching = self->cancellable != NULL;
  Refresh *job;

  self->generation++;
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }

  if (self->glossary == NULL)
    {
      guint old_n_items = self->n_items;

      g_clear_pointer (&self->results, gls_search_results_unref);
      g_clear_pointer (&self->positions, g_free);
      g_clear_pointer (&self->tiers, g_free);
      self->n_items = 0;
      self->n_suggestions = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, 0);
      if (old_n_items != 0)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
      g_signal_emit (self, signals[UPDATED], 0);
    }
  else
    {
      job = g_new0 (Refresh, 1);
      job->glossary = g_object_ref (self->glossary);
      job->previous = self->results ? gls_search_results_ref (self->results) : NULL;
      job->query = g_strdup (self->query ? self->query : "");
      job->category = g_strdup (self->category);
      job->letter = self->letter;
      job->generation = self->generation;

      if (gls_glossary_get_n_terms (self->glossary) <= GLS_RESULT_LIST_SYNC_LIMIT)
        {
          refresh_run (job, NULL);
          apply_refresh (self, job);
          refresh_free (job);
        }
      else
        {
          g_autoptr(GTask) task = NULL;

          self->cancellable = g_cancellable_new ();
          task = g_task_new (self, self->cancellable, on_refresh_done_cb, NULL);
          g_task_set_source_tag (task, refresh);
          g_task_set_task_data (task, job, refresh_free);
          g_task_run_in_thread (task, refresh_thread);
        }
    }

  if (was_searching != (self->cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

static GType
gls_result_list_get_item_type (GListModel *model)
{
  return GLS_TYPE_TERM;
}

static guint
gls_result_list_get_n_items (GListModel *model)
{
  return GLS_RESULT_LIST (model)->n_items;
}

static guint
position_at (GlsResultList *self,
             guint          index)
{
  if (self->positions != NULL)
    return self->positions[index];
  return gls_search_results_get_position (self->results, index);
}

static gpointer
gls_result_list_get_item (GListModel *model,
                          guint       index)
{
  GlsResultList *self = GLS_RESULT_LIST (model);

  if (index >= self->n_items)
    return NULL;
  return g_object_ref (gls_glossary_get_term (gls_search_results_get_glossary (self->results),
                                              position_at (self, index)));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gls_result_list_get_item_type;
  iface->get_n_items = gls_result_list_get_n_items;
  iface->get_item = gls_result_list_get_item;
}

static void
gls_result_list_dispose (GObject *object)
{
  GlsResultList *self = (GlsResultList *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->results, gls_search_results_unref);
  g_clear_object (&self->glossary);

  G_OBJECT_CLASS (gls_result_list_parent_class)->dispose (object);
}

static void
gls_result_list_finalize (GObject *object)
{
  GlsResultList *self = (GlsResultList *) object;

  g_free (self->query);
  g_free (self->category);
  g_free (self->positions);
  g_free (self->tiers);

  G_OBJECT_CLASS (gls_result_list_parent_class)->finalize (object);
}

static void
gls_result_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GlsResultList *self = GLS_RESULT_LIST (object);

  switch (prop_id)
    {
    case PROP_GLOSSARY:
      g_value_set_object (value, self->glossary);
      break;

    case PROP_QUERY:
      g_value_set_string (value, gls_result_list_get_query (self));
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_LETTER:
      g_value_set_schar (value, self->letter);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_SEARCHING:
      g_value_set_boolean (value, gls_result_list_get_searching (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_result_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GlsResultList *self = GLS_RESULT_LIST (object);

  switch (prop_id)
    {
    case PROP_GLOSSARY:
      gls_result_list_set_glossary (self, g_value_get_object (value));
      break;

    case PROP_QUERY:
      gls_result_list_set_query (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      gls_result_list_set_category (self, g_value_get_string (value));
      break;

    case PROP_LETTER:
      gls_result_list_set_letter (self, g_value_get_schar (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_result_list_class_init (GlsResultListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gls_result_list_dispose;
  object_class->finalize = gls_result_list_finalize;
  object_class->get_property = gls_result_list_get_property;
  object_class->set_property = gls_result_list_set_property;

  properties[PROP_GLOSSARY] =
    g_param_spec_object ("glossary", NULL, NULL, GLS_TYPE_GLOSSARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LETTER] =
    g_param_spec_char ("letter", NULL, NULL, 0, G_MAXINT8, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /*
   * GlsResultList::updated:
   *
   * Emitted once the list shows the outcome of a change, after its
   * items-changed signals: the moment to look at the list as a whole.
   */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gls_result_list_init (GlsResultList *self)
{
}

GlsResultList *
gls_result_list_new (void)
{
  return g_object_new (GLS_TYPE_RESULT_LIST, NULL);
}

/* Returns: (nullable) (transfer none) */
GlsGlossary *
gls_result_list_get_glossary (GlsResultList *self)
{
  g_return_val_if_fail (GLS_IS_RESULT_LIST (self), NULL);

  return self->glossary;
}

void
gls_result_list_set_glossary (GlsResultList *self,
                              GlsGlossary   *glossary)
{
  g_return_if_fail (GLS_IS_RESULT_LIST (self));
  g_return_if_fail (glossary == NULL || GLS_IS_GLOSSARY (glossary));

  if (!g_set_object (&self->glossary, glossary))
    return;
  g_clear_pointer (&self->results, gls_search_results_unref);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GLOSSARY]);
}

const char *
gls_result_list_get_query (GlsResultList *self)
{
  g_return_val_if_fail (GLS_IS_RESULT_LIST (self), NULL);

  return self->query ? self->query : "";
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
gls_result_list_set_query (GlsResultList *self,
                           const char    *query)
{
  g_return_if_fail (GLS_IS_RESULT_LIST (self));

  if (!set_string (&self->query, query))
    return;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/* Returns: (nullable): the id of the category shown, NULL for all */
const char *
gls_result_list_get_category (GlsResultList *self)
{
  g_return_val_if_fail (GLS_IS_RESULT_LIST (self), NULL);

  return self->category;
}

void
gls_result_list_set_category (GlsResultList *self,
                              const char    *category_id)
{
  g_return_if_fail (GLS_IS_RESULT_LIST (self));

  if (!set_string (&self->category, category_id))
    return;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

/* Returns: the letter shown ('A' to 'Z' or '#'), 0 for all */
char
gls_result_list_get_letter (GlsResultList *self)
{
  g_return_val_if_fail (GLS_IS_RESULT_LIST (self), 0);

  return self->letter;
}

void
gls_result_list_set_letter (GlsResultList *self,
                            char           letter)
{
  g_return_if_fail (GLS_IS_RESULT_LIST (self));
  g_return_if_fail (letter == 0 || gls_letter_to_index (letter) >= 0);

  if (self->letter == letter)
    return;
  self->letter = letter;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LETTER]);
}

/* Returns: whether a search runs on a worker thread */
gboolean
gls_result_list_get_searching (GlsResultList *self)
{
  g_return_val_if_fail (GLS_IS_RESULT_LIST (self), FALSE);

  return self->cancellable != NULL;
}

GlsMatchTier
gls_result_list_get_tier (GlsResultList *self,
                          guint          position)
{
  g_return_val_if_fail (GLS_IS_RESULT_LIST (self), GLS_MATCH_ALL);
  g_return_val_if_fail (position < self->n_items, GLS_MATCH_ALL);

  if (self->tiers != NULL)
    return self->tiers[position];
  return gls_search_results_get_tier (self->results, position);
}

/* Returns: the position of @term in the list, or G_MAXUINT */
guint
gls_result_list_find (GlsResultList *self,
                      GlsTerm       *term)
{
  guint target;

  g_return_val_if_fail (GLS_IS_RESULT_LIST (self), G_MAXUINT);
  g_return_val_if_fail (GLS_IS_TERM (term), G_MAXUINT);

  if (self->results == NULL || self->glossary == NULL ||
      gls_term_get_position (term) >= gls_glossary_get_n_terms (self->glossary) ||
      gls_glossary_get_term (self->glossary, gls_term_get_position (term)) != term)
    return G_MAXUINT;

  target = gls_term_get_position (term);
  for (guint i = 0; i < self->n_items; i++)
    if (position_at (self, i) == target)
      return i;
  return G_MAXUINT;
}

/*
 * Returns: (transfer full): up to three terms that the query misses by a
 * typo, for "Did you mean …?"
 */
GPtrArray *
gls_result_list_dup_suggestions (GlsResultList *self)
{
  GPtrArray *suggestions;

  g_return_val_if_fail (GLS_IS_RESULT_LIST (self), NULL);

  suggestions = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->n_suggestions; i++)
    g_ptr_array_add (suggestions,
                     g_object_ref (gls_glossary_get_term (self->glossary, self->suggestions[i])));
  return suggestions;
}
