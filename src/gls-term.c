/* gls-term.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gls-fold.h"
#include "gls-term-private.h"

struct _GlsTerm
{
  GObject   parent_instance;

  char     *id;
  char     *name;
  char    **abbreviations;
  char    **aliases;
  char    **category_ids;
  char    **related_ids;
  char    **definitions;
  GArray  **references;       /* one per definition, or NULL */

  char    **compact_keys;
  guint8   *key_kinds;
  char     *name_words;

  guint16  *category_indices;
  guint     n_category_indices;
  guint     n_definitions;
  guint     n_compact_keys;
  guint     ordinal;
  guint     position;
  char      letter;
};

G_DEFINE_FINAL_TYPE (GlsTerm, gls_term, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const empty_strv[] = { NULL };

static void
gls_term_finalize (GObject *object)
{
  GlsTerm *self = (GlsTerm *) object;

  g_free (self->id);
  g_free (self->name);
  g_strfreev (self->abbreviations);
  g_strfreev (self->aliases);
  g_strfreev (self->category_ids);
  g_strfreev (self->related_ids);
  g_strfreev (self->definitions);
  if (self->references != NULL)
    {
      for (guint i = 0; i < self->n_definitions; i++)
        g_clear_pointer (&self->references[i], g_array_unref);
      g_free (self->references);
    }
  g_strfreev (self->compact_keys);
  g_free (self->key_kinds);
  g_free (self->name_words);
  g_free (self->category_indices);

  G_OBJECT_CLASS (gls_term_parent_class)->finalize (object);
}

static void
gls_term_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  GlsTerm *self = GLS_TERM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gls_term_class_init (GlsTermClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gls_term_finalize;
  object_class->get_property = gls_term_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gls_term_init (GlsTerm *self)
{
}

void
_gls_reference_clear (gpointer data)
{
  GlsReference *reference = data;

  g_clear_pointer (&reference->term_id, g_free);
}

void
gls_term_data_clear (GlsTermData *data)
{
  g_clear_pointer (&data->id, g_free);
  g_clear_pointer (&data->name, g_free);
  g_clear_pointer (&data->abbreviations, g_ptr_array_unref);
  g_clear_pointer (&data->aliases, g_ptr_array_unref);
  g_clear_pointer (&data->category_ids, g_ptr_array_unref);
  g_clear_pointer (&data->related_ids, g_ptr_array_unref);
  g_clear_pointer (&data->definitions, g_ptr_array_unref);
  g_clear_pointer (&data->references, g_ptr_array_unref);
}

/* Turns a GPtrArray of strings into a GStrv, or NULL when it is empty. */
static char **
steal_strv (GPtrArray **array)
{
  GPtrArray *strings = g_steal_pointer (array);

  if (strings == NULL)
    return NULL;
  if (strings->len == 0)
    {
      g_ptr_array_unref (strings);
      return NULL;
    }
  g_ptr_array_set_free_func (strings, NULL);
  g_ptr_array_add (strings, NULL);
  return (char **) g_ptr_array_free (strings, FALSE);
}

static void
fold_keys (GlsTerm *self)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GByteArray) kinds = g_byte_array_new ();
  GString *words = g_string_new (NULL);
  struct { char **strings; GlsKeyKind kind; } groups[] = {
    { self->abbreviations, GLS_KEY_ABBREVIATION },
    { self->aliases, GLS_KEY_ALIAS },
  };
  char *compact;

  compact = gls_fold (self->name, GLS_FOLD_COMPACT);
  if (*compact != '\0')
    {
      guint8 kind = GLS_KEY_NAME;

      g_ptr_array_add (keys, compact);
      g_byte_array_append (kinds, &kind, 1);
    }
  else
    g_free (compact);

  gls_fold_append (words, self->name, -1, GLS_FOLD_WORDS, NULL);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      for (guint i = 0; groups[g].strings != NULL && groups[g].strings[i] != NULL; i++)
        {
          guint8 kind = groups[g].kind;

          compact = gls_fold (groups[g].strings[i], GLS_FOLD_COMPACT);
          if (*compact == '\0')
            {
              g_free (compact);
              continue;
            }
          g_ptr_array_add (keys, compact);
          g_byte_array_append (kinds, &kind, 1);
          if (kind == GLS_KEY_ALIAS)
            gls_fold_append (words, groups[g].strings[i], -1, GLS_FOLD_WORDS, NULL);
        }
    }

  self->n_compact_keys = keys->len;
  g_ptr_array_add (keys, NULL);
  self->compact_keys = (char **) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
  self->key_kinds = g_byte_array_free (g_steal_pointer (&kinds), FALSE);
  self->name_words = g_string_free (words, FALSE);

  /* The letter index files a term under the base letter of its first
   * letter or digit; anything other than A to Z goes under '#'.
   */
  if (self->n_compact_keys > 0 && self->key_kinds[0] == GLS_KEY_NAME &&
      self->compact_keys[0][0] >= 'a' && self->compact_keys[0][0] <= 'z')
    self->letter = g_ascii_toupper (self->compact_keys[0][0]);
  else
    self->letter = '#';
}

