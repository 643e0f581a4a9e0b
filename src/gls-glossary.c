/* gls-glossary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gls-category-private.h"
#include "gls-glossary-private.h"
#include "gls-term-builder.h"
#include "gls-term-private.h"

struct _GlsGlossary
{
  GObject            parent_instance;

  GlsGlossaryHeader  header;
  GFile             *file;

  GPtrArray         *terms;              /* display order */
  GlsTerm          **terms_by_ordinal;   /* file order, unowned */
  GHashTable        *terms_by_id;        /* id -> GlsTerm, unowned */
  GListStore        *categories;
  GHashTable        *categories_by_id;   /* id -> GlsCategory, unowned */

  guint32           *backlink_offsets;   /* by position, n_terms + 1 */
  guint32           *backlinks;          /* positions */

  GlsSearchIndex    *search_index;
  guint              letter_counts[GLS_N_LETTERS];
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlsGlossary, gls_glossary, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
gls_glossary_header_clear (GlsGlossaryHeader *header)
{
  g_clear_pointer (&header->title, g_free);
  g_clear_pointer (&header->description, g_free);
  g_clear_pointer (&header->version, g_free);
  g_clear_pointer (&header->license, g_free);
  g_clear_pointer (&header->language, g_free);
}

static GType
gls_glossary_get_item_type (GListModel *model)
{
  return GLS_TYPE_TERM;
}

static guint
gls_glossary_get_n_items (GListModel *model)
{
  return GLS_GLOSSARY (model)->terms->len;
}

static gpointer
gls_glossary_get_item (GListModel *model,
                       guint       position)
{
  GlsGlossary *self = GLS_GLOSSARY (model);

  if (position >= self->terms->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->terms, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gls_glossary_get_item_type;
  iface->get_n_items = gls_glossary_get_n_items;
  iface->get_item = gls_glossary_get_item;
}

static void
gls_glossary_finalize (GObject *object)
{
  GlsGlossary *self = (GlsGlossary *) object;

  g_clear_pointer (&self->search_index, gls_search_index_free);
  gls_glossary_header_clear (&self->header);
  g_clear_object (&self->file);
  g_clear_pointer (&self->terms_by_id, g_hash_table_unref);
  g_clear_pointer (&self->categories_by_id, g_hash_table_unref);
  g_clear_object (&self->categories);
  g_clear_pointer (&self->terms_by_ordinal, g_free);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->backlink_offsets, g_free);
  g_clear_pointer (&self->backlinks, g_free);

  G_OBJECT_CLASS (gls_glossary_parent_class)->finalize (object);
}

static void
gls_glossary_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlsGlossary *self = GLS_GLOSSARY (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->header.title);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->terms->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_glossary_class_init (GlsGlossaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gls_glossary_finalize;
  object_class->get_property = gls_glossary_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gls_glossary_init (GlsGlossary *self)
{
}

char
gls_letter_from_index (guint index)
{
  g_return_val_if_fail (index < GLS_N_LETTERS, '#');

  return index < 26 ? 'A' + index : '#';
}

/* Returns: 0 to 25 for 'A' to 'Z', 26 for '#', -1 for anything else */
int
gls_letter_to_index (char letter)
{
  if (letter >= 'A' && letter <= 'Z')
    return letter - 'A';
  if (letter == '#')
    return 26;
  return -1;
}

/*
 * Lays the terms out in the order the term builder found, taking over its
 * references to them.
 *
 * Returns: (transfer full): the terms' display positions, by ordinal
 */
static guint32 *
lay_out_terms (GlsGlossary   *self,
               GPtrArray     *terms,
               const guint32 *order)
{
  guint32 *position_of = g_new (guint32, MAX (terms->len, 1));

  self->terms = g_ptr_array_new_full (terms->len, g_object_unref);
  self->terms_by_ordinal = g_new (GlsTerm *, MAX (terms->len, 1));
  for (guint i = 0; i < terms->len; i++)
    {
      GlsTerm *term = g_ptr_array_index (terms, order[i]);

      if (i + GLS_TERM_PREFETCH < terms->len)
        __builtin_prefetch (g_ptr_array_index (terms, order[i + GLS_TERM_PREFETCH]), 1);
      term->position = i;
      g_ptr_array_add (self->terms, term);
      self->terms_by_ordinal[order[i]] = term;
      position_of[order[i]] = i;
    }
  return position_of;
}

static void
index_categories (GlsGlossary *self,
                  GPtrArray   *categories)
{
  g_autofree guint *counts = g_new0 (guint, MAX (categories->len, 1));
  GArray *indices = g_array_new (FALSE, FALSE, sizeof (guint16));

  self->categories = g_list_store_new (GLS_TYPE_CATEGORY);
  self->categories_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < categories->len; i++)
    {
      GlsCategory *category = g_ptr_array_index (categories, i);

      g_hash_table_insert (self->categories_by_id, (char *) gls_category_get_id (category),
                           GUINT_TO_POINTER (i + 1));
    }

  /* In file order, the order the terms lie in memory, each term's ids
   * fetched a few terms before they are read.
   */
  for (guint t = 0; t < self->terms->len; t++)
    {
      GlsTerm *term = self->terms_by_ordinal[t];
      const char * const *ids = term->category_ids;

      if (t + 2 * GLS_TERM_PREFETCH < self->terms->len)
        __builtin_prefetch (self->terms_by_ordinal[t + 2 * GLS_TERM_PREFETCH]->category_ids);
      if (t + GLS_TERM_PREFETCH < self->terms->len)
        __builtin_prefetch (self->terms_by_ordinal[t + GLS_TERM_PREFETCH]->category_ids[0]);

      g_array_set_size (indices, 0);
      for (guint i = 0; ids[i] != NULL; i++)
        {
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->categories_by_id, ids[i]));
          guint16 index16;

          g_assert (index > 0);
          index16 = index - 1;
          if (!_gls_term_has_category_index (term, index16))
            {
              g_array_append_val (indices, index16);
              counts[index16]++;
              _gls_term_set_category_indices (term, (guint16 *) indices->data, indices->len);
            }
        }
      self->letter_counts[gls_letter_to_index (term->letter)]++;
    }

  for (guint i = 0; i < categories->len; i++)
    {
      GlsCategory *category = g_ptr_array_index (categories, i);

      _gls_category_set_n_terms (category, counts[i]);
      g_hash_table_insert (self->categories_by_id, (char *) gls_category_get_id (category),
                           category);
      g_list_store_append (self->categories, category);
    }
  g_array_unref (indices);
}

