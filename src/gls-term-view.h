/* gls-term-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gls-glossary.h"

G_BEGIN_DECLS

#define GLS_TYPE_TERM_VIEW (gls_term_view_get_type ())
G_DECLARE_FINAL_TYPE (GlsTermView, gls_term_view, GLS, TERM_VIEW, GtkWidget)

GlsGlossary *gls_term_view_get_glossary (GlsTermView *self);
void         gls_term_view_set_glossary (GlsTermView *self,
                                         GlsGlossary *glossary);
GlsTerm     *gls_term_view_get_term     (GlsTermView *self);
void         gls_term_view_set_term     (GlsTermView *self,
                                         GlsTerm     *term);
gboolean     gls_term_view_open_uri     (GtkWidget   *widget,
                                         const char  *uri);

G_END_DECLS
