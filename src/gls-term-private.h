/* gls-term-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gls-term.h"

G_BEGIN_DECLS

/* What a loader fills in; the term takes ownership of every field. */
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

void      gls_term_data_clear           (GlsTermData *data);

/* The clear function of a GArray of GlsReference. */
void      _gls_reference_clear          (gpointer     reference);

GlsTerm  *_gls_term_new                 (GlsTermData *data,
                                         guint        ordinal) G_GNUC_WARN_UNUSED_RESULT;

/* The term's place in its file, and in its glossary's display order. */
guint     _gls_term_get_ordinal         (GlsTerm     *self);
void      _gls_term_set_position        (GlsTerm     *self,
                                         guint        position);

typedef enum
{
  GLS_KEY_NAME,
  GLS_KEY_ABBREVIATION,
  GLS_KEY_ALIAS,
} GlsKeyKind;

/*
 * Search keys, folded once when the term is made: the compact forms of the
 * name, then of each abbreviation, then of each alias.  Keys that fold to
 * nothing are left out.  The words of the name and aliases are kept with one
 * space between words.
 */
const char * const *_gls_term_get_compact_keys (GlsTerm *self,
                                                guint   *n_keys);
GlsKeyKind          _gls_term_get_key_kind     (GlsTerm *self,
                                                guint    key);
const char         *_gls_term_get_name_words   (GlsTerm *self);

void      _gls_term_set_category_indices (GlsTerm      *self,
                                          const guint16 *indices,
                                          guint          n_indices);
gboolean  _gls_term_has_category_index   (GlsTerm      *self,
                                          guint16       index);

/* Drops the related ids and references that point nowhere. */
void      _gls_term_drop_related         (GlsTerm      *self,
                                          guint         index);
void      _gls_term_drop_reference       (GlsTerm      *self,
                                          guint         definition,
                                          guint         index);

G_END_DECLS