/*
 * @edges holds (referring, referred) pairs of ordinals, one for every related
 * id and inline reference that names another term, grouped by the referring
 * term in file order.  Walking the referring terms in display order fills
 * each term's backlinks already sorted.  @ordinal_at and @position_of give
 * the terms' places in arrays: a million edges reach every term in turn.
 */
static void
index_backlinks (GlsGlossary   *self,
                 GArray        *edges,
                 const guint32 *ordinal_at,
                 const guint32 *position_of)
{
  guint n_terms = self->terms->len;
  const guint32 *pairs = (const guint32 *) edges->data;
  g_autofree guint32 *edges_of = g_new0 (guint32, n_terms + 1);
  g_autofree guint32 *offsets = g_new0 (guint32, n_terms + 1);
  g_autofree guint32 *cursors = NULL;
  guint32 write = 0;

  for (guint e = 0; e < edges->len; e++)
    {
      edges_of[pairs[2 * e] + 1]++;
      offsets[position_of[pairs[2 * e + 1]] + 1]++;
    }
  for (guint i = 0; i < n_terms; i++)
    {
      edges_of[i + 1] += edges_of[i];
      offsets[i + 1] += offsets[i];
    }

  self->backlinks = g_new (guint32, MAX (offsets[n_terms], 1));
  cursors = g_memdup2 (offsets, (n_terms + 1) * sizeof (guint32));
  for (guint32 from = 0; from < n_terms; from++)
    {
      guint32 ordinal = ordinal_at[from];

      for (guint32 e = edges_of[ordinal]; e < edges_of[ordinal + 1]; e++)
        self->backlinks[cursors[position_of[pairs[2 * e + 1]]]++] = from;
    }

  /* A term may name another twice; keep each backlink once. */
  self->backlink_offsets = g_new (guint32, n_terms + 1);
  for (guint i = 0; i < n_terms; i++)
    {
      guint32 start = write;

      for (guint32 j = offsets[i]; j < offsets[i + 1]; j++)
        if (write == start || self->backlinks[write - 1] != self->backlinks[j])
          self->backlinks[write++] = self->backlinks[j];
      self->backlink_offsets[i] = start;
    }
  self->backlink_offsets[n_terms] = write;
}

GlsGlossary *
_gls_glossary_new (GlsGlossaryHeader *header,
                   GFile             *file,
                   GPtrArray         *categories,
                   GlsTermBuilder    *builder,
                   GArray            *edges)
{
  GlsBuiltTerms built = { 0 };
  GlsSearchOrder search_order = { 0 };
  const guint32 *order;
  guint32 *position_of;
  GlsGlossary *self;

  g_return_val_if_fail (header != NULL, NULL);
  g_return_val_if_fail (categories != NULL, NULL);
  g_return_val_if_fail (builder != NULL, NULL);
  g_return_val_if_fail (edges != NULL, NULL);

  self = g_object_new (GLS_TYPE_GLOSSARY, NULL);
  self->header = *header;
  memset (header, 0, sizeof *header);
  self->file = file ? g_object_ref (file) : NULL;

  /* The builder's thread indexes the terms' keys and maps their ids meanwhile. */
  order = gls_term_builder_get_order (builder);
  position_of = lay_out_terms (self, gls_term_builder_get_terms (builder), order);
  index_categories (self, categories);
  g_ptr_array_unref (categories);
  index_backlinks (self, edges, order, position_of);

  gls_search_order_init (&search_order, self->terms_by_ordinal, self->terms->len, position_of,
                         g_list_model_get_n_items (G_LIST_MODEL (self->categories)));

  gls_term_builder_finish (builder, &built);
  self->search_index = g_steal_pointer (&built.search_index);
  self->terms_by_id = g_steal_pointer (&built.terms_by_id);
  gls_search_index_set_order (self->search_index, self->terms_by_ordinal, &search_order);
  /* The glossary took over the references to the terms. */
  g_ptr_array_set_free_func (built.terms, NULL);
  gls_built_terms_clear (&built);
  return self;
}

