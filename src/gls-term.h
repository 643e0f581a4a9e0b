/* gls-term.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * An inline reference inside a definition: the bytes [start, end) of the
 * definition's text link to the term with id @term_id.
 */
typedef struct
{
  guint       start;
  guint       end;
  const char *term_id;
} GlsReference;

#define GLS_TYPE_TERM (gls_term_get_type ())
G_DECLARE_FINAL_TYPE (GlsTerm, gls_term, GLS, TERM, GObject)

const char         *gls_term_get_id               (GlsTerm    *self);
const char         *gls_term_get_name             (GlsTerm    *self);
const char * const *gls_term_get_abbreviations    (GlsTerm    *self);
const char * const *gls_term_get_aliases          (GlsTerm    *self);
const char * const *gls_term_get_category_ids     (GlsTerm    *self);
const char * const *gls_term_get_related_ids      (GlsTerm    *self);
guint               gls_term_get_n_definitions    (GlsTerm    *self);
const char         *gls_term_get_definition       (GlsTerm    *self,
                                                   guint       index);
const GlsReference *gls_term_get_references       (GlsTerm    *self,
                                                   guint       index,
                                                   guint      *n_references);
char                gls_term_get_letter           (GlsTerm    *self);
guint               gls_term_get_position         (GlsTerm    *self);
gboolean            gls_term_has_category         (GlsTerm    *self,
                                                   const char *category_id);
char               *gls_term_dup_heading          (GlsTerm    *self) G_GNUC_WARN_UNUSED_RESULT;
char               *gls_term_dup_plain_text       (GlsTerm    *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
