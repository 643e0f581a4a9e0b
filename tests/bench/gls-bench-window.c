/* gls-bench-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window at scale: opens a glossary in the real window, types queries
 * into its search entry at a person's pace and scrolls its list from top to
 * bottom, and reports how long the main loop was ever kept from running,
 * and how much of that time the main thread was working rather than waiting.
 * A stall longer than a frame (16.7 ms at 60 Hz) is one a person can see.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <time.h>

#include "gls-bench-stats.h"
#include "gls-bench-window.h"
#include "gls-resources.h"
#include "gls-window-private.h"

#define PROBE_MS          4
#define KEYSTROKE_MS      120
#define N_QUERIES         30
#define SCROLL_STEPS      120

/* The longest gap between two runs of a probe that asks to run every
 * PROBE_MS: anything over PROBE_MS is time the main loop did not run.  Of
 * that gap, the processor time the main thread used is the part its own
 * work took; the rest it waited, to be woken or for a processor.
 */
typedef struct
{
  gint64 last;
  gint64 last_cpu;
  gint64 max_stall;
  gint64 max_busy;
} Probe;

static Probe probe;

/* The longest frame: from the frame clock's layout phase to its paint's end. */
static gint64 frame_started;
static gint64 max_frame;

static void
on_layout_cb (GdkFrameClock *clock)
{
  frame_started = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock)
{
  if (frame_started != 0)
    max_frame = MAX (max_frame, g_get_monotonic_time () - frame_started);
  frame_started = 0;
}

/* Returns: the processor time the calling thread used, in microseconds */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gboolean
on_probe_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 now_cpu = thread_cpu_time ();

  if (probe.last != 0)
    {
      probe.max_stall = MAX (probe.max_stall, now - probe.last - PROBE_MS * 1000);
      probe.max_busy = MAX (probe.max_busy, now_cpu - probe.last_cpu);
    }
  probe.last = now;
  probe.last_cpu = now_cpu;
  return G_SOURCE_CONTINUE;
}

static void
probe_reset (void)
{
  probe.last = 0;
  probe.max_stall = 0;
  probe.max_busy = 0;
  max_frame = 0;
}

static void
run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
is_loading (GlsWindow *window)
{
  return gls_window_get_loading (window);
}

/* Queries as people type them: the start of names of the glossary. */
static GPtrArray *
make_queries (GlsGlossary *glossary)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  guint n_terms = gls_glossary_get_n_terms (glossary);

  for (guint i = 0; i < N_QUERIES && n_terms > 0; i++)
    {
      GlsTerm *term = gls_glossary_get_term (glossary, (guint) ((guint64) i * 7919 * 104729 % n_terms));
      const char *name = gls_term_get_name (term);

      g_ptr_array_add (queries, g_utf8_substring (name, 0, MIN (g_utf8_strlen (name, -1), 12)));
    }
  return queries;
}