const GlsSearchIndex *
_gls_glossary_get_search_index (GlsGlossary *self)
{
  return self->search_index;
}

const char *
gls_glossary_get_title (GlsGlossary *self)
{
  g_return_val_if_fail (GLS_IS_GLOSSARY (self), NULL);

  return self->header.title;
}

const char *
gls_glossary_get_description (GlsGlossary *self)
{
  g_return_val_if_fail (GLS_IS_GLOSSARY (self), NULL);

  return self->header.description;
}

const char *
gls_glossary_get_version (GlsGlossary *self)
{
  g_return_val_if_fail (GLS_IS_GLOSSARY (self), NULL);

  return self->header.version;
}

const char *
gls_glossary_get_license (GlsGlossary *self)
{
  g_return_val_if_fail (GLS_IS_GLOSSARY (self), NULL);

  return self->header.license;
}

const char *
gls_glossary_get_language (GlsGlossary *self)
{
  g_return_val_if_fail (GLS_IS_GLOSSARY (self), NULL);

  return self->header.language;
}

/* Returns: (nullable) (transfer none): the file the glossary came from */
GFile *
gls_glossary_get_file (GlsGlossary *self)
{
  g_return_val_if_fail (GLS_IS_GLOSSARY (self), NULL);

  return self->file;
}

guint
gls_glossary_get_n_terms (GlsGlossary *self)
{
  g_return_val_if_fail (GLS_IS_GLOSSARY (self), 0);

  return self->terms->len;
}

/* Returns: (transfer none): the term at @position in display order */
GlsTerm *
gls_glossary_get_term (GlsGlossary *self,
                       guint        position)
{
  g_return_val_if_fail (GLS_IS_GLOSSARY (self), NULL);
  g_return_val_if_fail (position < self->terms->len, NULL);

  return g_ptr_array_index (self->terms, position);
}

/* Returns: (nullable) (transfer none) */
GlsTerm *
gls_glossary_lookup (GlsGlossary *self,
                     const char  *id)
{
  g_return_val_if_fail (GLS_IS_GLOSSARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->terms_by_id, id);
}

/* Returns: (transfer none): a list model of GlsCategory in file order */
GListModel *
gls_glossary_get_categories (GlsGlossary *self)
{
  g_return_val_if_fail (GLS_IS_GLOSSARY (self), NULL);

  return G_LIST_MODEL (self->categories);
}

/* Returns: (nullable) (transfer none) */
GlsCategory *
gls_glossary_lookup_category (GlsGlossary *self,
                              const char  *id)
{
  g_return_val_if_fail (GLS_IS_GLOSSARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->categories_by_id, id);
}

guint
gls_glossary_get_letter_count (GlsGlossary *self,
                               char         letter)
{
  int index = gls_letter_to_index (letter);

  g_return_val_if_fail (GLS_IS_GLOSSARY (self), 0);
  g_return_val_if_fail (index >= 0, 0);

  return self->letter_counts[index];
}

/*
 * Returns: (transfer full): the terms whose related terms or inline
 * references name @term, in display order
 */
GPtrArray *
gls_glossary_dup_backlinks (GlsGlossary *self,
                            GlsTerm     *term)
{
  GPtrArray *result;
  guint position;

  g_return_val_if_fail (GLS_IS_GLOSSARY (self), NULL);
  g_return_val_if_fail (GLS_IS_TERM (term), NULL);

  position = gls_term_get_position (term);
  g_return_val_if_fail (position < self->terms->len &&
                        g_ptr_array_index (self->terms, position) == term, NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint32 i = self->backlink_offsets[position]; i < self->backlink_offsets[position + 1]; i++)
    g_ptr_array_add (result, g_object_ref (g_ptr_array_index (self->terms, self->backlinks[i])));
  return result;
}

/* Returns: (transfer full): @term's related terms, in the file's order */
GPtrArray *
gls_glossary_dup_related (GlsGlossary *self,
                          GlsTerm     *term)
{
  const char * const *ids;
  GPtrArray *result;

  g_return_val_if_fail (GLS_IS_GLOSSARY (self), NULL);
  g_return_val_if_fail (GLS_IS_TERM (term), NULL);

  ids = gls_term_get_related_ids (term);
  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      GlsTerm *target = g_hash_table_lookup (self->terms_by_id, ids[i]);

      if (target != NULL && target != term)
        g_ptr_array_add (result, g_object_ref (target));
    }
  return result;
}
