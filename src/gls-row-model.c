/* gls-row-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows of a result list, for a list view.  Each position keeps one item
 * for as long as anyone holds it, and a new search changes the term the
 * item shows rather than the item: a list view then keeps the widgets it
 * has (GTK 4.8 keeps some 200) and only their text changes, where new items
 * would have every widget destroyed and made again at every keystroke.
 * Only the positions that come or go are announced as changed; an item
 * says "notify::term" when its term or the query it was found by changes.
 */
#include "config.h"

#include "gls-row-model.h"

struct _GlsRowItem
{
  GObject      parent_instance;

  GlsRowModel *model;        /* NULL once the model has let the item go */
  guint        position;
  GlsTerm     *term;
};

struct _GlsRowModel
{
  GObject        parent_instance;

  GlsResultList *results;
  GHashTable    *items;      /* position -> GlsRowItem, not owned */
  guint          n_items;
  char          *query;      /* of the results the items show */
};

enum {
  PROP_ITEM_0,
  PROP_ITEM_TERM,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

G_DEFINE_FINAL_TYPE (GlsRowItem, gls_row_item, G_TYPE_OBJECT)

static void
gls_row_item_dispose (GObject *object)
{
  GlsRowItem *self = GLS_ROW_ITEM (object);

  if (self->model != NULL)
    g_hash_table_remove (self->model->items, GUINT_TO_POINTER (self->position));
  self->model = NULL;
  g_clear_object (&self->term);

  G_OBJECT_CLASS (gls_row_item_parent_class)->dispose (object);
}

static void
gls_row_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlsRowItem *self = GLS_ROW_ITEM (object);

  switch (prop_id)
    {
    case PROP_ITEM_TERM:
      g_value_set_object (value, self->term);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_row_item_class_init (GlsRowItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gls_row_item_dispose;
  object_class->get_property = gls_row_item_get_property;

  item_properties[PROP_ITEM_TERM] =
    g_param_spec_object ("term", NULL, NULL, GLS_TYPE_TERM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
gls_row_item_init (GlsRowItem *self)
{
}

/* Returns: (transfer none) (nullable): the term the row shows */
GlsTerm *
gls_row_item_get_term (GlsRowItem *self)
{
  g_return_val_if_fail (GLS_IS_ROW_ITEM (self), NULL);

  return self->term;
}

/* The search the term was found by, for highlighting what matched. */
const char *
gls_row_item_get_query (GlsRowItem *self)
{
  g_return_val_if_fail (GLS_IS_ROW_ITEM (self), "");

  return self->model != NULL && self->model->query != NULL ? self->model->query : "";
}

static GType
gls_row_model_get_item_type (GListModel *model)
{
  return GLS_TYPE_ROW_ITEM;
}

static guint
gls_row_model_get_n_items (GListModel *model)
{
  return GLS_ROW_MODEL (model)->n_items;
}

static gpointer
gls_row_model_get_item (GListModel *model,
                        guint       position)
{
  GlsRowModel *self = GLS_ROW_MODEL (model);
  GlsRowItem *item;

  if (position >= self->n_items)
    return NULL;

  item = g_hash_table_lookup (self->items, GUINT_TO_POINTER (position));
  if (item != NULL)
    return g_object_ref (item);

  item = g_object_new (GLS_TYPE_ROW_ITEM, NULL);
  item->model = self;
  item->position = position;
  item->term = g_list_model_get_item (G_LIST_MODEL (self->results), position);
  g_hash_table_insert (self->items, GUINT_TO_POINTER (position), item);
  return item;
}

static void
gls_row_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = gls_row_model_get_item_type;
  iface->get_n_items = gls_row_model_get_n_items;
  iface->get_item = gls_row_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (GlsRowModel, gls_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      gls_row_model_list_model_init))

/* Lets every item go: they live on as long as their holders, showing what
 * they showed.
 */
static void
release_items (GlsRowModel *self,
               guint        from)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GlsRowItem *item = value;

      if (item->position < from)
        continue;
      item->model = NULL;
      g_hash_table_iter_remove (&iter);
    }
}

static void
on_results_updated_cb (GlsRowModel   *self,
                       GlsResultList *results)
{
  GListModel *model = G_LIST_MODEL (results);
  guint old_n_items = self->n_items;
  guint n_items = g_list_model_get_n_items (model);
  guint kept = MIN (old_n_items, n_items);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  const char *query = gls_result_list_get_query (results);
  gboolean query_changed = g_strcmp0 (self->query, query) != 0;
  GHashTableIter iter;
  gpointer value;

  g_free (self->query);
  self->query = g_strdup (query);

  /* The items past the new end go; the others take their new terms, and
   * say so once the count is right.
   */
  release_items (self, n_items);
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GlsRowItem *item = value;
      GlsTerm *term = g_list_model_get_item (model, item->position);

      /* A new query highlights other parts of the same term. */
      if (g_set_object (&item->term, term) || query_changed)
        g_ptr_array_add (changed, g_object_ref (item));
      g_object_unref (term);
    }

  self->n_items = n_items;
  if (old_n_items != n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), kept, old_n_items - kept, n_items - kept);
  for (guint i = 0; i < changed->len; i++)
    {
      GlsRowItem *item = g_ptr_array_index (changed, i);

      g_object_notify_by_pspec (G_OBJECT (item), item_properties[PROP_ITEM_TERM]);
      g_object_unref (item);
    }
}

static void
gls_row_model_dispose (GObject *object)
{
  GlsRowModel *self = GLS_ROW_MODEL (object);

  if (self->items != NULL)
    release_items (self, 0);
  g_clear_pointer (&self->items, g_hash_table_unref);
  if (self->results != NULL)
    g_signal_handlers_disconnect_by_func (self->results, on_results_updated_cb, self);
  g_clear_object (&self->results);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (gls_row_model_parent_class)->dispose (object);
}

static void
gls_row_model_class_init (GlsRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gls_row_model_dispose;
}

static void
gls_row_model_init (GlsRowModel *self)
{
  self->items = g_hash_table_new (NULL, NULL);
}

/*
 * Returns: (transfer full): the rows of @results.  Connect to @results'
 * "updated" after this, to see the rows already changed.
 */
GlsRowModel *
gls_row_model_new (GlsResultList *results)
{
  GlsRowModel *self;

  g_return_val_if_fail (GLS_IS_RESULT_LIST (results), NULL);

  self = g_object_new (GLS_TYPE_ROW_MODEL, NULL);
  self->results = g_object_ref (results);
  self->n_items = g_list_model_get_n_items (G_LIST_MODEL (results));
  self->query = g_strdup (gls_result_list_get_query (results));
  g_signal_connect_swapped (results, "updated", G_CALLBACK (on_results_updated_cb), self);
  return self;
}
