/* gls-term.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gls-fold.h"
#include "gls-term-private.h"

G_DEFINE_FINAL_TYPE (GlsTerm, gls_term, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gls_term_finalize (GObject *object)
{
  GlsTerm *self = (GlsTerm *) object;

  g_free (self->storage);

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

  g_clear_pointer ((char **) &reference->term_id, g_free);
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

/* The search keys of a term before they are copied into its storage. */
typedef struct
{
  GString *text;           /* each key, then the words, NUL-terminated */
  GArray  *starts;         /* guint offsets of the keys in text */
  GArray  *kinds;          /* guint8 */
  gsize    words_start;
} Keys;

static void
add_key (Keys       *keys,
         const char *string,
         GlsKeyKind  kind)
{
  gsize start = keys->text->len;
  guint8 kind8 = kind;
  guint start32 = start;

  gls_fold_append (keys->text, string, -1, GLS_FOLD_COMPACT, NULL);
  if (keys->text->len == start)
    return;
  g_string_append_c (keys->text, '\0');
  g_array_append_val (keys->starts, start32);
  g_array_append_val (keys->kinds, kind8);
}

static void
fold_keys (GlsTermData *data,
           Keys        *keys)
{
  keys->text = g_string_sized_new (256);
  keys->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  keys->kinds = g_array_new (FALSE, FALSE, sizeof (guint8));

  add_key (keys, data->name, GLS_KEY_NAME);
  for (guint i = 0; data->abbreviations && i < data->abbreviations->len; i++)
    add_key (keys, g_ptr_array_index (data->abbreviations, i), GLS_KEY_ABBREVIATION);
  for (guint i = 0; data->aliases && i < data->aliases->len; i++)
    add_key (keys, g_ptr_array_index (data->aliases, i), GLS_KEY_ALIAS);

  {
    g_autoptr(GString) words = g_string_new (NULL);

    gls_fold_append (words, data->name, -1, GLS_FOLD_WORDS, NULL);
    for (guint i = 0; data->aliases && i < data->aliases->len; i++)
      gls_fold_append (words, g_ptr_array_index (data->aliases, i), -1, GLS_FOLD_WORDS, NULL);
    keys->words_start = keys->text->len;
    g_string_append_len (keys->text, words->str, words->len);
  }
  g_string_append_c (keys->text, '\0');
}

/* Hands out consecutive pieces of a term's storage. */
typedef struct
{
  char *pointers;      /* const char * slots and GlsReference, aligned */
  char *numbers;       /* guint32, then guint16, then guint8 */
  char *chars;
} Packer;

static gsize
strings_size (GPtrArray *strings)
{
  gsize size = 0;

  for (guint i = 0; strings && i < strings->len; i++)
    size += strlen (g_ptr_array_index (strings, i)) + 1;
  return size;
}

static const char *
pack_string (Packer     *packer,
             const char *string,
             gsize       length)
{
  char *copy = packer->chars;

  memcpy (copy, string, length);
  copy[length] = '\0';
  packer->chars += length + 1;
  return copy;
}

static const char **
pack_strings (Packer    *packer,
              GPtrArray *strings)
{
  const char **array = (const char **) packer->pointers;
  guint n = strings ? strings->len : 0;

  for (guint i = 0; i < n; i++)
    {
      const char *string = g_ptr_array_index (strings, i);

      array[i] = pack_string (packer, string, strlen (string));
    }
  array[n] = NULL;
  packer->pointers += (n + 1) * sizeof (char *);
  return array;
}

static guint
array_length (GPtrArray *array)
{
  return array ? array->len : 0;
}

/* Copies everything in @data into one block. */
static void
pack (GlsTerm     *self,
      GlsTermData *data,
      Keys        *keys)
{
  guint n_definitions = array_length (data->definitions);
  guint n_categories = array_length (data->category_ids);
  guint n_keys = keys->starts->len;
  gsize n_references = 0;
  gsize reference_chars = 0;
  gsize pointers_size;
  gsize numbers_size;
  gsize chars_size;
  Packer packer;
  GlsReference *reference;

  for (guint d = 0; data->references && d < data->references->len; d++)
    {
      GArray *references = g_ptr_array_index (data->references, d);

      n_references += references->len;
      for (guint i = 0; i < references->len; i++)
        reference_chars += strlen (g_array_index (references, GlsReference, i).term_id) + 1;
    }

  pointers_size = (array_length (data->abbreviations) + array_length (data->aliases) +
                   n_categories + array_length (data->related_ids) + n_definitions +
                   n_keys + 6) * sizeof (char *) +
                  n_references * sizeof (GlsReference);
  numbers_size = n_definitions * sizeof (guint32) + n_categories * sizeof (guint16) + n_keys;
  chars_size = strlen (data->id) + 1 + strlen (data->name) + 1 +
               strings_size (data->abbreviations) + strings_size (data->aliases) +
               strings_size (data->category_ids) + strings_size (data->related_ids) +
               strings_size (data->definitions) + reference_chars + keys->text->len;

  self->storage = g_malloc (pointers_size + numbers_size + chars_size);
  packer.pointers = self->storage;
  packer.numbers = packer.pointers + pointers_size;
  packer.chars = packer.numbers + numbers_size;

  self->id = pack_string (&packer, data->id, strlen (data->id));
  self->name = pack_string (&packer, data->name, strlen (data->name));
  self->abbreviations = pack_strings (&packer, data->abbreviations);
  self->aliases = pack_strings (&packer, data->aliases);
  self->category_ids = pack_strings (&packer, data->category_ids);
  self->related_ids = pack_strings (&packer, data->related_ids);
  self->definitions = pack_strings (&packer, data->definitions);
  self->n_definitions = n_definitions;

  self->compact_keys = (const char **) packer.pointers;
  packer.pointers += (n_keys + 1) * sizeof (char *);
  self->references = (GlsReference *) packer.pointers;
  packer.pointers += n_references * sizeof (GlsReference);

  self->reference_ends = (guint32 *) packer.numbers;
  packer.numbers += n_definitions * sizeof (guint32);
  self->category_indices = (guint16 *) packer.numbers;
  packer.numbers += n_categories * sizeof (guint16);
  self->key_kinds = (guint8 *) packer.numbers;
  /* A name of nothing but invisible characters folds to no key at all, and
   * an empty array may have no data to copy from.
   */
  if (n_keys > 0)
    memcpy (self->key_kinds, keys->kinds->data, n_keys);

  reference = self->references;
  for (guint d = 0; d < n_definitions; d++)
    {
      GArray *references = data->references ? g_ptr_array_index (data->references, d) : NULL;

      for (guint i = 0; references != NULL && i < references->len; i++)
        {
          const GlsReference *source = &g_array_index (references, GlsReference, i);

          reference->start = source->start;
          reference->end = source->end;
          reference->term_id = pack_string (&packer, source->term_id, strlen (source->term_id));
          reference++;
        }
      self->reference_ends[d] = reference - self->references;
    }

  {
    char *folded = packer.chars;

    memcpy (folded, keys->text->str, keys->text->len);
    for (guint k = 0; k < n_keys; k++)
      self->compact_keys[k] = folded + g_array_index (keys->starts, guint, k);
    self->compact_keys[n_keys] = NULL;
    self->n_compact_keys = n_keys;
    self->name_words = folded + keys->words_start;
  }
}

