/* gls-glossary.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gls-category.h"
#include "gls-term.h"

G_BEGIN_DECLS

/* The letters of the A–Z index: 'A' to 'Z', then '#' for everything else. */
#define GLS_N_LETTERS 27

#define GLS_TYPE_GLOSSARY (gls_glossary_get_type ())
G_DECLARE_FINAL_TYPE (GlsGlossary, gls_glossary, GLS, GLOSSARY, GObject)

const char *gls_glossary_get_title            (GlsGlossary *self);
const char *gls_glossary_get_description      (GlsGlossary *self);
const char *gls_glossary_get_version          (GlsGlossary *self);
const char *gls_glossary_get_license          (GlsGlossary *self);
const char *gls_glossary_get_language         (GlsGlossary *self);
GFile      *gls_glossary_get_file             (GlsGlossary *self);
guint       gls_glossary_get_n_terms          (GlsGlossary *self);
GlsTerm    *gls_glossary_get_term             (GlsGlossary *self,
                                               guint        position);
GlsTerm    *gls_glossary_lookup               (GlsGlossary *self,
                                               const char  *id);
GListModel *gls_glossary_get_categories       (GlsGlossary *self);
GlsCategory *gls_glossary_lookup_category     (GlsGlossary *self,
                                               const char  *id);
guint       gls_glossary_get_letter_count     (GlsGlossary *self,
                                               char         letter);
GPtrArray  *gls_glossary_dup_backlinks        (GlsGlossary *self,
                                               GlsTerm     *term) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *gls_glossary_dup_related          (GlsGlossary *self,
                                               GlsTerm     *term) G_GNUC_WARN_UNUSED_RESULT;

char        gls_letter_from_index             (guint        index);
int         gls_letter_to_index               (char         letter);

G_END_DECLS