GlsTerm *
_gls_term_new (GlsTermData *data,
               guint        ordinal)
{
  GlsTerm *self;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (data->id != NULL, NULL);
  g_return_val_if_fail (data->name != NULL, NULL);

  self = g_object_new (GLS_TYPE_TERM, NULL);
  self->ordinal = ordinal;
  self->position = ordinal;
  self->id = g_steal_pointer (&data->id);
  self->name = g_steal_pointer (&data->name);
  self->abbreviations = steal_strv (&data->abbreviations);
  self->aliases = steal_strv (&data->aliases);
  self->category_ids = steal_strv (&data->category_ids);
  self->related_ids = steal_strv (&data->related_ids);

  if (data->definitions != NULL)
    {
      self->n_definitions = data->definitions->len;
      if (data->references != NULL)
        {
          g_assert (data->references->len == self->n_definitions);
          g_ptr_array_set_free_func (data->references, NULL);
          self->references = (GArray **) g_ptr_array_free (g_steal_pointer (&data->references),
                                                           FALSE);
        }
      self->definitions = steal_strv (&data->definitions);
    }

  gls_term_data_clear (data);
  fold_keys (self);

  return self;
}

const char *
gls_term_get_id (GlsTerm *self)
{
  g_return_val_if_fail (GLS_IS_TERM (self), NULL);

  return self->id;
}

const char *
gls_term_get_name (GlsTerm *self)
{
  g_return_val_if_fail (GLS_IS_TERM (self), NULL);

  return self->name;
}

/* Returns: (transfer none): the abbreviations, never NULL */
const char * const *
gls_term_get_abbreviations (GlsTerm *self)
{
  g_return_val_if_fail (GLS_IS_TERM (self), NULL);

  return self->abbreviations ? (const char * const *) self->abbreviations : empty_strv;
}

const char * const *
gls_term_get_aliases (GlsTerm *self)
{
  g_return_val_if_fail (GLS_IS_TERM (self), NULL);

  return self->aliases ? (const char * const *) self->aliases : empty_strv;
}

const char * const *
gls_term_get_category_ids (GlsTerm *self)
{
  g_return_val_if_fail (GLS_IS_TERM (self), NULL);

  return self->category_ids ? (const char * const *) self->category_ids : empty_strv;
}

const char * const *
gls_term_get_related_ids (GlsTerm *self)
{
  g_return_val_if_fail (GLS_IS_TERM (self), NULL);

  return self->related_ids ? (const char * const *) self->related_ids : empty_strv;
}

guint
gls_term_get_n_definitions (GlsTerm *self)
{
  g_return_val_if_fail (GLS_IS_TERM (self), 0);

  return self->n_definitions;
}

/* Returns: the definition's text, white space collapsed */
const char *
gls_term_get_definition (GlsTerm *self,
                         guint    index)
{
  g_return_val_if_fail (GLS_IS_TERM (self), NULL);
  g_return_val_if_fail (index < self->n_definitions, NULL);

  return self->definitions[index];
}

/*
 * Returns: the inline references of a definition, in order of their start,
 * or NULL when it has none
 */
const GlsReference *
gls_term_get_references (GlsTerm *self,
                         guint    index,
                         guint   *n_references)
{
  GArray *references;

  g_return_val_if_fail (GLS_IS_TERM (self), NULL);
  g_return_val_if_fail (index < self->n_definitions, NULL);
  g_return_val_if_fail (n_references != NULL, NULL);

  references = self->references ? self->references[index] : NULL;
  if (references == NULL || references->len == 0)
    {
      *n_references = 0;
      return NULL;
    }
  *n_references = references->len;
  return &g_array_index (references, GlsReference, 0);
}

