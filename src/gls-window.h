/* gls-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gls-glossary.h"
#include "gls-result-list.h"

G_BEGIN_DECLS

#define GLS_TYPE_WINDOW (gls_window_get_type ())
G_DECLARE_FINAL_TYPE (GlsWindow, gls_window, GLS, WINDOW, GtkApplicationWindow)

GlsWindow     *gls_window_new             (GtkApplication *application,
                                           GSettings      *settings) G_GNUC_WARN_UNUSED_RESULT;
GlsGlossary   *gls_window_get_glossary    (GlsWindow      *self);
void           gls_window_set_glossary    (GlsWindow      *self,
                                           GlsGlossary    *glossary);
GlsTerm       *gls_window_get_term        (GlsWindow      *self);
gboolean       gls_window_show_term_id    (GlsWindow      *self,
                                           const char     *term_id);
GlsResultList *gls_window_get_results     (GlsWindow      *self);
void           gls_window_open_file       (GlsWindow      *self,
                                           GFile          *file);
void           gls_window_open_bundled    (GlsWindow      *self);
gboolean       gls_window_get_loading     (GlsWindow      *self);
void           gls_window_restore_session (GlsWindow      *self);
void           gls_window_show_notice     (GlsWindow      *self,
                                           const char     *title,
                                           const char     *message,
                                           gboolean        is_error);

G_END_DECLS
