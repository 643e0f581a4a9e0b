/* gls-term.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gls-fold.h"
#include "gls-term-private.h"

/* Big enough that a large glossary takes its storage in a few hundred
 * allocations rather than one a term: on a thread of its own, each
 * allocation that grows the heap by a page costs a system call.
 */
#define BLOCK_SIZE (256 * 1024)

struct _GlsTermBlock
{
  gatomicrefcount refs;
  gsize           size;
  gsize           used;
  max_align_t     data[];
};

struct _GlsTermStore
{
  GlsTermBlock *block;      /* the one being filled, with a reference */
};

static void
block_unref (GlsTermBlock *block)
{
  if (g_atomic_ref_count_dec (&block->refs))
    g_free (block);
}

static GlsTermBlock *
block_new (gsize size)
{
  GlsTermBlock *block = g_malloc (sizeof (GlsTermBlock) + size);

  g_atomic_ref_count_init (&block->refs);
  block->size = size;
  block->used = 0;
  return block;
}

GlsTermStore *
gls_term_store_new (void)
{
  return g_new0 (GlsTermStore, 1);
}

void
gls_term_store_free (GlsTermStore *store)
{
  if (store == NULL)
    return;
  g_clear_pointer (&store->block, block_unref);
  g_free (store);
}

/* Gives @self @size bytes of storage, aligned for any type. */
static void
store_alloc (GlsTermStore *store,
             GlsTerm      *self,
             gsize         size)
{
  GlsTermBlock *block = store->block;

  size = (size + sizeof (max_align_t) - 1) & ~(sizeof (max_align_t) - 1);
  if (size > BLOCK_SIZE / 4)
    block = block_new (size);        /* a term of its own */
  else if (block == NULL || block->size - block->used < size)
    {
      g_clear_pointer (&store->block, block_unref);
      /* Room for malloc's own header within the size, which is whole pages. */
      block = store->block = block_new (BLOCK_SIZE - sizeof (GlsTermBlock) - 64);
    }

  /* A block of one term hands it the block's own reference. */
  if (block == store->block)
    g_atomic_ref_count_inc (&block->refs);
  self->block = block;
  self->storage = (char *) block->data + block->used;
  block->used += size;
}

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

  g_clear_pointer (&self->block, block_unref);

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
gls_term_data_init (GlsTermData *data)
{
  data->strings = g_string_sized_new (4096);
  data->abbreviations = g_array_new (FALSE, FALSE, sizeof (guint32));
  data->aliases = g_array_new (FALSE, FALSE, sizeof (guint32));
  data->category_ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  data->related_ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  data->definitions = g_array_new (FALSE, FALSE, sizeof (guint32));
  data->references = g_array_new (FALSE, FALSE, sizeof (GlsTermDataReference));
  data->id = -1;
  data->name = -1;
}

/* Empties @data for the next term, keeping its buffers. */
void
gls_term_data_reset (GlsTermData *data)
{
  g_string_truncate (data->strings, 0);
  g_array_set_size (data->abbreviations, 0);
  g_array_set_size (data->aliases, 0);
  g_array_set_size (data->category_ids, 0);
  g_array_set_size (data->related_ids, 0);
  g_array_set_size (data->definitions, 0);
  g_array_set_size (data->references, 0);
  data->id = -1;
  data->name = -1;
}

void
gls_term_data_clear (GlsTermData *data)
{
  if (data->strings != NULL)
    g_string_free (g_steal_pointer (&data->strings), TRUE);
  g_clear_pointer (&data->abbreviations, g_array_unref);
  g_clear_pointer (&data->aliases, g_array_unref);
  g_clear_pointer (&data->category_ids, g_array_unref);
  g_clear_pointer (&data->related_ids, g_array_unref);
  g_clear_pointer (&data->definitions, g_array_unref);
  g_clear_pointer (&data->references, g_array_unref);
}

/* Returns: the offset of the copy of @text in @data's strings */
guint32
gls_term_data_add_string (GlsTermData *data,
                          const char  *text,
                          gsize        length)
{
  guint32 offset = data->strings->len;

  g_string_append_len (data->strings, text, length);
  g_string_append_c (data->strings, '\0');
  return offset;
}