int
gls_bench_window (char **arguments)
{
  g_autoptr(GtkApplication) application = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (arguments[0]);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  GtkAdjustment *adjustment;
  GlsWindow *window;
  gint64 started;
  gint64 typing_stall = 0;
  gint64 typing_busy = 0;
  guint n_keystrokes = 0;
  g_autoptr(GArray) stalls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sorted_stalls = NULL;
  g_autofree char *slowest_query = NULL;
  double slowest_stall = -1;
  double slowest_busy = 0;

  if (!gtk_init_check ())
    {
      g_printerr ("gls-bench: window needs a display; try xvfb-run -a dbus-run-session --\n");
      return 1;
    }
  gls_register_resource ();
  application = gtk_application_new ("io.github.cxglossary.Glossary.Bench",
                                     G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    {
      g_printerr ("gls-bench: %s\n", error->message);
      return 1;
    }

  window = gls_window_new (application, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  run_for (500);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "layout",
                    G_CALLBACK (on_layout_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint_cb), NULL);
  g_timeout_add_full (G_PRIORITY_HIGH, PROBE_MS, on_probe_cb, NULL, NULL);

  /* Opening: the file loads on a worker thread behind a progress bar. */
  probe_reset ();
  started = g_get_monotonic_time ();
  gls_window_open_file (window, file);
  while (is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  if (gls_window_get_glossary (window) == NULL)
    {
      g_printerr ("gls-bench: “%s” did not open\n", arguments[0]);
      return 1;
    }
  g_print ("# %s: %u terms\n", arguments[0], gls_glossary_get_n_terms (gls_window_get_glossary (window)));
  g_print ("window.open %.0f ms\n", (g_get_monotonic_time () - started) / 1000.0);
  run_for (300);
  g_print ("window.open.max_stall %.1f ms\n", probe.max_stall / 1000.0);
  g_print ("window.open.max_busy %.1f ms\n", probe.max_busy / 1000.0);
  g_print ("window.open.max_frame %.1f ms\n", max_frame / 1000.0);

  /* Typing: a keystroke every KEYSTROKE_MS, whether the last search is done
   * or not, as a person types.
   */
  queries = make_queries (gls_window_get_glossary (window));
  probe_reset ();
  for (guint q = 0; q < queries->len; q++)
    {
      const char *query = g_ptr_array_index (queries, q);
      glong length = g_utf8_strlen (query, -1);

      for (glong n = 1; n <= length; n++)
        {
          g_autofree char *typed = g_utf8_substring (query, 0, n);
          double stall;

          typing_stall = MAX (typing_stall, probe.max_stall);
          typing_busy = MAX (typing_busy, probe.max_busy);
          probe.max_stall = 0;
          probe.max_busy = 0;
          gtk_editable_set_text (GTK_EDITABLE (window->search_entry), typed);
          n_keystrokes++;
          run_for (KEYSTROKE_MS);
          stall = probe.max_stall / 1000.0;
          g_array_append_val (stalls, stall);
          if (stall > slowest_stall)
            {
              slowest_stall = stall;
              slowest_busy = probe.max_busy / 1000.0;
              g_free (slowest_query);
              slowest_query = g_steal_pointer (&typed);
            }
        }
      while (gls_result_list_get_searching (window->results))
        g_main_context_iteration (NULL, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
      run_for (KEYSTROKE_MS);
    }
  typing_stall = MAX (typing_stall, probe.max_stall);
  typing_busy = MAX (typing_busy, probe.max_busy);
  sorted_stalls = gls_bench_sorted_copy (stalls);
  g_print ("# %u queries, %u keystrokes, one every %d ms\n", queries->len, n_keystrokes,
           KEYSTROKE_MS);
  g_print ("# the longest stall after a keystroke: %.1f ms for “%s”; the main thread worked "
           "at most %.1f ms between two probes then\n",
           slowest_stall, slowest_query ? slowest_query : "", slowest_busy);
  g_print ("window.typing.stall.p50 %.1f ms\n", gls_bench_percentile (sorted_stalls, 0.5));
  g_print ("window.typing.stall.p95 %.1f ms\n", gls_bench_percentile (sorted_stalls, 0.95));
  g_print ("window.typing.max_stall %.1f ms\n", typing_stall / 1000.0);
  g_print ("window.typing.max_busy %.1f ms\n", typing_busy / 1000.0);
  g_print ("window.typing.max_frame %.1f ms\n", max_frame / 1000.0);

  /* Scrolling the whole list, top to bottom. */
  while (gls_result_list_get_searching (window->results))
    g_main_context_iteration (NULL, TRUE);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->list_view));
  probe_reset ();
  for (guint step = 0; step <= SCROLL_STEPS; step++)
    {
      double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, range * step / SCROLL_STEPS);
      run_for (17);
    }
  g_print ("window.scroll.max_stall %.1f ms\n", probe.max_stall / 1000.0);
  g_print ("window.scroll.max_busy %.1f ms\n", probe.max_busy / 1000.0);
  g_print ("window.scroll.max_frame %.1f ms\n", max_frame / 1000.0);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
