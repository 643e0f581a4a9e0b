/* gls-test-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gls-window.h"

G_BEGIN_DECLS

/* Sets GTK up for a test of the window; returns the run's one application. */
GtkApplication *gls_test_window_init         (int         *argc,
                                              char      ***argv,
                                              const char  *application_id);

/* Runs the main loop until @done says so, failing after @seconds. */
void            gls_test_wait_until          (gboolean  (*done) (GlsWindow *window),
                                              GlsWindow  *window,
                                              guint       seconds);
gboolean        gls_test_window_is_loaded    (GlsWindow  *window);
void            gls_test_drain               (void);

/* Lays the window out and paints it, as the screen would. */
void            gls_test_window_paint        (GlsWindow  *window,
                                              guint       seconds);
void            gls_test_window_open         (GlsWindow  *window,
                                              const char *path);

G_END_DECLS
