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

/*
 * The instance, open to the core so that its hot loops read fields without
 * type checks.  Every string and array lives in one block, @storage,
 * allocated when the term is made: a large glossary is mostly terms, and a
 * few dozen small allocations each would double its memory.
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
};

/* What a loader fills in and hands to _gls_term_new(), which copies it. */
typedef struct
{
  char      *id;
  char      *name;
  GPtrArray *abbreviations;   /* char* */
  GPtrArray *aliases;         /* char* */
  GPtrArray *category_ids;    /* char* */
  GPtrArray *related_ids;     /* char* */
  GPtrArray *definitions;     /* char* */
  GPtrArray *references;      /* GArray* of GlsReference, one per definition */
} GlsTermData;

void      gls_term_data_clear            (GlsTermData   *data);

/* The clear function of a GArray of GlsReference whose ids it owns. */
void      _gls_reference_clear           (gpointer       reference);

GlsTerm  *_gls_term_new                  (GlsTermData   *data,
                                          guint          ordinal) G_GNUC_WARN_UNUSED_RESULT;

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

G_END_DECLS
