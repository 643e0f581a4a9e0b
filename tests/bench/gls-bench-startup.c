/* gls-bench-startup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Startup: the time from starting a process to the first frame painted of
 * the real window showing the bundled glossary, against a bare GtkWindow
 * measured the same way in the same run.  Each measurement is a fresh
 * process; the two kinds alternate so that a busy moment hits both.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>

#include "gls-application.h"
#include "gls-bench-startup.h"
#include "gls-bench-stats.h"
#include "gls-window.h"

#define STARTUP_RUNS 21

static gboolean painted;
static guint n_frames;

/* Where the time goes, on standard error: milliseconds since the process
 * started its main function.
 */
static gint64 main_started;

static void
phase (const char *name)
{
  g_printerr ("# %-24s %7.1f ms\n", name, (g_get_monotonic_time () - main_started) / 1000.0);
}

/* The first frame after the window showed the glossary: report and leave. */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWidget     *window)
{
  n_frames++;
  if (painted)
    return;
  if (GLS_IS_WINDOW (window) && gls_window_get_glossary (GLS_WINDOW (window)) == NULL)
    {
      phase ("frame without glossary");
      return;
    }
  painted = TRUE;
  phase ("first frame");
  g_print ("painted %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  /* What happens after the first frame is not part of startup. */
  _exit (0);
}

static void
on_window_map_cb (GtkWidget *window)
{
  phase ("map");
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), window);
}

static void
on_glossary_cb (GObject *window)
{
  phase ("glossary shown");
}

static void
on_window_added_cb (GtkApplication *application,
                    GtkWindow      *window)
{
  phase ("window made");
  g_signal_connect (window, "notify::glossary", G_CALLBACK (on_glossary_cb), NULL);
  g_signal_connect (window, "map", G_CALLBACK (on_window_map_cb), NULL);
}

static int
run_window (void)
{
  g_autoptr(GlsApplication) application = gls_application_new ();
  char *argv[] = { (char *) "glossary", NULL };

  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added_cb), NULL);
  g_signal_connect_swapped (application, "startup", G_CALLBACK (phase), (gpointer) "startup done");
  return g_application_run (G_APPLICATION (application), 1, argv);
}

static int
run_bare (void)
{
  GtkWidget *window;

  gtk_init ();
  phase ("gtk_init done");
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  g_signal_connect (window, "map", G_CALLBACK (on_window_map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 1;
}

/* `gls-bench startup-child window|bare`, run by the startup command. */
int
gls_bench_startup_child (char **arguments)
{
  main_started = g_get_monotonic_time ();
  if (g_strcmp0 (arguments[0], "window") == 0)
    return run_window ();
  if (g_strcmp0 (arguments[0], "bare") == 0)
    return run_bare ();
  return 2;
}

/* Returns: milliseconds from spawning the child to its first frame, or -1 */
static double
measure (const char *self,
         const char *kind)
{
  const char *argv[] = { self, "startup-child", kind, NULL };
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  gint64 started;
  gint64 painted_at;

  started = g_get_monotonic_time ();
  child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  if (child == NULL || !g_subprocess_communicate_utf8 (child, NULL, NULL, &output, NULL, &error))
    {
      g_printerr ("gls-bench: %s\n", error->message);
      return -1;
    }
  if (output == NULL || sscanf (output, "painted %" G_GINT64_FORMAT, &painted_at) != 1)
    {
      g_printerr ("gls-bench: the %s never painted a frame\n", kind);
      return -1;
    }
  return (painted_at - started) / 1000.0;
}

/* `gls-bench startup`: needs a display (xvfb-run is enough). */
int
gls_bench_startup (char **arguments)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GArray) unsorted_window = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) unsorted_bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) window_times = NULL;
  g_autoptr(GArray) bare_times = NULL;
  double window_median;
  double bare_median;

  if (self == NULL || (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL))
    {
      g_printerr ("gls-bench: startup needs a display; try xvfb-run -a dbus-run-session --\n");
      return 1;
    }

  /* One of each first, unmeasured, so that both start with warm caches. */
  if (measure (self, "window") < 0 || measure (self, "bare") < 0)
    return 1;
  for (guint run = 0; run < STARTUP_RUNS; run++)
    {
      double window_ms = measure (self, "window");
      double bare_ms = measure (self, "bare");

      if (window_ms < 0 || bare_ms < 0)
        return 1;
      g_array_append_val (unsorted_window, window_ms);
      g_array_append_val (unsorted_bare, bare_ms);
    }

  window_times = gls_bench_sorted_copy (unsorted_window);
  bare_times = gls_bench_sorted_copy (unsorted_bare);
  window_median = gls_bench_percentile (window_times, 0.5);
  bare_median = gls_bench_percentile (bare_times, 0.5);
  g_print ("# %u runs of each, alternating; renderer %s\n", STARTUP_RUNS,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("startup.window.median %.1f ms\n", window_median);
  g_print ("startup.window.min %.1f ms\n", g_array_index (window_times, double, 0));
  g_print ("startup.bare.median %.1f ms\n", bare_median);
  g_print ("startup.bare.min %.1f ms\n", g_array_index (bare_times, double, 0));
  g_print ("startup.ratio %.2f x\n", window_median / bare_median);
  return 0;
}
