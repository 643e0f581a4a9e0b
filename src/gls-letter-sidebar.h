/* gls-letter-sidebar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gls-glossary.h"

G_BEGIN_DECLS

#define GLS_TYPE_LETTER_SIDEBAR (gls_letter_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (GlsLetterSidebar, gls_letter_sidebar, GLS, LETTER_SIDEBAR, GtkWidget)

GlsGlossary *gls_letter_sidebar_get_glossary (GlsLetterSidebar *self);
void         gls_letter_sidebar_set_glossary (GlsLetterSidebar *self,
                                              GlsGlossary      *glossary);
char         gls_letter_sidebar_get_letter   (GlsLetterSidebar *self);
void         gls_letter_sidebar_set_letter   (GlsLetterSidebar *self,
                                              char              letter);

G_END_DECLS