/*
 * A term as read, in one block for the builder's thread: this header, the
 * offsets of the abbreviations, aliases, category ids, related ids and
 * definitions, the references, then the strings.
 */
typedef struct
{
  guint32 id;
  guint32 name;
  guint32 n_abbreviations;
  guint32 n_aliases;
  guint32 n_category_ids;
  guint32 n_related_ids;
  guint32 n_definitions;
  guint32 n_references;
  guint32 strings_length;
  guint32 offsets[];
} Record;

/* Records are laid out one after the other, each at a multiple of 8. */
#define GLS_ALIGN_RECORD(offset) (((offset) + 7) & ~(gsize) 7)

static inline guint32
record_n_offsets (const Record *record)
{
  return record->n_abbreviations + record->n_aliases + record->n_category_ids +
         record->n_related_ids + record->n_definitions;
}

static inline const GlsTermDataReference *
record_references (const Record *record)
{
  return (const GlsTermDataReference *) (record->offsets + record_n_offsets (record));
}

static inline const char *
record_strings (const Record *record)
{
  return (const char *) (record_references (record) + record->n_references);
}

/*
 * Appends @data to @records in one block, for _gls_term_new(), at an offset
 * aligned for the record.  Many records share one array, which can be
 * emptied and filled again, so that reading a file does not allocate a
 * block for every term.
 *
 * Returns: the record's offset in @records
 */
gsize
gls_term_data_pack (GlsTermData *data,
                    GByteArray  *records)
{
  GArray *lists[] = {
    data->abbreviations, data->aliases, data->category_ids, data->related_ids, data->definitions,
  };
  gsize n_offsets = 0;
  Record *record;
  guint32 *offsets;
  gsize size;
  gsize start;

  g_return_val_if_fail (data->id >= 0 && data->name >= 0, 0);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    n_offsets += lists[l]->len;
  size = sizeof (Record) + n_offsets * sizeof (guint32) +
         data->references->len * sizeof (GlsTermDataReference) + data->strings->len;
  start = GLS_ALIGN_RECORD (records->len);
  g_byte_array_set_size (records, start + size);
  record = (Record *) (records->data + start);
  record->id = data->id;
  record->name = data->name;
  record->n_abbreviations = data->abbreviations->len;
  record->n_aliases = data->aliases->len;
  record->n_category_ids = data->category_ids->len;
  record->n_related_ids = data->related_ids->len;
  record->n_definitions = data->definitions->len;
  record->n_references = data->references->len;
  record->strings_length = data->strings->len;

  offsets = record->offsets;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      if (lists[l]->len > 0)
        memcpy (offsets, lists[l]->data, lists[l]->len * sizeof (guint32));
      offsets += lists[l]->len;
    }
  if (data->references->len > 0)
    memcpy (offsets, data->references->data,
            data->references->len * sizeof (GlsTermDataReference));
  memcpy ((char *) record_strings (record), data->strings->str, data->strings->len);
  return start;
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
fold_keys (const Record *record,
           Keys         *keys)
{
  const char *strings = record_strings (record);
  const guint32 *abbreviations = record->offsets;
  const guint32 *aliases = abbreviations + record->n_abbreviations;
  g_autoptr(GString) words = g_string_new (NULL);

  keys->text = g_string_sized_new (256);
  keys->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  keys->kinds = g_array_new (FALSE, FALSE, sizeof (guint8));

  add_key (keys, strings + record->name, GLS_KEY_NAME);
  for (guint i = 0; i < record->n_abbreviations; i++)
    add_key (keys, strings + abbreviations[i], GLS_KEY_ABBREVIATION);
  for (guint i = 0; i < record->n_aliases; i++)
    add_key (keys, strings + aliases[i], GLS_KEY_ALIAS);

  gls_fold_append (words, strings + record->name, -1, GLS_FOLD_WORDS, NULL);
  for (guint i = 0; i < record->n_aliases; i++)
    gls_fold_append (words, strings + aliases[i], -1, GLS_FOLD_WORDS, NULL);
  keys->words_start = keys->text->len;
  g_string_append_len (keys->text, words->str, words->len);
  g_string_append_c (keys->text, '\0');
}

/* Hands out consecutive pieces of a term's storage. */
typedef struct
{
  char *pointers;      /* const char * slots and GlsReference, aligned */
  char *numbers;       /* guint32, then guint16, then guint8 */
  char *chars;
} Packer;

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