GlsTerm *
_gls_term_new (GlsTermData *data,
               guint        ordinal)
{
  GlsTerm *self;
  Keys keys;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (data->id != NULL, NULL);
  g_return_val_if_fail (data->name != NULL, NULL);

  self = g_object_new (GLS_TYPE_TERM, NULL);
  self->ordinal = ordinal;
  self->position = ordinal;

  fold_keys (data, &keys);
  pack (self, data, &keys);

  /* The letter index files a term under the base letter of its first
   * letter or digit; anything other than A to Z goes under '#'.
   */
  if (self->n_compact_keys > 0 && self->key_kinds[0] == GLS_KEY_NAME &&
      self->compact_keys[0][0] >= 'a' && self->compact_keys[0][0] <= 'z')
    self->letter = g_ascii_toupper (self->compact_keys[0][0]);
  else
    self->letter = '#';

  g_string_free (keys.text, TRUE);
  g_array_unref (keys.starts);
  g_array_unref (keys.kinds);
  gls_term_data_clear (data);
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

  return self->abbreviations;
}

const char * const *
gls_term_get_aliases (GlsTerm *self)
{
  g_return_val_if_fail (GLS_IS_TERM (self), NULL);

  return self->aliases;
}

const char * const *
gls_term_get_category_ids (GlsTerm *self)
{
  g_return_val_if_fail (GLS_IS_TERM (self), NULL);

  return self->category_ids;
}

const char * const *
gls_term_get_related_ids (GlsTerm *self)
{
  g_return_val_if_fail (GLS_IS_TERM (self), NULL);

  return self->related_ids;
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
  guint32 first;

  g_return_val_if_fail (GLS_IS_TERM (self), NULL);
  g_return_val_if_fail (index < self->n_definitions, NULL);
  g_return_val_if_fail (n_references != NULL, NULL);

  first = index == 0 ? 0 : self->reference_ends[index - 1];
  *n_references = self->reference_ends[index] - first;
  return *n_references > 0 ? &self->references[first] : NULL;
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

  return g_strv_contains (self->category_ids, category_id);
}

/* Returns: "Name (ABBR, ABBR)" or just the name */
char *
gls_term_dup_heading (GlsTerm *self)
{
  g_autofree char *joined = NULL;

  g_return_val_if_fail (GLS_IS_TERM (self), NULL);

  if (self->abbreviations[0] == NULL)
    return g_strdup (self->name);

  joined = g_strjoinv (", ", (char **) self->abbreviations);
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

void
_gls_term_set_category_indices (GlsTerm       *self,
                                const guint16 *indices,
                                guint          n_indices)
{
  g_assert (n_indices <= g_strv_length ((char **) self->category_ids));

  memcpy (self->category_indices, indices, n_indices * sizeof (guint16));
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

void
_gls_term_drop_related (GlsTerm *self,
                        guint    index)
{
  guint n_related = g_strv_length ((char **) self->related_ids);

  g_assert (index < n_related);

  memmove (&self->related_ids[index], &self->related_ids[index + 1],
           (n_related - index) * sizeof (char *));
}

void
_gls_term_drop_reference (GlsTerm *self,
                          guint    definition,
                          guint    index)
{
  guint32 first;
  guint32 total;

  g_assert (definition < self->n_definitions);
  first = definition == 0 ? 0 : self->reference_ends[definition - 1];
  g_assert (first + index < self->reference_ends[definition]);

  total = self->reference_ends[self->n_definitions - 1];
  memmove (&self->references[first + index], &self->references[first + index + 1],
           (total - first - index - 1) * sizeof (GlsReference));
  for (guint d = definition; d < self->n_definitions; d++)
    self->reference_ends[d]--;
}
