/* gls-term-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gls-term.h"

G_BEGIN_DECLS

#define GLS_TYPE_TERM_ROW (gls_term_row_get_type ())
G_DECLARE_FINAL_TYPE (GlsTermRow, gls_term_row, GLS, TERM_ROW, GtkWidget)

GlsTerm    *gls_term_row_get_term  (GlsTermRow *self);
void        gls_term_row_set_term  (GlsTermRow *self,
                                    GlsTerm    *term);
const char *gls_term_row_get_query (GlsTermRow *self);
void        gls_term_row_set_query (GlsTermRow *self,
                                    const char *query);
void        gls_term_row_show      (GlsTermRow *self,
                                    GlsTerm    *term,
                                    const char *query);

G_END_DECLS
