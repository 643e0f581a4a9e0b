/* gls-result-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gls-glossary.h"
#include "gls-search.h"

G_BEGIN_DECLS

/* Glossaries up to this size are searched on the calling thread. */
#define GLS_RESULT_LIST_SYNC_LIMIT 20000

#define GLS_TYPE_RESULT_LIST (gls_result_list_get_type ())
G_DECLARE_FINAL_TYPE (GlsResultList, gls_result_list, GLS, RESULT_LIST, GObject)

GlsResultList *gls_result_list_new             (void) G_GNUC_WARN_UNUSED_RESULT;
GlsGlossary   *gls_result_list_get_glossary    (GlsResultList *self);
void           gls_result_list_set_glossary    (GlsResultList *self,
                                                GlsGlossary   *glossary);
const char    *gls_result_list_get_query       (GlsResultList *self);
void           gls_result_list_set_query       (GlsResultList *self,
                                                const char    *query);
const char    *gls_result_list_get_category    (GlsResultList *self);
void           gls_result_list_set_category    (GlsResultList *self,
                                                const char    *category_id);
char           gls_result_list_get_letter      (GlsResultList *self);
void           gls_result_list_set_letter      (GlsResultList *self,
                                                char           letter);
gboolean       gls_result_list_get_searching   (GlsResultList *self);
GlsMatchTier   gls_result_list_get_tier        (GlsResultList *self,
                                                guint          position);
guint          gls_result_list_find            (GlsResultList *self,
                                                GlsTerm       *term);
GPtrArray     *gls_result_list_dup_suggestions (GlsResultList *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