/* Returns: 'A' to 'Z', or '#' for names that start otherwise */
char
gls_term_get_letter (GlsTerm *self)
{
  g_return_val_if_fail (GLS_IS_TERM (self), '#');

  return self->letter;
}

/* Returns: the term's index in its glossary */
guint
gls_term_get_position (GlsTerm *self)
{
  g_return_val_if_fail (GLS_IS_TERM (self), 0);

  return self->position;
}

gboolean
gls_term_has_category (GlsTerm    *self,
                       const char *category_id)
{
  g_return_val_if_fail (GLS_IS_TERM (self), FALSE);
  g_return_val_if_fail (category_id != NULL, FALSE);

  return self->category_ids != NULL &&
         g_strv_contains ((const char * const *) self->category_ids, category_id);
}

/* Returns: "Name (ABBR, ABBR)" or just the name */
char *
gls_term_dup_heading (GlsTerm *self)
{
  g_autofree char *joined = NULL;

  g_return_val_if_fail (GLS_IS_TERM (self), NULL);

  if (self->abbreviations == NULL)
    return g_strdup (self->name);

  joined = g_strjoinv (", ", self->abbreviations);
  return g_strdup_printf ("%s (%s)", self->name, joined);
}

/* Returns: "Name (ABBR): definition", the form a user copies */
char *
gls_term_dup_plain_text (GlsTerm *self)
{
  g_autofree char *heading = NULL;
  GString *text;

  g_return_val_if_fail (GLS_IS_TERM (self), NULL);

  heading = gls_term_dup_heading (self);
  text = g_string_new (heading);
  g_string_append_c (text, ':');
  for (guint i = 0; i < self->n_definitions; i++)
    {
      if (self->n_definitions > 1)
        g_string_append_printf (text, " %u.", i + 1);
      g_string_append_c (text, ' ');
      g_string_append (text, self->definitions[i]);
    }
  return g_string_free (text, FALSE);
}

guint
_gls_term_get_ordinal (GlsTerm *self)
{
  return self->ordinal;
}

void
_gls_term_set_position (GlsTerm *self,
                        guint    position)
{
  self->position = position;
}

const char * const *
_gls_term_get_compact_keys (GlsTerm *self,
                            guint   *n_keys)
{
  *n_keys = self->n_compact_keys;
  return (const char * const *) self->compact_keys;
}

GlsKeyKind
_gls_term_get_key_kind (GlsTerm *self,
                        guint    key)
{
  g_assert (key < self->n_compact_keys);

  return self->key_kinds[key];
}

const char *
_gls_term_get_name_words (GlsTerm *self)
{
  return self->name_words;
}

void
_gls_term_set_category_indices (GlsTerm       *self,
                                const guint16 *indices,
                                guint          n_indices)
{
  g_free (self->category_indices);
  self->category_indices = g_memdup2 (indices, n_indices * sizeof (guint16));
  self->n_category_indices = n_indices;
}

gboolean
_gls_term_has_category_index (GlsTerm *self,
                              guint16  index)
{
  for (guint i = 0; i < self->n_category_indices; i++)
    if (self->category_indices[i] == index)
      return TRUE;
  return FALSE;
}

static void
strv_remove_index (char **strv,
                   guint  index)
{
  g_free (strv[index]);
  memmove (&strv[index], &strv[index + 1], (g_strv_length (&strv[index + 1]) + 1) * sizeof (char *));
}

void
_gls_term_drop_related (GlsTerm *self,
                        guint    index)
{
  g_assert (self->related_ids != NULL && index < g_strv_length (self->related_ids));

  strv_remove_index (self->related_ids, index);
  if (self->related_ids[0] == NULL)
    g_clear_pointer (&self->related_ids, g_strfreev);
}

void
_gls_term_drop_reference (GlsTerm *self,
                          guint    definition,
                          guint    index)
{
  GArray *references;

  g_assert (definition < self->n_definitions);
  references = self->references[definition];
  g_assert (index < references->len);

  g_array_remove_index (references, index);
}
