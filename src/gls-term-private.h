/* gls-term-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gls-term.h"

G_BEGIN_DECLS

typedef enum
{
  GLS_KEY_NAME,
  GLS_KEY_ABBREVIATION,
  GLS_KEY_ALIAS,
} GlsKeyKind;

typedef struct _GlsTermBlock GlsTermBlock;

/*
 * The instance, open to the core so that its hot loops read fields without
 * type checks.  Every string and array lives in one piece, @storage, cut
 * from a block shared with the terms made after it (see GlsTermStore): a
 * large glossary is mostly terms, and a few dozen small allocations each
 * would double its memory.
 */
struct _GlsTerm
{
  GObject        parent_instance;

  const char    *id;
  const char    *name;
  const char   **abbreviations;      /* each NULL-terminated */
  const char   **aliases;
  const char   **category_ids;
  const char   **related_ids;
  const char   **definitions;
  GlsReference  *references;         /* of every definition, in order */
  guint32       *reference_ends;     /* per definition: its end in references */

  /* Search keys, folded once: the compact forms of the name, then of each
   * abbreviation, then of each alias (keys that fold to nothing are left
   * out), and the words of the name and aliases with one space between.
   */
  const char   **compact_keys;
  guint8        *key_kinds;          /* GlsKeyKind of each compact key */
  const char    *name_words;

  guint16       *category_indices;   /* room for one per category id */
  guint          n_category_indices;
  guint          n_definitions;
  guint          n_compact_keys;
  guint          ordinal;            /* place in the file */
  guint          position;           /* place in the glossary's display order */
  char           letter;

  gpointer       storage;
  GlsTermBlock  *block;              /* holds @storage, shared */
};

/* An inline reference while a term is read: offsets into the term's strings. */
typedef struct
{
  guint32 definition;
  guint32 start;
  guint32 end;
  guint32 term_id;
} GlsTermDataReference;

/*
 * What a loader fills in for one term, reused from term to term: every
 * string in one buffer, the parts as offsets into it.
 */
typedef struct
{
  GString *strings;          /* each string ending in a NUL */
  gint32   id;               /* offsets into strings, -1 while absent */
  gint32   name;
  GArray  *abbreviations;    /* guint32 offsets */
  GArray  *aliases;
  GArray  *category_ids;
  GArray  *related_ids;
  GArray  *definitions;
  GArray  *references;       /* GlsTermDataReference */
} GlsTermData;

void        gls_term_data_init       (GlsTermData *data);
void        gls_term_data_reset      (GlsTermData *data);
void        gls_term_data_clear      (GlsTermData *data);
guint32     gls_term_data_add_string (GlsTermData *data,
                                      const char  *text,
                                      gsize        length);
gsize       gls_term_data_pack       (GlsTermData *data,
                                      GByteArray  *records);

static inline const char *
gls_term_data_get_string (GlsTermData *data,
                          gint32       offset)
{
  return offset >= 0 ? data->strings->str + offset : NULL;
}

/*
 * Where terms made one after the other take their storage from: blocks
 * that each hold many terms and live until the last of them goes.  One
 * store serves one thread.
 */
typedef struct _GlsTermStore GlsTermStore;

GlsTermStore *gls_term_store_new  (void) G_GNUC_WARN_UNUSED_RESULT;
void          gls_term_store_free (GlsTermStore *store);

/* Makes a term of a record from gls_term_data_pack(), copying all of it. */
GlsTerm  *_gls_term_new                  (gconstpointer  record,
                                          guint          ordinal,
                                          GlsTermStore  *store) G_GNUC_WARN_UNUSED_RESULT;

void      _gls_term_set_category_indices (GlsTerm       *self,
                                          const guint16 *indices,
                                          guint          n_indices);
gboolean  _gls_term_has_category_index   (GlsTerm       *self,
                                          guint16        index);

/* Drops a related id or an inline reference that points nowhere. */
void      _gls_term_drop_related         (GlsTerm       *self,
                                          guint          index);
void      _gls_term_drop_reference       (GlsTerm       *self,
                                          guint          definition,
                                          guint          index);

/* How many terms ahead a walk over them fetches what it reads: they lie far
 * apart in memory.
 */
#define GLS_TERM_PREFETCH 8

G_END_DECLS
