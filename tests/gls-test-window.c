/* gls-test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "gls-loader.h"
#include "gls-resources.h"
#include "gls-test-window.h"

GtkApplication *
gls_test_window_init (int         *argc,
                      char      ***argv,
                      const char  *application_id)
{
  g_autoptr(GError) error = NULL;
  GtkApplication *application;

  setlocale (LC_ALL, "");
  gtk_test_init (argc, argv, NULL);
  gls_loader_init ();
  /* Revealers show their child at once, for the screenshots. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gls_register_resource ();

  application = gtk_application_new (application_id, G_APPLICATION_NON_UNIQUE);
  /* The program's icons and shortcuts window, whatever the test's own id. */
  g_application_set_resource_base_path (G_APPLICATION (application), RESOURCE_BASE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  return application;
}

void
gls_test_wait_until (gboolean  (*done) (GlsWindow *window),
                     GlsWindow  *window,
                     guint       seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  /* One iteration may have taken it all. */
  g_assert_cmpint (g_get_monotonic_time (), <, deadline);
}

gboolean
gls_test_window_is_loaded (GlsWindow *window)
{
  return !gls_window_get_loading (window);
}

void
gls_test_drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
is_painted (GlsWindow *window)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (window), "painted"));
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GlsWindow     *window)
{
  g_object_set_data (G_OBJECT (window), "painted", GINT_TO_POINTER (TRUE));
}

/* Text that is slow to lay out shows here, and the deadline catches a freeze. */
void
gls_test_window_paint (GlsWindow *window,
                       guint      seconds)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gulong handler;

  gls_test_drain ();
  g_object_set_data (G_OBJECT (window), "painted", NULL);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), window);
  gtk_widget_queue_resize (GTK_WIDGET (window));
  gls_test_wait_until (is_painted, window, seconds);
  g_signal_handler_disconnect (clock, handler);
}

/* Opens the file at @path and waits until the window has done with it. */
void
gls_test_window_open (GlsWindow  *window,
                      const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gls_window_open_file (window, file);
  gls_test_wait_until (gls_test_window_is_loaded, window, 30);
  gls_test_drain ();
}