/* Copies @n strings of @record, at @offsets, into a NULL-terminated array. */
static const char **
pack_strings (Packer        *packer,
              const Record  *record,
              const guint32 *offsets,
              guint          n)
{
  const char **array = (const char **) packer->pointers;
  const char *strings = record_strings (record);

  for (guint i = 0; i < n; i++)
    array[i] = pack_string (packer, strings + offsets[i], strlen (strings + offsets[i]));
  array[n] = NULL;
  packer->pointers += (n + 1) * sizeof (char *);
  return array;
}

/* Copies everything in @record into one block. */
static void
pack (GlsTerm      *self,
      const Record *record,
      Keys         *keys,
      GlsTermStore *store)
{
  const char *strings = record_strings (record);
  const guint32 *abbreviations = record->offsets;
  const guint32 *aliases = abbreviations + record->n_abbreviations;
  const guint32 *category_ids = aliases + record->n_aliases;
  const guint32 *related_ids = category_ids + record->n_category_ids;
  const guint32 *definitions = related_ids + record->n_related_ids;
  const GlsTermDataReference *references = record_references (record);
  guint n_keys = keys->starts->len;
  gsize pointers_size;
  gsize numbers_size;
  Packer packer;

  /* Every string of the record is copied once, the reference ids included,
   * so the record's strings size the characters.
   */
  pointers_size = (record_n_offsets (record) + n_keys + 6) * sizeof (char *) +
                  record->n_references * sizeof (GlsReference);
  numbers_size = record->n_definitions * sizeof (guint32) +
                 record->n_category_ids * sizeof (guint16) + n_keys;

  store_alloc (store, self,
               pointers_size + numbers_size + record->strings_length + keys->text->len);
  packer.pointers = self->storage;
  packer.numbers = packer.pointers + pointers_size;
  packer.chars = packer.numbers + numbers_size;

  self->id = pack_string (&packer, strings + record->id, strlen (strings + record->id));
  self->name = pack_string (&packer, strings + record->name, strlen (strings + record->name));
  self->abbreviations = pack_strings (&packer, record, abbreviations, record->n_abbreviations);
  self->aliases = pack_strings (&packer, record, aliases, record->n_aliases);
  self->category_ids = pack_strings (&packer, record, category_ids, record->n_category_ids);
  self->related_ids = pack_strings (&packer, record, related_ids, record->n_related_ids);
  self->definitions = pack_strings (&packer, record, definitions, record->n_definitions);
  self->n_definitions = record->n_definitions;

  self->compact_keys = (const char **) packer.pointers;
  packer.pointers += (n_keys + 1) * sizeof (char *);
  self->references = (GlsReference *) packer.pointers;
  packer.pointers += record->n_references * sizeof (GlsReference);

  self->reference_ends = (guint32 *) packer.numbers;
  packer.numbers += record->n_definitions * sizeof (guint32);
  self->category_indices = (guint16 *) packer.numbers;
  packer.numbers += record->n_category_ids * sizeof (guint16);
  self->key_kinds = (guint8 *) packer.numbers;
  /* A name of nothing but invisible characters folds to no key at all, and
   * an empty array may have no data to copy from.
   */
  if (n_keys > 0)
    memcpy (self->key_kinds, keys->kinds->data, n_keys);

  /* References come in order of their definitions. */
  for (guint d = 0, r = 0; d < record->n_definitions; d++)
    {
      for (; r < record->n_references && references[r].definition == d; r++)
        {
          const char *term_id = strings + references[r].term_id;

          self->references[r].start = references[r].start;
          self->references[r].end = references[r].end;
          self->references[r].term_id = pack_string (&packer, term_id, strlen (term_id));
        }
      self->reference_ends[d] = r;
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
_gls_term_new (gconstpointer  record,
               guint          ordinal,
               GlsTermStore  *store)
{
  GlsTerm *self;
  Keys keys;

  g_return_val_if_fail (record != NULL, NULL);
  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (GLS_TYPE_TERM, NULL);
  self->ordinal = ordinal;
  self->position = ordinal;

  fold_keys (record, &keys);
  pack (self, record, &keys, store);

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

  if (n_indices > 0)
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
